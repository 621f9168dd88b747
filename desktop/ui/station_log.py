"""工作日志: quick add by category for any day of an open month (Enter saves), this month's
entries with 修改 and 作废 (a reason), and a month view by day."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from .labels import QT_TRANSLATE_NOOP, enum_label, enum_text
from .page import Page
from .service_text import translate
from .state import AppState
from .visits import pydate, qdate
from .widgets import Card, FieldForm


class StationLogPage(Page):
    title_text = "工作日志"
    watches = frozenset({"station_log"})

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        from contract.enums import LogCategory, Topic

        row = QHBoxLayout()
        self.layout_.addLayout(row, 1)
        add = Card(self.tr("记录工作日志"))
        self.form = FieldForm()
        self.day = self.form.add("log_date", self.tr("日期"), QDateEdit())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
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
        self.text.returnPressed.connect(self.save)
        self.amount.returnPressed.connect(self.save)
        add.body.addLayout(self.form)
        self.save_button = QPushButton()
        self.save_button.setObjectName("Primary")
        self.save_button.clicked.connect(self.save)
        self.cancel_edit = QPushButton(self.tr("取消修改"))
        self.cancel_edit.clicked.connect(self.reset_form)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_edit)
        buttons.addWidget(self.save_button)
        add.body.addLayout(buttons)
        self.status = QLabel()
        self.status.setWordWrap(True)
        add.body.addWidget(self.status)
        add.body.addStretch(1)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)
        row.addWidget(add, 3)
        today = Card(self.tr("本月记录"))
        self.entries = QTreeWidget()
        self.entries.setHeaderLabels(
            [self.tr("日期"), self.tr("类别"), self.tr("人数/件数"), self.tr("内容")]
        )
        self.entries.setRootIsDecorated(False)
        for column in (0, 1, 2):
            self.entries.header().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents
            )
        today.body.addWidget(self.entries)
        entry_buttons = QHBoxLayout()
        self.edit_button = QPushButton(self.tr("修改"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.void_button = QPushButton(self.tr("作废"))
        self.void_button.clicked.connect(self.void_selected)
        entry_buttons.addStretch(1)
        entry_buttons.addWidget(self.edit_button)
        entry_buttons.addWidget(self.void_button)
        today.body.addLayout(entry_buttons)
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
        self.editing: Any = None
        self.reset_form()
        self.refresh()

    def reset_form(self) -> None:
        """Back to a new entry for today."""
        self.editing = None
        self.day.setDate(qdate(self.state.ctx.today))
        self.text.clear()
        self.amount.clear()
        for spin in self.counts.values():
            spin.setValue(0)
        self.form.clear_errors()
        self.save_button.setText(self.tr("记录（Enter）"))
        self.cancel_edit.hide()

    def read_form(self) -> Any:
        from contract.money import parse_yuan
        from desktop.services import logs
        from desktop.services.errors import ValidationError

        try:
            amount = parse_yuan(
                self.amount.text() or "0", field=QT_TRANSLATE_NOOP("service", "追回金额")
            )
        except ValueError as exc:
            raise ValidationError({"amount_recovered_fen": str(exc)}) from None
        return logs.LogInput(
            category=self.category.currentData(),
            log_date=pydate(self.day.date()),
            topic=self.topic.currentData(),
            amount_recovered_fen=amount,
            text=self.text.text(),
            **{k: s.value() for k, s in self.counts.items()},  # type: ignore[arg-type]
        )

    def save(self) -> None:
        from desktop.services import corrections, logs

        from .forms import save_form

        editing = self.editing.id if self.editing is not None else None
        save_form(
            self.state,
            self.form,
            self.read_form,
            logs.add_log,
            corrections.edit_log,
            editing,
            self._saved,
            self._failed,
        )

    def _saved(self, entry: Any) -> None:
        text = self.tr("已修改 %1 的日志。") if self.editing else self.tr("已记录 %1 的日志。")
        self.reset_form()
        self.status.setText(text.replace("%1", entry.log_date.isoformat()))

    def _failed(self, exc: BaseException) -> None:
        from .errors import show_form_error

        show_form_error(self, self.form, exc)

    def selected(self) -> Any:
        item = self.entries.currentItem()
        entry = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        if entry is None or entry.deleted:
            self.status.setText(self.tr("请先在本月记录中选中一条未作废的日志。"))
            return None
        return entry

    def edit_selected(self) -> None:
        """Load the entry into the form; 保存修改 records the change (audited)."""
        entry = self.selected()
        if entry is None:
            return
        self.reset_form()
        self.editing = entry
        self.day.setDate(qdate(entry.log_date))
        self.category.setCurrentIndex(max(0, self.category.findData(entry.category)))
        self.topic.setCurrentIndex(max(0, self.topic.findData(entry.topic)))
        for key, spin in self.counts.items():
            spin.setValue(getattr(entry, key))
        if entry.amount_recovered_fen:
            from contract.money import fen_to_yuan_text

            self.amount.setText(fen_to_yuan_text(entry.amount_recovered_fen, symbol=False))
        self.text.setText(entry.text)
        self.save_button.setText(self.tr("保存修改（Enter）"))
        self.cancel_edit.show()
        self.text.setFocus()

    def void_selected(self) -> None:
        from desktop.services import corrections

        entry = self.selected()
        if entry is None:
            return
        reason, ok = QInputDialog.getText(
            self, self.tr("作废日志"), self.tr("作废这条日志（记录保留并标明作废）。请填写原因：")
        )
        if not ok:
            return
        op = self.state.ops.query(corrections.void_log, self.state.ctx, entry.id, reason)
        op.success(lambda _e: self.status.setText(self.tr("已作废。"))).failure(
            lambda exc: self.status.setText(translate(getattr(exc, "message", None) or str(exc)))
        ).run()

    def refresh(self) -> None:
        super().refresh()
        from desktop.services import logs
        from desktop.services.validate import period_of

        def load() -> tuple[Any, Any]:
            ctx = self.state.ctx
            period = period_of(ctx.today)
            return logs.list_logs(ctx, period=period), logs.month_view(ctx, period)

        self.state.ops.query(load).success(lambda r: self.show_data(*r)).run()

    def show_data(self, entries: list[Any], month: dict[Any, dict[str, int]]) -> None:
        self.entries.clear()
        for entry in entries:
            count = (
                entry.visitors
                + entry.consultations
                + entry.mediations
                + entry.new_members
                + entry.services
            )
            text = entry.text
            if entry.deleted:
                text = self.tr("【已作废：%1】").replace("%1", entry.void_reason or "") + text
            item = QTreeWidgetItem(
                self.entries,
                [
                    entry.log_date.strftime("%m-%d"),
                    enum_text("LogCategory", entry.category, ""),
                    str(count),
                    text,
                ],
            )
            item.setData(0, Qt.ItemDataRole.UserRole, entry)
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
