"""冲突处理: the two versions of a record side by side, field by field; the user picks."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QWidget,
)

from .labels import enum_text, field_text
from .page import Page
from .state import AppState
from .widgets import Card

MASKED = ("phone", "id_number", "bank_account")  # masked here as on the member page


def _shown(field: str, value: str) -> str:
    from .member_form import CHOICES
    from .member_page import masked

    if not value:
        return "—"
    if field in CHOICES:  # a stored choice (courier) shows as its label (快递员 / Courier)
        return enum_text(CHOICES[field], value)
    return masked(field, value) if field in MASKED else value


class ConflictsPage(Page):
    title_text = "冲突处理"
    watches = frozenset({"member", "sync"})

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.intro = QLabel(
            self.tr("同一会员在本站和其他服务站都被修改时，逐项选择保留哪一个版本。")
        )
        self.intro.setWordWrap(True)
        self.layout_.addWidget(self.intro)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.layout_.addWidget(self.scroll_area, 1)
        self.apply_button = QPushButton(self.tr("保存选择"))
        self.apply_button.setObjectName("Primary")
        self.apply_button.clicked.connect(self.apply)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.layout_.addWidget(self.status)
        self.layout_.addWidget(self.apply_button, 0, Qt.AlignmentFlag.AlignRight)
        self.groups: dict[str, QButtonGroup] = {}
        self.refresh()

    def refresh(self) -> None:
        super().refresh()
        from desktop.services import ui_queries

        op = self.state.ops.query(ui_queries.open_conflicts, self.state.ctx)
        op.success(self.show_conflicts).run()

    def show_conflicts(self, rows: list[Any]) -> None:
        holder = QWidget()
        grid = QGridLayout(holder)
        self.groups.clear()
        if not rows:
            grid.addWidget(QLabel(self.tr("没有需要处理的冲突。")), 0, 0)
        line = 0
        current = None
        for row in rows:
            if row.row_id != current:
                current = row.row_id
                card_title = Card(self.tr("会员：%1").replace("%1", row.record_name))
                grid.addWidget(card_title, line, 0, 1, 3)
                line += 1
                grid.addWidget(QLabel(self.tr("字段")), line, 0)
                grid.addWidget(QLabel(self.tr("本站版本")), line, 1)
                grid.addWidget(QLabel(self.tr("服务器版本")), line, 2)
                line += 1
            group = QButtonGroup(holder)
            local = QRadioButton(_shown(row.field, row.local_value))
            server = QRadioButton(_shown(row.field, row.server_value))
            server.setChecked(True)
            group.addButton(local, 0)
            group.addButton(server, 1)
            self.groups[row.id] = group
            grid.addWidget(QLabel(field_text(row.field)), line, 0)
            grid.addWidget(local, line, 1)
            grid.addWidget(server, line, 2)
            line += 1
        grid.setRowStretch(line, 1)
        self.scroll_area.setWidget(holder)
        self.apply_button.setEnabled(bool(rows))

    def choices(self) -> dict[str, str]:
        return {
            cid: ("local" if g.checkedId() == 0 else "server") for cid, g in self.groups.items()
        }

    def apply(self) -> None:
        from desktop.services.conflicts import resolve_conflicts

        choices = self.choices()
        if not choices:
            return
        self.apply_button.setEnabled(False)
        op = self.state.ops.query(resolve_conflicts, self.state.ctx, choices)
        op.success(self._applied).failure(self._failed).run()

    def _applied(self, count: int) -> None:
        self.status.setText(
            self.tr("已保存 %1 项选择，将在下次同步时上传。").replace("%1", str(count))
        )
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        from .errors import show_error, user_message

        self.apply_button.setEnabled(True)
        message = user_message(exc)
        if message:
            self.status.setText(message)
        else:
            show_error(self, exc)
