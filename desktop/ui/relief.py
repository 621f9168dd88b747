"""帮扶发放: issue cash or goods with the program's caps and the member's history shown first;
refusal or warning; the station head's override with a reason; receipt preview, print,
void with a reason, reprint (补打)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from .labels import QT_TRANSLATE_NOOP
from .member_picker import MemberPicker
from .page import Page
from .service_text import translate
from .state import AppState
from .widgets import Card, FieldForm, fit_columns


def receipt_format(state: AppState) -> str:
    from .app import settings

    return str(settings().value("receipt_format", "a4"))


def receipt_pdf(job: Any, fmt: str) -> bytes:
    """A print copy (services.relief.PrintJob) as PDF bytes."""
    from desktop.receipts import render_receipt

    return render_receipt(
        job.content, fmt=fmt, copy_label=job.copy_label, void_reason=job.void_reason
    )


def preview_pdf(receipt: Any, fmt: str) -> bytes:
    from desktop.receipts import render_receipt

    return render_receipt(
        receipt.content,
        fmt=fmt,
        copy_label="预览（未计入打印）",  # on the receipt itself, which is always Chinese
        void_reason=receipt.void_reason if receipt.voided else None,
    )


def open_receipt(state: AppState, parent: QWidget, receipt_id: str) -> None:
    """Preview (not counted); the dialog's 打印 prints the next copy (补打 from the second on)
    and counts it once the printer's spooler has taken it."""
    from desktop.services import relief

    from .printing import PdfPreview

    fmt, ctx = receipt_format(state), state.ctx

    def show(pdf: bytes) -> None:
        PdfPreview(
            pdf,
            QCoreApplication.translate("ReliefPage", "收据预览"),
            parent=parent,
            print_copy=lambda: receipt_pdf(relief.next_print(ctx, receipt_id), fmt),
            printed=lambda: relief.record_print(ctx, receipt_id),
        ).open()

    state.ops.query(lambda: preview_pdf(relief.get_receipt(ctx, receipt_id), fmt)).success(
        show
    ).run()


class ReliefPage(Page):
    title_text = "帮扶发放"
    watches = frozenset({"relief", "receipt", "fund_program", "program_budget", "member"})

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        row = QHBoxLayout()
        self.layout_.addLayout(row, 1)
        card = Card(self.tr("发放"))
        self.form = FieldForm()
        self.picker = self.form.add(
            "member_id", self.tr("领取人"), MemberPicker(state, multiple=False)
        )
        self.program = self.form.add("program_id", self.tr("帮扶项目"), QComboBox())
        self.cash = self.form.add("cash_fen", self.tr("现金（元）"), QLineEdit())
        self.cash.setPlaceholderText("0.00")
        self.goods_item = self.form.add("goods.1", self.tr("物资"), QLineEdit())
        self.goods_item.setPlaceholderText(self.tr("名称，例如 大米"))
        goods_row = QWidget()
        goods_box = QHBoxLayout(goods_row)
        goods_box.setContentsMargins(0, 0, 0, 0)
        self.goods_qty = QLineEdit()
        self.goods_qty.setPlaceholderText(self.tr("数量"))
        self.goods_unit = QLineEdit()
        self.goods_unit.setPlaceholderText(self.tr("单位"))
        self.goods_value = QLineEdit()
        self.goods_value.setPlaceholderText(self.tr("价值（元）"))
        for edit in (self.goods_qty, self.goods_unit, self.goods_value):
            goods_box.addWidget(edit)
        self.form.addRow("", goods_row)
        self.note = self.form.add("note", self.tr("备注"), QLineEdit())
        card.body.addLayout(self.form)
        self.rules = QLabel(
            self.tr("选择领取人和项目后，这里显示项目上限、该会员今年的领取情况和预算余额。")
        )
        self.rules.setWordWrap(True)
        self.refusal = QLabel()
        self.refusal.setObjectName("Refusal")
        self.refusal.setWordWrap(True)
        self.refusal.hide()
        self.override = QLineEdit()
        self.override.setPlaceholderText(self.tr("站长批准超规则发放的理由（记入审计）"))
        self.override.hide()
        # Ctrl+Enter, not a bare Enter: an Enter typed to finish the amount must not hand out money
        self.issue_button = QPushButton(self.tr("确认发放并预览收据（Ctrl+Enter）"))
        self.issue_button.setObjectName("Primary")
        self.issue_button.clicked.connect(self.issue)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.issue_shortcut)
        for widget in (self.rules, self.refusal, self.override, self.issue_button):
            card.body.addWidget(widget)
        card.body.addStretch(1)
        row.addWidget(card, 2)
        listing = Card(self.tr("本月发放"))
        self.list = QTreeWidget()
        self.list.setHeaderLabels(
            [
                self.tr("日期"),
                self.tr("领取人"),
                self.tr("项目"),
                self.tr("金额"),
                self.tr("收据号"),
                self.tr("状态"),
            ]
        )
        self.list.setRootIsDecorated(False)
        fit_columns(self.list)
        listing.body.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        self.preview_button = QPushButton(self.tr("预览/打印收据"))
        self.void_button = QPushButton(self.tr("作废"))
        self.preview_button.clicked.connect(self.preview_selected)
        self.void_button.clicked.connect(self.void_selected)
        buttons.addStretch(1)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.void_button)
        listing.body.addLayout(buttons)
        self.list_status = QLabel()
        self.list_status.setWordWrap(True)
        listing.body.addWidget(self.list_status)
        row.addWidget(listing, 3)
        self.picker.changed.connect(self.check)
        self.program.currentIndexChanged.connect(lambda _i: self.check())
        self.cash.editingFinished.connect(self.check)
        self.goods_value.editingFinished.connect(self.check)
        self.last_issued: Any = None
        self.programs: dict[str, Any] = {}
        self.refresh()

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        chosen = self.state.extra.pop("selected_member", None)
        if chosen:
            self.picker.add(*chosen)

    def refresh(self) -> None:
        super().refresh()
        from desktop.services import programs, ui_queries
        from desktop.services.validate import period_of

        def load() -> tuple[Any, Any]:
            ctx = self.state.ctx
            return (
                programs.list_programs(ctx, year=ctx.today.year),
                ui_queries.relief_rows(ctx, period=period_of(ctx.today)),
            )

        self.state.ops.query(load).success(lambda r: self.show_data(*r)).run()

    def show_data(self, programs: list[Any], rows: list[Any]) -> None:
        from contract.money import fen_to_yuan_text

        current = self.program.currentData()
        self.program.blockSignals(True)
        self.program.clear()
        self.programs = {program.id: program for program in programs}
        for program in programs:
            self.program.addItem(program.name, program.id)
        self.program.setCurrentIndex(max(0, self.program.findData(current)))
        self.program.blockSignals(False)
        self.list.clear()
        labels = {
            "issued": self.tr("已发放"),
            "void": self.tr("已作废"),
            "adjustment": self.tr("调整"),
        }
        for item in rows:
            status = labels.get(item.status, item.status)
            if item.status == "issued" and item.print_count == 0:
                status += self.tr("·未打印")
            tree_item = QTreeWidgetItem(
                self.list,
                [
                    item.issued_on.isoformat(),
                    item.member_name,
                    item.program_name,
                    fen_to_yuan_text(item.total_fen),
                    item.receipt_number,
                    status,
                ],
            )
            tree_item.setData(0, Qt.ItemDataRole.UserRole, item)
            tree_item.setTextAlignment(
                3, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )

    # --- building the input -----------------------------------------------------------------
    def build_input(self, *, strict: bool) -> Any:
        from contract.money import parse_yuan
        from desktop.services.errors import ValidationError
        from desktop.services.relief import GoodsLine, ReliefInput

        ids = self.picker.member_ids()
        errors: dict[str, str] = {}
        if not ids:
            errors["member_id"] = self.tr("请选择领取人")
        if self.program.currentData() is None:
            errors["program_id"] = self.tr(
                "请选择帮扶项目（本年度还没有项目时：未登记的服务站由站长在“设置 → 帮扶项目”中新建，"
                "已登记的服务站同步后由区总工会下发）"
            )
        cash = goods_value = 0
        try:
            cash = parse_yuan(self.cash.text() or "0", field=QT_TRANSLATE_NOOP("service", "现金"))
        except ValueError as exc:
            errors["cash_fen"] = str(exc)
        goods = []
        if self.goods_item.text().strip():
            try:
                goods_value = parse_yuan(
                    self.goods_value.text() or "0", field=QT_TRANSLATE_NOOP("service", "物资价值")
                )
                quantity = float(self.goods_qty.text() or "1")
                goods.append(
                    GoodsLine(
                        self.goods_item.text().strip(),
                        quantity,
                        self.goods_unit.text().strip() or "份",
                        goods_value,
                    )
                )
            except ValueError as exc:
                errors["goods.1"] = str(exc)
        if errors:
            if strict:
                raise ValidationError(errors)
            return None
        return ReliefInput(
            member_id=ids[0],
            program_id=self.program.currentData(),
            cash_fen=cash,
            goods=goods,
            note=self.note.text(),
            override_reason=self.override.text(),
        )

    def check(self) -> None:
        """Show caps, history and budget before the user confirms."""
        from desktop.services import relief

        data = self.build_input(strict=False)
        if data is None:
            return
        self.state.ops.query(relief.preview, self.state.ctx, data).success(self.show_check).run()

    def show_check(self, check: Any) -> None:
        from contract.money import fen_to_yuan_text

        budget = (
            self.tr("不限")
            if check.budget_remaining_fen is None
            else fen_to_yuan_text(check.budget_remaining_fen)
        )
        text = self.tr("该会员今年已领取本项目 %1 次，共 %2；本站预算余额 %3。")
        text = (
            text.replace("%1", str(check.times_this_year))
            .replace("%2", fen_to_yuan_text(check.amount_this_year_fen))
            .replace("%3", budget)
        )
        caps = self.caps_text(self.programs.get(self.program.currentData()))
        if caps:
            text = caps + "\n" + text
        if check.warnings:
            text += "\n" + "\n".join(translate(w) for w in check.warnings)
        self.rules.setText(text)
        self.show_refusal(check.reasons)

    def caps_text(self, program: Any) -> str:
        """The program's rules in a line: times a year, yearly total, largest hand-out."""
        from contract.money import fen_to_yuan_text

        if program is None:
            return ""
        parts = []
        if program.max_times_per_year is not None:
            parts.append(self.tr("每年最多 %1 次").replace("%1", str(program.max_times_per_year)))
        if program.annual_cap_fen is not None:
            cap = fen_to_yuan_text(program.annual_cap_fen)
            parts.append(self.tr("年度累计不超过 %1").replace("%1", cap))
        largest = getattr(program, "max_amount_fen", None)
        if largest is not None:
            parts.append(self.tr("每次不超过 %1").replace("%1", fen_to_yuan_text(largest)))
        if not parts:
            return self.tr("本项目没有次数和金额上限。")
        return self.tr("本项目上限：") + "，".join(parts) + self.tr("。")

    def show_refusal(self, reasons: list[str]) -> None:
        self.refusal.setVisible(bool(reasons))
        self.override.setVisible(bool(reasons) and self.state.is_head)
        if not reasons:
            self.issue_button.setEnabled(True)
            return
        text = self.tr("不符合发放规则：") + "\n" + "\n".join(f"· {translate(r)}" for r in reasons)
        if not self.state.is_head:
            text += "\n" + self.tr("需要站长登录后批准。")
        self.refusal.setText(text)
        self.issue_button.setEnabled(self.state.is_head)

    def issue_shortcut(self) -> None:
        if self.issue_button.isEnabled():
            self.issue()

    def issue(self) -> None:
        from desktop.services import relief
        from desktop.services.errors import ValidationError

        try:
            data = self.build_input(strict=True)
        except ValidationError as exc:
            self.form.show_errors(exc.errors)
            return
        op = self.state.ops.query(relief.issue, self.state.ctx, data)
        op.success(self._issued).failure(self._failed).run()

    def _issued(self, result: Any) -> None:
        _relief, receipt = result
        self.last_issued = receipt
        self.form.clear_errors()
        self.picker.clear()
        for edit in (
            self.cash,
            self.goods_item,
            self.goods_qty,
            self.goods_unit,
            self.goods_value,
            self.note,
            self.override,
        ):
            edit.clear()
        self.show_refusal([])
        self.rules.setText(self.tr("已发放，收据号 %1").replace("%1", receipt.number))
        open_receipt(self.state, self, receipt.id)

    def _failed(self, exc: BaseException) -> None:
        reasons = getattr(exc, "reasons", None)
        if reasons:
            self.show_refusal(reasons)
        else:
            from .errors import show_form_error

            show_form_error(self, self.form, exc)

    # --- the list ---------------------------------------------------------------------------
    def selected(self) -> Any:
        item = self.list.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item else None

    def preview_selected(self) -> None:
        row = self.selected()
        if row is not None and row.receipt_id:
            open_receipt(self.state, self, row.receipt_id)

    def void_selected(self) -> None:
        """作废: asks for the reason; the receipt keeps its number and is marked 作废."""
        from desktop.services import relief

        row = self.selected()
        if row is None or row.status != "issued":
            self.show_list_status(self.tr("请先在列表中选中一条已发放的记录。"), error=True)
            return
        question = self.tr("作废 %1 的发放（收据号 %2 保留、标记作废）。请填写原因：")
        reason, ok = QInputDialog.getText(
            self,
            self.tr("作废"),
            question.replace("%1", row.member_name).replace("%2", row.receipt_number),
        )
        if not ok:
            return
        if not reason.strip():
            self.show_list_status(self.tr("没有作废：必须填写作废原因。"), error=True)
            return
        op = self.state.ops.query(relief.void, self.state.ctx, row.id, reason.strip())
        op.success(lambda done: self._voided(row, done)).failure(self._list_failed).run()

    def _voided(self, row: Any, done: Any) -> None:
        if done.status == "adjustment":
            text = self.tr("%1 已月结，已在本月记一笔冲减调整。").replace(
                "%1", row.issued_on.isoformat()[:7]
            )
        else:
            text = self.tr("已作废收据 %1。").replace("%1", row.receipt_number)
        self.show_list_status(text)

    def _list_failed(self, exc: BaseException) -> None:
        from desktop.services.errors import UserFacingError

        if isinstance(exc, UserFacingError):
            self.show_list_status(translate(exc.message), error=True)
        else:
            from .errors import show_error

            show_error(self, exc)

    def show_list_status(self, text: str, *, error: bool = False) -> None:
        self.list_status.setObjectName("Refusal" if error else "")
        self.list_status.style().polish(self.list_status)
        self.list_status.setText(text)
