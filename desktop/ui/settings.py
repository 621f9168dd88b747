"""设置, in tabs: station details and staff (settings_station), fund programs (programs), the
district server (settings_sync), and this computer: receipt format, printer, language, idle lock,
data folder, backup and restore, the about box."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QWidget,
)

from .about import AboutDialog
from .page import Page
from .programs import ProgramsCard
from .settings_station import StaffCard, StationCard
from .settings_sync import SyncSettingsCard
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
    watches = frozenset({"station", "staff", "fund_program", "program_budget", "sync"})
    idle_changed = Signal(int)

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        from .app import settings

        self.qsettings = settings()
        self.station = StationCard(state)
        self.staff = StaffCard(state)
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
        self.printer = QComboBox()
        self.printer.setObjectName("PrinterChoice")
        self.printer.addItem(self.tr("系统默认打印机"), "")
        for name in QPrinterInfo.availablePrinterNames():
            self.printer.addItem(name, name)
        saved = str(self.qsettings.value("printer", ""))
        if saved and self.printer.findData(saved) < 0:
            self.printer.addItem(self.tr("%1（未连接）").replace("%1", saved), saved)
        self.printer.setCurrentIndex(max(0, self.printer.findData(saved)))
        self.printer.currentIndexChanged.connect(
            lambda _i: self.qsettings.setValue("printer", self.printer.currentData())
        )
        self.language = QComboBox()
        self.language.setObjectName("LanguageChoice")
        for key, label in LANGUAGES.items():
            self.language.addItem(label, key)
        self.language.setCurrentIndex(max(0, self.language.findData(current_language())))
        self.language.currentIndexChanged.connect(self._language)
        self.idle = QSpinBox()
        self.idle.setRange(1, 120)
        self.idle.setSuffix(self.tr(" 分钟"))
        self.idle.setValue(int(str(self.qsettings.value("idle_minutes", 10))))
        self.idle.valueChanged.connect(self._idle_minutes)
        form.addRow(self.tr("收据格式"), self.receipt_format)
        form.addRow(self.tr("打印机"), self.printer)
        form.addRow(self.tr("界面语言"), self.language)
        form.addRow(self.tr("无操作自动锁定"), self.idle)
        self.note = QLabel()
        self.note.setWordWrap(True)
        form.addRow(self.note)
        prefs.body.addLayout(form)
        prefs.body.addStretch(1)
        data = self._data_card(state)
        self.programs = ProgramsCard(state)
        self.sync = SyncSettingsCard(state)
        self.tabs = QTabWidget()
        self.tabs.addTab(
            self._side_by_side((self.station, 1), (self.staff, 1)), self.tr("服务站与人员")
        )
        self.tabs.addTab(self.programs, self.tr("帮扶项目"))
        self.tabs.addTab(
            self._side_by_side((self.sync, 3), (self._sync_help(), 2)), self.tr("同步")
        )
        self.tabs.addTab(self._side_by_side((prefs, 1), (data, 1)), self.tr("本机与数据"))
        self.layout_.addWidget(self.tabs, 1)
        self.refresh()

    def _sync_help(self) -> Card:
        card = Card(self.tr("说明"))
        text = QLabel(
            self.tr(
                "登记：区总工会在“服务站与人员”中为本站生成一次性登记码，站长填入服务器地址和登记码，"
                "点“登记”。登记后帮扶项目由区总工会下发，本站只读。\n\n"
                "换电脑或令牌失效时，向区总工会要一个新的登记码，点“重新登记”即可，本站数据不受影响。\n\n"
                "没有网络时：在“同步”页导出同步文件，用 U 盘带到区总工会导入，再把回执文件带回导入。"
            )
        )
        text.setWordWrap(True)
        card.body.addWidget(text)
        card.body.addStretch(1)
        return card

    @staticmethod
    def _side_by_side(*parts: tuple[QWidget, int]) -> QWidget:
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 8, 0, 0)
        for widget, stretch in parts:
            row.addWidget(widget, stretch)
        return holder

    def _data_card(self, state: AppState) -> Card:
        data = Card(self.tr("数据"))
        self.folder = QLabel(str(state.db_path))
        self.folder.setWordWrap(True)
        data.body.addWidget(QLabel(self.tr("数据文件：")))
        data.body.addWidget(self.folder)
        open_folder = QPushButton(self.tr("打开数据文件夹"))
        open_folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(state.db_path.parent)))
        )
        self.backup_button = QPushButton(self.tr("立即备份"))
        self.backup_button.clicked.connect(self.backup)
        self.restore_button = QPushButton(self.tr("从备份恢复…"))
        self.restore_button.clicked.connect(self.choose_restore)
        self.restore_button.setEnabled(state.is_head)
        self.about_button = QPushButton(self.tr("关于工作台"))
        self.about_button.clicked.connect(self.show_about)
        for button in (open_folder, self.backup_button, self.restore_button):
            data.body.addWidget(button)
        self.data_status = QLabel()
        self.data_status.setWordWrap(True)
        data.body.addWidget(self.data_status)
        data.body.addStretch(1)
        data.body.addWidget(self.about_button)
        return data

    def refresh(self) -> None:
        super().refresh()
        self.state.ops.query(self.state.ctx.station).success(self.station.show_station).run()
        self.staff.refresh()
        self.programs.refresh()
        self.sync.refresh()

    def show_about(self) -> AboutDialog:
        dialog = AboutDialog(self.state.db_path, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _idle_minutes(self, minutes: int) -> None:
        self.qsettings.setValue("idle_minutes", minutes)
        self.idle_changed.emit(minutes)

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
