"""What cannot be undone is confirmed with its totals first: 集中发放 and 月结, through the
buttons and the question boxes; the campaign's receipts printed through a real spooler."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.services import members, monthclose, programs, relief

from .drive import (
    Answers,
    accept_dialog,
    click,
    press_button,
    toggle_item,
    type_into,
    when_modal,
)


def test_month_end_confirms_with_totals_then_closes(qtbot, head_state, head_ctx):
    from desktop.ui.month_end import MonthEndPage

    page = MonthEndPage(head_state)
    qtbot.addWidget(page)
    page.show()
    page.period.setFocus()
    QTest.keyClick(page.period, Qt.Key.Key_Down)  # 2026-11 -> 2026-10
    assert page.period.currentText().startswith("2026-10")
    answers = Answers()
    when_modal(answers, press_button(answers, "取消"), kind=QMessageBox)
    click(page.close_button)
    answers.check()
    assert "2026-10 月结" in answers.texts[0] and "人民币零元整" in answers.texts[0]
    assert monthclose.list_closes(head_ctx) == []  # cancelled: nothing closed
    when_modal(answers, press_button(answers, "确认月结"), kind=QMessageBox)
    click(page.close_button)
    answers.check()
    assert [c.period for c in monthclose.list_closes(head_ctx)] == ["2026-10"]
    QApplication.processEvents()
    assert "已月结" in page.status.text()
    assert not page.blockers.isVisible()  # success reads as success, not as a refusal
    assert page.period.currentText() == "2026-10（已月结）"
    assert not page.close_button.isEnabled()


def _festival_and_two_members(head_ctx):
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


def test_campaign_confirms_issues_and_prints_every_receipt(qtbot, head_state, head_ctx, cups_pdf):
    from print_queue import pdf_text

    from desktop.ui.app import settings
    from desktop.ui.campaign import CampaignPage
    from desktop.ui.printing import PdfPreview

    _festival_and_two_members(head_ctx)
    page = CampaignPage(head_state)
    qtbot.addWidget(page)
    page.show()
    click(page.load_button)
    assert page.recipients.count() == 2
    toggle_item(page.recipients, 1)  # untick one: the summary counts who is ticked
    assert page.member_ids == [page.recipients.item(0).data(Qt.ItemDataRole.UserRole)]
    assert "已选 1 人" in page.status.text()
    click(page.none_button)
    assert not page.start_button.isEnabled()
    click(page.all_button)
    assert "已选 2 人" in page.status.text()
    type_into(page.amount, "300")
    answers = Answers()
    when_modal(answers, press_button(answers, "不发放"), kind=QMessageBox)
    click(page.start_button)
    answers.check()
    summary = answers.texts[0]
    assert "两节送温暖" in summary and "2 人" in summary and "¥600.00" in summary
    assert "人民币陆佰元整" in summary
    assert relief.list_relief(head_ctx) == []
    when_modal(answers, press_button(answers, "确认发放"), kind=QMessageBox)
    click(page.start_button)
    answers.check()
    assert "已发放 2 人" in page.status.text()
    issued = relief.list_relief(head_ctx)
    assert len(issued) == 2 and all(r.cash_fen == 30_000 for r in issued)
    settings().setValue("printer", cups_pdf.queue)
    try:
        click(page.receipts_button)
        (preview,) = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, PdfPreview) and w.isVisible()
        ]
        before = cups_pdf.files()
        when_modal(answers, accept_dialog, kind=QPrintDialog)
        click(preview.print_button)
        answers.check()
        text = pdf_text(cups_pdf.wait_for_new(before))
    finally:
        settings().setValue("printer", "")
    receipts = [relief.get_receipt(head_ctx, r.receipt_id) for r in issued]
    assert all(r.number in text for r in receipts) and "人民币叁佰元整" in text
    assert all(relief.get_receipt(head_ctx, r.id).print_count == 1 for r in receipts)
    preview.close()
