"""Station log, month end, campaign, settings, sync page: each screen's main path."""

from __future__ import annotations

from desktop.services import members


def test_station_log_add_and_error(qtbot, state):
    from desktop.ui.station_log import StationLogPage

    page = StationLogPage(state)
    qtbot.addWidget(page)
    page.show()
    page.amount.setText("abc")
    page.save()
    assert page.form.error_labels["amount_recovered_fen"].isVisibleTo(page)
    page.amount.setText("1200")
    page.counts["visitors"].setValue(3)
    page.text.setText("接待欠薪咨询")
    page.save()
    assert page.today.topLevelItemCount() == 1
    assert page.month.topLevelItem(0).text(2) == "3"


def test_settings_backup(qtbot, head_state):
    from desktop.ui.settings import SettingsPage

    page = SettingsPage(head_state)
    qtbot.addWidget(page)
    assert page.station.edits["name"].text() == "测试街道工会服务站"
    page.backup()
    assert "已备份" in page.data_status.text()


def test_sync_page_lists_pending(qtbot, state):
    from desktop.ui.sync_page import SyncPage

    members.add_member(state.ctx, members.MemberInput(name="张三", id_number="11010519491231002X"))
    page = SyncPage(state)
    qtbot.addWidget(page)
    assert page.records.topLevelItemCount() >= 1
    assert "待上传" in page.status.text()
