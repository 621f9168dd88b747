"""First start: enrol with the district server, start offline, or open a demo station;
then create the first station-head (站长) account, and show the station file's recovery code
once (the file is encrypted; the head's password and that code are what open it)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from .ops import Ops
from .theme import icon
from .widgets import FieldForm, page_title

log = logging.getLogger(__name__)


class SetupWizard(QDialog):
    """done_setup carries (ctx, username) once the station and its head account exist."""

    done_setup = Signal(object, str)

    def __init__(self, ops: Ops, engine: Any, db_path: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops, self.engine, self.db_path = ops, engine, db_path
        self.ctx: Any = None
        self.setWindowTitle(self.tr("首次使用设置"))
        self.setWindowIcon(icon("app"))
        self.setMinimumSize(560, 420)
        layout = QVBoxLayout(self)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack)
        self.stack.addWidget(self._choose_page())
        self.stack.addWidget(self._enrol_page())
        self.stack.addWidget(self._offline_page())
        self.stack.addWidget(self._demo_page())
        self.stack.addWidget(self._head_page())
        self.stack.addWidget(self._recovery_page())
        self.head_username = ""

    def _page(self, title: str, intro: str) -> tuple[QWidget, QVBoxLayout]:
        page = QWidget()
        box = QVBoxLayout(page)
        box.addWidget(page_title(title))
        text = QLabel(intro)
        text.setWordWrap(True)
        box.addWidget(text)
        return page, box

    def _nav(self, box: QVBoxLayout, go: QPushButton) -> None:
        back = QPushButton(self.tr("上一步"))
        back.clicked.connect(lambda: self.stack.setCurrentIndex(0))
        go.setObjectName("Primary")
        row = QHBoxLayout()
        row.addWidget(back)
        row.addStretch(1)
        row.addWidget(go)
        box.addStretch(1)
        box.addLayout(row)

    def _choose_page(self) -> QWidget:
        page, box = self._page(
            self.tr("欢迎使用工会服务站工作台"),
            self.tr("请选择本机的开始方式。以后可以在“设置”中修改。"),
        )
        for index, text in (
            (1, self.tr("连接区总工会服务器（使用一次性注册码）")),
            (2, self.tr("先离线使用（以后再设置同步）")),
            (3, self.tr("打开演示服务站（虚构数据，用于培训）")),
        ):
            button = QPushButton(text)
            button.setMinimumHeight(44)
            button.clicked.connect(lambda _=False, i=index: self.stack.setCurrentIndex(i))
            box.addWidget(button)
        box.addStretch(1)
        return page

    def _enrol_page(self) -> QWidget:
        page, box = self._page(
            self.tr("连接区总工会服务器"),
            self.tr(
                "填写本服务站的名称和编码（须与区总工会登记的一致），"
                "以及区总工会提供的服务器地址和一次性注册码。"
            ),
        )
        self.enrol_form = FieldForm()
        self.enrol_name = self.enrol_form.add("name", self.tr("服务站名称"), QLineEdit())
        self.enrol_station_code = self.enrol_form.add("code", self.tr("服务站编码"), QLineEdit())
        self.enrol_station_code.setPlaceholderText(self.tr("区划代码 + 编号，例如 4401060001"))
        self.server = self.enrol_form.add("server", self.tr("服务器地址"), QLineEdit())
        self.server.setPlaceholderText("https://sync.example.gov.cn")
        self.code = self.enrol_form.add("enrol_code", self.tr("注册码"), QLineEdit())
        self.ca_bundle = QLineEdit()
        self.ca_bundle.setPlaceholderText(self.tr("可不填；区服务器使用自签证书时选择 CA 证书文件"))
        choose = QPushButton(self.tr("选择…"))
        choose.clicked.connect(self._choose_ca)
        ca_row = QWidget()
        ca_box = QHBoxLayout(ca_row)
        ca_box.setContentsMargins(0, 0, 0, 0)
        ca_box.addWidget(self.ca_bundle, 1)
        ca_box.addWidget(choose)
        self.enrol_form.add("ca_bundle", self.tr("CA 证书（可选）"), ca_row)
        box.addLayout(self.enrol_form)
        self.enrol_status = QLabel()
        self.enrol_status.setWordWrap(True)
        box.addWidget(self.enrol_status)
        self.enrol_button = QPushButton(self.tr("注册"))
        self.enrol_button.clicked.connect(self._enrol)
        self._nav(box, self.enrol_button)
        return page

    def _choose_ca(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择 CA 证书"), "", self.tr("证书 (*.pem *.crt *.cer);;所有文件 (*)")
        )
        if path:
            self.ca_bundle.setText(path)

    def _offline_page(self) -> QWidget:
        page, box = self._page(self.tr("离线开始"), self.tr("填写本服务站的名称和编码。"))
        self.station_form = FieldForm()
        self.station_name = self.station_form.add("name", self.tr("服务站名称"), QLineEdit())
        self.station_code = self.station_form.add("code", self.tr("服务站编码"), QLineEdit())
        self.station_code.setPlaceholderText(self.tr("区划代码 + 编号，例如 4401060001"))
        self.union_name = self.station_form.add("union_name", self.tr("发放单位"), QLineEdit())
        self.district = self.station_form.add("district_name", self.tr("所属区"), QLineEdit())
        box.addLayout(self.station_form)
        go = QPushButton(self.tr("下一步"))
        go.clicked.connect(self._offline)
        self._nav(box, go)
        return page

    def _demo_page(self) -> QWidget:
        page, box = self._page(
            self.tr("演示服务站"),
            self.tr(
                "生成虚构的会员、走访和发放记录。演示账号：站长 head、社工 worker，密码 demo1234。"
            ),
        )
        self.demo_form = FieldForm()
        self.demo_size = QSpinBox()
        self.demo_size.setRange(100, 200_000)
        self.demo_size.setSingleStep(1000)
        self.demo_size.setValue(2000)
        self.demo_form.add("members", self.tr("会员人数"), self.demo_size)
        box.addLayout(self.demo_form)
        self.demo_status = QLabel()
        box.addWidget(self.demo_status)
        go = QPushButton(self.tr("生成演示数据"))
        go.clicked.connect(self._demo)
        self._nav(box, go)
        return page

    def _head_page(self) -> QWidget:
        page, box = self._page(
            self.tr("创建站长账号"), self.tr("站长账号可以添加其他工作人员、批准超规则发放。")
        )
        self.head_form = FieldForm()
        self.head_user = self.head_form.add("username", self.tr("登录名"), QLineEdit())
        self.head_name = self.head_form.add("display_name", self.tr("姓名"), QLineEdit())
        self.head_pw = self.head_form.add("password", self.tr("密码"), QLineEdit())
        self.head_pw2 = self.head_form.add("password2", self.tr("再次输入密码"), QLineEdit())
        for edit in (self.head_pw, self.head_pw2):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        box.addLayout(self.head_form)
        go = QPushButton(self.tr("完成"))
        go.setObjectName("Primary")
        go.clicked.connect(self._create_head)
        box.addStretch(1)
        box.addWidget(go)
        return page

    def _recovery_page(self) -> QWidget:
        page, box = self._page(
            self.tr("恢复码"),
            self.tr(
                "本站数据已加密，用各工作人员的密码打开。请站长把下面的恢复码抄在纸上，"
                "妥善保管，不要存在这台电脑上：忘记所有密码时，只有凭它才能重置站长密码。"
                "恢复码只显示这一次。"
            ),
        )
        self.recovery_code = QLabel()
        self.recovery_code.setObjectName("PageTitle")
        self.recovery_code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.recovery_code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box.addWidget(self.recovery_code)
        self.recovery_done = QPushButton(self.tr("我已抄下恢复码，开始使用"))
        self.recovery_done.setObjectName("Primary")
        self.recovery_done.clicked.connect(self._recovery_noted)
        box.addStretch(1)
        box.addWidget(self.recovery_done)
        return page

    def _fail(self, form: FieldForm) -> Any:
        def show(exc: BaseException) -> None:
            from .errors import user_message

            errors = getattr(exc, "errors", None)
            field = getattr(exc, "field", None)
            message = user_message(exc)
            if isinstance(errors, dict) and errors:
                form.show_errors(errors)
            elif message and field in form.fields:
                form.show_errors({field: message})
            elif message:
                form.show_message(message)
            else:  # not a UserFacingError: a bug, logged with its traceback
                log.error("setup failed: %s", getattr(exc, "__traceback_text__", repr(exc)))
                form.show_message(self.tr("出错了，操作没有完成：%1").replace("%1", repr(exc)))

        return show

    def _enrol(self) -> None:
        """Initialise the station (once), then exchange the one-time code for a token."""
        url, code = self.server.text().strip(), self.code.text().strip()
        ca = self.ca_bundle.text().strip()
        errors = {}
        if not url:
            errors["server"] = self.tr("请填写服务器地址")
        elif not url.startswith(("https://", "http://")):
            errors["server"] = self.tr("服务器地址应以 https:// 开头")
        if not code:
            errors["enrol_code"] = self.tr("请填写注册码")
        elif len(code) < 4:
            errors["enrol_code"] = self.tr("注册码不完整，请核对")
        if ca and not Path(ca).is_file():
            errors["ca_bundle"] = self.tr("找不到这个证书文件")
        if self.ctx is None:
            if not self.enrol_name.text().strip():
                errors["name"] = self.tr("服务站名称不能为空")
            if not self.enrol_station_code.text().strip():
                errors["code"] = self.tr("服务站编码不能为空")
        if errors:
            self.enrol_form.show_errors(errors)
            return
        self.enrol_form.clear_errors()
        self.enrol_button.setEnabled(False)
        self.enrol_status.setText(self.tr("正在连接服务器……"))
        if self.ctx is not None:  # the station exists from an earlier attempt
            self._enrol_station(self.ctx)
            return
        from desktop.services import staff

        op = self.ops.query(
            staff.init_station,
            self.engine,
            code=self.enrol_station_code.text(),
            name=self.enrol_name.text(),
        )
        op.success(self._enrol_station).failure(self._enrol_failed).run()

    def _enrol_station(self, ctx: Any) -> None:
        from desktop.sync import commands

        self.ctx = ctx
        # the station row now exists: its name and code can no longer change here
        self.enrol_name.setReadOnly(True)
        self.enrol_station_code.setReadOnly(True)
        op = self.ops.query(
            commands.enrol,
            self.engine,
            self.server.text().strip(),
            self.code.text().strip(),
            ca_bundle=self.ca_bundle.text().strip() or None,
        )
        op.success(lambda _result: self._station_ready(ctx)).failure(self._enrol_failed).run()

    def _enrol_failed(self, exc: BaseException) -> None:
        self.enrol_button.setEnabled(True)
        self.enrol_status.clear()
        self._fail(self.enrol_form)(exc)
        if self.ctx is not None:
            self.enrol_status.setText(
                self.tr(
                    "本机服务站已建立（名称和编码不能再改）。可以改正服务器地址或注册码后重试，"
                    "或返回选择“先离线使用”，以后在“设置 → 同步”中登记。"
                )
            )

    def _offline(self) -> None:
        from desktop.services import staff

        if self.ctx is not None:  # created by an enrol attempt that did not finish
            self._station_ready(self.ctx)
            return
        op = self.ops.query(
            staff.init_station,
            self.engine,
            code=self.station_code.text(),
            name=self.station_name.text(),
            union_name=self.union_name.text(),
            district_name=self.district.text(),
        )
        op.success(self._station_ready).failure(self._fail(self.station_form)).run()

    def _station_ready(self, ctx: Any) -> None:
        self.ctx = ctx
        self.stack.setCurrentIndex(4)
        self.head_user.setFocus()

    def _demo(self) -> None:
        from desktop.services import demo

        self.demo_status.setText(self.tr("正在生成，请稍候……"))
        op = self.ops.query(
            demo.create_demo, self.db_path, members=self.demo_size.value(), engine=self.engine
        )
        op.success(lambda ctx: self._finish(ctx, "head")).failure(self._fail(self.demo_form)).run()

    def _create_head(self) -> None:
        from desktop.services import staff

        if self.head_pw.text() != self.head_pw2.text():
            self.head_form.show_errors({"password2": self.tr("两次输入的密码不一致")})
            return
        username = self.head_user.text().strip()
        op = self.ops.query(
            staff.add_staff,
            self.ctx,
            username=username,
            display_name=self.head_name.text(),
            role="station_head",
            password=self.head_pw.text(),
        )
        op.success(lambda _s: self._head_created(username))
        op.failure(self._fail(self.head_form)).run()

    def _head_created(self, username: str) -> None:
        from desktop import keys
        from desktop.services import staff

        self.head_username = username
        if keys.ring_of(self.engine) is None:  # a plain file (never in production)
            self._finish(self.ctx, username)
            return
        op = self.ops.query(staff.new_recovery_code, self.ctx)
        op.success(self._show_recovery).failure(self._fail(self.head_form)).run()

    def _show_recovery(self, code: str) -> None:
        self.recovery_code.setText(code)
        self.stack.setCurrentIndex(5)
        self.recovery_done.setFocus()

    def _recovery_noted(self) -> None:
        self.recovery_code.clear()  # not kept on screen or in memory longer than needed
        self._finish(self.ctx, self.head_username)

    def _finish(self, ctx: Any, username: str) -> None:
        self.done_setup.emit(ctx, username)
        self.accept()
