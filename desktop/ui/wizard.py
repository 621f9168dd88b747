"""First start: enrol with the district server, start offline, or open a demo station;
then create the first station-head (站长) account."""

from __future__ import annotations

import importlib.util
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
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
            self.tr("连接区总工会服务器"), self.tr("请输入区总工会提供的服务器地址和一次性注册码。")
        )
        self.enrol_form = FieldForm()
        self.server = self.enrol_form.add("server", self.tr("服务器地址"), QLineEdit())
        self.server.setPlaceholderText("https://sync.example.gov.cn")
        self.code = self.enrol_form.add("code", self.tr("注册码"), QLineEdit())
        box.addLayout(self.enrol_form)
        go = QPushButton(self.tr("注册"))
        go.clicked.connect(self._enrol)
        self._nav(box, go)
        return page

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

    def _fail(self, form: FieldForm) -> Any:
        def show(exc: BaseException) -> None:
            errors = getattr(exc, "errors", None)
            if errors:
                form.show_errors(errors)
            else:
                form.show_message(getattr(exc, "message", None) or repr(exc))

        return show

    def _enrol(self) -> None:
        if importlib.util.find_spec("desktop.sync.commands") is None:
            self.enrol_form.show_message(
                self.tr("未配置同步服务器：本版本尚未包含同步模块，请先离线开始。")
            )
            return
        from desktop.sync import commands  # type: ignore[attr-defined]

        server, code = self.server.text().strip(), self.code.text().strip()
        op = self.ops.query(commands.enrol, self.engine, server=server, code=code)
        op.success(self._station_ready).failure(self._fail(self.enrol_form)).run()

    def _offline(self) -> None:
        from desktop.services import staff

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
        op.success(lambda _s: self._finish(self.ctx, username))
        op.failure(self._fail(self.head_form)).run()

    def _finish(self, ctx: Any, username: str) -> None:
        self.done_setup.emit(ctx, username)
        self.accept()
