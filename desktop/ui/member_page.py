"""A member's page: details (sensitive fields masked until a logged reveal) and a timeline."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .labels import enum_text, field_text
from .state import AppState
from .widgets import Card, fit_columns

SHOWN = (
    "name",
    "gender",
    "birth_date",
    "phone",
    "employer",
    "job_group",
    "membership_status",
    "address",
    "id_number",
    "bank_account",
    "hardship_category",
    "hardship_file_no",
    "notes",
)
ENUMS = {
    "gender": "Gender",
    "job_group": "JobGroup",
    "membership_status": "MembershipStatus",
    "hardship_category": "Hardship",
}


def masked(key: str, value: Any) -> str:
    from contract.idnumber import mask
    from desktop.services.search import mask_phone

    text = "" if value is None else str(value)
    if not text:
        return "—"
    if key in ("id_number", "bank_account"):
        return mask(text, head=4 if key == "bank_account" else 6)
    if key == "phone":
        return mask_phone(text)
    return "******"


class MemberDialog(QDialog):
    navigate = Signal(str)

    def __init__(self, state: AppState, member_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        from desktop.services.members import SENSITIVE

        self.state, self.member_id = state, member_id
        self.sensitive = set(SENSITIVE)
        self.setWindowTitle(self.tr("会员详情"))
        self.resize(860, 560)
        layout = QHBoxLayout(self)
        details = Card(self.tr("基本信息"))
        self.form = QFormLayout()
        details.body.addLayout(self.form)
        self.values: dict[str, QLabel] = {}
        self.reveal_buttons: dict[str, QPushButton] = {}
        for key in SHOWN:
            label = QLabel("…")
            label.setWordWrap(True)
            self.values[key] = label
            if key in self.sensitive:
                row = QHBoxLayout()
                row.addWidget(label, 1)
                button = QPushButton(self.tr("显示"))
                button.setToolTip(self.tr("查看敏感信息会记入审计日志"))
                button.clicked.connect(lambda _=False, k=key: self.reveal(k))
                self.reveal_buttons[key] = button
                row.addWidget(button)
                self.form.addRow(field_text(key), row)
            else:
                self.form.addRow(field_text(key), label)
        details.body.addStretch(1)
        buttons = QHBoxLayout()
        edit = QPushButton(self.tr("编辑"))
        edit.clicked.connect(self.edit)
        visit = QPushButton(self.tr("新增走访"))
        visit.clicked.connect(lambda: self._go("visits"))
        relief = QPushButton(self.tr("发放帮扶"))
        relief.clicked.connect(lambda: self._go("relief"))
        for button in (edit, visit, relief):
            buttons.addWidget(button)
        details.body.addLayout(buttons)
        layout.addWidget(details, 2)
        right = QVBoxLayout()
        timeline = Card(self.tr("走访与帮扶记录"))
        self.timeline = QTreeWidget()
        self.timeline.setHeaderLabels([self.tr("日期"), self.tr("类别"), self.tr("内容")])
        self.timeline.setRootIsDecorated(False)
        fit_columns(self.timeline, stretch=2)
        timeline.body.addWidget(self.timeline)
        right.addWidget(timeline)
        layout.addLayout(right, 3)
        self.member: Any = None
        self.load()

    def load(self) -> None:
        from desktop.services import members, visits

        def fetch() -> tuple[Any, Any]:
            ctx = self.state.ctx
            return members.get_member(ctx, self.member_id), visits.member_timeline(
                ctx, self.member_id
            )

        self.state.ops.query(fetch).success(lambda r: self.show_member(*r)).run()

    def show_member(self, member: Any, timeline: list[Any]) -> None:
        self.member = member
        for key, label in self.values.items():
            value = getattr(member, key)
            if key in self.sensitive or key == "phone":
                label.setText(masked(key, value))
                if key in self.reveal_buttons:  # nothing to show: no audited reveal
                    self.reveal_buttons[key].setEnabled(value not in (None, ""))
            elif key in ENUMS:
                label.setText(enum_text(ENUMS[key], value))
            else:
                label.setText("—" if value in (None, "") else str(value))
        self.timeline.clear()
        for entry in timeline:
            kind = self.tr("走访") if entry.kind == "visit" else self.tr("帮扶")
            title = entry.title
            if entry.type_key:
                title = enum_text(*entry.type_key.split(".", 1))
                if entry.status:
                    title += self.tr("（%1）").replace(
                        "%1", enum_text("ReliefStatus", entry.status)
                    )
            QTreeWidgetItem(self.timeline, [entry.day.isoformat(), f"{kind}·{title}", entry.detail])
        if not timeline:
            QTreeWidgetItem(self.timeline, ["", self.tr("暂无记录"), ""])

    def reveal(self, key: str) -> None:
        """Show one sensitive value; the viewing is written to the audit log by the service."""
        from desktop.services import members

        def shown(member: Any) -> None:
            value = getattr(member, key)
            if key in ENUMS:
                value = enum_text(ENUMS[key], value)
            self.values[key].setText(str(value) if value else "—")
            self.reveal_buttons[key].setEnabled(False)

        op = self.state.ops.query(members.reveal_sensitive, self.state.ctx, self.member_id, key)
        op.success(shown).run()

    def edit(self) -> None:
        from .member_form import MemberForm

        form = MemberForm(self.state, self.member_id, self)
        form.accepted.connect(self.load)
        form.open()

    def _go(self, page: str) -> None:
        self.state.extra["selected_member"] = (
            self.member_id,
            self.member.name if self.member else "",
        )
        self.navigate.emit(page)
        self.accept()
