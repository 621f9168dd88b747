"""Roster import (导入名册): preview good and bad rows, then write in one go with progress."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .service_text import translate
from .state import AppState


class ImportDialog(QDialog):
    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state
        self.preview: Any = None
        self.op: Any = None
        self.setWindowTitle(self.tr("导入会员名册"))
        self.resize(760, 520)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.file_label = QLabel(self.tr("请选择名册文件（.xlsx 或 .csv，第一行为表头）"))
        choose = QPushButton(self.tr("选择文件…"))
        choose.clicked.connect(self.choose)
        row.addWidget(self.file_label, 1)
        row.addWidget(choose)
        layout.addLayout(row)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.bad = QTreeWidget()
        self.bad.setHeaderLabels([self.tr("行号"), self.tr("姓名"), self.tr("问题")])
        self.bad.setRootIsDecorated(False)
        self.bad.setColumnWidth(0, 60)
        self.bad.setColumnWidth(1, 100)
        layout.addWidget(self.bad, 1)
        self.progress = QProgressBar()
        self.progress.hide()
        layout.addWidget(self.progress)
        buttons = QHBoxLayout()
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.clicked.connect(self.cancel)
        self.apply_button = QPushButton(self.tr("导入正确的行"))
        self.apply_button.setObjectName("Primary")
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.apply)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.apply_button)
        layout.addLayout(buttons)

    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择名册"), "", self.tr("名册 (*.xlsx *.csv)")
        )
        if path:
            self.load(path)

    def load(self, path: str) -> None:
        from desktop.services import roster

        self.file_label.setText(path)
        self.summary.setText(self.tr("正在检查……"))
        op = self.state.ops.query(roster.preview_import, self.state.ctx, path)
        op.success(self.show_preview).failure(self._failed).run()

    def show_preview(self, preview: Any) -> None:
        self.preview = preview
        text = self.tr("新增 %1 人，更新 %2 人，无变化 %3 人，有问题 %4 行（不会导入）。")
        for index, value in enumerate(
            (len(preview.new), len(preview.updates), preview.unchanged, len(preview.bad)), start=1
        ):
            text = text.replace(f"%{index}", str(value))
        if preview.warnings:
            text += "\n" + "\n".join(translate(w) for w in preview.warnings[:5])
        self.summary.setText(text)
        self.bad.clear()
        for bad in preview.bad[:2000]:
            QTreeWidgetItem(self.bad, [str(bad.row), bad.name, translate(bad.reason)])
        notice = QCoreApplication.translate("errors", "提示")
        for row in preview.warned:  # imported all the same: unknown region code, spaces
            item = QTreeWidgetItem(
                self.bad, [str(row.row), row.name, f"[{notice}] {translate(row.reason)}"]
            )
            item.setForeground(2, QBrush(QColor("#8a5a00")))
        self.apply_button.setEnabled(bool(preview.new or preview.updates))

    def apply(self) -> None:
        from desktop.services import roster

        self.apply_button.setEnabled(False)
        self.progress.show()
        self.progress.setValue(0)

        def work(job: Any) -> Any:
            return roster.apply_import(
                self.state.ctx,
                self.preview,
                progress=lambda d, t: job.progress(d, t, ""),
                cancelled=job.cancelled,
            )

        self.op = self.state.ops.task(work).with_progress(self._progressed)
        self.op.success(self._done).failure(self._failed).run()

    def _progressed(self, done: int, total: int, _text: str) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _done(self, result: Any) -> None:
        self.op = None
        text = self.tr("已导入：新增 %1 人，更新 %2 人。").replace("%1", str(result.added))
        self.summary.setText(text.replace("%2", str(result.updated)))
        self.cancel_button.setText(self.tr("关闭"))

    def _failed(self, exc: BaseException) -> None:
        from .errors import show_error, user_message

        self.op = None
        self.progress.hide()
        message = user_message(exc)
        if message is None and type(exc).__name__ == "Cancelled":
            self.summary.setText(self.tr("已取消，没有写入任何记录。"))
        elif message is not None:
            self.summary.setText(message)
        else:
            show_error(self, exc)

    def cancel(self) -> None:
        if self.op is not None and not self.op.finished:
            self.op.cancel()
            return
        self.reject()
