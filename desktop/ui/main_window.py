"""The main window: navigation on the left, one page per screen, sync and user in the status bar.

Pages are built the first time they are shown, so the window paints before the heavy imports.
Nothing here touches the Qt namespace class (PySide builds its 93 enums, ~14 ms, on first use):
the first frame does not need it, the login dialog right after does.
Every page gets the data-changed broadcast and decides for itself whether to refresh.
"""

from __future__ import annotations

import importlib
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QSize, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPaintEvent, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from .state import AppState
from .theme import icon


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - marks text for lupdate
    return text


# key, label, icon, "module:Class"
PAGES = [
    ("dashboard", QT_TRANSLATE_NOOP("nav", "工作台"), "dashboard", "dashboard:DashboardPage"),
    ("members", QT_TRANSLATE_NOOP("nav", "会员"), "members", "members:MembersPage"),
    ("visits", QT_TRANSLATE_NOOP("nav", "走访"), "visits", "visits:VisitsPage"),
    ("relief", QT_TRANSLATE_NOOP("nav", "帮扶发放"), "relief", "relief:ReliefPage"),
    ("campaign", QT_TRANSLATE_NOOP("nav", "集中发放"), "relief", "campaign:CampaignPage"),
    ("log", QT_TRANSLATE_NOOP("nav", "工作日志"), "log", "station_log:StationLogPage"),
    ("month", QT_TRANSLATE_NOOP("nav", "月结"), "month", "month_end:MonthEndPage"),
    ("sync", QT_TRANSLATE_NOOP("nav", "同步"), "sync", "sync_page:SyncPage"),
    ("conflicts", QT_TRANSLATE_NOOP("nav", "冲突处理"), "conflict", "conflicts:ConflictsPage"),
    ("cases", QT_TRANSLATE_NOOP("nav", "维权个案"), "log", "cases:CasesPage"),  # issue 17
    ("intake", QT_TRANSLATE_NOOP("nav", "入会登记"), "add", "intake:IntakePage"),  # issue 17
    ("hardship", QT_TRANSLATE_NOOP("nav", "困难档案"), "members", "hardship:HardshipPage"),
    ("students", QT_TRANSLATE_NOOP("nav", "金秋助学"), "relief", "students:StudentsPage"),
    ("settings", QT_TRANSLATE_NOOP("nav", "设置"), "settings", "settings:SettingsPage"),
]


DEFAULT_SIZE = QSize(1366, 768)


class MainWindow(QMainWindow):
    lock_requested = Signal()
    switch_user_requested = Signal()
    idle_minutes_changed = Signal(int)  # from the settings page, to the idle lock
    first_painted = Signal()  # once: start-up work waits for the first frame

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("工会服务站工作台"))
        self.setWindowIcon(icon("app"))
        self.resize(DEFAULT_SIZE)
        self.state: AppState | None = None
        self.pages: dict[str, QWidget] = {}
        self.nav = QListWidget()
        self.nav.setObjectName("NavList")
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setFixedWidth(150)
        for _key, label, icon_name, _target in PAGES:
            item = QListWidgetItem(icon(icon_name), QCoreApplication.translate("nav", label))
            self.nav.addItem(item)
        self.stack = QStackedWidget()
        self.placeholder = QLabel(self.tr("正在打开数据……"))
        self.placeholder.setObjectName("Placeholder")  # centred by the style sheet
        self.stack.addWidget(self.placeholder)
        self.lock_cover = QLabel(self.tr("已锁定"))
        self.lock_cover.setObjectName("LockCover")
        self.stack.addWidget(self.lock_cover)
        self.locked = False
        self._painted = False
        self._before_lock: QWidget | None = None
        self._hidden_windows: list[QWidget] = []
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.nav.currentRowChanged.connect(self._on_nav)
        self.nav.setEnabled(False)
        self._build_status_bar()
        for index, (key, *_rest) in enumerate(PAGES[:8]):
            QShortcut(QKeySequence(f"Ctrl+{index + 1}"), self, lambda k=key: self.show_page(k))

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.user_label = QLabel()
        self.user_label.setContentsMargins(8, 0, 0, 0)
        self.sync_label = QLabel(self.tr("同步：—"))
        self.sync_button = QPushButton(icon("sync"), self.tr("同步"))
        self.sync_button.setFlat(True)
        self.sync_button.clicked.connect(lambda: self.show_page("sync"))
        self.lock_button = QPushButton(icon("lock"), self.tr("锁定"))
        self.lock_button.setFlat(True)
        self.lock_button.clicked.connect(self.lock_requested.emit)
        self.switch_button = QPushButton(icon("user"), self.tr("切换用户"))
        self.switch_button.setFlat(True)
        self.switch_button.clicked.connect(self.switch_user_requested.emit)
        bar.addWidget(self.user_label)
        bar.addPermanentWidget(self.sync_label)
        bar.addPermanentWidget(self.sync_button)
        bar.addPermanentWidget(self.lock_button)
        bar.addPermanentWidget(self.switch_button)

    def show_fitted(self) -> None:
        """Open inside the screen's available area (taskbar excluded, title bar included): on
        a 1366x768 screen the default size plus the frame would run under the taskbar and cut
        off the status bar, so there the window opens maximised."""
        screen = self.screen() or QApplication.primaryScreen()
        area = screen.availableGeometry() if screen else None
        if area is not None and (
            area.width() <= DEFAULT_SIZE.width() or area.height() <= DEFAULT_SIZE.height() + 40
        ):
            self.showMaximized()
            return
        self.show()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.first_painted.emit)  # after this frame is flushed

    # --- lock -----------------------------------------------------------------------------
    def set_locked(self, locked: bool, *, restore: bool = True) -> None:
        """Cover the screens (and hide open dialogs) while locked; on unlock by the same
        user bring back the page and the dialogs. A dialog run with exec() (a question, a file
        or print dialog) is cancelled by hiding it and is not brought back."""
        if locked == self.locked:
            return
        self.locked = locked
        for control in (self.nav, self.lock_button, self.switch_button, self.sync_button):
            control.setEnabled(not locked)
        if locked:
            self._before_lock = self.stack.currentWidget()
            self.stack.setCurrentWidget(self.lock_cover)
            self._hidden_windows = [
                w for w in QApplication.topLevelWidgets() if w is not self and w.isVisible()
            ]
            for widget in self._hidden_windows:
                widget.hide()
            return
        hidden, self._hidden_windows = self._hidden_windows, []
        before, self._before_lock = self._before_lock, None
        if not restore:
            for widget in hidden:
                if shiboken6.isValid(widget):
                    widget.close()
            return
        if before is not None and shiboken6.isValid(before):
            self.stack.setCurrentWidget(before)
        for widget in hidden:
            if shiboken6.isValid(widget):
                widget.show()

    # --- state --------------------------------------------------------------------------
    def set_state(self, state: AppState) -> None:
        """Called after login (and after a user switch): rebuild pages for the new actor."""
        self.set_locked(False, restore=False)  # the previous user's dialogs go
        self.state = state
        for page in self.pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages.clear()
        station = state.extra.get("station_name", "")
        role = state.extra.get("role_label", "")
        who = self.tr("%1（%2）").replace("%1", state.actor.display_name).replace("%2", role)
        self.user_label.setText(f"{station}  ·  {who}")
        self.setWindowTitle(self.tr("工会服务站工作台") + (f" — {station}" if station else ""))
        if not self.property("bridged"):
            state.bridge.changed.connect(self._on_changed)
            self.setProperty("bridged", True)
        self.nav.setEnabled(True)
        self.refresh_sync_indicator()
        if self.nav.currentRow() == 0:
            self._on_nav(0)
        else:
            self.nav.setCurrentRow(0)

    def show_page(self, key: str) -> QWidget | None:
        for row, (page_key, *_rest) in enumerate(PAGES):
            if page_key == key:
                self.nav.setCurrentRow(row)
                return self.pages.get(key)
        return None

    def page(self, key: str) -> QWidget:
        if key not in self.pages:
            assert self.state is not None
            target = next(t for k, _l, _i, t in PAGES if k == key)
            module_name, class_name = target.split(":")
            module = importlib.import_module(f"desktop.ui.{module_name}")
            page = getattr(module, class_name)(self.state, self)
            if hasattr(page, "navigate"):
                page.navigate.connect(self.show_page)
            if hasattr(page, "idle_changed"):
                page.idle_changed.connect(self.idle_minutes_changed)
            self.pages[key] = page
            self.stack.addWidget(page)
        return self.pages[key]

    def _on_nav(self, row: int) -> None:
        if self.state is None or row < 0:
            return
        page = self.page(PAGES[row][0])
        self.stack.setCurrentWidget(page)
        if getattr(page, "dirty", False) and hasattr(page, "refresh"):
            page.refresh()

    def _on_changed(self, entities: Any) -> None:
        self.refresh_sync_indicator()  # pages listen to the bridge themselves

    def refresh_sync_indicator(self) -> None:
        if self.state is None:
            return
        from desktop.services import ui_queries

        state = self.state
        state.ops.query(ui_queries.sync_overview, state.ctx).success(self._show_sync).run()

    def _show_sync(self, overview: Any) -> None:
        text = self.tr("待同步 %n 条", "", overview.pending)
        if overview.last_sync:
            text += self.tr("  ·  上次同步 %1").replace("%1", overview.last_sync)
        else:
            text += self.tr("  ·  尚未同步")
        if overview.errors:
            text += self.tr("  ·  %n 条出错", "", overview.errors)
        self.sync_label.setText(text)
