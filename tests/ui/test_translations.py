"""English interface: the shipped .ts covers every UI string, the .qm is current, and the
main window really shows English with --lang en or the Settings language choice."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton

from desktop.paths import resource_path
from desktop.ui.main_window import MainWindow
from desktop.ui.theme import install_language

from .test_english_mode import _go

ROOT = Path(__file__).resolve().parents[2]
TS = resource_path("translations", "stationdesk_en.ts")
QM = resource_path("translations", "stationdesk_en.qm")
BIN = Path(sys.executable).parent
MAKER = ROOT / "scripts" / "make_translations.py"
CJK = re.compile(r"[\u3400-\u9fff\uff00-\uffef]")


@pytest.fixture
def english(qapp):
    install_language(qapp, "en")
    yield qapp
    install_language(qapp, "zh_CN")


@pytest.fixture
def temp_settings(tmp_path, monkeypatch):
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    monkeypatch.setattr("desktop.ui.app.settings", lambda: store)
    return store


def _messages(path: Path) -> dict[tuple[str, str], str]:
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            done = translation is not None and translation.get("type") is None
            text = "".join(translation.itertext()).strip() if translation is not None else ""
            text = text if done else ""
            found[(context.findtext("name", ""), message.findtext("source", ""))] = text
    return found


def _texts(widget) -> set[str]:
    return {w.text() for w in widget.findChildren(QLabel) + widget.findChildren(QPushButton)}


def _make_translations():
    spec = importlib.util.spec_from_file_location("make_translations", MAKER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_ui_string_has_an_english_translation(tmp_path):
    """UI strings and the domain labels the UI shows (enum labels, member field names)."""
    fresh = tmp_path / "fresh.ts"
    sources = _make_translations().sources(tmp_path)
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), *sources, "-silent", "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    shipped = _messages(TS)
    missing = [key for key in _messages(fresh) if not shipped.get(key)]
    assert not missing, f"run scripts/make_translations.py and translate: {missing}"


def test_shipped_qm_is_compiled_from_the_ts(tmp_path):
    qm = tmp_path / "en.qm"
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), "-silent", str(TS), "-qm", str(qm)],
        check=True,
        capture_output=True,
    )
    assert qm.read_bytes() == QM.read_bytes(), "run scripts/make_translations.py"


def test_main_window_in_english(qtbot, state, english):
    window = MainWindow()
    qtbot.addWidget(window)
    window.set_state(state)
    nav = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert nav[:4] == ["Dashboard", "Members", "Visits", "Relief"]
    assert "Settings" in nav
    assert window.windowTitle().startswith("Union Service Station Desk")
    assert window.lock_button.text() == "Lock"
    assert "waiting to sync" in window.sync_label.text()
    dashboard = window.pages["dashboard"]
    texts = _texts(dashboard)
    assert {"Dashboard", "Visits this month", "Quick actions", "Sync now"} <= texts
    assert not any("本月" in t for t in texts)
    window.show()
    settings_page = _go(window, "settings")
    assert {"Settings", "Interface language", "Back up now"} <= _texts(settings_page)
    assert settings_page.language.currentData() == "en"  # the language in use, not the default


def test_settings_language_choice_is_used_at_next_start(qtbot, state, temp_settings, qapp):
    from desktop.ui import app as ui_app
    from desktop.ui.settings import SettingsPage

    page = SettingsPage(state)
    qtbot.addWidget(page)
    page.language.setCurrentIndex(page.language.findData("en"))
    assert temp_settings.value("language") == "en"
    try:
        ui_app.make_app()  # no --lang: the saved choice
        window = MainWindow()
        qtbot.addWidget(window)
        assert window.lock_button.text() == "Lock"
    finally:
        install_language(qapp, "zh_CN")
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.lock_button.text() == "锁定"


def test_every_enum_label_and_field_name_has_english(english):
    from contract.enums import LABELS
    from desktop.services.members import FIELD_LABELS
    from desktop.ui.labels import enum_table, field_text

    untranslated = [k for k, text in enum_table().items() if CJK.search(text)]
    assert not untranslated, f"run scripts/make_translations.py and translate: {untranslated}"
    fields = [k for k in FIELD_LABELS if CJK.search(field_text(k))]
    assert not fields, fields
    assert enum_table()["Role.station_head"] == "Station head"
    assert LABELS["Role.station_head"] == "站长"  # the domain keeps Chinese (receipts, CLI)


def _combo_texts(widget) -> dict[str, list[str]]:
    found = {}
    for combo in widget.findChildren(QComboBox):
        if combo.objectName() == "LanguageChoice":
            continue  # each language is named in itself (中文 / English)
        texts = [combo.itemText(i) for i in range(combo.count())]
        found[f"{type(widget).__name__}:{combo.objectName() or id(combo)}"] = texts
    return found


def test_combo_boxes_show_english_labels(qtbot, head_state, english):
    """Every combo box on every screen (and the member form) is free of Chinese in English
    mode: an enum label left untranslated in a combo fails here."""
    from desktop.ui.member_form import MemberForm

    window = MainWindow()
    qtbot.addWidget(window)
    window.set_state(head_state)
    window.show()
    combos: dict[str, list[str]] = {}
    for key, *_rest in __import__("desktop.ui.main_window", fromlist=["PAGES"]).PAGES:
        combos.update(_combo_texts(_go(window, key)))
    form = MemberForm(head_state, None)
    qtbot.addWidget(form)
    combos.update(_combo_texts(form))
    shown = [text for texts in combos.values() for text in texts]
    assert "Station head" in shown and "Home visit" in shown and "Courier" in shown
    chinese = {name: [t for t in texts if CJK.search(t)] for name, texts in combos.items()}
    chinese = {name: texts for name, texts in chinese.items() if texts}
    assert not chinese, chinese


def test_member_page_in_english_shows_english_labels(qtbot, state, english):
    """Field names, enum values and the timeline's visit type come through translate()."""
    from desktop.services import members, visits
    from desktop.ui.member_page import MemberDialog

    member = members.add_member(
        state.ctx, members.MemberInput(name="张三", id_number="11010519491231002X")
    )
    visits.add_visit(
        state.ctx, visits.VisitInput(member_ids=[member.id], visit_type="home", purpose="慰问")
    )
    dialog = MemberDialog(state, member.id)
    qtbot.addWidget(dialog)
    assert dialog.values["gender"].text() == "Female"  # from the ID number
    assert "Gender" in _texts(dialog)
    assert dialog.timeline.topLevelItem(0).text(1) == "Visit·Home visit"


def test_qt_own_dialog_buttons_are_chinese_by_default(qapp):
    """Message boxes, file and print dialogs use Qt's texts: they come from qtbase_zh_CN.qm."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QDialogButtonBox

    install_language(qapp, "zh_CN")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    texts = {b.text().replace("&", "") for b in box.buttons()}
    assert any(CJK.search(t) for t in texts), texts
    install_language(qapp, "en")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    install_language(qapp, "zh_CN")


def test_shipped_service_templates_are_current():
    """The bundle has no sources: the domain's message templates travel as a JSON file."""
    import json

    shipped = json.loads(resource_path("translations", "service_templates.json").read_text("utf-8"))
    assert shipped == _make_translations().service_templates(), "run scripts/make_translations.py"
    assert "{0} 今年已领取“{1}”{2} 次，超过每年 {3} 次的上限" in shipped
    assert not any("王李张刘" in t for t in shipped)  # demo data (fake names) is not scanned
