"""无网络同步: export pending changes to an encrypted file for the district, and import the
district's reply file (desktop/sync/filetransfer.py; the CLI twin is `stationdesk sync export`
/ `import`). Both run on the ops helper; a refused file is explained here, in Chinese."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from .errors import show_error, user_message
from .state import AppState
from .widgets import Card

SUFFIX = ".sdsync"


class FileSyncCard(Card):
    """finished carries a one-line summary for the page's history list."""

    finished = Signal(str)

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("无网络同步（加密文件）"), parent)
        self.state = state
        hint = QLabel(
            self.tr(
                "没有网络时：导出同步文件，用 U 盘带到区总工会导入；"
                "再把区总工会给的回执文件带回本站导入。重复导入不会产生重复数据。"
            )
        )
        hint.setWordWrap(True)
        self.body.addWidget(hint)
        row = QHBoxLayout()
        self.export_button = QPushButton(self.tr("导出同步文件…"))
        self.export_button.clicked.connect(self.choose_export)
        self.import_button = QPushButton(self.tr("导入回执文件…"))
        self.import_button.clicked.connect(self.choose_import)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # the file functions report no steps: a busy bar
        self.progress.setTextVisible(False)
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        row.addWidget(self.export_button)
        row.addWidget(self.import_button)
        row.addWidget(self.progress)
        row.addStretch(1)
        self.body.addLayout(row)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.body.addWidget(self.status)
        self.error = QLabel()
        self.error.setObjectName("FieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.body.addWidget(self.error)

    # --- choosing files ---------------------------------------------------------------------
    def choose_export(self) -> None:
        code = str(self.state.extra.get("station_code", "") or "station")
        name = f"{code}-{dt.date.today():%Y%m%d}{SUFFIX}"
        folder = Path.home()
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出同步文件"), str(folder / name), self.tr("同步文件 (*.sdsync)")
        )
        if path:
            self.export_to(Path(path) if Path(path).suffix else Path(path + SUFFIX))

    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("选择区总工会的回执文件"),
            str(Path.home()),
            self.tr("同步文件 (*.sdsync);;所有文件 (*)"),
        )
        if path:
            self.import_from(Path(path))

    # --- running ----------------------------------------------------------------------------
    def export_to(self, path: Path) -> None:
        engine = self.state.engine

        def work(job: Any) -> Any:
            from desktop.sync.filetransfer import export_file  # imported off the GUI thread

            job.progress(0, 0, "export")
            return export_file(engine, path)

        self._start(self.tr("正在导出同步文件……"))
        self.state.ops.task(work).success(self._exported).failure(self._failed).run()

    def import_from(self, path: Path) -> None:
        engine = self.state.engine

        def work(job: Any) -> Any:
            from desktop.sync.filetransfer import import_reply

            job.progress(0, 0, "import")
            return import_reply(engine, path)

        self._start(self.tr("正在导入回执文件……"))
        self.state.ops.task(work).success(self._imported).failure(self._failed).run()

    def _start(self, text: str) -> None:
        self.error.hide()
        self.status.setText(text)
        self.progress.show()
        self.export_button.setEnabled(False)
        self.import_button.setEnabled(False)

    def _stop(self) -> None:
        self.progress.hide()
        self.export_button.setEnabled(True)
        self.import_button.setEnabled(True)

    def _exported(self, result: Any) -> None:
        self._stop()
        text = self.tr(
            "已导出 %1 条待上传变更到 %2。请带到区总工会导入，再把回执文件带回本站导入。"
        )
        text = text.replace("%1", str(result.mutations)).replace("%2", str(result.path))
        self.status.setText(text)
        self.finished.emit(self.tr("导出同步文件：%1 条").replace("%1", str(result.mutations)))

    def _imported(self, result: Any) -> None:
        self._stop()
        confirmed = sum(result.statuses.values())
        text = self.tr("回执已导入：确认上传 %1 条，下载 %2 条。")
        text = text.replace("%1", str(confirmed)).replace("%2", str(result.pulled))
        if result.results_skipped or result.pages_skipped:
            text += " " + self.tr("部分内容已导入过，已跳过（不会产生重复数据）。")
        self.status.setText(text)
        self.finished.emit(text)
        changed = set(result.pulled_by_entity) | {"sync"}
        self.state.bridge.changed.emit(frozenset(changed))

    def _failed(self, exc: BaseException) -> None:
        self._stop()
        message = user_message(exc)
        if message is None:
            self.status.clear()
            show_error(self, exc)
            return
        self.status.setText(self.tr("没有导入或导出任何数据。"))
        self.error.setText(message)
        self.error.show()
        self.finished.emit(self.tr("同步文件失败：%1").replace("%1", message))
