"""One rights case: its facts, its course (timeline) and what can be done next.

The status buttons offered are those the case may move to (contract/cases.py TRANSITIONS);
each action is dated with 办理日期 and signed by the logged-in staff member (the service
records who). Refusals are shown under the buttons, in the interface language.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from .labels import enum_text
from .service_text import translate
from .state import AppState
from .visits import pydate, qdate
from .widgets import Card, FieldForm, fit_columns


def QT_TRANSLATE_NOOP(_context: str, text: str) -> str:  # noqa: N802 - marks text for lupdate
    return text


# target status -> button text; "…" asks for what the step needs (terms, a reason)
MOVES = (
    ("accepted", QT_TRANSLATE_NOOP("CaseDetail", "受理")),
    ("mediating", QT_TRANSLATE_NOOP("CaseDetail", "开始调解")),
    ("agreed", QT_TRANSLATE_NOOP("CaseDetail", "达成协议…")),
    ("arbitration", QT_TRANSLATE_NOOP("CaseDetail", "调解不成转仲裁")),
    ("withdrawn", QT_TRANSLATE_NOOP("CaseDetail", "撤回…")),
    ("refused", QT_TRANSLATE_NOOP("CaseDetail", "不予受理…")),
    ("closed", QT_TRANSLATE_NOOP("CaseDetail", "结案")),
)


class ExtendDialog(QDialog):
    """Days and reason of an extension of the mediation period."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("延长调解期限"))
        self.form = FieldForm(self)
        self.days = self.form.add("days", self.tr("延长天数"), QSpinBox())
        self.days.setRange(1, 30)
        self.days.setValue(15)
        self.reason = self.form.add("reason", self.tr("原因（双方同意）"), QLineEdit())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.form.addRow(buttons)


class CaseDetail(Card):
    def __init__(self, state: AppState) -> None:
        super().__init__("")
        self.state = state
        self.case: Any = None
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.body.addWidget(self.facts)
        self.timeline = QTreeWidget()
        self.timeline.setHeaderLabels([self.tr("日期"), self.tr("办理事项"), self.tr("经办人")])
        self.timeline.setRootIsDecorated(False)
        fit_columns(self.timeline, stretch=1)
        self.body.addWidget(self.timeline, 1)
        when = QHBoxLayout()
        when.addWidget(QLabel(self.tr("办理日期")))
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        when.addWidget(self.day)
        when.addStretch(1)
        self.body.addLayout(when)
        grid = QGridLayout()
        self.move_buttons: dict[str, QPushButton] = {}
        for index, (status, text) in enumerate(MOVES):
            button = QPushButton(self.tr(text))
            button.clicked.connect(lambda _=False, s=status: self.move_to(s))
            self.move_buttons[status] = button
            grid.addWidget(button, 0 if index < 4 else 1, index % 4)
        self.note_button = QPushButton(self.tr("记录联系…"))
        self.note_button.clicked.connect(self.add_note)
        self.extend_button = QPushButton(self.tr("延长期限…"))
        self.extend_button.clicked.connect(self.extend_deadline)
        self.recover_button = QPushButton(self.tr("追回金额…"))
        self.recover_button.clicked.connect(self.recover)
        self.agreement_button = QPushButton(self.tr("打印协议书"))
        self.agreement_button.clicked.connect(lambda: self.preview("agreement"))
        self.sheet_button = QPushButton(self.tr("打印登记表"))
        self.sheet_button.clicked.connect(lambda: self.preview("record"))
        for index, button in enumerate(
            (self.note_button, self.extend_button, self.recover_button, self.agreement_button,
             self.sheet_button)
        ):  # fmt: skip
            grid.addWidget(button, 2 + index // 4, index % 4)
        self.body.addLayout(grid)
        self.message = QLabel()
        self.message.setObjectName("Refusal")
        self.message.setWordWrap(True)
        self.message.hide()
        self.body.addWidget(self.message)

    def say(self, text: str) -> None:
        """A refusal under the buttons (hidden while there is none)."""
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def show_case(self, row: Any) -> None:
        """Show a case_queries.CaseRow."""
        from contract import cases as rules
        from contract.money import fen_to_yuan_text

        self.case = row.case
        c = row.case
        self.title.setText(
            f"{c.case_no}  {enum_text('CaseStatus', c.status)}  "
            f"{enum_text('DisputeType', c.dispute_type)}"
        )
        due = ""
        if row.due:
            mark = {"overdue": self.tr("（已超期）"), "due": self.tr("（将到期）")}
            due = self.tr("期限 %1").replace("%1", str(row.due)) + mark.get(row.urgency, "")
        ticket = f" {c.ticket_no}" if c.ticket_no else ""
        self.facts.setText(
            f"{enum_text('CaseSource', c.source)}{ticket}  ·  {c.employer}  ·  "
            f"{row.workers_text}  ·  "
            + self.tr("请求 %1，已追回 %2")
            .replace("%1", fen_to_yuan_text(c.claimed_fen))
            .replace("%2", fen_to_yuan_text(c.recovered_fen))
            + (f"  ·  {due}" if due else "")
        )
        self._fill_timeline(c)
        allowed = rules.TRANSITIONS.get(c.status, frozenset())
        for status, button in self.move_buttons.items():
            button.setEnabled(status in allowed)
        open_case = c.status in rules.OPEN
        self.extend_button.setEnabled(c.status in ("accepted", "mediating"))
        self.note_button.setEnabled(c.status != "closed")
        self.recover_button.setEnabled(open_case or c.status == "agreed")
        self.agreement_button.setEnabled(bool(c.agreement_terms))
        self.day.setDate(qdate(self.state.ctx.today))
        self.say("")

    def _fill_timeline(self, case: Any) -> None:
        from desktop.services.case_queries import step_text, timeline

        self.timeline.clear()
        for item in timeline(case):
            text = translate(step_text(item))
            if item.kind == "status" and item.status != "applied":  # an enum label, not a message
                label = enum_text("CaseStatus", item.status)
                text = f"{label}：{item.text}" if item.text else label
            QTreeWidgetItem(self.timeline, [item.on, text, item.by_name])

    def _run(self, fn: Any, *args: Any, **kwargs: Any) -> None:
        op = self.state.ops.query(fn, self.state.ctx, self.case.id, *args, **kwargs)
        op.success(lambda _case: self.say("")).failure(self._refused).run()

    def _refused(self, exc: BaseException) -> None:
        from .errors import show_error, user_message

        text = user_message(exc)
        if text is None:
            show_error(self, exc)
            return
        self.say(text)

    def move_to(self, status: str) -> None:
        from desktop.services import cases

        terms = note = ""
        if status == "agreed":
            terms, ok = QInputDialog.getMultiLineText(
                self, self.tr("达成协议"), self.tr("协议内容（打印在调解协议书上）：")
            )
            if not ok:
                return
        elif status in ("withdrawn", "refused"):
            note, ok = QInputDialog.getText(self, self.tr("说明原因"), self.tr("原因："))
            if not ok:
                return
        day = pydate(self.day.date())
        self._run(cases.move, status, on=day, note=note, terms=terms)

    def add_note(self) -> None:
        from desktop.services import cases

        text, ok = QInputDialog.getText(self, self.tr("记录联系"), self.tr("联系情况："))
        if ok:
            self._run(cases.add_note, text, on=pydate(self.day.date()))

    def extend_deadline(self) -> None:
        from desktop.services import cases

        dialog = ExtendDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._run(cases.extend, dialog.days.value(), dialog.reason.text())

    def recover(self) -> None:
        from desktop.services import cases

        amount, ok = QInputDialog.getText(
            self, self.tr("追回金额"), self.tr("累计追回金额（元）：")
        )
        if ok:
            self._run(cases.record_recovered, amount)

    def preview(self, what: str) -> None:
        from desktop.reports import case_docs

        from .printing import PdfPreview

        make = case_docs.agreement_pdf if what == "agreement" else case_docs.record_sheet_pdf
        title = self.tr("调解协议书") if what == "agreement" else self.tr("维权个案登记表")
        op = self.state.ops.query(make, self.state.ctx, self.case.id)
        op.success(lambda pdf: PdfPreview(pdf, title, parent=self.window()).show())
        op.failure(self._refused).run()
