"""困难档案: the station's hardship files with filters by category and status, one file's page
with its step actions, the application form, and the local 低保 standard (set by the head).
ID numbers are masked in the list."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from .errors import show_error
from .hardship_detail import HardshipDetail
from .hardship_form import HardshipForm
from .page import Page
from .service_text import translate
from .state import AppState
from .widgets import Card, fit_columns


class HardshipPage(Page):
    title_text = "困难档案"
    watches = frozenset({"hardship_file", "relief", "member", "visit"})

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        from contract import hardship as hr

        top = QHBoxLayout()
        self.standard_label = QLabel()
        self.standard = QLineEdit()
        self.standard.setPlaceholderText(self.tr("元/人·月"))
        self.standard.setMaximumWidth(120)
        self.standard_button = QPushButton(self.tr("设置低保标准"))
        self.standard_button.clicked.connect(self.set_standard)
        for widget in (self.standard_label, self.standard, self.standard_button):
            top.addWidget(widget)
        top.addStretch(1)
        self.notice_button = QPushButton(self.tr("本月建档公示名单"))
        self.notice_button.clicked.connect(self.preview_notice)
        top.addWidget(self.notice_button)
        self.layout_.addLayout(top)
        row = QHBoxLayout()
        self.layout_.addLayout(row, 1)
        left = Card(self.tr("档案列表"))
        bar = QHBoxLayout()
        self.category = QComboBox()
        self.category.addItem(self.tr("全部类别"), "")
        for code in hr.CATEGORIES:
            self.category.addItem(translate(hr.CATEGORY_LABELS[code]), code)
        self.status = QComboBox()
        self.status.addItem(self.tr("全部状态"), "")
        for code in hr.STATUSES:
            self.status.addItem(translate(hr.STATUS_LABELS[code]), code)
        for combo in (self.category, self.status):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.new_button = QPushButton(self.tr("新建申请"))
        self.new_button.setObjectName("Primary")
        self.new_button.clicked.connect(lambda: self.show_form("apply"))
        bar.addWidget(self.category)
        bar.addWidget(self.status)
        bar.addStretch(1)
        bar.addWidget(self.new_button)
        left.body.addLayout(bar)
        self.list = QTreeWidget()
        self.list.setHeaderLabels(
            [self.tr("档案号"), self.tr("户主"), self.tr("身份证号"), self.tr("类别"),
             self.tr("状态"), self.tr("人口"), self.tr("年审")]
        )  # fmt: skip
        self.list.setRootIsDecorated(False)
        fit_columns(self.list, stretch=1)
        self.list.currentItemChanged.connect(lambda _item, _prev: self.open_selected())
        left.body.addWidget(self.list, 1)
        row.addWidget(left, 1)
        self.right = QStackedWidget()
        self.form = HardshipForm(state, self._saved)
        self.detail = HardshipDetail(state, self.show_form)
        self.right.addWidget(self.form)
        self.right.addWidget(self.detail)
        row.addWidget(self.right, 1)
        self.chosen_id: str | None = None
        self.form.start("apply")
        self.refresh()

    def show_form(self, mode: str, file: Any = None) -> None:
        self.form.start(mode, file)
        self.right.setCurrentWidget(self.form)

    def _saved(self, file: Any) -> None:
        self.chosen_id = file.id
        self.refresh()

    def refresh(self) -> None:
        super().refresh()
        from desktop.services import hardship, hardship_queries

        ctx = self.state.ctx
        self.state.ops.query(hardship.standard, ctx).success(self._show_standard).run()
        op = self.state.ops.query(
            hardship_queries.list_files,
            ctx,
            category=self.category.currentData() or None,
            status=self.status.currentData() or None,
        )
        op.success(self.show_rows).run()

    def _show_standard(self, fen: int | None) -> None:
        from contract.money import fen_to_yuan_text

        text = fen_to_yuan_text(fen) if fen else self.tr("未设置")
        self.standard_label.setText(self.tr("当地低保标准：%1/人·月").replace("%1", text))

    def set_standard(self) -> None:
        from contract.money import MoneyError, parse_yuan
        from desktop.services import hardship

        try:
            fen = parse_yuan(self.standard.text(), field="低保标准")
        except MoneyError as exc:
            show_error(self, _user_error(str(exc)))
            return
        op = self.state.ops.query(hardship.set_standard, self.state.ctx, fen)
        op.success(lambda _r: self.refresh()).failure(lambda exc: show_error(self, exc)).run()

    def preview_notice(self) -> None:
        """This month's 公示 list (names masked, consenting heads only), from today."""
        from desktop.reports.hardship_notice import notice_pdf
        from desktop.services.validate import period_of

        from .printing import PdfPreview

        ctx = self.state.ctx
        op = self.state.ops.query(notice_pdf, ctx, period_of(ctx.today), start=ctx.today)
        title = self.tr("困难职工建档公示")
        op.success(lambda pdf: PdfPreview(pdf, title, parent=self.window()).show())
        op.failure(lambda exc: show_error(self, exc)).run()

    def show_rows(self, rows: list[Any]) -> None:
        self.rows = rows
        self.list.blockSignals(True)
        self.list.clear()
        current = None
        for r in rows:
            item = QTreeWidgetItem(
                self.list,
                [r.file_no, r.name, r.id_masked, translate(r.category_label),
                 translate(r.status_label), str(r.size),
                 r.review_due.isoformat() if r.review_due else ""],
            )  # fmt: skip
            item.setData(0, Qt.ItemDataRole.UserRole, r.id)
            if r.id == self.chosen_id:
                current = item
        self.list.setCurrentItem(current)  # type: ignore[arg-type]
        self.list.blockSignals(False)
        if current is not None:
            self.open_selected()

    def open_selected(self) -> None:
        from desktop.services import hardship_queries

        item = self.list.currentItem()
        if item is None:
            return
        self.chosen_id = item.data(0, Qt.ItemDataRole.UserRole)
        op = self.state.ops.query(hardship_queries.get_file, self.state.ctx, self.chosen_id)
        op.success(self._show_detail).run()

    def _show_detail(self, view: Any) -> None:
        self.detail.show_file(view)
        self.right.setCurrentWidget(self.detail)


def _user_error(message: str) -> Exception:
    from desktop.services.errors import UserFacingError

    return UserFacingError(message)
