"""Idle lock: after the idle time the screens are covered and a lock dialog asks for the
password; the same user unlocks back to where they were, or another user logs in."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog

from desktop.services import staff
from desktop.ui import app as ui_app
from desktop.ui.login import LoginDialog


@pytest.fixture
def fast_login(monkeypatch):
    real = staff.login
    monkeypatch.setattr(staff, "login", lambda c, u, p, sleep=True: real(c, u, p, sleep=False))


@pytest.fixture
def controller(qtbot, ctx, db_path, tmp_path, monkeypatch, fast_login):
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    store.setValue("idle_minutes", 0.005)  # 300 ms
    monkeypatch.setattr(ui_app, "settings", lambda: store)
    controller = ui_app.Controller(db_path, synchronous=True, auto_login=("worker", "secret123"))
    qtbot.addWidget(controller.window)
    controller.start()
    qtbot.waitUntil(lambda: controller.state is not None, timeout=5000)
    yield controller
    controller.idle.timer.stop()
    controller.bridge.detach()
    if controller.dialog is not None:
        controller.dialog.done(0)


def _lock_dialog() -> LoginDialog | None:
    return next(
        (w for w in QApplication.topLevelWidgets() if isinstance(w, LoginDialog) and w.isVisible()),
        None,
    )


def test_idle_time_locks_and_the_same_user_unlocks(qtbot, controller):
    window = controller.window
    members = window.nav.visualItemRect(window.nav.item(1))  # 会员 in the navigation
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=members.center())
    page = window.pages["members"]
    assert window.stack.currentWidget() is page
    qtbot.waitUntil(lambda: _lock_dialog() is not None, timeout=3000)
    dialog = _lock_dialog()
    assert dialog is not None
    assert dialog.windowTitle() == "已锁定"
    assert dialog.username.currentText() == "worker"
    assert window.locked
    assert window.stack.currentWidget() is window.lock_cover  # no member data behind the lock
    assert not window.nav.isEnabled()
    dialog.reject()  # Esc does not dismiss a lock
    assert dialog.isVisible()
    dialog.password.setText("wrong")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert "密码错误" in dialog.error.text()
    assert window.locked
    dialog.password.setText("secret123")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert not window.locked
    assert window.stack.currentWidget() is page  # back where the user was
    assert window.nav.isEnabled()
    assert controller.state is not None and controller.state.actor.display_name == "王社工"


def test_lock_hides_open_dialogs_and_restores_them(qtbot, controller):
    window = controller.window
    form = QDialog(window)
    form.setWindowTitle("会员表单")
    form.show()
    qtbot.mouseClick(window.lock_button, Qt.MouseButton.LeftButton)
    assert not form.isVisible()
    dialog = _lock_dialog()
    assert dialog is not None
    dialog.password.setText("secret123")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert form.isVisible()


def test_switch_user_from_the_lock_screen(qtbot, controller):
    window = controller.window
    qtbot.mouseClick(window.switch_button, Qt.MouseButton.LeftButton)
    dialog = _lock_dialog()
    assert dialog is not None and window.locked
    dialog.reject()  # a switch cannot be cancelled into the previous user's session
    assert dialog.isVisible()
    dialog.username.setCurrentText("head")
    dialog.password.setText("secret123")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert not window.locked
    assert controller.state is not None and controller.state.actor.display_name == "李站长"
    assert "李站长" in window.user_label.text()
    assert window.stack.currentWidget() is window.pages["dashboard"]


def test_activity_postpones_the_lock(qtbot, controller):
    """Input reaches a window (QWindow) before its widgets: that is where it is counted,
    for the main window and for any dialog that has had focus."""
    from PySide6.QtCore import QPoint
    from PySide6.QtTest import QTest

    window = controller.window
    form = QDialog(window)
    form.show()
    controller.idle._watch(form.windowHandle())  # what focusWindowChanged does on a desktop
    for step in range(4):  # 4 x 150 ms of input: longer than the 300 ms idle time
        if step % 2:
            QTest.keyClick(form.windowHandle(), Qt.Key.Key_A)
        else:
            QTest.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
        qtbot.wait(150)
        assert _lock_dialog() is None
    qtbot.waitUntil(lambda: _lock_dialog() is not None, timeout=3000)
