"""A day at the station, through the window only, on the demo station.

The social worker logs in, finds a member by pinyin initials, records a visit with a
follow-up and sees it on the dashboard, issues relief and prints its receipt, voids another
hand-out with a reason, reprints one, adds a log entry for an earlier day and corrects it, runs
a campaign for 10 members (confirming the summary) and prints the sign-off sheet. Then the
station head takes over, closes last month (confirming its totals), enrols the station with
the district and exports a sync file the district can read. Every step is a click or a key;
the database and the printed PDFs (a real CUPS queue) are checked after each.
"""

from __future__ import annotations

import datetime as dt

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QLineEdit, QMessageBox
from sync.harness import DISTRICT, District  # tests/ is on sys.path (rootdir-relative)

from desktop.services import logs, members, monthclose, relief, search, visits
from desktop.services.demo import create_demo
from desktop.ui import app as ui_app
from desktop.ui.login import LoginDialog
from desktop.ui.printing import PdfPreview
from server import admin
from server.filetransfer import import_station_file

from .drive import (
    Answers,
    accept_dialog,
    choose,
    click,
    click_row,
    fill_and_accept,
    go,
    press_button,
    toggle_item,
    type_into,
    when_modal,
)

PASSWORD = "demo1234"  # the demo station's staff (desktop/services/demo.py)


def shown(kind):
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, kind) and shiboken6.isValid(w) and w.isVisible()
    ]


def log_in(qtbot, username: str) -> None:
    # a login window an earlier test closed may still wait for its deletion: let it go first
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qtbot.waitUntil(lambda: len(shown(LoginDialog)) == 1, timeout=10_000)
    (dialog,) = shown(LoginDialog)
    type_into(dialog.username.lineEdit(), username)
    type_into(dialog.password, PASSWORD)
    click(dialog.ok)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible(), timeout=10_000)


def print_preview(printer, answers: Answers) -> str:
    """Print the open preview through the print dialog; the printed PDF's text."""
    from print_queue import pdf_text

    (preview,) = shown(PdfPreview)
    before = printer.files()
    when_modal(answers, accept_dialog, kind=QPrintDialog)
    click(preview.print_button)
    answers.check()
    assert "已接受" in preview.status.text(), preview.status.text()
    text = pdf_text(printer.wait_for_new(before))
    preview.close()
    return text


@pytest.fixture
def district(tmp_path):
    d = District(f"sqlite:///{tmp_path / 'server.sqlite3'}", tmp_path)
    yield d
    d.close()


@pytest.fixture
def day(qtbot, tmp_path, monkeypatch, cups_pdf):
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    store.setValue("printer", cups_pdf.queue)
    monkeypatch.setattr(ui_app, "settings", lambda: store)
    db_path = tmp_path / "demo" / "station.sqlite3"
    db_path.parent.mkdir()
    ctx = create_demo(db_path, members=800)
    ctx.engine.dispose()
    controller = ui_app.Controller(db_path, synchronous=True)
    qtbot.addWidget(controller.window)
    controller.start()
    yield controller
    controller.idle.timer.stop()
    controller.bridge.detach()
    for widget in shown(PdfPreview):
        widget.close()


def test_a_day_at_the_station(qtbot, day, cups_pdf, district, tmp_path):
    answers = Answers()
    window = day.window
    log_in(qtbot, "worker")
    ctx = day.state.ctx
    assert day.state.actor.display_name == "王社工"
    today = ctx.today
    hardship = search.list_members(ctx, search.MemberFilter(hardship="any"), limit=10_000)
    assert len(hardship) >= 70
    target = members.get_member(ctx, hardship[75].id)  # no demo activity reaches this far
    full, initials = members.pinyin_keys(target.name)

    # find the member by pinyin initials; Enter goes to the results
    page = go(window, "会员")
    type_into(page.search, initials, enter=True)
    assert target.id in [page.model.row_at(r).id for r in range(page.model.rowCount())]
    assert page.table.hasFocus()

    # a visit with a follow-up, seen on the dashboard
    page = go(window, "走访")
    type_into(page.picker.edit, target.id_number[-6:], enter=True)
    assert page.picker.member_ids() == [target.id]
    click(page.followup)
    type_into(page.purpose, "了解医疗费用负担", enter=True)
    (visit,) = [v for v in visits.list_visits(ctx) if v.purpose == "了解医疗费用负担"]
    assert visit.member_ids == [target.id] and visit.followup_needed
    page = go(window, "工作台")
    shown_followups = [page.followups.item(i).text() for i in range(page.followups.count())]
    assert any(target.name in text for text in shown_followups), shown_followups

    # relief for the member, and its receipt printed
    page = go(window, "帮扶发放")
    before = {r.id for r in relief.list_relief(ctx)}
    type_into(page.picker.edit, target.id_number[-6:], enter=True)
    choose(page.program, "困难职工生活救助")
    assert "每年最多 4 次" in page.rules.text()
    type_into(page.cash, "800")
    QTest.keyClick(page.cash, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    (issued,) = [r for r in relief.list_relief(ctx) if r.id not in before]
    assert (issued.member_id, issued.cash_fen, issued.status) == (target.id, 80_000, "issued")
    receipt = relief.get_receipt(ctx, issued.receipt_id)
    text = print_preview(cups_pdf, answers)
    assert receipt.number in text and target.name in text and "人民币捌佰元整" in text
    assert relief.get_receipt(ctx, receipt.id).print_count == 1

    # void another hand-out of this month, with a reason
    rows = [page.list.topLevelItem(i) for i in range(page.list.topLevelItemCount())]
    other = next(
        i
        for i, item in enumerate(rows)
        if item.text(4) != receipt.number and item.text(5).startswith("已发放")
    )
    other_number = rows[other].text(4)
    click_row(page.list, other)
    when_modal(answers, fill_and_accept("领取人重复登记"), kind=QInputDialog)
    click(page.void_button)
    answers.check()
    voided = relief.get_receipt(ctx, other_number)
    assert voided.voided and voided.void_reason == "领取人重复登记"

    # reprint the first receipt: the copy says 补打
    (row,) = [
        i
        for i in range(page.list.topLevelItemCount())
        if page.list.topLevelItem(i).text(4) == receipt.number
    ]
    click_row(page.list, row)
    click(page.preview_button)
    assert "补打（第1次）" in print_preview(cups_pdf, answers)
    assert relief.get_receipt(ctx, receipt.id).print_count == 2

    # a log entry for an earlier day of the month, then corrected
    page = go(window, "工作日志")
    back = min(today.day - 1, 3)
    page.day.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(page.day, Qt.Key.Key_End)
    for _ in range(back):
        QTest.keyClick(page.day, Qt.Key.Key_Down)
    type_into(page.counts["consultations"], "2")
    type_into(page.text, "补记：两名快递员咨询社保", enter=True)
    (entry,) = [e for e in logs.list_logs(ctx) if e.text == "补记：两名快递员咨询社保"]
    assert entry.log_date == today - dt.timedelta(days=back) and entry.consultations == 2
    (row,) = [
        i
        for i in range(page.entries.topLevelItemCount())
        if "两名快递员" in page.entries.topLevelItem(i).text(3)
    ]
    click_row(page.entries, row)
    click(page.edit_button)
    type_into(page.counts["consultations"], "3")
    type_into(page.text, "补记：三名快递员咨询社保", enter=True)
    entry = next(e for e in logs.list_logs(ctx) if e.id == entry.id)
    assert (entry.consultations, entry.text) == (3, "补记：三名快递员咨询社保")

    # a campaign for 10 members: the summary first, then the sign-off sheet printed
    page = go(window, "集中发放")
    type_into(page.name, "冬季送温暖（演示）")
    click(page.load_button)
    assert page.recipients.count() == len(hardship)
    click(page.none_button)
    for index in range(len(hardship) - 10, len(hardship)):
        toggle_item(page.recipients, index)
    assert len(page.member_ids) == 10
    type_into(page.amount, "300")
    when_modal(answers, press_button(answers, "确认发放"), kind=QMessageBox)
    click(page.start_button)
    answers.check()
    summary = answers.texts[-1]
    assert "10 人" in summary and "¥3,000.00" in summary and "人民币叁仟元整" in summary
    campaign = [
        r for r in relief.list_relief(ctx, limit=5000) if r.campaign == "冬季送温暖（演示）"
    ]
    assert len(campaign) == 10 and all(r.cash_fen == 30_000 for r in campaign)
    assert "已发放 10 人" in page.status.text()
    click(page.signoff_button)
    text = print_preview(cups_pdf, answers)
    assert "人民币叁仟元整" in text

    # the station head takes over and closes last month
    click(window.switch_button)
    log_in(qtbot, "head")
    assert day.state.actor.display_name == "李站长"
    ctx = day.state.ctx
    last_month = f"{(today.replace(day=1) - dt.timedelta(days=1)):%Y-%m}"
    page = go(window, "月结")
    page.period.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(page.period, Qt.Key.Key_Down)
    assert page.period.currentText().startswith(last_month)
    when_modal(answers, press_button(answers, "确认月结"), kind=QMessageBox)
    click(page.close_button)
    answers.check()
    assert f"{last_month} 月结" in answers.texts[-1]
    assert [c.period for c in monthclose.list_closes(ctx)] == [last_month]
    assert page.period.currentText() == f"{last_month}（已月结）"

    # enrol with the district in Settings, then export a sync file from the sync page
    _sid, code = admin.create_station(district.engine, DISTRICT, "4401060001", "石牌街工会服务站")
    page = go(window, "设置")
    tabs = page.tabs
    bar = tabs.tabBar()
    (index,) = [i for i in range(bar.count()) if bar.tabText(i) == "同步"]
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    type_into(page.sync.server, district.live.url)
    type_into(page.sync.code, code, enter=True)
    assert "已登记" in page.sync.status.text(), page.sync.status.text()
    page = go(window, "同步")
    out = tmp_path / "usb" / "本站.sdsync"
    out.parent.mkdir()

    def save_as(dialog):
        field = dialog.findChild(QLineEdit, "fileNameEdit") or dialog.findChild(QLineEdit)
        type_into(field, str(out))
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, lambda: QTest.keyClick(field, Qt.Key.Key_Return))

    when_modal(answers, save_as, kind=QFileDialog)
    click(page.files.export_button)
    answers.check()
    qtbot.waitUntil(lambda: "已导出" in page.files.status.text(), timeout=20_000)
    assert out.exists() and out.stat().st_size > 1000
    result = import_station_file(district.engine, out, tmp_path / "usb" / "reply.sdsync")
    assert result.station_code == "4401060001"
    assert result.statuses.get("applied", 0) > 100, result.statuses  # the demo records arrived
