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
from .service_text import translate
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
        card = Card(self.tr("新增走访"))
        self.card = card
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
        self.saved_label.setWordWrap(True)
        self.save_button = QPushButton()
        self.save_button.setObjectName("Primary")
        self.save_button.clicked.connect(self.save)
        self.purpose.returnPressed.connect(self.save)
        self.cancel_edit = QPushButton(self.tr("取消修改"))
        self.cancel_edit.clicked.connect(self.reset_form)
        bottom = QHBoxLayout()
        bottom.addWidget(self.saved_label, 1)
        bottom.addWidget(self.cancel_edit)
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
        recent_buttons = QHBoxLayout()
        self.edit_button = QPushButton(self.tr("修改"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.void_button = QPushButton(self.tr("作废"))
        self.void_button.clicked.connect(self.void_selected)
        recent_buttons.addStretch(1)
        recent_buttons.addWidget(self.edit_button)
        recent_buttons.addWidget(self.void_button)
        recent.body.addLayout(recent_buttons)
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
        QShortcut(QKeySequence("Ctrl+Enter"), self, self.save)
        self.editing: Any = None
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
        self.editing = None
        self.card.title.setText(self.tr("新增走访"))
        self.save_button.setText(self.tr("保存走访（Enter / Ctrl+Enter）"))
        self.cancel_edit.hide()

    def save(self) -> None:
        from desktop.services import corrections, visits

        data = visits.VisitInput(
            member_ids=self.picker.member_ids(),
            visit_type=self.kind.currentData(),
            visited_on=pydate(self.day.date()),
            purpose=self.purpose.text(),
            findings=self.findings.toPlainText(),
            followup_needed=self.followup.isChecked(),
            followup_due=pydate(self.due.date()) if self.followup.isChecked() else None,
        )
        if self.editing is None:
            op = self.state.ops.query(visits.add_visit, self.state.ctx, data)
        else:
            op = self.state.ops.query(corrections.edit_visit, self.state.ctx, self.editing, data)
        op.success(self._saved).failure(self._failed).run()

    def _saved(self, visit: Any) -> None:
        text = self.tr("已修改 %1 的走访") if self.editing else self.tr("已保存 %1 的走访")
        self.reset_form()
        self.saved_label.setText(text.replace("%1", visit.visited_on.isoformat()))
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
            purpose = visit.purpose
            if visit.deleted:
                purpose = self.tr("【已作废：%1】").replace("%1", visit.void_reason or "") + purpose
            item = QTreeWidgetItem(
                self.recent,
                [
                    visit.visited_on.isoformat(),
                    enum_text("VisitType", visit.visit_type, ""),
                    str(len(visit.member_ids)),
                    purpose,
                ],
            )
            item.setData(0, Qt.ItemDataRole.UserRole, visit)

    def complete(self) -> None:
        from desktop.services import visits

        item = self.followups.currentItem()
        if item is None:
            return
        visit_id = item.data(0, Qt.ItemDataRole.UserRole)
        self.state.ops.query(visits.complete_followup, self.state.ctx, visit_id).run()

    def selected_visit(self) -> Any:
        item = self.recent.currentItem()
        visit = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        if visit is None or visit.deleted:
            self.saved_label.setText(self.tr("请先在本月走访中选中一条未作废的走访。"))
            return None
        return visit

    def edit_selected(self) -> None:
        """Load the visit into the form; saving records the change (audited)."""
        from desktop.services import corrections

        visit = self.selected_visit()
        if visit is None:
            return
        op = self.state.ops.query(corrections.visit_members, self.state.ctx, visit.id)
        op.success(lambda members: self._load(visit, members)).run()

    def _load(self, visit: Any, members: list[tuple[str, str]]) -> None:
        self.reset_form()
        self.editing = visit.id
        for member_id, name in members:
            self.picker.add(member_id, name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(visit.visit_type)))
        self.day.setDate(qdate(visit.visited_on))
        self.purpose.setText(visit.purpose)
        self.findings.setPlainText(visit.findings)
        self.followup.setChecked(visit.followup_needed)
        if visit.followup_due:
            self.due.setDate(qdate(visit.followup_due))
        self.card.title.setText(
            self.tr("修改走访（%1）").replace("%1", visit.visited_on.isoformat())
        )
        self.save_button.setText(self.tr("保存修改（Enter / Ctrl+Enter）"))
        self.cancel_edit.show()
        self.purpose.setFocus()

    def void_selected(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        from desktop.services import corrections

        visit = self.selected_visit()
        if visit is None:
            return
        reason, ok = QInputDialog.getText(
            self, self.tr("作废走访"), self.tr("作废这条走访（记录保留并标明作废）。请填写原因：")
        )
        if not ok:
            return
        op = self.state.ops.query(corrections.void_visit, self.state.ctx, visit.id, reason)
        op.success(lambda _v: self.saved_label.setText(self.tr("已作废。"))).failure(
            lambda exc: self.saved_label.setText(
                translate(getattr(exc, "message", None) or str(exc))
            )
        ).run()
