"""走访: a new-visit form filled from the keyboard alone, follow-ups by due date, recent visits."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .labels import enum_label, enum_text
from .member_picker import MemberPicker
from .page import Page
from .state import AppState
from .widgets import Card, FieldForm, fit_columns


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class VisitsPage(Page):
    title_text = "走访"
    watches = frozenset({"visit", "member"})

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        from contract.enums import VisitType

        row = QHBoxLayout()
        self.layout_.addLayout(row, 1)
        card = Card(self.tr("新增走访（Ctrl+S 保存）"))
        self.form = FieldForm()
        self.picker = self.form.add("member_ids", self.tr("走访对象"), MemberPicker(state))
        self.kind = self.form.add("visit_type", self.tr("走访类型"), QComboBox())
        for item in VisitType:
            self.kind.addItem(enum_label(item), item.value)
        self.day = self.form.add("visited_on", self.tr("走访日期"), QDateEdit())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.purpose = self.form.add("purpose", self.tr("事由"), QLineEdit())
        self.findings = self.form.add("findings", self.tr("情况记录"), QPlainTextEdit())
        self.findings.setTabChangesFocus(True)
        self.findings.setMinimumHeight(70)
        self.followup = QCheckBox(self.tr("需要回访"))
        self.form.addRow("", self.followup)
        self.due = self.form.add("followup_due", self.tr("回访日期"), QDateEdit())
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.due.setEnabled(False)
        self.followup.toggled.connect(self.due.setEnabled)
        card.body.addLayout(self.form)
        self.saved_label = QLabel()
        self.save_button = QPushButton(self.tr("保存走访"))
        self.save_button.setObjectName("Primary")
        self.save_button.clicked.connect(self.save)
        bottom = QHBoxLayout()
        bottom.addWidget(self.saved_label, 1)
        bottom.addWidget(self.save_button)
        card.body.addLayout(bottom)
        card.body.addStretch(1)
        row.addWidget(card, 1)
        right = QVBoxLayout()
        follow = Card(self.tr("待回访（按到期日）"))
        self.followups = QTreeWidget()
        self.followups.setHeaderLabels([self.tr("到期"), self.tr("对象"), self.tr("事由")])
        self.followups.setRootIsDecorated(False)
        fit_columns(self.followups, stretch=2)
        self.done_button = QPushButton(self.tr("标记已回访"))
        self.done_button.clicked.connect(self.complete)
        follow.body.addWidget(self.followups)
        follow.body.addWidget(self.done_button, 0, Qt.AlignmentFlag.AlignRight)
        recent = Card(self.tr("本月走访"))
        self.recent = QTreeWidget()
        self.recent.setHeaderLabels(
            [self.tr("日期"), self.tr("类型"), self.tr("人数"), self.tr("事由")]
        )
        self.recent.setRootIsDecorated(False)
        fit_columns(self.recent, stretch=3)
        recent.body.addWidget(self.recent)
        right.addWidget(follow, 1)
        right.addWidget(recent, 1)
        row.addLayout(right, 1)
        for widget_a, widget_b in (
            (self.picker.edit, self.kind),
            (self.kind, self.day),
            (self.day, self.purpose),
            (self.purpose, self.findings),
            (self.findings, self.followup),
            (self.followup, self.due),
            (self.due, self.save_button),
        ):
            QWidget.setTabOrder(widget_a, widget_b)
        self.save_shortcut = QShortcut(QKeySequence("Ctrl+S"), self, self.save)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.save)
        self.reset_form()
        self.refresh()

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        chosen = self.state.extra.pop("selected_member", None)
        if chosen:
            self.picker.add(*chosen)
        self.picker.edit.setFocus()

    def reset_form(self) -> None:
        today = self.state.ctx.today
        self.picker.clear()
        self.day.setDate(qdate(today))
        self.due.setDate(qdate(today + dt.timedelta(days=14)))
        self.purpose.clear()
        self.findings.clear()
        self.followup.setChecked(False)
        self.form.clear_errors()

    def save(self) -> None:
        from desktop.services import visits

        data = visits.VisitInput(
            member_ids=self.picker.member_ids(),
            visit_type=self.kind.currentData(),
            visited_on=pydate(self.day.date()),
            purpose=self.purpose.text(),
            findings=self.findings.toPlainText(),
            followup_needed=self.followup.isChecked(),
            followup_due=pydate(self.due.date()) if self.followup.isChecked() else None,
        )
        op = self.state.ops.query(visits.add_visit, self.state.ctx, data)
        op.success(self._saved).failure(self._failed).run()

    def _saved(self, visit: Any) -> None:
        self.reset_form()
        self.saved_label.setText(
            self.tr("已保存 %1 的走访").replace("%1", visit.visited_on.isoformat())
        )
        self.picker.edit.setFocus()

    def _failed(self, exc: BaseException) -> None:
        from .errors import show_form_error

        show_form_error(self, self.form, exc)

    def refresh(self) -> None:
        super().refresh()
        from desktop.services import visits
        from desktop.services.validate import period_of

        def load() -> tuple[Any, Any]:
            ctx = self.state.ctx
            return visits.followups_due(ctx), visits.list_visits(ctx, period=period_of(ctx.today))

        self.state.ops.query(load).success(lambda r: self.show_lists(*r)).run()

    def show_lists(self, followups: list[Any], recent: list[Any]) -> None:
        self.followups.clear()
        for item in followups:
            mark = self.tr("（逾期）") if item.overdue else ""
            row = QTreeWidgetItem(
                self.followups,
                [
                    f"{item.visit.followup_due}{mark}",
                    "、".join(item.member_names),
                    item.visit.purpose,
                ],
            )
            row.setData(0, Qt.ItemDataRole.UserRole, item.visit.id)
        self.recent.clear()
        for visit in recent:
            QTreeWidgetItem(
                self.recent,
                [
                    visit.visited_on.isoformat(),
                    enum_text("VisitType", visit.visit_type, ""),
                    str(len(visit.member_ids)),
                    visit.purpose,
                ],
            )

    def complete(self) -> None:
        from desktop.services import visits

        item = self.followups.currentItem()
        if item is None:
            return
        visit_id = item.data(0, Qt.ItemDataRole.UserRole)
        self.state.ops.query(visits.complete_followup, self.state.ctx, visit_id).run()
