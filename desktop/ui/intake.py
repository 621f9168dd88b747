"""入会登记: the member registration form (工会会员登记表), membership transfers in and out
(会籍接转), and the station's intake records with ID numbers and phones masked."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from .labels import enum_text, fill
from .page import Page
from .state import AppState
from .visits import pydate, qdate
from .widgets import Card, FieldForm, fit_columns


class IntakePage(Page):
    title_text = "入会登记"
    watches = frozenset({"member_intake", "member"})

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        from contract.enums import Education, Hukou, JobGroup, PoliticalStatus

        row = QHBoxLayout()
        self.layout_.addLayout(row, 1)
        card = Card(self.tr("工会会员登记表"))
        self.form = FieldForm()
        self.kind = self.form.add("kind", self.tr("登记类型"), QComboBox())
        self.kind.addItem(self.tr("入会"), "join")
        self.kind.addItem(self.tr("会籍转入"), "transfer_in")
        self.name = self.form.add("name", self.tr("姓名"), QLineEdit())
        self.id_number = self.form.add("id_number", self.tr("身份证号"), QLineEdit())
        self.phone = self.form.add("phone", self.tr("手机号"), QLineEdit())
        self.ethnicity = self.form.add("ethnicity", self.tr("民族"), QLineEdit())
        self.ethnicity.setPlaceholderText(self.tr("例：汉族"))
        self.education = self.form.add(
            "education", self.tr("文化程度"), fill(QComboBox(), Education, blank="")
        )
        self.political = self.form.add(
            "political_status", self.tr("政治面貌"), fill(QComboBox(), PoliticalStatus, blank="")
        )
        self.hukou = self.form.add("hukou", self.tr("户籍类型"), fill(QComboBox(), Hukou, blank=""))
        self.employer = self.form.add("employer", self.tr("工作单位"), QLineEdit())
        self.joint_union = self.form.add("joint_union", self.tr("联合工会"), QLineEdit())
        self.joint_union.setPlaceholderText(self.tr("单位未建工会时填写加入的联合工会"))
        self.job = self.form.add(
            "job_group", self.tr("职业群体"), fill(QComboBox(), JobGroup, blank="")
        )
        self.other_union = self.form.add("other_union", self.tr("原所在工会"), QLineEdit())
        self.other_union.setPlaceholderText(self.tr("会籍转入时填写"))
        self.on_date = self.form.add("on_date", self.tr("日期"), QDateEdit())
        self.on_date.setCalendarPopup(True)
        self.on_date.setDisplayFormat("yyyy-MM-dd")
        self.card_no = self.form.add("card_no", self.tr("会员证号"), QLineEdit())
        card.body.addLayout(self.form)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.save_button = QPushButton(self.tr("保存登记"))
        self.save_button.setObjectName("Primary")
        self.save_button.clicked.connect(self.save)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.save_button)
        card.body.addLayout(bottom)
        card.body.addStretch(1)
        row.addWidget(card, 1)
        records = Card(self.tr("入会与接转记录"))
        self.list = QTreeWidget()
        self.list.setHeaderLabels(
            [self.tr("日期"), self.tr("类型"), self.tr("姓名"), self.tr("身份证号"),
             self.tr("职业群体"), self.tr("工会")]
        )  # fmt: skip
        self.list.setRootIsDecorated(False)
        fit_columns(self.list, stretch=5)
        records.body.addWidget(self.list, 1)
        self.out_button = QPushButton(self.tr("会籍转出…"))
        self.out_button.clicked.connect(self.transfer_out)
        records.body.addWidget(self.out_button, 0, Qt.AlignmentFlag.AlignRight)
        row.addWidget(records, 1)
        self.reset()
        self.refresh()

    def reset(self) -> None:
        for field in (self.name, self.id_number, self.phone, self.employer, self.joint_union,
                      self.other_union, self.card_no):  # fmt: skip
            field.clear()
        self.ethnicity.clear()
        for combo in (self.education, self.political, self.hukou, self.job):
            combo.setCurrentIndex(0)
        self.on_date.setDate(qdate(self.state.ctx.today))
        self.form.clear_errors()

    def read(self) -> Any:
        from desktop.services import intake

        return intake.IntakeInput(
            name=self.name.text(),
            id_number=self.id_number.text(),
            phone=self.phone.text(),
            ethnicity=self.ethnicity.text(),
            education=self.education.currentData() or "",
            political_status=self.political.currentData() or "",
            hukou=self.hukou.currentData() or "",
            employer=self.employer.text(),
            joint_union=self.joint_union.text(),
            job_group=self.job.currentData() or "",
            on_date=pydate(self.on_date.date()),
            card_no=self.card_no.text(),
            other_union=self.other_union.text(),
        )

    def save(self) -> None:
        from desktop.services import intake

        op = self.state.ops.query(
            intake.register, self.state.ctx, self.read(), kind=self.kind.currentData()
        )
        op.success(self._saved).failure(self._failed).run()

    def _saved(self, record: Any) -> None:
        name = self.name.text().strip()
        self.reset()
        self.message.setText(self.tr("已登记：%1").replace("%1", name))

    def _failed(self, exc: BaseException) -> None:
        from .errors import show_form_error

        show_form_error(self, self.form, exc)

    def refresh(self) -> None:
        super().refresh()
        from desktop.services import intake

        self.state.ops.query(intake.list_intakes, self.state.ctx).success(self.show_rows).run()

    def show_rows(self, rows: list[Any]) -> None:
        self.list.clear()
        for row in rows:
            i = row.intake
            union = i.other_union or i.joint_union or i.employer
            item = QTreeWidgetItem(
                self.list,
                [str(i.on_date), enum_text("IntakeKind", i.kind), row.name, row.id_masked,
                 enum_text("JobGroup", i.job_group, ""), union],
            )  # fmt: skip
            item.setData(0, Qt.ItemDataRole.UserRole, i.member_id)

    def transfer_out(self) -> None:
        from desktop.services import intake

        item = self.list.currentItem()
        if item is None:
            self.message.setText(self.tr("请先在记录中选中要转出的会员。"))
            return
        union, ok = QInputDialog.getText(self, self.tr("会籍转出"), self.tr("转入的工会："))
        if not ok:
            return
        member_id = item.data(0, Qt.ItemDataRole.UserRole)
        op = self.state.ops.query(intake.transfer_out, self.state.ctx, member_id, union)
        op.success(lambda _r: self.message.setText(self.tr("已登记会籍转出。")))
        op.failure(self._failed).run()
