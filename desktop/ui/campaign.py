"""集中发放 (campaign mode): pick recipients, issue in one go with progress and cancel, then
print every receipt and the sign-off sheet (签收表)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QWidget,
)

from .labels import QT_TRANSLATE_NOOP, enum_label
from .page import Page
from .relief import receipt_format
from .service_text import translate
from .state import AppState
from .widgets import Card, FieldForm


def issue_all(
    ctx: Any, member_ids: list[str], program_id: str, cash_fen: int, campaign: str, job: Any
) -> dict[str, Any]:
    """Runs on the ops helper: one transaction per hand-out, so a cancel keeps what is done."""
    from desktop.services import relief
    from desktop.services.errors import UserFacingError

    issued, refused = [], []
    for done, member_id in enumerate(member_ids, start=1):
        if job.cancelled():
            break
        data = relief.ReliefInput(
            member_id=member_id, program_id=program_id, cash_fen=cash_fen, campaign=campaign
        )
        try:
            issued.append(relief.issue(ctx, data)[1].id)
        except UserFacingError as exc:
            refused.append(exc.message)
        job.progress(done, len(member_ids), "")
    return {"issued": issued, "refused": refused, "cancelled": job.cancelled()}


def campaign_pdf(copies: list[Any], fmt: str, job: Any) -> bytes:
    """The receipts' print copies in one PDF (render_receipts writes a file: read it back)."""
    import tempfile
    from pathlib import Path

    from desktop.receipts import ReceiptJob, render_receipts

    items = [ReceiptJob(c.content, c.copy_label, c.void_reason) for c in copies]
    with tempfile.TemporaryDirectory(prefix="stationdesk-") as folder:
        out = render_receipts(
            items,
            Path(folder) / "receipts.pdf",
            fmt=fmt,
            progress=lambda d, t: job.progress(d, t, ""),
            cancelled=job.cancelled,
        )
        return out.read_bytes()


SHOWN = 5000  # rows listed for ticking; beyond that everyone the filter found is included


class CampaignPage(Page):
    title_text = "集中发放"
    watches = frozenset({"fund_program"})

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        from contract.enums import Hardship

        card = Card(self.tr("发放设置"))
        self.form = FieldForm()
        self.name = self.form.add("campaign", self.tr("活动名称"), QLineEdit())
        self.name.setText(self.tr("%1年两节送温暖").replace("%1", str(state.ctx.today.year)))
        self.program = self.form.add("program_id", self.tr("帮扶项目"), QComboBox())
        self.who = self.form.add("who", self.tr("发放对象"), QComboBox())
        self.who.addItem(self.tr("全部困难职工"), "any")
        for item in Hardship:
            if item.value != "none":
                self.who.addItem(enum_label(item), item.value)
        self.amount = self.form.add("cash_fen", self.tr("每人金额（元）"), QLineEdit("500"))
        card.body.addLayout(self.form)
        row = QHBoxLayout()
        self.load_button = QPushButton(self.tr("载入名单"))
        self.load_button.clicked.connect(self.load_recipients)
        self.start_button = QPushButton(self.tr("开始发放"))
        self.start_button.setObjectName("Primary")
        self.start_button.setEnabled(False)
        self.start_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.receipts_button = QPushButton(self.tr("打印全部收据"))
        self.receipts_button.clicked.connect(self.print_receipts)
        self.signoff_button = QPushButton(self.tr("打印签收表"))
        self.signoff_button.clicked.connect(self.print_signoff)
        for button in (
            self.load_button,
            self.start_button,
            self.cancel_button,
            self.receipts_button,
            self.signoff_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        card.body.addLayout(row)
        self.progress = QProgressBar()
        self.status = QLabel()
        self.status.setWordWrap(True)
        card.body.addWidget(self.progress)
        card.body.addWidget(self.status)
        self.layout_.addWidget(card)
        listing = Card(self.tr("发放对象（取消勾选的人这次不发）"))
        self.recipients = QListWidget()
        self.recipients.itemChanged.connect(lambda _item: self.chosen_changed())
        listing.body.addWidget(self.recipients)
        ticks = QHBoxLayout()
        self.all_button = QPushButton(self.tr("全选"))
        self.all_button.clicked.connect(lambda: self.set_all(True))
        self.none_button = QPushButton(self.tr("全不选"))
        self.none_button.clicked.connect(lambda: self.set_all(False))
        ticks.addStretch(1)
        ticks.addWidget(self.all_button)
        ticks.addWidget(self.none_button)
        listing.body.addLayout(ticks)
        self.layout_.addWidget(listing, 1)
        self.member_ids: list[str] = []
        self.all_ids: list[str] = []
        self.op: Any = None
        self.issued: list[str] = []
        self.refresh()

    def refresh(self) -> None:
        super().refresh()
        from desktop.services import programs

        op = self.state.ops.query(
            programs.list_programs, self.state.ctx, year=self.state.ctx.today.year
        )
        op.success(self.show_programs).run()

    def show_programs(self, items: list[Any]) -> None:
        self.program.clear()
        for program in items:
            self.program.addItem(program.name, program.id)
        index = next((i for i, p in enumerate(items) if p.program_type == "festival"), 0)
        self.program.setCurrentIndex(index)

    def load_recipients(self) -> None:
        from desktop.services import search

        filters = search.MemberFilter(hardship=self.who.currentData())
        op = self.state.ops.query(
            search.list_members, self.state.ctx, filters, offset=0, limit=20_000
        )
        op.success(self.show_recipients).run()

    def show_recipients(self, rows: list[Any]) -> None:
        """Everyone the filter found, each ticked; untick who should not receive this time."""
        self.all_ids = [r.id for r in rows]
        self.recipients.blockSignals(True)
        self.recipients.clear()
        for row in rows[:SHOWN]:
            item = QListWidgetItem(f"{row.name}  {row.id_masked}  {row.employer}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.recipients.addItem(item)
        self.recipients.blockSignals(False)
        self.chosen_changed()

    def set_all(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        self.recipients.blockSignals(True)
        for index in range(self.recipients.count()):
            self.recipients.item(index).setCheckState(state)
        self.recipients.blockSignals(False)
        self.chosen_changed()

    def chosen_changed(self) -> None:
        """member_ids: the ticked rows, plus any past the shown ones (a filter of 5,000+)."""
        shown = [self.recipients.item(i) for i in range(self.recipients.count())]
        ticked = [
            i.data(Qt.ItemDataRole.UserRole)
            for i in shown
            if i.checkState() == Qt.CheckState.Checked
        ]
        self.member_ids = ticked + self.all_ids[SHOWN:]
        text = self.tr("找到 %1 人，已选 %2 人").replace("%1", str(len(self.all_ids)))
        self.status.setText(text.replace("%2", str(len(self.member_ids))))
        self.start_button.setEnabled(bool(self.member_ids) and self.op is None)

    def start(self) -> None:
        """开始发放: the summary (program, people, total in figures and capitals) first."""
        from contract.money import parse_yuan

        try:
            cash = parse_yuan(self.amount.text(), field=QT_TRANSLATE_NOOP("service", "每人金额"))
        except ValueError as exc:
            self.form.show_errors({"cash_fen": str(exc)})
            return
        self.form.clear_errors()
        if not self.confirm(cash):
            self.status.setText(self.tr("没有发放。"))
            return
        self.start_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        ids, program, name = self.member_ids, self.program.currentData(), self.name.text().strip()
        self.op = self.state.ops.task(
            lambda job: issue_all(self.state.ctx, ids, program, cash, name, job)
        )
        self.op.with_progress(self._progressed).success(self._done).run()

    def confirm(self, cash: int) -> bool:
        from PySide6.QtWidgets import QMessageBox

        from contract.money import capitals, fen_to_yuan_text

        total = cash * len(self.member_ids)
        text = self.tr(
            "项目：%1\n人数：%2 人\n每人：%3\n合计：%4\n（%5）\n\n发放后每人生成一张收据，"
            "错发只能逐条作废。确定发放吗？"
        )
        for key, value in (
            ("%1", self.program.currentText()),
            ("%2", str(len(self.member_ids))),
            ("%3", fen_to_yuan_text(cash)),
            ("%4", fen_to_yuan_text(total)),
            ("%5", capitals(total)),
        ):
            text = text.replace(key, value)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("确认集中发放"), text, parent=self)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("确认发放"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("不发放"))
        return box.exec() == QMessageBox.StandardButton.Yes

    def _progressed(self, done: int, total: int, _text: str) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _done(self, result: dict[str, Any]) -> None:
        self.op = None
        self.cancel_button.setEnabled(False)
        self.issued = result["issued"]
        text = self.tr("已发放 %1 人，未发放 %2 人。").replace("%1", str(len(result["issued"])))
        text = text.replace("%2", str(len(result["refused"])))
        if result["cancelled"]:
            text = self.tr("已取消。") + text
        if result["refused"]:
            text += "\n" + translate("\n".join(result["refused"][:5]))
        self.status.setText(text)

    def cancel(self) -> None:
        if self.op is not None:
            self.op.cancel()

    def print_receipts(self) -> None:
        """Every receipt of this campaign in one PDF, previewed; each print is counted only
        once the printer's spooler has taken the whole job."""
        from desktop.services import relief, ui_queries

        fmt, name, ctx = receipt_format(self.state), self.name.text().strip(), self.state.ctx

        def work(job: Any) -> tuple[bytes, list[str]]:
            rows = ui_queries.relief_rows(ctx, campaign=name, limit=100_000)
            ids = [r.receipt_id for r in rows if r.receipt_id and r.status == "issued"]
            copies = [relief.next_print(ctx, receipt_id) for receipt_id in ids]
            return campaign_pdf(copies, fmt, job), ids

        op = self.state.ops.task(work).with_progress(self._progressed)
        op.success(lambda result: self.preview_receipts(*result)).run()

    def preview_receipts(self, pdf: bytes, ids: list[str]) -> None:
        from desktop.services import relief

        from .printing import PdfPreview

        if not ids:
            self.status.setText(self.tr("这次活动还没有可打印的收据。"))
            return
        ctx = self.state.ctx
        title = self.tr("%1 收据（%2 张）").replace("%1", self.name.text().strip())
        PdfPreview(
            pdf,
            title.replace("%2", str(len(ids))),
            parent=self,
            printed=lambda: [relief.record_print(ctx, receipt_id) for receipt_id in ids],
        ).open()

    def print_signoff(self) -> None:
        from desktop.services import ui_queries
        from desktop.services.validate import period_of

        from .printing import PdfPreview

        ctx = self.state.ctx
        op = self.state.ops.query(
            ui_queries.signoff_pdf_bytes,
            ctx,
            period_of(ctx.today),
            campaign=self.name.text().strip(),
        )
        op.success(lambda pdf: PdfPreview(pdf, self.tr("签收表"), parent=self).open()).run()
