"""The form that writes down a new rights case (登记维权个案): its source, employer, dispute,
the workers (members picked by search, others typed one per line as 姓名 手机号), amount."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
)

from .labels import fill
from .member_picker import MemberPicker
from .state import AppState
from .visits import pydate, qdate
from .widgets import Card, FieldForm


def parse_others(text: str) -> list[tuple[str, str]]:
    """Lines of "姓名 手机号" (the phone may be left out) as (name, phone) pairs."""
    out = []
    for line in text.splitlines():
        parts = line.replace("，", " ").replace(",", " ").split()
        if parts:
            out.append((parts[0], parts[1] if len(parts) > 1 else ""))
    return out


class CaseForm(Card):
    """Saves through services.cases.open_case; `saved(case)` is called after a save."""

    def __init__(self, state: AppState, saved: Callable[[Any], None]) -> None:
        super().__init__(self.tr("登记维权个案"))
        from contract.enums import CaseSource, DisputeType

        self.state, self.saved = state, saved
        self.form = FieldForm()
        self.source = self.form.add("source", self.tr("案件来源"), fill(QComboBox(), CaseSource))
        self.ticket = self.form.add("ticket_no", self.tr("12351 工单号"), QLineEdit())
        self.employer = self.form.add("employer", self.tr("用人单位"), QLineEdit())
        self.dispute = self.form.add(
            "dispute_type", self.tr("争议类型"), fill(QComboBox(), DisputeType)
        )
        self.picker = self.form.add("workers", self.tr("会员职工"), MemberPicker(state))
        self.others = self.form.add("others", self.tr("非会员职工"), QPlainTextEdit())
        self.others.setPlaceholderText(self.tr("每行一人：姓名 手机号"))
        self.others.setTabChangesFocus(True)
        self.others.setMaximumHeight(70)
        self.count = self.form.add("worker_count", self.tr("涉及人数"), QLineEdit())
        self.count.setPlaceholderText(self.tr("默认为所列职工人数"))
        self.claimed = self.form.add("claimed", self.tr("请求金额（元）"), QLineEdit())
        self.received = self.form.add("received_on", self.tr("登记日期"), QDateEdit())
        self.received.setCalendarPopup(True)
        self.received.setDisplayFormat("yyyy-MM-dd")
        self.matter = self.form.add("matter", self.tr("申请事项"), QPlainTextEdit())
        self.matter.setTabChangesFocus(True)
        self.matter.setMaximumHeight(80)
        self.body.addLayout(self.form)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.save_button = QPushButton(self.tr("保存登记"))
        self.save_button.setObjectName("Primary")
        self.save_button.clicked.connect(self.save)
        row = QHBoxLayout()
        row.addWidget(self.message, 1)
        row.addWidget(self.save_button)
        self.body.addLayout(row)
        self.body.addStretch(1)
        self.reset()

    def reset(self) -> None:
        self.picker.clear()
        for field in (self.ticket, self.employer, self.count, self.claimed):
            field.clear()
        self.others.clear()
        self.matter.clear()
        self.received.setDate(qdate(self.state.ctx.today))
        self.form.clear_errors()

    def read(self) -> Any:
        from desktop.services import cases

        workers = [cases.WorkerInput(member_id=m) for m in self.picker.member_ids()]
        workers += [
            cases.WorkerInput(name=n, phone=p) for n, p in parse_others(self.others.toPlainText())
        ]
        return cases.CaseInput(
            source=self.source.currentData(),
            ticket_no=self.ticket.text(),
            employer=self.employer.text(),
            dispute_type=self.dispute.currentData(),
            workers=workers,
            worker_count=self.count.text(),
            claimed=self.claimed.text(),
            received_on=pydate(self.received.date()),
            matter=self.matter.toPlainText(),
        )

    def save(self) -> None:
        from desktop.services import cases

        op = self.state.ops.query(cases.open_case, self.state.ctx, self.read())
        op.success(self._done).failure(self._failed).run()

    def _done(self, case: Any) -> None:
        self.reset()
        self.message.setText(self.tr("已登记 %1").replace("%1", case.case_no))
        self.saved(case)

    def _failed(self, exc: BaseException) -> None:
        from .errors import show_form_error

        show_form_error(self, self.form, exc)
