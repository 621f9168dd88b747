"""The work log through the window: an empty entry refused, an entry for an earlier day of the
month saved with Enter, corrected (audited) and voided with a reason."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QInputDialog

from desktop.services import logs, monthclose

from .drive import Answers, click, click_row, fill_and_accept, type_into, when_modal


def step_day_back(edit, days: int) -> None:
    """Move a QDateEdit's day back as a person does with the keyboard: into the field, to its
    day section (End), then the Down arrow once per day. (Focus, not a click: offscreen, a
    synthetic press on a date field with a calendar pop-up lands on its step-down control and
    turns the year back; a real click on an X server does not, checked under Xvfb.)"""
    edit.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(edit, Qt.Key.Key_End)
    for _ in range(days):
        QTest.keyClick(edit, Qt.Key.Key_Down)


def test_log_for_an_earlier_day_then_corrected_and_voided(qtbot, state):
    from desktop.ui.station_log import StationLogPage

    page = StationLogPage(state)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    click(page.save_button)  # all zeros and no text: refused, nothing written
    assert "空的" in page.form.error_labels["text"].text()
    assert logs.list_logs(state.ctx) == []
    type_into(page.amount, "1.005", enter=True)
    assert "两位小数" in page.form.error_labels["amount_recovered_fen"].text()
    step_day_back(page.day, 15)  # today is 2026-11-20 in the tests
    assert page.day.date().toString("yyyy-MM-dd") == "2026-11-05"
    type_into(page.counts["visitors"], "3")
    type_into(page.amount, "1200")
    type_into(page.text, "接待欠薪咨询", enter=True)
    (entry,) = logs.list_logs(state.ctx)
    assert entry.log_date == dt.date(2026, 11, 5) and entry.visitors == 3
    assert entry.amount_recovered_fen == 120_000
    assert page.entries.topLevelItemCount() == 1 and page.entries.topLevelItem(0).text(0) == "11-05"
    assert "已记录" in page.status.text()
    # correct it: select, 修改, change the count, Enter
    click_row(page.entries, 0)
    click(page.edit_button)
    assert page.text.text() == "接待欠薪咨询" and page.counts["visitors"].value() == 3
    type_into(page.counts["visitors"], "5")
    type_into(page.text, "接待欠薪咨询（补记两人）", enter=True)
    (entry,) = logs.list_logs(state.ctx)
    assert entry.visitors == 5 and entry.text == "接待欠薪咨询（补记两人）"
    assert entry.log_date == dt.date(2026, 11, 5) and entry.amount_recovered_fen == 120_000
    # void it with a reason: kept, marked, counted nowhere
    click_row(page.entries, 0)
    answers = Answers()
    when_modal(answers, fill_and_accept("与另一条重复"), kind=QInputDialog)
    click(page.void_button)
    answers.check()
    (entry,) = logs.list_logs(state.ctx)
    assert entry.deleted and entry.void_reason == "与另一条重复"
    assert "已作废" in page.entries.topLevelItem(0).text(3)
    assert logs.month_view(state.ctx, "2026-11") == {}
    assert monthclose.check(state.ctx, "2026-11").summary["log_entries"] == 0
