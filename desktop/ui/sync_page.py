"""同步: state, a sync button, history of this session, and per-record errors (not pop-ups)."""

from __future__ import annotations

import importlib.util
from typing import Any

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .labels import entity_text, enum_text
from .page import Page
from .service_text import translate
from .state import AppState
from .sync_file import FileSyncCard
from .widgets import Card, fit_columns


def sync_available() -> bool:
    return importlib.util.find_spec("desktop.sync.commands") is not None


class SyncPage(Page):
    title_text = "同步"
    watches = frozenset({"member", "visit", "relief", "receipt", "station_log", "month_close"})

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        bar = QHBoxLayout()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.sync_button = QPushButton(self.tr("立即同步"))
        self.sync_button.setObjectName("Primary")
        self.sync_button.clicked.connect(self.sync_now)
        self.conflicts_button = QPushButton(self.tr("处理冲突"))
        self.conflicts_button.clicked.connect(lambda: self.navigate.emit("conflicts"))
        bar.addWidget(self.status, 1)
        bar.addWidget(self.conflicts_button)
        bar.addWidget(self.sync_button)
        self.layout_.addLayout(bar)
        row = QHBoxLayout()
        records = Card(self.tr("待上传与出错的记录"))
        self.records = QTreeWidget()
        self.records.setHeaderLabels(
            [
                self.tr("序号"),
                self.tr("类别"),
                self.tr("记录"),
                self.tr("状态"),
                self.tr("次数"),
                self.tr("错误"),
            ]
        )
        self.records.setRootIsDecorated(False)
        fit_columns(self.records, stretch=5)
        records.body.addWidget(self.records)
        history = Card(self.tr("本次运行的同步记录"))
        self.history = QListWidget()
        history.body.addWidget(self.history)
        self.files = FileSyncCard(state)
        self.files.finished.connect(lambda text: self.history.insertItem(0, text))
        self.files.finished.connect(lambda _text: self.refresh())
        right = QVBoxLayout()
        right.addWidget(history, 1)
        right.addWidget(self.files)
        row.addWidget(records, 3)
        row.addLayout(right, 2)
        self.layout_.addLayout(row, 1)
        self.refresh()

    def refresh(self) -> None:
        super().refresh()
        from desktop.services import ui_queries

        def load() -> tuple[Any, Any, Any]:
            ctx = self.state.ctx
            aside: list[dict[str, str]] = []
            if sync_available():
                from desktop.sync.local import set_aside

                aside = set_aside(self.state.engine)
            return ui_queries.sync_overview(ctx), ui_queries.outbox_rows(ctx), aside

        self.state.ops.query(load).success(lambda r: self.show_data(*r)).run()

    def show_data(
        self, overview: Any, rows: list[Any], aside: list[dict[str, str]] | None = None
    ) -> None:
        if not sync_available() or not overview.server:
            text = self.tr("未配置同步服务器。") + " "
        else:
            text = self.tr("服务器：%1。").replace("%1", overview.server) + " "
        text += self.tr("待上传 %1 条，出错 %2 条，未处理冲突 %3 条；上次同步：%4。")
        for index, value in enumerate(
            (
                overview.pending,
                overview.errors,
                overview.conflicts,
                overview.last_sync or self.tr("从未"),
            ),
            start=1,
        ):
            text = text.replace(f"%{index}", str(value))
        self.status.setText(text)
        self.conflicts_button.setEnabled(overview.conflicts > 0)
        self.records.clear()
        for row in rows:
            state = enum_text("SyncState", row.state)
            QTreeWidgetItem(
                self.records,
                [
                    str(row.seq),
                    entity_text(row.entity),
                    row.row_id[-8:],
                    state,
                    str(row.attempts),
                    translate(row.last_error or ""),
                ],
            )
        for item in reversed(aside or []):  # pulled records set aside, newest first
            QTreeWidgetItem(
                self.records,
                [
                    "—",
                    entity_text(item.get("entity", "")),
                    item.get("id", "")[-8:],
                    self.tr("下载的记录未能应用，已搁置"),
                    "",
                    translate(item.get("reason", "")),
                ],
            )

    def sync_now(self) -> None:
        if not sync_available():
            self.history.insertItem(0, self.tr("未配置同步服务器"))
            return
        self.sync_button.setEnabled(False)
        self.history.insertItem(0, self.tr("正在同步……"))

        def work(job: Any) -> Any:
            from desktop.sync import commands  # httpx and the client: ~80 ms, off the GUI thread

            return commands.sync_now(
                self.state.engine, progress=lambda p: job.progress(p.done, 0, p.phase)
            )

        op = self.state.ops.task(work).with_progress(
            lambda done, _t, phase: self.history.item(0).setText(
                self.tr("正在同步……%1 %2").replace("%1", phase).replace("%2", str(done))
            )
        )
        op.success(self._done).failure(self._failed).run()

    def _done(self, result: Any) -> None:
        self.sync_button.setEnabled(True)
        self.history.item(0).setText(translate(result.summary()))
        self.state.bridge.changed.emit(frozenset({"sync"}))
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self.sync_button.setEnabled(True)
        message = translate(getattr(exc, "message", None) or str(exc)) or type(exc).__name__
        self.history.item(0).setText(self.tr("同步失败：%1").replace("%1", message))
        self.refresh()
