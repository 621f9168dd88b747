"""The member list model: pages fetched as they scroll into view (Anki's browser table model).

Browsing uses list_members pages; typing replaces the rows with search_members results. Every
query runs on the ops helper and carries a generation number: results of an older query
(a slower keystroke, a previous filter) are dropped when they arrive.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from .ops import Ops

PAGE = 200
SEARCH_LIMIT = 200
Index = QModelIndex | QPersistentModelIndex


def QT_TRANSLATE_NOOP(_context: str, text: str) -> str:  # noqa: N802
    return text


COLUMNS = [
    ("name", QT_TRANSLATE_NOOP("MemberTableModel", "姓名")),
    ("gender", QT_TRANSLATE_NOOP("MemberTableModel", "性别")),
    ("id_masked", QT_TRANSLATE_NOOP("MemberTableModel", "身份证号")),
    ("phone_masked", QT_TRANSLATE_NOOP("MemberTableModel", "手机号")),
    ("employer", QT_TRANSLATE_NOOP("MemberTableModel", "工作单位")),
    ("job_group", QT_TRANSLATE_NOOP("MemberTableModel", "职业群体")),
]
# No 困难类别 column: a hardship category is sensitive, shown on the member's page only after
# a logged reveal (the 困难职工 filter still finds them).
ENUM_OF = {"gender": "Gender", "job_group": "JobGroup"}


class MemberTableModel(QAbstractTableModel):
    loaded = Signal()  # rows changed after a query finished (used by tests and the bench)
    total_changed = Signal(int)

    def __init__(self, ops: Ops, ctx: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self.ops, self.ctx = ops, ctx
        self.rows: list[Any] = []
        self.filters: Any = None
        self.text = ""
        self.generation = 0
        self.total = 0
        self.total_known = False  # the browse list's count arrives after its first page
        self.exhausted = False
        self.loading = False
        self.querying = False  # a list or search (not a next page) is in flight
        from .labels import enum_table

        self.labels = enum_table()

    # --- Qt model -------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        row = self.rows[index.row()]
        key = COLUMNS[index.column()][0]
        value = getattr(row, key)
        enum = ENUM_OF.get(key)
        return self.labels.get(f"{enum}.{value}", value) if enum else value

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(COLUMNS[section][1])
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802, B008
        return not parent.isValid() and not self.text and not self.exhausted and not self.loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802, B008
        if not self.canFetchMore(parent):
            return
        from desktop.services import search

        self.loading = True
        generation = self.generation
        op = self.ops.query(
            search.list_members, self.ctx, self.filters, offset=len(self.rows), limit=PAGE
        )
        op.success(lambda rows: self._append(generation, rows)).run()

    # --- queries ----------------------------------------------------------------------------
    def row_at(self, row: int) -> Any:
        return self.rows[row]

    def set_query(self, text: str, filters: Any = None) -> None:
        """Start a new list or search; whatever older query is still running is ignored.

        The browse list shows its first page as soon as it is read; the count (a scan of
        the whole table, ~15 ms at 100,000 members) follows in its own op.
        """
        from desktop.services import search

        self.generation += 1
        generation = self.generation
        self.text = text.strip()
        self.filters = filters
        self.loading = True
        self.querying = True
        if self.text:
            op = self.ops.query(
                search.search_members, self.ctx, self.text, limit=SEARCH_LIMIT, filters=filters
            )
            op.success(lambda rows: self._replace(generation, rows, len(rows))).run()
            return
        page = self.ops.query(search.list_members, self.ctx, filters, offset=0, limit=PAGE)
        page.success(lambda rows: self._replace(generation, rows, None)).run()
        count = self.ops.query(search.count_members, self.ctx, filters)
        count.success(lambda total: self._set_total(generation, total)).run()

    def _replace(self, generation: int, rows: list[Any], total: int | None) -> None:
        if generation != self.generation:
            return  # a newer query has started: drop this stale result
        self.beginResetModel()
        self.rows = list(rows)
        self.exhausted = self.text != "" or len(rows) < PAGE
        self.total_known = total is not None or self.exhausted
        if total is not None:
            self.total = total
        elif self.exhausted:
            self.total = len(rows)
        self.loading = False
        self.querying = False
        self.endResetModel()
        if total is not None or self.exhausted:
            self.total_changed.emit(self.total)
        self.loaded.emit()

    def _set_total(self, generation: int, total: int) -> None:
        if generation != self.generation:
            return
        self.total = total
        self.total_known = True
        self.exhausted = self.exhausted or len(self.rows) >= total
        self.total_changed.emit(total)

    def _append(self, generation: int, rows: list[Any]) -> None:
        if generation != self.generation:
            return
        self.loading = False
        if not rows:
            self.exhausted = True
            return
        start = len(self.rows)
        self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
        self.rows.extend(rows)
        self.endInsertRows()
        self.exhausted = len(rows) < PAGE or (self.total_known and len(self.rows) >= self.total)
        self.loaded.emit()
