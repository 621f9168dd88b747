"""Settings cards the station head edits: the station's details and the staff accounts.

Everyone sees them; only a station head can save (the services check it too, so a
non-head who somehow gets here still gets the Chinese PermissionDenied at the form).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from .errors import show_form_error
from .labels import enum_text, fill
from .state import AppState
from .widgets import Card, FieldForm


def _head_only_note(card: Card, text: str) -> QLabel:
    note = QLabel(text)
    note.setObjectName("Warning")
    note.setWordWrap(True)
    card.body.addWidget(note)
    return note


class StationCard(Card):
    """服务站: name, issuing union, address and phone (code and district are fixed)."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("服务站"), parent)
        self.state = state
        self.form = FieldForm()
        self.code = QLabel()
        self.district = QLabel()
        self.form.addRow(self.tr("编码"), self.code)
        self.form.addRow(self.tr("所属区"), self.district)
        self.edits: dict[str, QLineEdit] = {}
        for key, text in (
            ("name", self.tr("名称")),
            ("union_name", self.tr("发放单位")),
            ("address", self.tr("地址")),
            ("phone", self.tr("电话")),
        ):
            self.edits[key] = self.form.add(key, text, QLineEdit())  # type: ignore[assignment]
        self.body.addLayout(self.form)
        self.save_button = QPushButton(self.tr("保存服务站信息"))
        self.save_button.setObjectName("Primary")
        self.save_button.clicked.connect(self.save)
        self.status = QLabel()
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.save_button)
        self.body.addLayout(row)
        self.body.addStretch(1)
        if not state.is_head:
            _head_only_note(self, self.tr("只有站长可以修改服务站信息。"))
            for edit in self.edits.values():
                edit.setReadOnly(True)
            self.save_button.setEnabled(False)

    def show_station(self, station: Any) -> None:
        self.code.setText(station.code or "—")
        self.district.setText(station.district_name or station.district_code or "—")
        for key, edit in self.edits.items():
            edit.setText(getattr(station, key) or "")
            edit.setCursorPosition(0)

    def save(self) -> None:
        from desktop.services import staff

        values = {key: edit.text() for key, edit in self.edits.items()}
        self.status.clear()
        op = self.state.ops.query(staff.update_station, self.state.ctx, **values)
        op.success(self._saved).failure(self._failed).run()

    def _saved(self, station: Any) -> None:
        self.form.clear_errors()
        self.show_station(station)
        self.status.setText(self.tr("已保存。"))

    def _failed(self, exc: BaseException) -> None:
        _show_at_form(self, self.form, exc)


class StaffCard(Card):
    """工作人员: who has an account here; (station head) reset the selected account's password
    or deactivate it, and a form to add one. Each change syncs like any staff edit, and
    re-wraps (or removes) that account's key to the station file."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("工作人员"), parent)
        self.state = state
        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([self.tr("登录名"), self.tr("姓名"), self.tr("角色"), ""])
        for column, width in enumerate((90, 80, 90)):
            self.list.setColumnWidth(column, width)
        self.body.addWidget(self.list, 1)
        self._account_actions()
        heading = QLabel(self.tr("添加账号"))
        heading.setObjectName("CardTitle")
        self.body.addWidget(heading)
        self.form = FieldForm()
        self.username = self.form.add("username", self.tr("登录名"), QLineEdit())
        self.display_name = self.form.add("display_name", self.tr("姓名"), QLineEdit())
        from contract.enums import Role

        self.role = self.form.add("role", self.tr("角色"), fill(QComboBox(), Role))
        assert isinstance(self.role, QComboBox)
        self.role.setCurrentIndex(max(0, self.role.findData(Role.SOCIAL_WORKER.value)))
        self.password = self.form.add("password", self.tr("初始密码"), QLineEdit())
        assert isinstance(self.password, QLineEdit)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("至少 6 位"))
        self.body.addLayout(self.form)
        self.add_button = QPushButton(self.tr("添加工作人员"))
        self.add_button.setObjectName("Primary")
        self.add_button.clicked.connect(self.add)
        self.status = QLabel()
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.add_button)
        self.body.addLayout(row)
        if not state.is_head:
            _head_only_note(self, self.tr("只有站长可以添加工作人员。"))
            for widget in (self.username, self.display_name, self.role, self.password):
                widget.setEnabled(False)
            for widget in (self.new_password, self.reset_button, self.deactivate_button):
                widget.setEnabled(False)
            self.add_button.setEnabled(False)

    def _account_actions(self) -> None:
        row = QHBoxLayout()
        self.new_password = QLineEdit()
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_password.setPlaceholderText(self.tr("新密码（至少 6 位）"))
        self.reset_button = QPushButton(self.tr("重置密码"))
        self.reset_button.clicked.connect(self.reset_password)
        self.deactivate_button = QPushButton(self.tr("停用账号"))
        self.deactivate_button.clicked.connect(self.deactivate)
        row.addWidget(self.new_password, 1)
        row.addWidget(self.reset_button)
        row.addWidget(self.deactivate_button)
        self.body.addLayout(row)
        self.account_status = QLabel()
        self.account_status.setWordWrap(True)
        self.body.addWidget(self.account_status)

    def _selected(self) -> tuple[str, str] | None:
        item = self.list.currentItem()
        if item is None:
            self.account_status.setText(self.tr("请先在上面的列表中选择一位工作人员"))
            return None
        return str(item.data(0, Qt.ItemDataRole.UserRole)), item.text(1)

    def reset_password(self) -> None:
        from desktop.services import staff

        chosen = self._selected()
        if chosen is None:
            return
        staff_id, name = chosen
        op = self.state.ops.query(
            staff.reset_password, self.state.ctx, staff_id, self.new_password.text()
        )
        op.success(
            lambda _a: self._account_done(self.tr("已重置 %1 的密码，请把新密码告诉本人。"), name)
        )
        op.failure(self._account_failed).run()

    def deactivate(self) -> None:
        from desktop.services import staff

        chosen = self._selected()
        if chosen is None:
            return
        staff_id, name = chosen
        op = self.state.ops.query(staff.deactivate, self.state.ctx, staff_id)
        op.success(lambda _a: self._account_done(self.tr("已停用 %1，该账号不能再登录。"), name))
        op.failure(self._account_failed).run()

    def _account_done(self, text: str, name: str) -> None:
        self.new_password.clear()
        self.account_status.setText(text.replace("%1", name))
        self.refresh()

    def _account_failed(self, exc: BaseException) -> None:
        from .errors import show_error, user_message

        message = user_message(exc)
        if message is None:
            show_error(self, exc)
            return
        self.account_status.setText(message)

    def refresh(self) -> None:
        from desktop.services import staff

        self.state.ops.query(staff.list_staff, self.state.ctx).success(self.show_staff).run()

    def show_staff(self, accounts: list[Any]) -> None:
        self.list.clear()
        for account in accounts:
            item = QTreeWidgetItem(
                self.list,
                [
                    account.username,
                    account.display_name,
                    enum_text("Role", account.role),
                    "" if account.active else self.tr("已停用"),
                ],
            )
            item.setData(0, Qt.ItemDataRole.UserRole, account.id)

    def usernames(self) -> list[str]:
        items = (self.list.topLevelItem(i) for i in range(self.list.topLevelItemCount()))
        return [item.text(0) for item in items if item is not None]

    def add(self) -> None:
        from desktop.services import staff

        self.status.clear()
        op = self.state.ops.query(
            staff.add_staff,
            self.state.ctx,
            username=self.username.text(),  # type: ignore[attr-defined]
            display_name=self.display_name.text(),  # type: ignore[attr-defined]
            role=self.role.currentData(),  # type: ignore[attr-defined]
            password=self.password.text(),  # type: ignore[attr-defined]
        )
        op.success(self._added).failure(self._failed).run()

    def _added(self, account: Any) -> None:
        self.form.clear_errors()
        for edit in (self.username, self.display_name, self.password):
            edit.clear()  # type: ignore[attr-defined]
        self.status.setText(
            self.tr("已添加 %1，请把初始密码告诉本人。").replace("%1", account.display_name)
        )
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        _show_at_form(self, self.form, exc)


def _show_at_form(parent: QWidget, form: FieldForm, exc: BaseException) -> None:
    """Field errors beside the fields, any other Chinese message at the top of the form,
    anything unexpected in the error box."""
    from .errors import user_message

    message = user_message(exc)
    if getattr(exc, "errors", None) or message is None:
        show_form_error(parent, form, exc)
    else:
        form.show_message(message)
