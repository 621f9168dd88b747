"""Log in (offline): the first login unlocks the encrypted station file; later ones (idle
lock, "switch user") are checked against the open file's argon2 hashes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .errors import user_message
from .ops import Ops
from .theme import icon


class LoginDialog(QDialog):
    """Asks for a login name and password; runs login() in the background (it is slow on purpose).

    attempt(username, password) does the check (default: staff.login on ctx); logged_in
    carries what it answers (an Actor, or an unlock.Opened). As a lock screen (lock=True: idle lock, lock button, switch
    user) it cannot be dismissed; locked_to pre-fills the user who was working.
    """

    logged_in = Signal(object)

    def __init__(
        self,
        ops: Ops,
        ctx: Any,
        station_name: str,
        usernames: list[str],
        *,
        locked_to: str | None = None,
        lock: bool = False,
        parent: QWidget | None = None,
        attempt: Callable[[str, str], Any] | None = None,
        recover: Callable[[str, str, str], Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.ctx = ctx
        self.attempt = attempt
        self.recover = recover
        self.recover_dialog: RecoverDialog | None = None
        self.lock = lock
        self.setWindowTitle(self.tr("已锁定") if lock else self.tr("登录"))
        self.setWindowIcon(icon("app"))
        self.setMinimumWidth(380)
        layout = QVBoxLayout(self)
        title = QLabel(station_name or self.tr("工会服务站工作台"))
        title.setObjectName("PageTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        if lock:
            note = QLabel(self.tr("屏幕已锁定，请重新输入密码，或换其他工作人员登录。"))
            note.setWordWrap(True)
            layout.addWidget(note)
        form = QFormLayout()
        self.username = QComboBox()
        self.username.setEditable(True)
        self.username.addItems(usernames)
        if lock:
            self.username.setCurrentText(locked_to or "")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("登录名"), self.username)
        form.addRow(self.tr("密码"), self.password)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("FieldError")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("登录"))
        self.ok.setObjectName("Primary")
        buttons.accepted.connect(self.submit)
        layout.addWidget(buttons)
        self.forgot = QPushButton(self.tr("忘记密码？用恢复码重置站长密码"))
        self.forgot.setFlat(True)
        self.forgot.clicked.connect(self.open_recovery)
        self.forgot.setVisible(recover is not None)
        layout.addWidget(self.forgot)
        self.password.setFocus()

    def open_recovery(self) -> None:
        assert self.recover is not None
        names = [self.username.itemText(i) for i in range(self.username.count())]
        self.recover_dialog = RecoverDialog(self.ops, self.recover, names, self)
        self.recover_dialog.recovered.connect(self._ok)
        self.recover_dialog.open()

    def submit(self) -> None:
        from desktop.services import staff

        self.ok.setEnabled(False)
        self.error.setText(self.tr("正在验证……"))
        name, password = self.username.currentText(), self.password.text()
        if self.attempt is not None:
            op = self.ops.query(self.attempt, name, password)
        else:
            op = self.ops.query(staff.login, self.ctx, name, password)
        op.success(self._ok).failure(self._failed).run()

    def _ok(self, actor: Any) -> None:
        self.logged_in.emit(actor)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok.setEnabled(True)
        self.password.clear()
        self.password.setFocus()
        self.error.setText(user_message(exc) or self.tr("登录失败"))

    def reject(self) -> None:  # a lock screen cannot be dismissed with Esc
        if self.lock:
            return
        super().reject()


class RecoveryCodeDialog(QDialog):
    """The station file's recovery code, shown once: the station head writes it on paper."""

    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("恢复码"))
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "本站数据已加密。请站长把下面的恢复码抄在纸上，妥善保管（不要存在这台电脑上）。"
                "忘记所有密码时，只有凭它才能重置站长密码。恢复码只显示这一次。"
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.code = QLabel(code)
        self.code.setObjectName("PageTitle")
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.code)
        self.done_button = QPushButton(self.tr("我已抄下恢复码"))
        self.done_button.setObjectName("Primary")
        self.done_button.clicked.connect(self.accept)
        layout.addWidget(self.done_button)


def show_recovery_code(parent: QWidget | None, code: str) -> RecoveryCodeDialog:
    dialog = RecoveryCodeDialog(code, parent)
    dialog.open()
    return dialog


class RecoverDialog(QDialog):
    """Every password forgotten: the station head's recovery code (from paper) sets a new
    password for a head's account and logs in; recovered carries the unlock.Opened."""

    recovered = Signal(object)

    def __init__(
        self,
        ops: Ops,
        recover: Callable[[str, str, str], Any],
        usernames: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ops, self.recover = ops, recover
        self.setWindowTitle(self.tr("用恢复码重置站长密码"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.username = QComboBox()
        self.username.setEditable(True)
        self.username.addItems(usernames)
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("如 ABCD-EFGH-…（不分大小写）"))
        self.new_password = QLineEdit()
        self.again = QLineEdit()
        for edit in (self.new_password, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("站长登录名"), self.username)
        form.addRow(self.tr("恢复码"), self.code)
        form.addRow(self.tr("新密码"), self.new_password)
        form.addRow(self.tr("再次输入新密码"), self.again)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("FieldError")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.ok = QPushButton(self.tr("重置并登录"))
        self.ok.setObjectName("Primary")
        self.ok.clicked.connect(self.submit)
        layout.addWidget(self.ok)

    def submit(self) -> None:
        if self.new_password.text() != self.again.text():
            self.error.setText(self.tr("两次输入的新密码不一致"))
            return
        self.ok.setEnabled(False)
        self.error.setText(self.tr("正在验证……"))
        op = self.ops.query(
            self.recover, self.code.text(), self.username.currentText(), self.new_password.text()
        )
        op.success(self._ok).failure(self._failed).run()

    def _ok(self, opened: Any) -> None:
        self.recovered.emit(opened)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok.setEnabled(True)
        self.error.setText(user_message(exc) or self.tr("重置失败"))
