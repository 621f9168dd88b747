"""The application form of a hardship file (帮扶申请), also used to restate a household at
年审 and 返困: the head (a member), the household one person at a time, expenses, causes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
)

from .errors import show_form_error
from .member_picker import MemberPicker
from .service_text import translate
from .state import AppState
from .widgets import Card, FieldForm, fit_columns


def QT_TRANSLATE_NOOP(_context: str, text: str) -> str:  # noqa: N802 - marks text for lupdate
    return text


RELATIONS = (
    QT_TRANSLATE_NOOP("HardshipForm", "本人"),
    QT_TRANSLATE_NOOP("HardshipForm", "配偶"),
    QT_TRANSLATE_NOOP("HardshipForm", "子女"),
    QT_TRANSLATE_NOOP("HardshipForm", "父母"),
    QT_TRANSLATE_NOOP("HardshipForm", "其他"),
)


class HardshipForm(Card):
    """mode "apply" makes a file; "review" and "reopen" restate the shown file's household."""

    def __init__(self, state: AppState, done: Callable[[Any], None]) -> None:
        super().__init__("")
        from contract.hardship import CAUSES

        self.state, self.done = state, done
        self.mode, self.file_id = "apply", ""
        self.people: list[Any] = []
        self.form = FieldForm()
        self.picker = self.form.add(
            "member_id", self.tr("户主（会员）"), MemberPicker(state, multiple=False)
        )
        person = QHBoxLayout()
        self.relation = QComboBox()
        for text in RELATIONS:
            self.relation.addItem(self.tr(text), text)
        self.person_name = QLineEdit()
        self.person_name.setPlaceholderText(self.tr("姓名"))
        self.person_id = QLineEdit()
        self.person_id.setPlaceholderText(self.tr("身份证号（可空）"))
        self.person_income = QLineEdit()
        self.person_income.setPlaceholderText(self.tr("月收入（元）"))
        self.person_health = QLineEdit()
        self.person_health.setPlaceholderText(self.tr("健康状况"))
        self.person_work = QLineEdit()
        self.person_work.setPlaceholderText(self.tr("就业状况"))
        self.add_person_button = QPushButton(self.tr("添加成员"))
        self.add_person_button.clicked.connect(self.add_person)
        for widget in (self.relation, self.person_name, self.person_id, self.person_income,
                       self.person_health, self.person_work, self.add_person_button):  # fmt: skip
            person.addWidget(widget)
        self.form.addRow(person)
        self.household = QTreeWidget()
        self.form.add("household", self.tr("家庭成员"), self.household)
        self.household.setHeaderLabels(
            [self.tr("关系"), self.tr("姓名"), self.tr("身份证号"), self.tr("月收入"),
             self.tr("健康"), self.tr("就业")]
        )  # fmt: skip
        self.household.setRootIsDecorated(False)
        self.household.setMaximumHeight(130)
        fit_columns(self.household, stretch=1)
        self.medical = self.form.add("medical_fen", self.tr("年医疗支出（元）"), QLineEdit())
        self.schooling = self.form.add("schooling_fen", self.tr("年就学支出（元）"), QLineEdit())
        self.loss = self.form.add("loss_fen", self.tr("年事故或灾害损失（元）"), QLineEdit())
        self.accident = self.form.add(
            "accident", self.tr("意外"), QCheckBox(self.tr("有意外事故或灾害记录"))
        )
        self.cause_main = QComboBox()
        self.form.add("cause_main", self.tr("主要致困原因"), self.cause_main)
        self.cause_secondary = QComboBox()
        self.form.add("cause_secondary", self.tr("次要致困原因"), self.cause_secondary)
        self.cause_secondary.addItem(self.tr("（无）"), "")
        for code, label in CAUSES.items():
            self.cause_main.addItem(translate(label), code)
            self.cause_secondary.addItem(translate(label), code)
        self.submit_button = QPushButton(self.tr("提交申请"))
        self.submit_button.setObjectName("Primary")
        self.submit_button.clicked.connect(self.submit)
        self.form.addRow(self.submit_button)
        self.body.addLayout(self.form)

    def start(self, mode: str, file: Any = None) -> None:
        """An empty application, or the shown file's household to restate (年审, 返困)."""
        self.mode, self.file_id = mode, file.id if file is not None else ""
        titles = {"apply": self.tr("帮扶申请"), "review": self.tr("年审：核对家庭情况"),
                  "reopen": self.tr("返困：核对家庭情况")}  # fmt: skip
        self.title.setText(titles[mode])
        self.submit_button.setText(
            self.tr("提交申请") if mode == "apply" else self.tr("确认并重新计算")
        )
        self.picker.setEnabled(mode == "apply")
        self.form.clear_errors()
        self.people = list(file.household) if file is not None else []
        for edit, fen in ((self.medical, file.medical_fen if file else 0),
                          (self.schooling, file.schooling_fen if file else 0),
                          (self.loss, file.loss_fen if file else 0)):  # fmt: skip
            edit.setText(f"{fen / 100:.2f}" if fen else "")
        self.accident.setChecked(bool(file and file.accident))
        self._select(self.cause_main, file.cause_main if file else "other")
        self._select(self.cause_secondary, file.cause_secondary if file else "")
        self._show_people()

    @staticmethod
    def _select(combo: QComboBox, value: str) -> None:
        combo.setCurrentIndex(max(combo.findData(value), 0))

    def _money(self, text: str, label: str) -> int:
        from contract.money import parse_yuan

        return parse_yuan(text, field=label) if text.strip() else 0

    def add_person(self) -> None:
        from contract.money import MoneyError

        try:
            income = self._money(self.person_income.text(), "月收入")
        except MoneyError as exc:
            self.form.show_errors({"household": str(exc)})
            return
        self.people.append({
            "relation": self.relation.currentData(), "name": self.person_name.text().strip(),
            "id_number": self.person_id.text().strip(), "monthly_income_fen": income,
            "health": self.person_health.text().strip(),
            "work_status": self.person_work.text().strip(),
        })  # fmt: skip
        for edit in (self.person_name, self.person_id, self.person_income, self.person_health,
                     self.person_work):  # fmt: skip
            edit.clear()
        self._show_people()

    def _show_people(self) -> None:
        spouse = any(p["relation"] == "配偶" for p in self.people)
        # the relation usually added next: 本人 first, then 配偶, then 子女
        self.relation.setCurrentIndex(0 if not self.people else 2 if spouse else 1)
        from contract import idnumber as idn
        from contract.money import fen_to_yuan_text

        self.household.clear()
        for p in self.people:
            QTreeWidgetItem(
                self.household,
                [self.tr(p["relation"]) if p["relation"] in RELATIONS else p["relation"],
                 p["name"], idn.mask(p["id_number"]), fen_to_yuan_text(p["monthly_income_fen"]),
                 p["health"], p["work_status"]],
            )  # fmt: skip

    def read(self) -> Any:
        from contract.money import MoneyError
        from desktop.services.errors import ValidationError
        from desktop.services.hardship_rule import FileInput, Person

        ids = self.picker.member_ids()
        if self.mode == "apply" and not ids:
            raise ValidationError({"member_id": "请选择户主（会员）"})
        money: dict[str, int] = {}
        for key, edit, label in (("medical_fen", self.medical, "医疗支出"),
                                 ("schooling_fen", self.schooling, "就学支出"),
                                 ("loss_fen", self.loss, "事故或灾害损失")):  # fmt: skip
            try:
                money[key] = self._money(edit.text(), label)
            except MoneyError as exc:
                raise ValidationError({key: str(exc)}) from None
        people = [Person(**p) for p in self.people]
        return FileInput(
            ids[0] if ids else "",
            people,
            medical_fen=money["medical_fen"],
            schooling_fen=money["schooling_fen"],
            loss_fen=money["loss_fen"],
            accident=self.accident.isChecked(),
            cause_main=self.cause_main.currentData(),
            cause_secondary=self.cause_secondary.currentData(),
        )

    def submit(self) -> None:
        from desktop.services import hardship
        from desktop.services.errors import ValidationError

        try:
            data = self.read()
        except ValidationError as exc:
            self.form.show_errors(exc.errors)
            return
        if self.mode == "apply":
            op = self.state.ops.query(hardship.apply, self.state.ctx, data)
        else:
            run = hardship.review if self.mode == "review" else hardship.reopen
            op = self.state.ops.query(run, self.state.ctx, self.file_id, data)
        op.success(self._saved).failure(lambda exc: show_form_error(self, self.form, exc)).run()

    def _saved(self, file: Any) -> None:
        self.picker.clear()
        self.people = []
        self._show_people()
        self.done(file)
