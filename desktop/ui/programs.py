"""帮扶项目 in Settings: the station head sets up fund programs while the station works alone;
once enrolled, the district's programs come down by sync and are shown read-only here."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .labels import QT_TRANSLATE_NOOP, enum_label
from .service_text import translate
from .state import AppState
from .widgets import Card, FieldForm, fit_columns

MONEY_FIELDS = {
    "annual_cap_fen": QT_TRANSLATE_NOOP("service", "年度累计上限"),
    "max_amount_fen": QT_TRANSLATE_NOOP("service", "单次发放上限"),
    "budget_fen": QT_TRANSLATE_NOOP("service", "本站预算"),
}


def _yuan_or_none(text: str, field: str) -> int | None:
    from contract.money import parse_yuan

    return parse_yuan(text, field=field) if text.strip() else None


def _yuan(fen: int | None) -> str:
    from contract.money import fen_to_yuan_text

    return "" if fen is None else fen_to_yuan_text(fen, symbol=False, grouping=False)


class ProgramDialog(QDialog):
    """New or edit: every rule of a program on one form; Ctrl+Enter saves."""

    def __init__(
        self,
        state: AppState,
        program: Any = None,
        budget: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        from contract.enums import ProgramType

        self.state, self.program = state, program
        self.setWindowTitle(self.tr("修改帮扶项目") if program else self.tr("新建帮扶项目"))
        self.form = FieldForm()
        self.code = self.form.add("code", self.tr("项目编码"), QLineEdit())
        self.year = self.form.add("year", self.tr("年度"), QSpinBox())
        self.year.setRange(2000, 2100)
        self.year.setValue(state.ctx.today.year)
        self.name = self.form.add("name", self.tr("项目名称"), QLineEdit())
        self.kind = self.form.add("program_type", self.tr("项目类型"), QComboBox())
        for item in ProgramType:
            self.kind.addItem(enum_label(item), item.value)
        self.funding = self.form.add("funding_source", self.tr("资金来源"), QLineEdit())
        self.times = self.form.add("max_times_per_year", self.tr("每人每年次数上限"), QLineEdit())
        self.times.setPlaceholderText(self.tr("不填为不限"))
        self.money: dict[str, QLineEdit] = {}
        for key, label in MONEY_FIELDS.items():
            edit = QLineEdit()
            edit.setPlaceholderText(self.tr("不填为不限"))
            self.money[key] = edit
            self.form.add(key, translate(label) + self.tr("（元）"), edit)
        self.excludes = self.form.add("excludes", self.tr("不能同时享受的项目编码"), QLineEdit())
        self.excludes.setPlaceholderText(self.tr("多个用逗号分开"))
        self.file_boxes = self._file_boxes()
        if program is not None:
            self._fill(program, budget)
        self.save_button = QPushButton(self.tr("保存（Ctrl+Enter）"))
        self.save_button.setObjectName("Primary")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        cancel = QPushButton(self.tr("取消"))
        cancel.clicked.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(cancel)
        row.addWidget(self.save_button)
        layout.addLayout(row)

    def _file_boxes(self) -> dict[str, QCheckBox]:
        """须有在册困难职工档案: the hardship categories a member's file must have (issue 16)."""
        from contract import hardship as hr

        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        boxes = {c: QCheckBox(translate(hr.CATEGORY_LABELS[c])) for c in hr.CATEGORIES}
        for box in boxes.values():
            row.addWidget(box)
        row.addStretch(1)
        holder.setToolTip(self.tr("不选为不限：发放时不查困难职工档案"))
        self.form.add("requires_file", self.tr("须有在册困难职工档案"), holder)
        return boxes

    def _fill(self, program: Any, budget: int | None) -> None:
        self.code.setText(program.code)
        self.year.setValue(program.year)
        self.name.setText(program.name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(program.program_type)))
        self.funding.setText(program.funding_source)
        if program.max_times_per_year is not None:
            self.times.setText(str(program.max_times_per_year))
        self.money["annual_cap_fen"].setText(_yuan(program.annual_cap_fen))
        self.money["max_amount_fen"].setText(_yuan(getattr(program, "max_amount_fen", None)))
        self.money["budget_fen"].setText(_yuan(budget))
        self.excludes.setText("，".join(program.excludes))
        for code, box in self.file_boxes.items():
            box.setChecked(code in (program.requires_file or []))

    def collect(self) -> Any:
        """The form as a ProgramInput; ValidationError naming the fields that cannot be read."""
        from desktop.services.errors import ValidationError
        from desktop.services.programs import ProgramInput

        errors: dict[str, str] = {}
        amounts: dict[str, int | None] = {}
        for key, edit in self.money.items():
            try:
                amounts[key] = _yuan_or_none(edit.text(), MONEY_FIELDS[key])
            except ValueError as exc:
                errors[key] = str(exc)
        times = self.times.text().strip()
        if times and not (times.isascii() and times.isdigit()):
            errors["max_times_per_year"] = self.tr("次数上限须为整数")
        if errors:
            raise ValidationError(errors)
        codes = self.excludes.text().replace("，", ",").split(",")
        return ProgramInput(
            code=self.code.text(),
            year=self.year.value(),
            name=self.name.text(),
            program_type=self.kind.currentData(),
            funding_source=self.funding.text().strip(),
            amount_rules=dict(self.program.amount_rules) if self.program else {},
            max_times_per_year=int(times) if times else None,
            excludes=[c.strip() for c in codes if c.strip()],
            annual_cap_fen=amounts["annual_cap_fen"],
            max_amount_fen=amounts["max_amount_fen"],
            budget_fen=amounts["budget_fen"],
            requires_file=[c for c, box in self.file_boxes.items() if box.isChecked()],
        )

    def save(self) -> None:
        from desktop.services import programs

        from .errors import show_form_error
        from .forms import save_form

        save_form(
            self.state,
            self.form,
            self.collect,
            programs.add_program,
            programs.update_program,
            self.program.id if self.program is not None else None,
            lambda _p: self.accept(),
            lambda exc: show_form_error(self, self.form, exc),
        )


class ProgramsCard(Card):
    """This year's and last year's programs with their rules; 新建 / 修改 for the head of a
    station that is not enrolled."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("帮扶项目"), parent)
        self.state = state
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.body.addWidget(self.note)
        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels(
            [
                self.tr("年度"),
                self.tr("编码"),
                self.tr("名称"),
                self.tr("规则"),
                self.tr("本站预算"),
            ]
        )
        fit_columns(self.list, stretch=3)
        self.list.itemDoubleClicked.connect(lambda _item, _col: self.edit_selected())
        self.body.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.new_button = QPushButton(self.tr("新建项目"))
        self.new_button.clicked.connect(self.new_program)
        self.edit_button = QPushButton(self.tr("修改"))
        self.edit_button.clicked.connect(self.edit_selected)
        row.addStretch(1)
        row.addWidget(self.new_button)
        row.addWidget(self.edit_button)
        self.body.addLayout(row)
        self.dialog: ProgramDialog | None = None
        self.editable = False

    def refresh(self) -> None:
        from desktop.services import programs

        def load() -> tuple[list[Any], bool]:
            ctx = self.state.ctx
            rows = programs.budget_status(ctx, year=ctx.today.year)
            rows += programs.budget_status(ctx, year=ctx.today.year - 1)
            return rows, programs.is_enrolled(ctx)

        self.state.ops.query(load).success(lambda r: self.show_programs(*r)).run()

    def show_programs(self, rows: list[Any], enrolled: bool) -> None:
        self.editable = self.state.is_head and not enrolled
        if enrolled:
            self.note.setText(
                self.tr("本站已登记到区服务器：帮扶项目由区总工会设置，同步下发，这里只读。")
            )
        elif not self.state.is_head:
            self.note.setText(self.tr("帮扶项目由站长设置。"))
        else:
            self.note.setText(self.tr("本站尚未登记到区服务器：由站长在这里设置帮扶项目。"))
        self.new_button.setEnabled(self.editable)
        self.edit_button.setEnabled(self.editable and bool(rows))
        self.list.clear()
        for status in rows:
            program = status.program
            item = QTreeWidgetItem(
                self.list,
                [
                    str(program.year),
                    program.code,
                    program.name,
                    self.rules_text(program),
                    _yuan(status.budget_fen) or self.tr("不限"),
                ],
            )
            item.setData(0, Qt.ItemDataRole.UserRole, status)

    def rules_text(self, program: Any) -> str:
        parts = []
        if program.max_times_per_year is not None:
            parts.append(self.tr("每年 %1 次").replace("%1", str(program.max_times_per_year)))
        if program.annual_cap_fen is not None:
            parts.append(self.tr("年累计 %1 元").replace("%1", _yuan(program.annual_cap_fen)))
        largest = getattr(program, "max_amount_fen", None)
        if largest is not None:
            parts.append(self.tr("单次 %1 元").replace("%1", _yuan(largest)))
        if program.requires_file:
            from contract import hardship as hr

            labels = [translate(hr.CATEGORY_LABELS.get(c, c)) for c in program.requires_file]
            parts.append(self.tr("限%1建档职工").replace("%1", self.tr("、").join(labels)))
        return "，".join(parts) or self.tr("不限")

    def new_program(self) -> None:
        self._open(ProgramDialog(self.state, parent=self))

    def edit_selected(self) -> None:
        item = self.list.currentItem()
        if not self.editable or item is None:
            return
        status = item.data(0, Qt.ItemDataRole.UserRole)
        self._open(ProgramDialog(self.state, status.program, status.budget_fen, parent=self))

    def _open(self, dialog: ProgramDialog) -> None:
        self.dialog = dialog
        dialog.accepted.connect(self.refresh)
        dialog.open()
