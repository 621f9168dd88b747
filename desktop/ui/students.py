"""金秋助学: children followed to graduation. Register a child, give this school year's grant
under a program (the amount for the child's stage), see who still waits, close on graduation.
ID numbers are masked in the list."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from .errors import show_error, show_form_error
from .member_picker import MemberPicker
from .page import Page
from .service_text import translate
from .state import AppState
from .widgets import Card, FieldForm, fit_columns


class StudentsPage(Page):
    title_text = "金秋助学"
    watches = frozenset({"student", "relief", "fund_program", "member"})

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        from contract.hardship import STAGES

        row = QHBoxLayout()
        self.layout_.addLayout(row, 1)
        left = Card(self.tr("助学学生"))
        bar = QHBoxLayout()
        self.due_only = QCheckBox(self.tr("只看本学年待发"))
        self.due_only.toggled.connect(lambda _on: self.refresh())
        self.program = QComboBox()
        self.grant_button = QPushButton(self.tr("发放本学年助学金"))
        self.grant_button.setObjectName("Primary")
        self.grant_button.clicked.connect(self.grant)
        self.graduate_button = QPushButton(self.tr("毕业"))
        self.graduate_button.clicked.connect(self.graduate)
        for widget in (self.due_only, self.program, self.grant_button, self.graduate_button):
            bar.addWidget(widget)
        left.body.addLayout(bar)
        self.list = QTreeWidget()
        self.list.setHeaderLabels(
            [self.tr("学生"), self.tr("家长"), self.tr("身份证号"), self.tr("学段"),
             self.tr("学校"), self.tr("预计毕业"), self.tr("状态"), self.tr("已发学年")]
        )  # fmt: skip
        self.list.setRootIsDecorated(False)
        fit_columns(self.list, stretch=7)
        left.body.addWidget(self.list, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        left.body.addWidget(self.message)
        row.addWidget(left, 2)
        right = Card(self.tr("登记学生"))
        self.form = FieldForm()
        self.picker = self.form.add(
            "member_id", self.tr("家长（会员）"), MemberPicker(state, multiple=False)
        )
        self.name = self.form.add("name", self.tr("学生姓名"), QLineEdit())
        self.id_number = self.form.add("id_number", self.tr("身份证号"), QLineEdit())
        self.school = self.form.add("school", self.tr("学校"), QLineEdit())
        self.stage = self.form.add("stage", self.tr("学段"), QComboBox())
        for code, label in STAGES.items():
            self.stage.addItem(translate(label), code)
        year = state.ctx.today.year
        self.entry = self.form.add("entry_year", self.tr("入学年份"), QSpinBox())
        self.graduation = self.form.add("expected_graduation", self.tr("预计毕业年份"), QSpinBox())
        for spin in (self.entry, self.graduation):
            spin.setRange(1990, year + 10)
            spin.setValue(year)
        self.add_button = QPushButton(self.tr("登记"))
        self.add_button.clicked.connect(self.add)
        self.form.addRow(self.add_button)
        right.body.addLayout(self.form)
        right.body.addStretch(1)
        row.addWidget(right, 1)
        self.refresh()

    def refresh(self) -> None:
        super().refresh()
        from desktop.services import programs, students

        ctx = self.state.ctx
        op = self.state.ops.query(
            students.grants_due if self.due_only.isChecked() else students.list_students, ctx
        )
        op.success(self.show_rows).run()
        self.state.ops.query(programs.list_programs, ctx).success(self._show_programs).run()

    def _show_programs(self, rows: list[Any]) -> None:
        chosen = self.program.currentData()
        self.program.clear()
        for p in rows:
            if p.program_type == "education" and p.year == self.state.ctx.today.year:
                self.program.addItem(p.name, p.id)
        self.program.setCurrentIndex(max(self.program.findData(chosen), 0))

    def show_rows(self, rows: list[Any]) -> None:
        from contract.hardship import STUDENT_STATUSES

        self.list.clear()
        for r in rows:
            item = QTreeWidgetItem(
                self.list,
                [r.name, r.parent, r.id_masked, translate(r.stage_label), r.school,
                 str(r.expected_graduation), translate(STUDENT_STATUSES.get(r.status, r.status)),
                 "、".join(r.granted_years)],
            )  # fmt: skip
            item.setData(0, Qt.ItemDataRole.UserRole, r.id)

    def _chosen(self) -> str | None:
        item = self.list.currentItem()
        if item is None:
            self.message.setText(self.tr("请先在列表中选择学生"))
            return None
        return str(item.data(0, Qt.ItemDataRole.UserRole))

    def add(self) -> None:
        from desktop.services import students

        ids = self.picker.member_ids()
        if not ids:
            self.form.show_errors({"member_id": "请选择家长（会员）"})
            return
        data = students.StudentInput(
            ids[0], self.name.text(), self.stage.currentData(), self.entry.value(),
            self.graduation.value(), self.id_number.text(), self.school.text(),
        )  # fmt: skip
        op = self.state.ops.query(students.add_student, self.state.ctx, data)
        op.success(self._added).failure(lambda exc: show_form_error(self, self.form, exc)).run()

    def _added(self, student: Any) -> None:
        self.form.clear_errors()
        self.picker.clear()
        for edit in (self.name, self.id_number, self.school):
            edit.clear()
        self.message.setText(self.tr("已登记 %1").replace("%1", student.name))

    def grant(self) -> None:
        from desktop.services import students

        student_id, program_id = self._chosen(), self.program.currentData()
        if not student_id:
            return
        if not program_id:
            self.message.setText(self.tr("没有本年度的金秋助学项目"))
            return
        op = self.state.ops.query(students.grant, self.state.ctx, student_id, program_id)
        op.success(self._granted).failure(lambda exc: show_error(self, exc)).run()

    def _granted(self, result: Any) -> None:
        from contract.money import fen_to_yuan_text

        relief, receipt = result
        self.message.setText(
            self.tr("已发放 %1 学年助学金 %2，收据 %3")
            .replace("%1", relief.school_year)
            .replace("%2", fen_to_yuan_text(relief.cash_fen))
            .replace("%3", receipt.number)
        )

    def graduate(self) -> None:
        from desktop.services import students

        student_id = self._chosen()
        if not student_id:
            return
        op = self.state.ops.query(students.graduate, self.state.ctx, student_id)
        op.success(lambda s: self.message.setText(self.tr("%1 已毕业").replace("%1", s.name)))
        op.failure(lambda exc: show_error(self, exc)).run()
