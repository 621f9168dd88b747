"""工作日志: today's entries, quick add by category, a month view."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from .labels import enum_label, enum_text
from .page import Page
from .state import AppState
from .widgets import Card, FieldForm


class StationLogPage(Page):
    title_text = "工作日志"
    watches = frozenset({"station_log"})

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        from desktop.models.enums import LogCategory, Topic

        row = QHBoxLayout()
        self.layout_.addLayout(row, 1)
        add = Card(self.tr("快速记录（今天）"))
        self.form = FieldForm()
        self.category = self.form.add("category", self.tr("类别"), QComboBox())
        for item in LogCategory:
            self.category.addItem(enum_label(item), item.value)
        self.topic = self.form.add("topic", self.tr("咨询事项"), QComboBox())
        self.topic.addItem("", "")
        for topic in Topic:
            self.topic.addItem(enum_label(topic), topic.value)
        self.counts: dict[str, QSpinBox] = {}
        for key, label in (
            ("visitors", self.tr("接待人数")),
            ("consultations", self.tr("咨询次数")),
            ("mediations", self.tr("调解件数")),
            ("new_members", self.tr("新发展会员")),
            ("services", self.tr("驿站服务人次")),
        ):
            spin = QSpinBox()
            spin.setRange(0, 100000)
            self.counts[key] = self.form.add(key, label, spin)  # type: ignore[assignment]
        self.amount = self.form.add("amount_recovered_fen", self.tr("追回金额（元）"), QLineEdit())
        self.text = self.form.add("text", self.tr("内容"), QLineEdit())
        add.body.addLayout(self.form)
        self.save_button = QPushButton(self.tr("记录"))
        self.save_button.setObjectName("Primary")
        self.save_button.clicked.connect(self.save)
        add.body.addWidget(self.save_button)
        add.body.addStretch(1)
        row.addWidget(add, 4)
        today = Card(self.tr("今天"))
        self.today = QTreeWidget()
        self.today.setHeaderLabels([self.tr("类别"), self.tr("人数/件数"), self.tr("内容")])
        self.today.setRootIsDecorated(False)
        today.body.addWidget(self.today)
        month = Card(self.tr("本月按日汇总"))
        self.month = QTreeWidget()
        self.month.setHeaderLabels(
            [
                self.tr("日期"),
                self.tr("条数"),
                self.tr("接待"),
                self.tr("咨询"),
                self.tr("调解"),
                self.tr("新会员"),
            ]
        )
        self.month.setRootIsDecorated(False)
        for column, width in enumerate((90, 40, 45, 45, 45, 50)):
            self.month.setColumnWidth(column, width)
        month.body.addWidget(self.month)
        right = QHBoxLayout()
        right.addWidget(today, 4)
        right.addWidget(month, 3)
        row.addLayout(right, 7)
        self.refresh()

    def save(self) -> None:
        from desktop.models.money import parse_yuan
        from desktop.services import logs

        try:
            amount = parse_yuan(self.amount.text() or "0", field="追回金额")
        except ValueError as exc:
            self.form.show_errors({"amount_recovered_fen": str(exc)})
            return
        data = logs.LogInput(
            category=self.category.currentData(),
            topic=self.topic.currentData(),
            amount_recovered_fen=amount,
            text=self.text.text(),
            **{k: s.value() for k, s in self.counts.items()},  # type: ignore[arg-type]
        )
        op = self.state.ops.query(logs.add_log, self.state.ctx, data)
        op.success(lambda _e: self._saved()).failure(self._failed).run()

    def _saved(self) -> None:
        self.form.clear_errors()
        self.text.clear()
        self.amount.clear()
        for spin in self.counts.values():
            spin.setValue(0)

    def _failed(self, exc: BaseException) -> None:
        from .errors import show_form_error

        show_form_error(self, self.form, exc)

    def refresh(self) -> None:
        super().refresh()
        from desktop.services import logs
        from desktop.services.validate import period_of

        def load() -> tuple[Any, Any]:
            ctx = self.state.ctx
            return logs.list_logs(ctx, day=ctx.today), logs.month_view(ctx, period_of(ctx.today))

        self.state.ops.query(load).success(lambda r: self.show_data(*r)).run()

    def show_data(self, entries: list[Any], month: dict[Any, dict[str, int]]) -> None:
        self.today.clear()
        for entry in entries:
            count = (
                entry.visitors
                + entry.consultations
                + entry.mediations
                + entry.new_members
                + entry.services
            )
            QTreeWidgetItem(
                self.today,
                [enum_text("LogCategory", entry.category, ""), str(count), entry.text],
            )
        self.month.clear()
        for day, sums in month.items():
            QTreeWidgetItem(
                self.month,
                [
                    day.isoformat(),
                    str(sums.get("entries", 0)),
                    str(sums.get("visitors", 0)),
                    str(sums.get("consultations", 0)),
                    str(sums.get("mediations", 0)),
                    str(sums.get("new_members", 0)),
                ],
            )
