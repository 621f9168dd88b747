"""One hardship file: its facts and the rule's arithmetic, its history (each step dated and by
whom), every hand-out to the household, and the step actions the file's status allows."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QGridLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
)

from .errors import show_error
from .service_text import translate
from .state import AppState
from .widgets import Card, fit_columns


def QT_TRANSLATE_NOOP(_context: str, text: str) -> str:  # noqa: N802 - marks text for lupdate
    return text


OPEN = ("applied", "verified", "published", "established")
# step -> (button text, statuses it applies to)
ACTIONS = (
    ("verify", QT_TRANSLATE_NOOP("HardshipDetail", "入户核实…"), ("applied",)),
    ("publish", QT_TRANSLATE_NOOP("HardshipDetail", "公示"), ("verified",)),
    ("establish", QT_TRANSLATE_NOOP("HardshipDetail", "建档"), ("published",)),
    ("review", QT_TRANSLATE_NOOP("HardshipDetail", "年审…"), ("established",)),
    ("recover", QT_TRANSLATE_NOOP("HardshipDetail", "脱困…"), OPEN),
    ("cancel", QT_TRANSLATE_NOOP("HardshipDetail", "注销…"), OPEN),
    ("reopen", QT_TRANSLATE_NOOP("HardshipDetail", "返困…"), ("recovered", "cancelled")),
)


class HardshipDetail(Card):
    def __init__(self, state: AppState, restate: Callable[[str, Any], None]) -> None:
        super().__init__("")
        self.state, self.restate = state, restate
        self.view: Any = None
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.body.addWidget(self.facts)
        self.history = QTreeWidget()
        self.history.setHeaderLabels(
            [self.tr("日期"), self.tr("办理事项"), self.tr("经办人"), self.tr("说明")]
        )
        self.history.setRootIsDecorated(False)
        fit_columns(self.history, stretch=3)
        self.body.addWidget(self.history, 1)
        self.handouts = QTreeWidget()
        self.handouts.setHeaderLabels(
            [self.tr("发放日期"), self.tr("帮扶项目"), self.tr("金额"), self.tr("状态")]
        )
        self.handouts.setRootIsDecorated(False)
        fit_columns(self.handouts, stretch=1)
        self.body.addWidget(QLabel(self.tr("本户帮扶发放")))
        self.body.addWidget(self.handouts, 1)
        grid = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        for index, (step, text, _statuses) in enumerate(ACTIONS):
            button = QPushButton(self.tr(text))
            button.clicked.connect(lambda _=False, s=step: self.act(s))
            self.buttons[step] = button
            grid.addWidget(button, index // 4, index % 4)
        self.category_button = QPushButton(self.tr("改定类别…"))
        self.category_button.setToolTip(self.tr("与计算结果不同的类别：站长确定并写明理由"))
        self.category_button.clicked.connect(self.set_category)
        grid.addWidget(self.category_button, 1, 3)
        self.print_file_button = QPushButton(self.tr("打印档案表"))
        self.print_file_button.clicked.connect(lambda: self.preview("file"))
        self.print_form_button = QPushButton(self.tr("打印申请书"))
        self.print_form_button.clicked.connect(lambda: self.preview("application"))
        grid.addWidget(self.print_file_button, 2, 0)
        grid.addWidget(self.print_form_button, 2, 1)
        self.body.addLayout(grid)

    def show_file(self, view: Any) -> None:
        from contract import hardship as hr
        from contract.money import fen_to_yuan_text

        self.view = view
        file = view.file
        self.title.setText(self.tr("档案 %1").replace("%1", file.file_no or self.tr("（未建档）")))
        lines = [
            self.tr("户主：%1　状态：%2　类别：%3")
            .replace("%1", view.member.name)
            .replace("%2", translate(hr.STATUS_LABELS[file.status]))
            .replace("%3", translate(hr.CATEGORY_LABELS[file.category])),
            *(translate(line) for line in view.arithmetic),
        ]
        if file.category_reason:
            lines.append(self.tr("站长确定类别的理由：%1").replace("%1", file.category_reason))
        if file.review_due:
            lines.append(self.tr("下次年审：%1").replace("%1", file.review_due.isoformat()))
        self.facts.setText("\n".join(lines))
        self.history.clear()
        for step in file.steps:
            note = step.get("reason") or step.get("file_no") or step.get("period") or ""
            category = step.get("category")
            if category and not note:
                note = translate(hr.CATEGORY_LABELS.get(category, category))
            QTreeWidgetItem(
                self.history,
                [step["on"], translate(hr.STEP_LABELS.get(step["step"], step["step"])),
                 view.staff.get(step.get("by", ""), ""), note],
            )  # fmt: skip
        self.handouts.clear()
        for relief, program in view.handouts:
            status = "" if relief.status == "issued" else self.tr("已作废")
            amount = fen_to_yuan_text(relief.cash_fen + relief.goods_value_fen)
            QTreeWidgetItem(self.handouts, [relief.issued_on.isoformat(), program, amount, status])
        for step, _text, statuses in ACTIONS:
            self.buttons[step].setEnabled(file.status in statuses)
        self.category_button.setEnabled(file.status in ("published", "established"))

    def act(self, step: str) -> None:
        from desktop.services import hardship

        file_id = self.view.file.id
        ctx = self.state.ctx
        if step in ("review", "reopen"):
            self.restate(step, self.view.file)
            return
        if step == "verify":
            visit_id = self._choose_visit()
            if not visit_id:
                return
            op = self.state.ops.query(hardship.verify, ctx, file_id, visit_id)
        elif step in ("recover", "cancel"):
            label = (
                self.tr("脱困原因")
                if step == "recover"
                else self.tr("注销原因（退休、迁出、去世…）")
            )
            reason, ok = QInputDialog.getText(self, self.buttons[step].text(), label)
            if not ok:
                return
            op = self.state.ops.query(hardship.close, ctx, file_id, step, reason)
        else:
            run = hardship.publish if step == "publish" else hardship.establish
            op = self.state.ops.query(run, ctx, file_id)
        op.success(lambda _f: self.reload()).failure(lambda exc: show_error(self, exc)).run()

    def set_category(self) -> None:
        """The head sets another category than the rule's, with a reason (audited): at 建档
        for a file on notice, as a review for a file in force."""
        from contract import hardship as hr
        from desktop.services import hardship

        codes = list(hr.CATEGORIES)
        labels = [translate(hr.CATEGORY_LABELS[c]) for c in codes]
        title = self.category_button.text()
        chosen, ok = QInputDialog.getItem(self, title, self.tr("困难类别"), labels, 0, False)
        if not ok:
            return
        reason, ok = QInputDialog.getText(self, title, self.tr("理由（站长确定）"))
        if not ok:
            return
        file = self.view.file
        category = codes[labels.index(chosen)]
        if file.status == "published":
            op = self.state.ops.query(
                hardship.establish, self.state.ctx, file.id, category=category, reason=reason
            )
        else:
            op = self.state.ops.query(
                hardship.review, self.state.ctx, file.id, category=category, reason=reason
            )
        op.success(lambda _f: self.reload()).failure(lambda exc: show_error(self, exc)).run()

    def _choose_visit(self) -> str | None:
        from desktop.services import visits

        entries = [
            e
            for e in visits.member_timeline(self.state.ctx, self.view.member.id)
            if e.kind == "visit"
        ]
        if not entries:
            show_error(self, _no_visit())
            return None
        labels = [f"{e.day.isoformat()} {translate(e.title)} {e.detail}" for e in entries]
        chosen, ok = QInputDialog.getItem(
            self, self.tr("入户核实"), self.tr("选择入户走访记录"), labels, 0, False
        )
        return entries[labels.index(chosen)].record_id if ok else None

    def reload(self) -> None:
        from desktop.services import hardship_queries

        op = self.state.ops.query(hardship_queries.get_file, self.state.ctx, self.view.file.id)
        op.success(self.show_file).run()

    def preview(self, which: str) -> None:
        from desktop.reports.hardship_docs import application_pdf, file_pdf

        from .printing import PdfPreview

        make = file_pdf if which == "file" else application_pdf
        op = self.state.ops.query(make, self.state.ctx, self.view.file.id)
        title = self.tr("困难职工档案表") if which == "file" else self.tr("帮扶申请书")
        op.success(lambda pdf: PdfPreview(pdf, title, parent=self.window()).show())
        op.failure(lambda exc: show_error(self, exc)).run()


def _no_visit() -> Exception:
    from desktop.services.errors import UserFacingError

    return UserFacingError("请先在“走访”页登记对该户户主的入户走访")
