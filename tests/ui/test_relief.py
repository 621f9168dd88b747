"""Relief through the window: pick a member by keys, issue, print to a real spooler, refuse,
override, void with a reason. Every step is a click or a key; the database and the printed
PDF are checked after each."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog

from desktop.services import members, programs, relief

from .drive import (
    Answers,
    accept_dialog,
    click,
    click_row,
    fill_and_accept,
    type_into,
    when_modal,
)


def _setup(head_ctx):
    programs.add_program(
        head_ctx,
        programs.ProgramInput(
            code="LIV",
            year=2026,
            name="困难职工生活救助",
            program_type="living",
            max_times_per_year=1,
            budget_fen=1_000_000,
        ),
    )
    return members.add_member(
        head_ctx, members.MemberInput(name="张三", id_number="11010519491231002X")
    )


def _pick(page, keys="zs"):
    type_into(page.picker.edit, keys, enter=True)


def _previews():
    from desktop.ui.printing import PdfPreview

    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, PdfPreview) and w.isVisible()
    ]


@pytest.fixture
def printer_setting(cups_pdf):
    from desktop.ui.app import settings

    before = settings().value("printer", "")
    settings().setValue("printer", cups_pdf.queue)
    yield cups_pdf
    settings().setValue("printer", before)


def print_through_dialog(qtbot, preview) -> Answers:
    answers = Answers()
    when_modal(answers, accept_dialog, kind=QPrintDialog)
    click(preview.print_button)
    answers.check()
    return answers


def test_issue_print_reprint_refuse_void(qtbot, state, head_ctx, printer_setting):
    from print_queue import pdf_text

    from desktop.ui.relief import ReliefPage

    _setup(head_ctx)
    page = ReliefPage(state)
    qtbot.addWidget(page)
    page.show()
    click(page.issue_button)
    assert page.form.error_labels["member_id"].text() == "请选择领取人"
    _pick(page)
    # caps and this year's history are shown before any amount is typed
    assert "今年已领取本项目 0 次" in page.rules.text()
    assert "每年最多 1 次" in page.rules.text()
    type_into(page.cash, "12.345")
    click(page.issue_button)
    assert "两位小数" in page.form.error_labels["cash_fen"].text()
    assert relief.list_relief(state.ctx) == []  # refused, not rounded to ¥12.35
    type_into(page.cash, "500")
    click(page.issue_button)
    assert "已发放" in page.rules.text()
    (issued,) = relief.list_relief(state.ctx)
    assert issued.cash_fen == 50_000
    receipt = relief.get_receipt(state.ctx, issued.receipt_id)
    assert "未打印" in page.list.topLevelItem(0).text(5)
    preview = _previews()[-1]
    assert preview.images  # rendered pages, in-process
    before = printer_setting.files()
    print_through_dialog(qtbot, preview)
    printed = printer_setting.wait_for_new(before)
    text = pdf_text(printed)
    assert receipt.number in text and "张三" in text and "人民币伍佰元整" in text
    assert "补打" not in text
    assert relief.get_receipt(state.ctx, receipt.id).print_count == 1
    assert "已接受" in preview.status.text()
    assert "未打印" not in page.list.topLevelItem(0).text(5)
    preview.close()
    # 补打: select the row, preview, print again: the copy says so
    click_row(page.list, 0)
    click(page.preview_button)
    before = printer_setting.files()
    print_through_dialog(qtbot, _previews()[-1])
    assert "补打（第1次）" in pdf_text(printer_setting.wait_for_new(before))
    assert relief.get_receipt(state.ctx, receipt.id).print_count == 2
    _previews()[-1].close()
    # a second hand-out breaks the once-a-year cap: a social worker is refused
    _pick(page)
    type_into(page.cash, "500")
    assert page.refusal.isVisibleTo(page) and "上限" in page.refusal.text()
    assert not page.issue_button.isEnabled()
    # void with a reason, through the button and the reason dialog
    click_row(page.list, 0)
    answers = Answers()
    when_modal(answers, fill_and_accept("金额填错"), kind=QInputDialog)
    click(page.void_button)
    answers.check()
    assert page.list.topLevelItem(0).text(5) == "已作废"
    voided = relief.list_relief(state.ctx)[0]
    assert voided.status == "void" and voided.void_reason == "金额填错"
    assert relief.get_receipt(state.ctx, receipt.id).voided
    assert "已作废收据" in page.list_status.text()


def test_failed_print_is_not_counted(qtbot, state, head_ctx, printer_setting):
    """A queue that refuses jobs: the receipt stays unprinted and the reason is shown."""
    import subprocess

    from desktop.ui.relief import ReliefPage

    _setup(head_ctx)
    page = ReliefPage(state)
    qtbot.addWidget(page)
    page.show()
    _pick(page)
    type_into(page.cash, "300", enter=False)
    click(page.issue_button)
    (issued,) = relief.list_relief(state.ctx)
    subprocess.run(["cupsreject", printer_setting.queue], check=True)
    try:
        preview = _previews()[-1]
        print_through_dialog(qtbot, preview)
    finally:
        subprocess.run(["cupsaccept", printer_setting.queue], check=True)
    assert "没有接受" in preview.status.text() and "未计入打印" in preview.status.text()
    assert relief.get_receipt(state.ctx, issued.receipt_id).print_count == 0
    assert "未打印" in page.list.topLevelItem(0).text(5)
    preview.close()


def test_cancelled_print_dialog_changes_nothing(qtbot, state, head_ctx, printer_setting):
    from desktop.ui.relief import ReliefPage

    _setup(head_ctx)
    page = ReliefPage(state)
    qtbot.addWidget(page)
    page.show()
    _pick(page)
    type_into(page.cash, "300")
    click(page.issue_button)
    (issued,) = relief.list_relief(state.ctx)
    preview = _previews()[-1]
    answers = Answers()
    when_modal(answers, lambda dialog: dialog.reject(), kind=QPrintDialog)
    click(preview.print_button)
    answers.check()
    assert "已取消打印" in preview.status.text()
    assert relief.get_receipt(state.ctx, issued.receipt_id).print_count == 0
    preview.close()


def test_head_override_with_reason(qtbot, head_state, head_ctx):
    from desktop.ui.relief import ReliefPage

    _setup(head_ctx)
    page = ReliefPage(head_state)
    qtbot.addWidget(page)
    page.show()
    _pick(page)
    type_into(page.cash, "500")
    click(page.issue_button)
    for preview in _previews():
        preview.close()
    _pick(page)
    type_into(page.cash, "500")
    assert page.override.isVisible()
    click(page.issue_button)  # no reason: refused again
    assert page.refusal.isVisible()
    assert len(relief.list_relief(head_state.ctx)) == 1
    type_into(page.override, "重病住院，经站务会研究同意")
    QTest.keyClick(page.override, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(relief.list_relief(head_state.ctx)) == 2
    assert page.list.topLevelItemCount() == 2
