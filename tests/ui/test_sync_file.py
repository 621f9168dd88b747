"""Sync page, no network: export an encrypted file, the district imports it, the station
imports the reply; a bad file is refused with a Chinese message at the card."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from sync.harness import District, add_member  # tests/ is on sys.path

from desktop.sync.filetransfer import MAGIC
from desktop.ui.sync_page import SyncPage
from server.filetransfer import import_station_file

from .conftest import make_state
from .drive import Answers, click, file_name, when_modal


def export_to(page, path) -> None:
    answers = Answers()
    when_modal(answers, file_name(str(path)), kind=QFileDialog)
    click(page.files.export_button)
    answers.check()


def import_from(page, path) -> None:
    answers = Answers()
    when_modal(answers, file_name(str(path)), kind=QFileDialog)
    click(page.files.import_button)
    answers.check()


@pytest.fixture
def district(tmp_path):
    d = District(f"sqlite:///{tmp_path / 'server.sqlite3'}", tmp_path)
    yield d
    d.close()


@pytest.fixture
def station(district):
    st = district.station(7)
    yield st
    st.engine.dispose()


@pytest.fixture
def page(qtbot, station):
    db_path = Path(station.engine.url.database)
    state = make_state(station.ctx, db_path)
    state.extra["station_code"] = station.code
    page = SyncPage(state)
    qtbot.addWidget(page)
    page.show()
    yield page
    state.bridge.detach()


def test_export_then_import_the_district_reply(page, station, district, tmp_path):
    add_member(station, 1)
    add_member(station, 2, name="李四")
    up = tmp_path / "up.sdsync"
    export_to(page, up)
    assert up.read_bytes().startswith(MAGIC)
    assert "已导出" in page.files.status.text() and str(up) in page.files.status.text()
    assert not page.files.progress.isVisible() and page.files.export_button.isEnabled()
    assert "导出同步文件" in page.history.item(0).text()
    assert set(station.outbox_states()) == {"pending"}  # exporting confirms nothing

    reply = tmp_path / "reply.sdsync"
    import_station_file(district.engine, up, reply)
    import_from(page, reply)
    status = page.files.status.text()
    assert status.startswith("回执已导入：确认上传"), status
    assert "pending" not in station.outbox_states()
    assert "待上传 0 条" in page.status.text()  # the page refreshed itself
    import_from(page, reply)  # twice: harmless, and said so
    assert "已导入过" in page.files.status.text()


def test_import_of_a_bad_file_shows_a_chinese_error(page, station, tmp_path):
    bad = tmp_path / "bad.sdsync"
    bad.write_bytes(b"not a sync file at all")
    import_from(page, bad)
    assert page.files.error.isVisibleTo(page)
    assert "这不是工作台同步文件" in page.files.error.text()
    assert page.files.status.text() == "没有导入或导出任何数据。"
    assert page.files.import_button.isEnabled()


def test_export_before_enrolment_is_explained(qtbot, head_state, tmp_path):
    page = SyncPage(head_state)
    qtbot.addWidget(page)
    page.show()
    export_to(page, tmp_path / "x.sdsync")
    assert "尚未登记到区服务器" in page.files.error.text()
    assert not (tmp_path / "x.sdsync").exists()
