"""Look and language: the bundled font, icons, the style sheet and Qt translations."""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from desktop.paths import resource_path

log = logging.getLogger(__name__)
FONT_FILE = ("fonts", "stationdesk-cjk.ttf")
LANGUAGES = {"zh_CN": "中文", "en": "English"}


def load_font(app: QApplication) -> str:
    """Load the shipped CJK font (without it Qt draws boxes on machines with no CJK font)."""
    font_id = QFontDatabase.addApplicationFont(str(resource_path(*FONT_FILE)))
    if font_id < 0:
        log.error("could not load %s", resource_path(*FONT_FILE))
        return app.font().family()
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    font = QFont(family, 10)
    app.setFont(font)
    return family


@cache
def icon(name: str) -> QIcon:
    return QIcon(str(resource_path("icons", f"{name}.svg")))


def apply_style(app: QApplication) -> None:
    path = resource_path("styles", "app.qss")
    if path.exists():
        app.setStyleSheet(path.read_text(encoding="utf-8"))


_installed: list[QTranslator] = []
_current = ["zh_CN"]


def current_language() -> str:
    """The language the interface is showing now (from --lang or the saved choice)."""
    return _current[0]


def install_language(app: QCoreApplication, lang: str) -> None:
    """Sources are Chinese (zh_CN needs nothing); English comes from stationdesk_en.qm."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    _current[0] = "zh_CN" if lang.startswith("zh") else lang
    if lang.startswith("zh"):
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        _install_qt_chinese(app)
        return
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    translator = QTranslator(app)
    if translator.load(str(resource_path("translations", f"stationdesk_{lang}.qm"))):
        app.installTranslator(translator)
        _installed.append(translator)
    else:
        log.warning("no translation for %s", lang)


def _install_qt_chinese(app: QCoreApplication) -> None:
    """Qt's own texts (the buttons of message boxes, file and print dialogs) in Chinese, from
    the qtbase_zh_CN.qm that ships with PySide6 (and in the bundle)."""
    from PySide6 import __file__ as pyside_init
    from PySide6.QtCore import QLibraryInfo

    folders = [
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        str(Path(pyside_init).parent / "Qt" / "translations"),
    ]
    translator = QTranslator(app)
    for folder in folders:
        if translator.load("qtbase_zh_CN", folder):
            app.installTranslator(translator)
            _installed.append(translator)
            return
    log.warning("Qt's Chinese translations were not found; its dialogs show English buttons")


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)
