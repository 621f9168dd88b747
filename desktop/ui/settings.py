"""设置: station details, receipt format, language, idle lock, data folder, backup and restore."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from .page import Page
from .state import AppState
from .theme import LANGUAGES, current_language
from .widgets import Card


def QT_TRANSLATE_NOOP(_context: str, text: str) -> str:  # noqa: N802 - marks text for lupdate
    return text


FORMATS = {
    "a4": QT_TRANSLATE_NOOP("SettingsPage", "A4（两联）"),
    "a5": "A5",
    "continuous": QT_TRANSLATE_NOOP("SettingsPage", "连续纸 241×93"),
}


class SettingsPage(Page):
    title_text = "设置"

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        from .app import settings

        self.qsettings = settings()
        row = QHBoxLayout()
        station = Card(self.tr("服务站"))
        self.station_form = QFormLayout()
        station.body.addLayout(self.station_form)
        station.body.addStretch(1)
        prefs = Card(self.tr("本机设置"))
        form = QFormLayout()
        self.receipt_format = QComboBox()
        for key, label in FORMATS.items():
            self.receipt_format.addItem(self.tr(label), key)
        self.receipt_format.setCurrentIndex(
            max(0, self.receipt_format.findData(self.qsettings.value("receipt_format", "a4")))
        )
        self.receipt_format.currentIndexChanged.connect(
            lambda _i: self.qsettings.setValue("receipt_format", self.receipt_format.currentData())
        )
        self.language = QComboBox()
        for key, label in LANGUAGES.items():
            self.language.addItem(label, key)
        self.language.setCurrentIndex(max(0, self.language.findData(current_language())))
        self.language.currentIndexChanged.connect(self._language)
        self.idle = QSpinBox()
        self.idle.setRange(1, 120)
        self.idle.setSuffix(self.tr(" 分钟"))
        self.idle.setValue(int(str(self.qsettings.value("idle_minutes", 10))))
        self.idle.valueChanged.connect(lambda v: self.qsettings.setValue("idle_minutes", v))
        form.addRow(self.tr("收据格式"), self.receipt_format)
        form.addRow(self.tr("界面语言"), self.language)
        form.addRow(self.tr("无操作自动锁定"), self.idle)
        self.note = QLabel()
        self.note.setWordWrap(True)
        form.addRow(self.note)
        prefs.body.addLayout(form)
        prefs.body.addStretch(1)
        data = Card(self.tr("数据"))
        self.folder = QLabel(str(state.db_path))
        self.folder.setWordWrap(True)
        data.body.addWidget(QLabel(self.tr("数据文件：")))
        data.body.addWidget(self.folder)
        buttons = QHBoxLayout()
        open_folder = QPushButton(self.tr("打开数据文件夹"))
        open_folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(state.db_path.parent)))
        )
        self.backup_button = QPushButton(self.tr("立即备份"))
        self.backup_button.clicked.connect(self.backup)
        self.restore_button = QPushButton(self.tr("从备份恢复…"))
        self.restore_button.clicked.connect(self.choose_restore)
        self.restore_button.setEnabled(state.is_head)
        for button in (open_folder, self.backup_button, self.restore_button):
            buttons.addWidget(button)
        data.body.addLayout(buttons)
        self.data_status = QLabel()
        self.data_status.setWordWrap(True)
        data.body.addWidget(self.data_status)
        data.body.addStretch(1)
        row.addWidget(station, 1)
        right = QHBoxLayout()
        row.addWidget(prefs, 1)
        row.addWidget(data, 1)
        row.addLayout(right)
        self.layout_.addLayout(row, 1)
        self.refresh()

    def refresh(self) -> None:
        super().refresh()
        self.state.ops.query(self.state.ctx.station).success(self.show_station).run()

    def show_station(self, station: Any) -> None:
        while self.station_form.rowCount():
            self.station_form.removeRow(0)
        for label, value in (
            (self.tr("名称"), station.name),
            (self.tr("编码"), station.code),
            (self.tr("所属区"), station.district_name),
            (self.tr("发放单位"), station.union_name),
            (self.tr("地址"), station.address),
            (self.tr("电话"), station.phone),
        ):
            text = QLabel(value or "—")
            text.setWordWrap(True)
            self.station_form.addRow(label, text)

    def _language(self) -> None:
        self.qsettings.setValue("language", self.language.currentData())
        self.note.setText(self.tr("界面语言将在下次启动时生效。"))

    def backup(self) -> None:
        from desktop.store import backup

        op = self.state.ops.query(backup, self.state.db_path, reason="manual")
        op.success(
            lambda path: self.data_status.setText(self.tr("已备份到 %1").replace("%1", str(path)))
        ).run()

    def choose_restore(self) -> None:
        folder = str(self.state.db_path.parent / "backups")
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择备份文件"), folder, self.tr("数据库 (*.sqlite3)")
        )
        if path:
            self.restore(path)

    def restore(self, path: str) -> None:
        from pathlib import Path

        from desktop.store import restore

        op = self.state.ops.query(restore, Path(path), self.state.db_path)
        op.success(
            lambda _r: self.data_status.setText(
                self.tr("已恢复（恢复前的数据已另行备份）。请重新启动工作台。")
            )
        ).run()
