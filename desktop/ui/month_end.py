"""月结: the month's summary, what blocks closing, close, print the monthly report, sync."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from .page import Page
from .service_text import translate
from .state import AppState
from .widgets import Card


def recent_periods(today: Any, count: int = 12) -> list[str]:
    year, month = today.year, today.month
    periods = []
    for _ in range(count):
        periods.append(f"{year:04d}-{month:02d}")
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return periods


class MonthEndPage(Page):
    title_text = "月结"
    watches = frozenset({"relief", "receipt", "visit", "station_log", "month_close"})

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        bar = QHBoxLayout()
        self.period = QComboBox()
        self.period.addItems(recent_periods(state.ctx.today))
        self.period.currentIndexChanged.connect(lambda _i: self.refresh())
        self.close_button = QPushButton(self.tr("月结"))
        self.close_button.setObjectName("Primary")
        self.close_button.clicked.connect(self.close_month)
        self.report_button = QPushButton(self.tr("打印月报"))
        self.report_button.clicked.connect(self.print_report)
        self.sync_button = QPushButton(self.tr("同步"))
        self.sync_button.clicked.connect(lambda: self.navigate.emit("sync"))
        bar.addWidget(QLabel(self.tr("月份")))
        bar.addWidget(self.period)
        bar.addStretch(1)
        for button in (self.close_button, self.report_button, self.sync_button):
            bar.addWidget(button)
        self.layout_.addLayout(bar)
        row = QHBoxLayout()
        summary = Card(self.tr("本月汇总"))
        self.summary = QTreeWidget()
        self.summary.setHeaderLabels([self.tr("项目"), self.tr("数值")])
        self.summary.setRootIsDecorated(False)
        self.summary.setColumnWidth(0, 220)
        summary.body.addWidget(self.summary)
        checks = Card(self.tr("检查"))
        self.blockers = QLabel()
        self.blockers.setObjectName("Refusal")
        self.blockers.setWordWrap(True)
        self.warnings = QLabel()
        self.warnings.setObjectName("Warning")
        self.warnings.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        for widget in (self.status, self.blockers, self.warnings):
            checks.body.addWidget(widget)
        checks.body.addStretch(1)
        row.addWidget(summary, 3)
        row.addWidget(checks, 2)
        self.layout_.addLayout(row, 1)
        self.result: Any = None
        self.is_closed = False
        self.refresh()

    def refresh(self) -> None:
        super().refresh()
        from desktop.services import monthclose, programs

        period = self.current_period()

        def load() -> tuple[Any, dict[str, str], set[str]]:
            ctx = self.state.ctx
            names = programs.list_programs(ctx, year=int(period[:4]), active_only=False)
            closed = {row.period for row in monthclose.list_closes(ctx)}
            return monthclose.check(ctx, period), {p.code: p.name for p in names}, closed

        self.state.ops.query(load).success(lambda r: self.show_check(*r)).run()

    def current_period(self) -> str:
        return str(self.period.currentData() or self.period.currentText()[:7])

    def mark_closed(self, closed: set[str]) -> None:
        """Closed months read 2026-10（已月结） in the month list."""
        for index in range(self.period.count()):
            period = self.period.itemData(index) or self.period.itemText(index)[:7]
            self.period.setItemData(index, period)
            label = period + (self.tr("（已月结）") if period in closed else "")
            self.period.setItemText(index, label)

    def show_check(
        self, result: Any, names: dict[str, str] | None = None, closed: set[str] | None = None
    ) -> None:
        from contract.money import fen_to_yuan_text

        names = names or {}
        self.result = result
        self.is_closed = result.period in (closed or set())
        self.mark_closed(closed or set())
        s = result.summary
        self.summary.clear()
        rows = [
            (self.tr("帮扶发放人次"), str(s["relief"]["count"])),
            (self.tr("现金合计"), fen_to_yuan_text(s["relief"]["cash_fen"])),
            (self.tr("物资价值合计"), fen_to_yuan_text(s["relief"]["goods_value_fen"])),
            (self.tr("走访次数"), str(s["visits"])),
            (self.tr("工作日志条数"), str(s["log_entries"])),
            (self.tr("收据张数"), str(s["receipts"]["count"])),
            (
                self.tr("收据号段"),
                f"{s['receipts']['first']} — {s['receipts']['last']}"
                if s["receipts"]["first"]
                else "—",
            ),
            (self.tr("作废收据"), "、".join(s["receipts"]["voided"]) or "—"),
        ]
        for code, slot in s["by_program"].items():
            rows.append(
                (
                    names.get(code) or self.tr("项目 %1").replace("%1", code),
                    f"{slot['count']} / {fen_to_yuan_text(slot['cash_fen'] + slot['goods_value_fen'])}",
                )
            )
        for label, value in rows:
            QTreeWidgetItem(self.summary, [label, value])
        blockers = [] if self.is_closed else result.blockers
        self.blockers.setVisible(bool(blockers))
        self.blockers.setText(
            self.tr("不能月结：") + "\n" + "\n".join(f"· {translate(b)}" for b in blockers)
        )
        self.warnings.setVisible(bool(result.warnings) and not self.is_closed)
        self.warnings.setText("\n".join(f"· {translate(w)}" for w in result.warnings))
        if self.is_closed:
            self.status.setText(self.tr("%1 已月结，本月记录只读。").replace("%1", result.period))
        else:
            self.status.setText(self.tr("可以月结。") if not blockers else "")
        self.close_button.setEnabled(not blockers and not self.is_closed)

    def close_month(self) -> None:
        """月结: the month's totals first, then the question; success reads as success."""
        from desktop.services import monthclose

        if self.result is None or not self.confirm_close(self.result):
            return
        period = self.result.period
        op = self.state.ops.query(monthclose.close, self.state.ctx, period)
        op.success(lambda _r: self.closed(period)).run()

    def closed(self, period: str) -> None:
        self.status.setText(self.tr("%1 已月结，本月记录只读。").replace("%1", period))

    def confirm_close(self, result: Any) -> bool:
        from contract.money import capitals, fen_to_yuan_text

        s = result.summary
        total = s["relief"]["cash_fen"] + s["relief"]["goods_value_fen"]
        text = self.tr(
            "%1 月结：\n帮扶发放 %2 人次，现金 %3，物资 %4\n合计 %5（%6）\n收据 %7 张，"
            "作废 %8 张\n走访 %9 次\n\n月结后本月记录只读，更正只能记入以后的月份。确定月结吗？"
        )
        values = (
            result.period,
            str(s["relief"]["count"]),
            fen_to_yuan_text(s["relief"]["cash_fen"]),
            fen_to_yuan_text(s["relief"]["goods_value_fen"]),
            fen_to_yuan_text(total),
            capitals(total),
            str(s["receipts"]["count"]),
            str(len(s["receipts"]["voided"])),
            str(s["visits"]),
        )
        for index, value in reversed(list(enumerate(values, start=1))):
            text = text.replace(f"%{index}", value)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("确认月结"), text, parent=self)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("确认月结"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("取消"))
        return box.exec() == QMessageBox.StandardButton.Yes

    def print_report(self) -> None:
        from desktop.services import ui_queries

        from .printing import PdfPreview

        period = self.current_period()
        op = self.state.ops.query(ui_queries.monthly_pdf_bytes, self.state.ctx, period)
        op.success(
            lambda pdf: PdfPreview(
                pdf, self.tr("月报 %1").replace("%1", period), parent=self
            ).open()
        ).run()
