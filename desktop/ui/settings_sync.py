"""同步 in Settings: the district server's address, a one-time code to enrol (or enrol again:
a new code replaces the old token), the district's CA certificate, and when the last sync was."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from .state import AppState
from .widgets import Card, FieldForm


class SyncSettingsCard(Card):
    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("同步"), parent)
        self.state = state
        self.overview = QLabel()
        self.overview.setWordWrap(True)
        self.body.addWidget(self.overview)
        self.form = FieldForm()
        self.server = self.form.add("server", self.tr("服务器地址"), QLineEdit())
        self.server.setPlaceholderText("https://…")
        self.code = self.form.add("enrol_code", self.tr("一次性登记码"), QLineEdit())
        self.code.setPlaceholderText(self.tr("区总工会发给本站的登记码"))
        ca_row = QWidget()
        ca_box = QHBoxLayout(ca_row)
        ca_box.setContentsMargins(0, 0, 0, 0)
        self.ca_bundle = QLineEdit()
        self.ca_bundle.setPlaceholderText(self.tr("区总工会自签证书时才需要"))
        choose = QPushButton(self.tr("选择…"))
        choose.clicked.connect(self.choose_ca)
        ca_box.addWidget(self.ca_bundle, 1)
        ca_box.addWidget(choose)
        self.form.add("ca_bundle", self.tr("CA 证书（可选）"), ca_row)
        self.body.addLayout(self.form)
        row = QHBoxLayout()
        self.enrol_button = QPushButton(self.tr("登记"))
        self.enrol_button.setObjectName("Primary")
        self.enrol_button.clicked.connect(self.enrol)
        self.code.returnPressed.connect(self.enrol)
        row.addStretch(1)
        row.addWidget(self.enrol_button)
        self.body.addLayout(row)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.body.addWidget(self.status)
        self.body.addStretch(1)

    def refresh(self) -> None:
        from desktop.services import ui_queries

        op = self.state.ops.query(ui_queries.sync_overview, self.state.ctx)
        op.success(self.show_overview).run()

    def show_overview(self, overview: Any) -> None:
        if overview.server:
            text = self.tr("已登记到 %1。上次同步：%2。").replace("%1", overview.server)
            self.enrol_button.setText(self.tr("重新登记"))
            if not self.server.text():
                self.server.setText(overview.server)
        else:
            text = self.tr("尚未登记到区服务器（本站离线使用）。上次同步：%2。")
            self.enrol_button.setText(self.tr("登记"))
        self.overview.setText(text.replace("%2", overview.last_sync or self.tr("从未")))
        self.enrol_button.setEnabled(self.state.is_head)
        if not self.state.is_head:
            self.status.setText(self.tr("登记由站长操作。"))

    def choose_ca(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择 CA 证书"), "", self.tr("证书 (*.pem *.crt);;所有文件 (*)")
        )
        if path:
            self.ca_bundle.setText(path)

    def check(self) -> dict[str, str]:
        url, code, ca = (w.text().strip() for w in (self.server, self.code, self.ca_bundle))
        errors = {}
        if not url:
            errors["server"] = self.tr("请填写服务器地址")
        elif not url.startswith(("https://", "http://")):
            errors["server"] = self.tr("服务器地址应以 https:// 开头")
        if len(code) < 4:
            errors["enrol_code"] = self.tr("请填写区总工会发给本站的一次性登记码")
        if ca and not Path(ca).is_file():
            errors["ca_bundle"] = self.tr("找不到这个证书文件")
        return errors

    def enrol(self) -> None:
        from desktop.sync import commands

        if not self.state.is_head:
            return
        errors = self.check()
        if errors:
            self.form.show_errors(errors)
            return
        self.form.clear_errors()
        self.enrol_button.setEnabled(False)
        self.status.setText(self.tr("正在连接服务器……"))
        op = self.state.ops.query(
            commands.enrol,
            self.state.engine,
            self.server.text().strip(),
            self.code.text().strip(),
            ca_bundle=self.ca_bundle.text().strip() or None,
        )
        op.success(self._enrolled).failure(self._failed).run()

    def _enrolled(self, result: Any) -> None:
        self.code.clear()
        text = self.tr("已登记：本站 %1，区 %2。可以到“同步”页立即同步。")
        self.status.setText(
            text.replace("%1", result.station_code).replace("%2", result.district_code)
        )
        self.state.bridge.changed.emit(frozenset({"sync", "fund_program"}))
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        from .errors import user_message

        self.enrol_button.setEnabled(True)
        message = user_message(exc) or getattr(exc, "message", None) or str(exc)
        self.status.setText(self.tr("登记没有成功：%1").replace("%1", message))
