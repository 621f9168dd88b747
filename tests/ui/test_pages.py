"""Station log, month end, campaign, settings, sync page: each screen's main path."""

from __future__ import annotations

from desktop.services import members

from .drive import click
from .test_setup_in_window import open_tab


def test_settings_backup(qtbot, head_state):
    from desktop.ui.settings import SettingsPage

    page = SettingsPage(head_state)
    qtbot.addWidget(page)
    page.show()
    assert page.station.edits["name"].text() == "测试街道工会服务站"
    open_tab(page.tabs, "本机与数据")
    click(page.backup_button)
    assert "已备份" in page.data_status.text()
    backups = list((head_state.db_path.parent / "backups").glob("*.sqlite3"))
    assert len(backups) == 1 and backups[0].stat().st_size > 0


def test_sync_page_lists_pending(qtbot, state):
    from desktop.ui.sync_page import SyncPage

    members.add_member(state.ctx, members.MemberInput(name="张三", id_number="11010519491231002X"))
    page = SyncPage(state)
    qtbot.addWidget(page)
    assert page.records.topLevelItemCount() >= 1
    assert "待上传" in page.status.text()
