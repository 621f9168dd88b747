"""Station log, month end, campaign, settings, sync page: each screen's main path."""

from __future__ import annotations

from desktop.services import members, programs


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


def test_month_end_blocks_then_closes(qtbot, head_state, head_ctx):
    from desktop.ui.month_end import MonthEndPage

    page = MonthEndPage(head_state)
    qtbot.addWidget(page)
    page.show()
    page.period.setCurrentText("2026-10")
    assert page.close_button.isEnabled()
    page.close_month(confirm=False)
    assert "已月结" in page.status.text() or "已经月结" in page.blockers.text()
    assert not page.close_button.isEnabled()


def test_campaign_issue_all(qtbot, head_state, head_ctx):
    from desktop.ui.campaign import CampaignPage

    programs.add_program(
        head_ctx,
        programs.ProgramInput(
            code="FES", year=2026, name="两节送温暖", program_type="festival", budget_fen=10_000_00
        ),
    )
    for name, number in (("张三", "11010519491231002X"), ("李四", "440524188001010014")):
        members.add_member(
            head_ctx, members.MemberInput(name=name, id_number=number, hardship_category="deep")
        )
    page = CampaignPage(head_state)
    qtbot.addWidget(page)
    page.refresh()
    page.load_recipients()
    assert page.recipients.count() == 2
    page.amount.setText("300")
    page.start()
    assert "已发放 2 人" in page.status.text()


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
