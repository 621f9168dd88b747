"""Issue 14 in the window: staff deactivated and passwords reset by clicks, the wizard's
recovery code, and the start-up login that unlocks (or first encrypts) the station file."""

from __future__ import annotations

import shutil

import pytest
from conftest import TEST_KEY
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication, QPushButton
from release_fixture import FIXTURE

from desktop import keys, store
from desktop.services import staff
from desktop.ui import app as ui_app
from desktop.ui.login import LoginDialog, RecoveryCodeDialog
from desktop.ui.ops import Ops
from desktop.ui.settings import SettingsPage
from desktop.ui.wizard import SetupWizard


def _click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _button(page, text: str) -> QPushButton:
    return next(b for b in page.findChildren(QPushButton) if b.text() == text)


def _staff_card(qtbot, state):
    page = SettingsPage(state)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    return page.staff


def _select(qtbot, card, username: str) -> None:
    item = next(
        card.list.topLevelItem(i)
        for i in range(card.list.topLevelItemCount())
        if card.list.topLevelItem(i).text(0) == username
    )
    card.list.scrollToItem(item)
    row = card.list.visualItemRect(item)  # as wide as all columns: click the login name
    at = QPoint(row.left() + 10, row.center().y())
    qtbot.mouseClick(card.list.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert card.list.currentItem() is item


def _row_status(card, username: str) -> str:
    for i in range(card.list.topLevelItemCount()):
        if card.list.topLevelItem(i).text(0) == username:
            return card.list.topLevelItem(i).text(3)
    raise AssertionError(username)


def test_head_resets_a_password_by_clicks_and_the_key_is_rewrapped(qtbot, head_state, db_path):
    card = _staff_card(qtbot, head_state)
    _click(qtbot, card.reset_button)
    assert "请先在上面的列表中选择" in card.account_status.text()
    _select(qtbot, card, "worker")
    qtbot.keyClicks(card.new_password, "123")
    _click(qtbot, card.reset_button)
    assert card.account_status.text() == "密码至少 6 位"
    card.new_password.clear()
    qtbot.keyClicks(card.new_password, "fresh5678")
    _click(qtbot, card.reset_button)
    assert "已重置 王社工 的密码" in card.account_status.text()
    assert card.new_password.text() == ""
    ctx = head_state.ctx
    assert staff.login(ctx, "worker", "fresh5678", sleep=False).display_name == "王社工"
    keyfile = keys.KeyFile.load(db_path)
    assert keyfile.unlock("worker", "fresh5678") == TEST_KEY
    with pytest.raises(keys.UnlockError):
        keyfile.unlock("worker", "secret123")


def test_head_deactivates_by_click_and_the_account_is_locked_out(qtbot, head_state, db_path):
    card = _staff_card(qtbot, head_state)
    assert "worker" in keys.KeyFile.load(db_path).usernames()
    _select(qtbot, card, "worker")
    _click(qtbot, card.deactivate_button)
    assert "已停用 王社工" in card.account_status.text()
    assert _row_status(card, "worker") == "已停用"
    assert "worker" not in keys.KeyFile.load(db_path).usernames()  # its wrap is gone
    with pytest.raises(staff.UserFacingError, match="登录名或密码错误"):
        staff.login(head_state.ctx, "worker", "secret123", sleep=False)
    _select(qtbot, card, "head")
    _click(qtbot, card.deactivate_button)
    assert card.account_status.text() == "不能停用自己正在使用的账号"
    _select(qtbot, card, "worker")
    qtbot.keyClicks(card.new_password, "again1234")
    _click(qtbot, card.reset_button)
    assert "已停用" in card.account_status.text()  # a stopped account is not given a password


def test_non_head_cannot_reach_the_account_buttons(qtbot, state):
    card = _staff_card(qtbot, state)
    assert not card.reset_button.isEnabled() and not card.deactivate_button.isEnabled()
    assert not card.new_password.isEnabled()


def test_wizard_shows_the_recovery_code_once_and_it_opens_the_file(qtbot, engine, db_path):
    wizard = SetupWizard(Ops(synchronous=True), engine, db_path)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.stack.setCurrentIndex(2)
    wizard.station_name.setText("新街工会服务站")  # QTest types ASCII only
    qtbot.keyClicks(wizard.station_code, "4401069999")
    _click(qtbot, _button(wizard.stack.widget(2), "下一步"))
    assert wizard.stack.currentIndex() == 4
    qtbot.keyClicks(wizard.head_user, "boss")
    wizard.head_name.setText("张站长")
    qtbot.keyClicks(wizard.head_pw, "pw123456")
    qtbot.keyClicks(wizard.head_pw2, "pw123456")
    _click(qtbot, _button(wizard.stack.widget(4), "完成"))
    assert wizard.stack.currentIndex() == 5
    code = wizard.recovery_code.text()
    assert len(code) == 29 and code.count("-") == 5
    keyfile = keys.KeyFile.load(db_path)
    assert keyfile.unlock_recovery(code) == TEST_KEY
    assert keyfile.unlock("boss", "pw123456") == TEST_KEY
    assert code not in keys.key_path(db_path).read_text()
    with qtbot.waitSignal(wizard.done_setup) as blocker:
        _click(qtbot, wizard.recovery_done)
    assert blocker.args[1] == "boss" and wizard.recovery_code.text() == ""


@pytest.fixture
def quick_settings(tmp_path, monkeypatch):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    monkeypatch.setattr(ui_app, "settings", lambda: settings)


def _login_dialog() -> LoginDialog:
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, LoginDialog)]
    return next(d for d in dialogs if d.isVisible())


def _start(qtbot, path) -> ui_app.Controller:
    controller = ui_app.Controller(path, synchronous=True)
    qtbot.addWidget(controller.window)
    controller.start()
    qtbot.waitUntil(lambda: controller.dialog is not None and controller.dialog.isVisible())
    return controller


def _log_in(qtbot, dialog: LoginDialog, user: str, password: str) -> None:
    dialog.username.setCurrentText(user)
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, password)
    _click(qtbot, dialog.ok)


def test_start_up_login_unlocks_the_file(qtbot, ctx, db_path, quick_settings, monkeypatch):
    ctx.engine.dispose()
    monkeypatch.setattr("desktop.services.unlock.time.sleep", lambda _s: None)
    controller = _start(qtbot, db_path)
    assert "ctx" not in controller.info  # nothing opened before a login
    dialog = _login_dialog()
    assert dialog.username.findText("worker") >= 0  # names come from the key file
    _log_in(qtbot, dialog, "worker", "wrong-password")
    assert dialog.error.text() == "登录名或密码错误，无法打开本站数据"
    _log_in(qtbot, dialog, "worker", "secret123")
    qtbot.waitUntil(lambda: controller.state is not None)
    assert controller.state.actor.display_name == "王社工"
    controller.bridge.detach()
    controller.info["engine"].dispose()


def test_first_start_on_a_plain_file_encrypts_it_and_shows_the_code(
    qtbot, tmp_path, quick_settings
):
    path = tmp_path / "old" / "stationdesk.sqlite3"
    path.parent.mkdir()
    shutil.copyfile(FIXTURE, path)
    controller = _start(qtbot, path)
    _log_in(qtbot, _login_dialog(), "head", "release01")
    qtbot.waitUntil(lambda: controller.state is not None)
    box = controller.recovery_dialog
    assert isinstance(box, RecoveryCodeDialog) and box.isVisible()
    code = box.code.text()
    assert not store.is_plain(path)
    backups = sorted((path.parent / "backups").glob("*.sqlite3"))
    assert backups and not any(store.is_plain(b) for b in backups)
    assert (
        keys.KeyFile.load(path).unlock_recovery(code)
        == keys.ring_of(controller.info["engine"]).data_key
    )
    _click(qtbot, box.done_button)
    assert not box.isVisible()
    controller.bridge.detach()
    controller.info["engine"].dispose()


def test_forgotten_passwords_the_recovery_code_resets_the_head(
    qtbot, head_ctx, db_path, quick_settings, monkeypatch
):
    from desktop.ui.login import RecoverDialog

    code = staff.new_recovery_code(head_ctx)  # what the wizard showed, kept on paper
    head_ctx.engine.dispose()
    monkeypatch.setattr("desktop.services.unlock.time.sleep", lambda _s: None)
    controller = _start(qtbot, db_path)
    login = _login_dialog()
    _click(qtbot, login.forgot)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, RecoverDialog))
    dialog.username.setCurrentText("head")
    qtbot.keyClicks(dialog.code, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF")
    qtbot.keyClicks(dialog.new_password, "fresh5678")
    qtbot.keyClicks(dialog.again, "fresh5678")
    _click(qtbot, dialog.ok)
    assert dialog.error.text() == "恢复码不正确"
    dialog.code.clear()
    qtbot.keyClicks(dialog.code, code.lower().replace("-", " "))
    _click(qtbot, dialog.ok)
    qtbot.waitUntil(lambda: controller.state is not None)
    assert controller.state.actor.display_name == "李站长"
    fresh = controller.recovery_dialog.code.text()  # a new code replaces the used one
    assert fresh != code and controller.recovery_dialog.isVisible()
    keyfile = keys.KeyFile.load(db_path)
    assert keyfile.unlock("head", "fresh5678") == TEST_KEY
    assert keyfile.unlock_recovery(fresh) == TEST_KEY
    with pytest.raises(keys.UnlockError):
        keyfile.unlock_recovery(code)
    controller.bridge.detach()
    controller.info["engine"].dispose()
