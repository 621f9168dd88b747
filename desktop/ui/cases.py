"""维权个案: the station's rights cases with a status filter, one case's page (timeline and
actions), and the form that writes down a new one. Phones never show in the list."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from .case_detail import CaseDetail
from .case_form import CaseForm
from .labels import enum_label, enum_text
from .page import Page
from .state import AppState
from .widgets import Card, fit_columns


def short_number(case_no: str) -> str:
    """2026-T0003 of 4401060001-2026-T0003: every case in the list is this station's."""
    return case_no.split("-", 1)[-1]


class CasesPage(Page):
    title_text = "维权个案"
    watches = frozenset({"rights_case", "member"})

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        from contract.enums import CaseStatus

        row = QHBoxLayout()
        self.layout_.addLayout(row, 1)
        left = Card(self.tr("案件列表"))
        bar = QHBoxLayout()
        self.filter = QComboBox()
        self.filter.addItem(self.tr("未办结"), "open")
        self.filter.addItem(self.tr("全部"), "")
        for item in CaseStatus:
            self.filter.addItem(enum_label(item), item.value)
        self.filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.new_button = QPushButton(self.tr("登记新案件"))
        self.new_button.setObjectName("Primary")
        self.new_button.clicked.connect(self.show_form)
        bar.addWidget(self.filter)
        bar.addStretch(1)
        bar.addWidget(self.new_button)
        left.body.addLayout(bar)
        self.list = QTreeWidget()
        self.list.setHeaderLabels(
            [self.tr("编号"), self.tr("状态"), self.tr("类型"), self.tr("用人单位"),
             self.tr("职工"), self.tr("期限")]
        )  # fmt: skip
        self.list.setRootIsDecorated(False)
        fit_columns(self.list, stretch=3)
        self.list.currentItemChanged.connect(lambda _item, _prev: self.open_selected())
        left.body.addWidget(self.list, 1)
        row.addWidget(left, 1)
        self.right = QStackedWidget()
        self.form = CaseForm(state, self._opened)
        self.detail = CaseDetail(state)
        self.right.addWidget(self.form)
        self.right.addWidget(self.detail)
        row.addWidget(self.right, 1)
        self.rows: list[Any] = []
        self.chosen_id: str | None = None
        self.refresh()

    def show_form(self) -> None:
        self.chosen_id = None
        self.list.setCurrentItem(None)  # type: ignore[call-overload]
        self.right.setCurrentWidget(self.form)
        self.form.employer.setFocus()

    def _opened(self, case: Any) -> None:
        self.chosen_id = case.id
        self.filter.setCurrentIndex(0)
        self.refresh()

    def refresh(self) -> None:
        super().refresh()
        from desktop.services import case_queries

        status = self.filter.currentData()
        op = self.state.ops.query(case_queries.list_cases, self.state.ctx, status=status or None)
        op.success(self.show_rows).run()

    def show_rows(self, rows: list[Any]) -> None:
        self.rows = rows
        chosen = self.chosen_id
        self.list.blockSignals(True)
        self.list.clear()
        current = None
        for row in rows:
            c = row.case
            mark = {"overdue": self.tr("（已超期）"), "due": self.tr("（将到期）")}
            due = f"{row.due}{mark.get(row.urgency, '')}" if row.due else ""
            item = QTreeWidgetItem(
                self.list,
                [short_number(c.case_no), enum_text("CaseStatus", c.status),
                 enum_text("DisputeType", c.dispute_type), c.employer, row.workers_text, due],
            )  # fmt: skip
            item.setData(0, Qt.ItemDataRole.UserRole, c.id)
            if c.id == chosen:
                current = item
        self.list.setCurrentItem(current)  # type: ignore[arg-type]
        self.list.blockSignals(False)
        if current is not None:
            self.open_selected()
        elif chosen and self.right.currentWidget() is self.detail:
            self._reload_detail(chosen)  # moved out of the filter (e.g. 达成协议): still shown

    def _reload_detail(self, case_id: str) -> None:
        from desktop.services import case_queries

        op = self.state.ops.query(case_queries.case_detail, self.state.ctx, case_id)
        op.success(self.detail.show_case).run()

    def open_selected(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        case_id = item.data(0, Qt.ItemDataRole.UserRole)
        found = [r for r in self.rows if r.case.id == case_id]
        if not found:
            return
        self.chosen_id = case_id
        self.detail.show_case(found[0])
        self.right.setCurrentWidget(self.detail)
