"""Pick one or more members from the keyboard: type, arrows, Enter adds; Delete removes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from .state import AppState


class MemberPicker(QWidget):
    changed = Signal()

    def __init__(self, state: AppState, *, multiple: bool = True, parent: QWidget | None = None):
        super().__init__(parent)
        self.state, self.multiple = state, multiple
        self.generation = 0  # of the latest search sent
        self.shown = 0  # of the search whose results are listed
        self.pick_on_arrival = False  # Enter came before the results: pick when they land
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("输入姓名、拼音首字母或证件尾号，回车选中"))
        self.results = QListWidget()
        self.results.setMaximumHeight(110)
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.chosen = QListWidget()
        self.chosen.setMaximumHeight(70)
        self.chosen.setToolTip(self.tr("按 Delete 移除"))
        layout.addWidget(self.edit)
        layout.addWidget(self.results)
        layout.addWidget(QLabel(self.tr("已选：")))
        layout.addWidget(self.chosen)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(30)
        self.timer.timeout.connect(self.search)
        self.edit.textChanged.connect(lambda _t: self.timer.start())
        self.edit.installEventFilter(self)
        self.chosen.installEventFilter(self)
        self.results.itemDoubleClicked.connect(self._pick)

    def search(self) -> None:
        from desktop.services import search

        self.timer.stop()
        self.generation += 1
        generation = self.generation
        text = self.edit.text().strip()
        if not text:
            self.results.clear()
            self.shown = generation
            return
        op = self.state.ops.query(search.search_members, self.state.ctx, text, limit=10)
        op.success(lambda rows: self._show(generation, rows)).run()

    def _show(self, generation: int, rows: list[Any]) -> None:
        if generation != self.generation:
            return
        self.shown = generation
        self.results.clear()
        for row in rows:
            item = QListWidgetItem(f"{row.name}  {row.id_masked}  {row.employer}")
            item.setData(Qt.ItemDataRole.UserRole, (row.id, row.name))
            self.results.addItem(item)
        self.results.setCurrentRow(0)
        if self.pick_on_arrival:
            self.pick_on_arrival = False
            self._pick()

    def _pick(self, item: QListWidgetItem | None = None) -> None:
        item = item or self.results.currentItem()
        if item is None:
            return
        self.add(*item.data(Qt.ItemDataRole.UserRole))
        self.edit.clear()
        self.results.clear()

    def add(self, member_id: str, name: str) -> None:
        if member_id in self.member_ids():
            return
        if not self.multiple:
            self.chosen.clear()
        item = QListWidgetItem(name)
        item.setData(Qt.ItemDataRole.UserRole, member_id)
        self.chosen.addItem(item)
        self.changed.emit()

    def member_ids(self) -> list[str]:
        return [
            self.chosen.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.chosen.count())
        ]

    def clear(self) -> None:
        self.chosen.clear()
        self.edit.clear()
        self.changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        key = event.key()
        if watched is self.edit:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.edit.text().strip():
                if self.timer.isActive():
                    self.search()
                if self.shown != self.generation:  # typed faster than the search answered
                    self.pick_on_arrival = True
                else:
                    self._pick()
                return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.results.count():
                step = 1 if key == Qt.Key.Key_Down else -1
                row = max(0, min(self.results.count() - 1, self.results.currentRow() + step))
                self.results.setCurrentRow(row)
                return True
        if watched is self.chosen and key == Qt.Key.Key_Delete:
            self.chosen.takeItem(self.chosen.currentRow())
            self.changed.emit()
            return True
        return False
