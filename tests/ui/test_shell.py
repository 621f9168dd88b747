"""The shell: ops helper, bridge, main window navigation, login, first-start wizard."""

from __future__ import annotations

import sys

from PySide6.QtGui import QStandardItem, QStandardItemModel

from desktop.services import events
from desktop.ui.bridge import EventBridge
from desktop.ui.main_window import PAGES, MainWindow
from desktop.ui.ops import Ops

from .drive import click, go, type_into


def test_ops_threaded_success_and_failure(qtbot):
    ops = Ops()
    got: list[object] = []
    ops.query(lambda: 41 + 1).success(got.append).run()
    ops.query(lambda: 1 / 0).failure(got.append).run()
    qtbot.waitUntil(lambda: len(got) == 2, timeout=3000)
    assert 42 in got
    assert any(isinstance(x, ZeroDivisionError) for x in got)


def test_ops_progress_and_cancel(qtbot):
    ops = Ops()
    seen: list[int] = []
    result: list[object] = []

    def work(job):
        for i in range(1000):
            if job.cancelled():
                return "cancelled"
            job.progress(i, 1000)
            if i == 3:
                job.cancel()
        return "done"

    ops.task(work).with_progress(lambda d, _t, _x: seen.append(d)).success(result.append).run()
    qtbot.waitUntil(lambda: bool(result), timeout=3000)
    assert result == ["cancelled"]
    assert seen[:4] == [0, 1, 2, 3]


def test_bridge_reemits_on_gui_thread(qtbot):
    bridge = EventBridge()
    bridge.attach()
    try:
        with qtbot.waitSignal(bridge.changed, timeout=1000) as blocker:
            events.notify(["member"])
        assert blocker.args == [frozenset({"member"})]
    finally:
        bridge.detach()


def test_none_refcount_survives_standard_item_model():
    """PySide6 6.12.0 on 3.11 dropped None's refcount on every appendRow (tech-notes)."""
    import gc

    model = QStandardItemModel()
    model.appendRow(QStandardItem("warm-up"))
    gc.collect()
    gc.disable()
    try:
        before = sys.getrefcount(None)
        for i in range(20000):
            model.appendRow([QStandardItem(str(i)), QStandardItem()])
        after = sys.getrefcount(None)
    finally:
        gc.enable()
    assert model.rowCount() == 20001
    assert after >= before - 1000, (before, after)  # the bug drops one per call: 20,000


def test_main_window_opens_every_page(qtbot, state):
    window = MainWindow()
    qtbot.addWidget(window)
    window.set_state(state)
    window.show()
    for key, label, *_rest in PAGES:
        page = go(window, label)
        assert page is window.page(key), key
        assert window.stack.currentWidget() is page


def test_login_dialog_reports_wrong_password_then_logs_in(qtbot, ctx, monkeypatch):
    from desktop.services import staff
    from desktop.ui.login import LoginDialog

    real = staff.login
    monkeypatch.setattr(staff, "login", lambda c, u, p: real(c, u, p, sleep=False))
    dialog = LoginDialog(Ops(synchronous=True), ctx, "测试站", ["head", "worker"])
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(dialog.username.lineEdit(), "worker")
    type_into(dialog.password, "wrong", enter=True)
    assert "密码错误" in dialog.error.text()
    type_into(dialog.password, "secret123")
    with qtbot.waitSignal(dialog.logged_in) as blocker:
        click(dialog.ok)
    assert blocker.args[0].display_name == "王社工"


def button_on(page, text):
    from PySide6.QtWidgets import QPushButton

    (button,) = [b for b in page.findChildren(QPushButton) if b.text().startswith(text)]
    return button


def test_wizard_offline_then_head_account(qtbot, engine, db_path):
    from desktop.services import staff
    from desktop.ui.wizard import SetupWizard

    wizard = SetupWizard(Ops(synchronous=True), engine, db_path)
    qtbot.addWidget(wizard)
    wizard.show()
    click(button_on(wizard.stack.currentWidget(), "先离线使用"))
    assert wizard.stack.currentIndex() == 2
    click(button_on(wizard.stack.currentWidget(), "下一步"))
    assert wizard.station_form.error_labels["name"].text() == "服务站名称不能为空"
    type_into(wizard.station_name, "新街工会服务站")
    type_into(wizard.station_code, "4401069999")
    click(button_on(wizard.stack.currentWidget(), "下一步"))
    assert wizard.stack.currentIndex() == 4
    type_into(wizard.head_user, "boss")
    type_into(wizard.head_name, "张站长")
    type_into(wizard.head_pw, "pw123456")
    type_into(wizard.head_pw2, "pw12345x")
    click(button_on(wizard.stack.currentWidget(), "完成"))
    assert wizard.head_form.error_labels["password2"].isVisibleTo(wizard)
    type_into(wizard.head_pw2, "pw123456")
    click(button_on(wizard.stack.currentWidget(), "完成"))
    assert wizard.stack.currentIndex() == 5  # the recovery code, shown once (test_encryption_ui)
    with qtbot.waitSignal(wizard.done_setup) as blocker:
        click(wizard.recovery_done)
    assert blocker.args[1] == "boss"
    assert [s.username for s in staff.list_staff(blocker.args[0])] == ["boss"]
