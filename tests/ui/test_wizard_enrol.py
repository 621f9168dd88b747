"""The wizard's enrol page against a real district server (tests/sync/harness.py, SQLite)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sync.harness import DISTRICT, District  # tests/ is on sys.path (rootdir-relative)

from desktop.services import staff
from desktop.sync import commands, local
from desktop.ui.ops import Ops
from desktop.ui.wizard import SetupWizard
from server import admin

CODE = f"{DISTRICT}0042"


@pytest.fixture
def district(tmp_path):
    d = District(f"sqlite:///{tmp_path / 'server.sqlite3'}", tmp_path)
    yield d
    d.close()


@pytest.fixture
def wizard(qtbot, engine, db_path):
    w = SetupWizard(Ops(synchronous=True), engine, db_path)
    qtbot.addWidget(w)
    w.show()
    w.stack.setCurrentIndex(1)
    return w


def _fill(w: SetupWizard, url: str, code: str, station_code: str = CODE) -> None:
    w.enrol_name.setText("第42服务站")
    w.enrol_station_code.setText(station_code)
    w.server.setText(url)
    w.code.setText(code)


def test_enrol_page_checks_fields_before_creating_the_station(wizard, engine, qtbot):
    qtbot.mouseClick(wizard.enrol_button, Qt.MouseButton.LeftButton)
    errors = wizard.enrol_form.error_labels
    assert errors["name"].text() == "服务站名称不能为空"
    assert errors["code"].text() == "服务站编码不能为空"
    assert errors["server"].text() == "请填写服务器地址"
    assert errors["enrol_code"].text() == "请填写注册码"
    wizard.server.setText("http://127.0.0.1:9")
    wizard.code.setText("x")
    wizard.ca_bundle.setText("/nonexistent/ca.pem")
    qtbot.mouseClick(wizard.enrol_button, Qt.MouseButton.LeftButton)
    assert errors["ca_bundle"].text() == "找不到这个证书文件"
    assert staff.get_setting(engine, "station_id") == ""


def test_enrol_initialises_the_station_then_enrols(wizard, engine, district, qtbot):
    _sid, one_time = admin.create_station(district.engine, DISTRICT, CODE, "第42服务站")
    _fill(wizard, district.live.url, "wrong-code")
    qtbot.mouseClick(wizard.enrol_button, Qt.MouseButton.LeftButton)
    # the server refused: a Chinese message, the station exists and its code is now fixed
    general = wizard.enrol_form.general
    assert general.isVisibleTo(wizard)
    assert "登记码" in general.text(), general.text()
    assert wizard.stack.currentIndex() == 1
    assert wizard.ctx is not None and wizard.ctx.station().code == CODE
    assert wizard.enrol_station_code.isReadOnly()
    assert "已建立" in wizard.enrol_status.text()
    # retry with the right code: no second init, enrolled, on to the head account
    wizard.code.setText(one_time)
    qtbot.mouseClick(wizard.enrol_button, Qt.MouseButton.LeftButton)
    assert wizard.stack.currentIndex() == 4, wizard.enrol_form.general.text()
    assert local.read_setting(engine, local.SERVER_URL) == district.live.url
    assert commands.load_token(engine)["station_id"] == wizard.ctx.station_id
    result = commands.sync_now(engine, sleep=lambda _s: None)
    assert result.requests >= 1


def test_enrol_with_the_wrong_station_code_is_refused_in_chinese(wizard, district, qtbot):
    _sid, one_time = admin.create_station(district.engine, DISTRICT, CODE, "第42服务站")
    _fill(wizard, district.live.url, one_time, station_code=f"{DISTRICT}0043")
    qtbot.mouseClick(wizard.enrol_button, Qt.MouseButton.LeftButton)
    assert "不符" in wizard.enrol_form.general.text()
    assert wizard.stack.currentIndex() == 1


def test_unreachable_server_shows_a_chinese_error(wizard, qtbot):
    _fill(wizard, "http://127.0.0.1:9", "abc")
    qtbot.mouseClick(wizard.enrol_button, Qt.MouseButton.LeftButton)
    assert wizard.enrol_form.error_labels["enrol_code"].text() == "注册码不完整，请核对"
    wizard.code.setText("abcd-1234")
    qtbot.mouseClick(wizard.enrol_button, Qt.MouseButton.LeftButton)
    assert "无法连接区服务器" in wizard.enrol_form.general.text()
    assert wizard.enrol_button.isEnabled()
