"""工作日志: today's entries, quick add by category, a month view."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
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
        from contract.enums import LogCategory, Topic

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
        row.addWidget(add, 3)
        today = Card(self.tr("今天"))
        self.today = QTreeWidget()
        self.today.setHeaderLabels([self.tr("类别"), self.tr("人数/件数"), self.tr("内容")])
        self.today.setRootIsDecorated(False)
        for column in (0, 1):
            self.today.header().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents
            )
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
        self.month.setObjectName("MonthTable")
        self.month.setUniformRowHeights(True)
        header = self.month.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        month.body.addWidget(self.month)
        right = QHBoxLayout()
        right.addWidget(today, 1)
        right.addWidget(month, 0)  # as wide as its columns need
        row.addLayout(right, 8)
        self.refresh()

    def save(self) -> None:
        from contract.money import parse_yuan
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
        keys = ("entries", "visitors", "consultations", "mediations", "new_members")
        totals = dict.fromkeys(keys, 0)
        locale = QLocale()
        for day, sums in month.items():
            weekday = locale.dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)
            self._month_row([f"{day:%m-%d} {weekday}"] + [sums.get(k, 0) for k in keys])
            for key in keys:
                totals[key] += sums.get(key, 0)
        if month:
            total = self._month_row([self.tr("合计")] + [totals[k] for k in keys])
            font = total.font(0)
            font.setBold(True)
            for column in range(len(keys) + 1):
                total.setFont(column, font)
        self._fit_month()

    def _month_row(self, values: list[Any]) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self.month, [str(v) for v in values])
        for column in range(1, len(values)):
            item.setTextAlignment(
                column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
        return item

    def _fit_month(self) -> None:
        """Every column of the month table shows (新会员 was cut off at 1366x768): the table
        asks for the width of its contents and the today list gives way."""
        header = self.month.header()
        header.resizeSections(QHeaderView.ResizeMode.ResizeToContents)
        scroll = self.month.verticalScrollBar().sizeHint().width()
        self.month.setMinimumWidth(header.length() + scroll + 2 * self.month.frameWidth() + 4)
