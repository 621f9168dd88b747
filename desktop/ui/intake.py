"""入会登记: the member registration form (工会会员登记表), membership transfers in and out
(会籍接转: out for any member, picked by name or ID tail), and the station's intake records
with ID numbers and phones masked; a mistaken record is voided with its reason and stays in
the list marked 已作废."""

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

from .errors import user_message
from .labels import enum_text, fill
from .member_picker import MemberPicker
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
             self.tr("职业群体"), self.tr("工会"), self.tr("作废")]
        )  # fmt: skip
        self.list.setRootIsDecorated(False)
        fit_columns(self.list, stretch=6)  # the union in full; a long void reason elided
        records.body.addWidget(self.list, 1)
        records.body.addWidget(QLabel(self.tr("会籍转出的会员（不选则用记录中选中的会员）：")))
        self.picker = MemberPicker(state, multiple=False)
        records.body.addWidget(self.picker)
        actions = QHBoxLayout()
        actions.addStretch(1)
        self.void_button = QPushButton(self.tr("作废记录…"))
        self.void_button.clicked.connect(self.void_selected)
        actions.addWidget(self.void_button)
        self.out_button = QPushButton(self.tr("会籍转出…"))
        self.out_button.clicked.connect(self.transfer_out)
        actions.addWidget(self.out_button)
        records.body.addLayout(actions)
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

        op = self.state.ops.query(intake.list_intakes, self.state.ctx, include_voided=True)
        op.success(self.show_rows).run()

    def show_rows(self, rows: list[Any]) -> None:
        self.list.clear()
        for row in rows:
            i = row.intake
            union = i.other_union or i.joint_union or i.employer
            voided = self.tr("已作废：%1").replace("%1", i.void_reason or "") if i.deleted else ""
            item = QTreeWidgetItem(
                self.list,
                [str(i.on_date), enum_text("IntakeKind", i.kind), row.name, row.id_masked,
                 enum_text("JobGroup", i.job_group, ""), union, voided],
            )  # fmt: skip
            item.setData(0, Qt.ItemDataRole.UserRole, row)
            if i.deleted:
                item.setToolTip(6, voided)
                for column in range(item.columnCount()):
                    item.setForeground(column, Qt.GlobalColor.gray)

    def selected(self) -> Any:
        """The intake row selected in the records, or None."""
        item = self.list.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def transfer_out(self) -> None:
        """会籍转出 of the member picked (any member), else of the selected record's member."""
        from desktop.services import intake

        picked, row = self.picker.member_ids(), self.selected()
        if not picked and row is None:
            self.message.setText(self.tr("请先选择要转出的会员。"))
            return
        member_id = picked[0] if picked else row.intake.member_id
        union, ok = QInputDialog.getText(self, self.tr("会籍转出"), self.tr("转入的工会："))
        if not ok:
            return
        op = self.state.ops.query(intake.transfer_out, self.state.ctx, member_id, union)
        op.success(self._transferred).failure(self._failed).run()

    def _transferred(self, _record: Any) -> None:
        self.picker.clear()
        self.message.setText(self.tr("已登记会籍转出。"))

    def void_selected(self) -> None:
        """作废: a mistaken intake or transfer record, with its reason (required)."""
        from desktop.services import intake

        row = self.selected()
        if row is None or row.intake.deleted:
            self.message.setText(self.tr("请先在记录中选中一条未作废的记录。"))
            return
        question = self.tr("作废 %1 的%2记录（记录保留并标明作废）。请填写原因：")
        kind = enum_text("IntakeKind", row.intake.kind)
        reason, ok = QInputDialog.getText(
            self, self.tr("作废记录"), question.replace("%1", row.name).replace("%2", kind)
        )
        if not ok:
            return
        if not reason.strip():
            self.message.setText(self.tr("没有作废：必须填写作废原因。"))
            return
        op = self.state.ops.query(intake.void_intake, self.state.ctx, row.intake.id, reason)
        op.success(lambda _r: self.message.setText(self.tr("已作废。")))
        op.failure(self._void_failed).run()

    def _void_failed(self, exc: BaseException) -> None:
        text = user_message(exc)
        if text is None:
            from .errors import show_error

            show_error(self, exc)
        else:
            self.message.setText(text)
