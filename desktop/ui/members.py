"""会员: a list of 100,000 that scrolls smoothly, search as you type, filters, add and import."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from .labels import enum_label
from .member_model import MemberTableModel
from .page import Page
from .state import AppState
from .theme import icon

# Typing runs the search at once; keys typed while one is in flight are merged into one
# search of the latest text when it lands (no fixed delay on every key). The timer is only
# a safety net should a result never arrive.
FALLBACK_MS = 300


class MembersPage(Page):
    title_text = "会员"
    watches = frozenset({"member"})

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        from contract.enums import Hardship, JobGroup

        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("姓名、拼音、首字母、身份证或手机尾号、工作单位"))
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setClearButtonEnabled(True)
        self.job = QComboBox()
        self.job.addItem(self.tr("全部职业群体"), None)
        for item in JobGroup:
            self.job.addItem(enum_label(item), item.value)
        self.hardship = QComboBox()
        self.hardship.addItem(self.tr("全部会员"), None)
        self.hardship.addItem(self.tr("困难职工（全部类别）"), "any")
        for category in Hardship:
            if category.value != "none":
                self.hardship.addItem(enum_label(category), category.value)
        self.visited = QCheckBox(self.tr("今年走访过"))
        self.add_button = QPushButton(icon("add"), self.tr("新增会员"))
        self.add_button.setObjectName("Primary")
        self.import_button = QPushButton(icon("import"), self.tr("导入名册"))
        bar.addWidget(self.search, 3)
        bar.addWidget(self.job, 1)
        bar.addWidget(self.hardship, 1)
        bar.addWidget(self.visited)
        bar.addWidget(self.add_button)
        bar.addWidget(self.import_button)
        self.layout_.addLayout(bar)
        self.model = MemberTableModel(state.ops, state.ctx, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate(self._column_widths((110, 50, 170, 120, 300, 110))):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.layout_.addWidget(self.table, 1)
        self.count = QLabel()
        self.layout_.addWidget(self.count)
        self.pending = False
        self.select_after: str | None = None  # a member just added: selected once listed
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(FALLBACK_MS)
        self.timer.timeout.connect(self.run_query)
        self.search.textChanged.connect(self._typed)
        self.model.loaded.connect(self._landed)
        for combo in (self.job, self.hardship):
            combo.currentIndexChanged.connect(lambda _i: self.run_query())
        self.visited.toggled.connect(lambda _c: self.run_query())
        self.model.total_changed.connect(self._show_count)
        self.table.activated.connect(self.open_member)
        self.search.returnPressed.connect(self.focus_results)
        self.add_button.clicked.connect(self.add_member)
        self.import_button.clicked.connect(self.import_roster)
        QShortcut(QKeySequence("Ctrl+F"), self, self.search.setFocus)
        QShortcut(QKeySequence("Ctrl+N"), self, self.add_member)
        self.refresh()

    def _column_widths(self, widths: tuple[int, ...]) -> list[int]:
        """Enum columns as wide as their longest label in the interface language (English
        labels are longer); sizing to contents would read all 100,000 rows."""
        from .member_model import COLUMNS, ENUM_OF

        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader().fontMetrics()
        out = list(widths)
        for column, (key, title) in enumerate(COLUMNS):
            texts = [t for k, t in self.model.labels.items() if k.split(".")[0] == ENUM_OF.get(key)]
            need = max((metrics.horizontalAdvance(t) for t in texts), default=0)
            title_width = header.horizontalAdvance(self.model.tr(title)) + 16
            out[column] = max(out[column], need + 16, title_width)
        return out

    def filters(self) -> Any:
        from desktop.services.search import MemberFilter

        return MemberFilter(
            job_group=self.job.currentData(),
            hardship=self.hardship.currentData(),
            visited_this_year=self.visited.isChecked(),
        )

    def _typed(self, _text: str) -> None:
        if self.model.querying:
            self.pending = True
            self.timer.start()
        else:
            self.run_query()

    def _landed(self) -> None:
        if self.pending:
            self.run_query()
        elif self.select_after:
            self.select_member(self.select_after)

    def focus_results(self) -> None:
        """Enter in the search box: to the results, first row selected (Enter again opens)."""
        if self.pending or self.model.querying:
            self.run_query()
        if self.model.rowCount():
            self.table.setFocus()
            self.table.selectRow(0)

    def select_member(self, member_id: str) -> None:
        self.select_after = None
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).id == member_id:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
                self.table.setFocus()
                return

    def run_query(self) -> None:
        self.timer.stop()
        self.pending = False
        self.model.set_query(self.search.text(), self.filters())

    def refresh(self) -> None:
        super().refresh()
        self.run_query()

    def _show_count(self, total: int) -> None:
        if self.model.text:
            text = self.tr("找到 %1 人（最多显示 200 人，请输入更多文字缩小范围）")
            self.count.setText(
                text.replace("%1", str(total))
                if total >= 200
                else self.tr("找到 %1 人").replace("%1", str(total))
            )
        else:
            self.count.setText(self.tr("共 %1 人").replace("%1", f"{total:,}"))

    def open_member(self, index: QModelIndex) -> None:
        from .member_page import MemberDialog

        row = self.model.row_at(index.row())
        dialog = MemberDialog(self.state, row.id, self)
        dialog.navigate.connect(self.navigate.emit)
        dialog.open()

    def add_member(self) -> None:
        from .member_form import MemberForm

        form = MemberForm(self.state, None, self)
        form.accepted.connect(lambda: self.show_added(form.saved))
        form.open()

    def show_added(self, member: Any) -> None:
        """A member just added is listed (found by name) and selected."""
        self.select_after = member.id
        if self.search.text() == member.name:
            self.run_query()
        else:
            self.search.setText(member.name)  # runs the search

    def import_roster(self) -> None:
        from .roster_import import ImportDialog

        ImportDialog(self.state, self).open()
