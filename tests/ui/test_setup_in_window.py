"""Set-up without a terminal: the station head keeps fund programs in Settings while the
station works alone, and enrols with the district from Settings; then programs are read-only."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTabWidget
from sync.harness import DISTRICT, District  # tests/ is on sys.path (rootdir-relative)

from desktop.services import programs
from desktop.services.errors import UserFacingError
from server import admin

from .drive import click, click_row, type_into


def open_tab(tabs: QTabWidget, title: str) -> None:
    bar = tabs.tabBar()
    (index,) = [i for i in range(bar.count()) if bar.tabText(i) == title]
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert tabs.currentIndex() == index


def settings_page(qtbot, state):
    from desktop.ui.settings import SettingsPage

    page = SettingsPage(state)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    return page


def test_head_creates_and_corrects_a_program(qtbot, head_state, head_ctx):
    page = settings_page(qtbot, head_state)
    open_tab(page.tabs, "帮扶项目")
    card = page.programs
    click(card.new_button)
    dialog = card.dialog
    type_into(dialog.code, "SHJZ")
    type_into(dialog.name, "困难职工生活救助")
    type_into(dialog.times, "2")
    type_into(dialog.money["max_amount_fen"], "12.345")
    type_into(dialog.money["budget_fen"], "20000")
    QTest.keyClick(
        dialog.money["budget_fen"], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    assert "两位小数" in dialog.form.error_labels["max_amount_fen"].text()
    assert programs.list_programs(head_ctx) == []  # nothing half-written
    type_into(dialog.money["max_amount_fen"], "3000")
    click(dialog.save_button)
    (program,) = programs.list_programs(head_ctx)
    assert (program.code, program.max_times_per_year, program.max_amount_fen) == (
        "SHJZ",
        2,
        300_000,
    )
    assert card.list.topLevelItemCount() == 1
    assert "每年 2 次" in card.list.topLevelItem(0).text(3)
    # correct it: select, 修改, change the name and the budget, save with Ctrl+Enter
    click_row(card.list, 0)
    click(card.edit_button)
    dialog = card.dialog
    assert dialog.money["budget_fen"].text() == "20000.00"
    type_into(dialog.name, "生活救助（2026）")
    type_into(dialog.money["budget_fen"], "")
    QTest.keyClick(dialog.name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    (program,) = programs.list_programs(head_ctx)
    assert program.name == "生活救助（2026）"
    (status,) = programs.budget_status(head_ctx)
    assert status.budget_fen is None  # the budget was cleared: no limit
    assert card.list.topLevelItem(0).text(2) == "生活救助（2026）"


def test_social_worker_sees_programs_read_only(qtbot, state):
    page = settings_page(qtbot, state)
    open_tab(page.tabs, "帮扶项目")
    assert not page.programs.new_button.isEnabled()
    assert "由站长设置" in page.programs.note.text()


@pytest.fixture
def district(tmp_path):
    d = District(f"sqlite:///{tmp_path / 'server.sqlite3'}", tmp_path)
    yield d
    d.close()


def test_head_enrols_from_settings_then_programs_are_the_districts(
    qtbot, head_state, head_ctx, district
):
    page = settings_page(qtbot, head_state)
    open_tab(page.tabs, "同步")
    card = page.sync
    assert "尚未登记" in card.overview.text()
    click(card.enrol_button)
    assert card.form.error_labels["server"].text() == "请填写服务器地址"
    _sid, one_time = admin.create_station(
        district.engine, DISTRICT, "4401060001", "测试街道工会服务站"
    )
    type_into(card.server, district.live.url)
    type_into(card.code, "wrong-code")
    click(card.enrol_button)
    assert "登记没有成功" in card.status.text()
    type_into(card.code, one_time, enter=True)
    assert "已登记" in card.status.text(), card.status.text()
    assert district.live.url in card.overview.text()
    assert card.enrol_button.text() == "重新登记"
    open_tab(page.tabs, "帮扶项目")
    assert not page.programs.new_button.isEnabled()
    assert "由区总工会设置" in page.programs.note.text()
    with pytest.raises(UserFacingError, match="由区总工会设置"):
        programs.add_program(
            head_ctx, programs.ProgramInput(code="X", year=2026, name="X", program_type="living")
        )
