"""Layout at the two screen sizes the stations use: nothing a user needs is cut off."""

from __future__ import annotations

import pytest

from desktop.services import logs
from desktop.ui.main_window import MainWindow

from .drive import go


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_station_log_month_table_shows_every_column(qtbot, state, size):
    logs.add_log(state.ctx, logs.LogInput(category="reception", visitors=12, new_members=3))
    window = MainWindow()
    qtbot.addWidget(window)
    window.set_state(state)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    page = go(window, "工作日志")
    table = page.month
    header = table.header()
    assert header.count() == 6
    last = header.count() - 1
    assert header.sectionViewportPosition(last) + header.sectionSize(last) <= (
        table.viewport().width()
    ), "新会员 column cut off"
    assert not table.horizontalScrollBar().isVisible()
    assert [table.topLevelItem(1).text(0)] == ["合计"]
    assert table.topLevelItem(1).text(5) == "3"
