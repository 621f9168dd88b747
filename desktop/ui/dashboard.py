"""工作台: follow-ups due, this month's visits and relief, budgets, sync, quick actions."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QWidget,
)

from .charts import BudgetBars
from .page import Page
from .state import AppState
from .theme import icon
from .widgets import Card


@dataclass
class Overview:
    followups: list[Any]
    month: dict[str, Any]
    budgets: list[Any]
    sync: Any
    cases: list[Any] = field(default_factory=list)  # rights cases due or overdue (issue 17)
    reviews: list[Any] = field(default_factory=list)  # hardship files due for 年审 (issue 16)
    grants: list[Any] = field(default_factory=list)  # children waiting for this year's grant


def load_overview(ctx: Any) -> Overview:
    """Runs on the ops helper; every number comes from a service."""
    from desktop.services import (
        case_queries,
        hardship_queries,
        programs,
        students,
        ui_queries,
        visits,
    )
    from desktop.services.validate import period_of

    return Overview(
        visits.followups_due(ctx),
        ui_queries.month_summary(ctx, period_of(ctx.today)),
        programs.budget_status(ctx),
        ui_queries.sync_overview(ctx),
        case_queries.cases_due(ctx),
        hardship_queries.reviews_due(ctx),
        students.grants_due(ctx),
    )


class DashboardPage(Page):
    title_text = "工作台"
    watches = frozenset(
        {"visit", "relief", "receipt", "fund_program", "program_budget", "station_log", "member"}
        | {"rights_case"}
        | {"hardship_file", "student"}
    )

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        grid = QGridLayout()
        grid.setSpacing(12)
        self.layout_.addLayout(grid, 1)
        self.visits_num, visits_card = self._number_card(self.tr("本月走访"))
        self.relief_num, relief_card = self._number_card(self.tr("本月帮扶发放"))
        self.sync_num, sync_card = self._number_card(self.tr("待同步"))
        grid.addWidget(visits_card, 0, 0)
        grid.addWidget(relief_card, 0, 1)
        grid.addWidget(sync_card, 0, 2)
        follow_card = Card(self.tr("待回访（按到期日）"))
        self.followups = QListWidget()
        self.followups.itemActivated.connect(lambda _item: self.navigate.emit("visits"))
        follow_card.body.addWidget(self.followups)
        grid.addWidget(follow_card, 1, 0)
        cases_card = Card(self.tr("维权个案期限（待受理、调解中）"))
        self.cases = QListWidget()
        self.cases.setWordWrap(True)
        self.cases.itemActivated.connect(lambda _item: self.navigate.emit("cases"))
        cases_card.body.addWidget(self.cases)
        grid.addWidget(cases_card, 2, 0)
        budget_card = Card(self.tr("本年度帮扶项目预算"))
        self.bars = BudgetBars()
        budget_card.body.addWidget(self.bars)
        budget_card.body.addStretch(1)
        grid.addWidget(budget_card, 1, 1, 1, 2)
        actions = Card(self.tr("快捷操作"))
        row = QGridLayout()
        for index, (text, name, key) in enumerate(
            (
                (self.tr("新增走访"), "visits", "visits"),
                (self.tr("发放帮扶"), "relief", "relief"),
                (self.tr("查找会员"), "search", "members"),
                (self.tr("写工作日志"), "log", "log"),
                (self.tr("月结"), "month", "month"),
                (self.tr("立即同步"), "sync", "sync"),
            )
        ):
            button = QPushButton(icon(name), text)
            button.setMinimumHeight(34)
            button.clicked.connect(lambda _=False, k=key: self.navigate.emit(k))
            row.addWidget(button, index // 3, index % 3)
        actions.body.addLayout(row)
        grid.addWidget(actions, 2, 1, 1, 2)
        dues_card = Card(self.tr("困难档案年审到期、本学年助学金待发"))
        self.dues = QListWidget()
        self.dues.setMaximumHeight(130)
        self.dues.itemActivated.connect(
            lambda item: self.navigate.emit(item.data(256) or "hardship")
        )
        dues_card.body.addWidget(self.dues)
        grid.addWidget(dues_card, 3, 0, 1, 3)
        grid.setRowStretch(1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        self.refresh()

    def _number_card(self, title: str) -> tuple[QLabel, Card]:
        card = Card(title)
        number = QLabel("—")
        number.setObjectName("BigNumber")
        card.body.addWidget(number)
        detail = QLabel()
        detail.setObjectName("Detail")
        card.body.addWidget(detail)
        number.setProperty("detail", detail)
        return number, card

    def refresh(self) -> None:
        super().refresh()
        self.state.ops.query(load_overview, self.state.ctx).success(self.show_overview).run()

    def show_overview(self, data: Overview) -> None:
        from contract.money import fen_to_yuan_text

        month = data.month
        relief = month["relief"]
        self.visits_num.setText(str(month["visits"]))
        self.visits_num.property("detail").setText(
            self.tr("工作日志 %1 条").replace("%1", str(month["log_entries"]))
        )
        self.relief_num.setText(self.tr("%1 人次").replace("%1", str(relief["count"])))
        self.relief_num.property("detail").setText(
            self.tr("现金 %1，物资 %2")
            .replace("%1", fen_to_yuan_text(relief["cash_fen"]))
            .replace("%2", fen_to_yuan_text(relief["goods_value_fen"]))
        )
        sync = data.sync
        self.sync_num.setText(str(sync.pending))
        last = sync.last_sync or self.tr("尚未同步")
        self.sync_num.property("detail").setText(self.tr("上次同步：%1").replace("%1", last))
        self.followups.clear()
        for item in data.followups[:50]:
            due = item.visit.followup_due
            mark = self.tr("【逾期】") if item.overdue else ""
            self.followups.addItem(
                f"{mark}{due:%m-%d}  {'、'.join(item.member_names)}  {item.visit.purpose}"
            )
        if not data.followups:
            self.followups.addItem(self.tr("暂无待回访事项"))
        self.show_cases(data.cases)
        self.show_dues(data.reviews, data.grants)
        self.bars.set_rows([(b.program.name, b.used_fen, b.budget_fen) for b in data.budgets])

    def show_cases(self, rows: list[Any]) -> None:
        """Cases whose deadline has passed or is within two days (issue 17)."""
        from .labels import enum_text

        self.cases.clear()
        for row in rows[:50]:
            mark = self.tr("【已超期】") if row.urgency == "overdue" else self.tr("【将到期】")
            status = enum_text("CaseStatus", row.case.status)
            number = row.case.case_no.split("-", 1)[-1]  # the station's code left out
            self.cases.addItem(f"{mark}{row.due:%m-%d}  {number}  {status}  {row.case.employer}")
        if not rows:
            self.cases.addItem(self.tr("暂无到期的维权个案"))

    def show_dues(self, reviews: list[Any], grants: list[Any]) -> None:
        """Annual reviews due within 30 days and grants not yet given (issue 16)."""
        self.dues.clear()
        for row in reviews[:50]:
            late = row.review_due < self.state.ctx.today
            mark = self.tr("【年审逾期】") if late else self.tr("【年审】")
            self.dues.addItem(f"{mark}{row.review_due:%Y-%m-%d}  {row.file_no}  {row.name}")
            self.dues.item(self.dues.count() - 1).setData(256, "hardship")
        for row in grants[:50]:
            self.dues.addItem(
                self.tr("【助学待发】%1（家长 %2）")
                .replace("%1", row.name)
                .replace("%2", row.parent)
            )
            self.dues.item(self.dues.count() - 1).setData(256, "students")
        if not reviews and not grants:
            self.dues.addItem(self.tr("暂无到期年审或待发助学金"))
