"""Rights cases through the window (issue 17): a wage-arrears case of three workers written
down, accepted, mediated and agreed with clicks and typing, its agreement printed through the
real CUPS queue; bad input named at its field; due cases on the dashboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit
from sqlmodel import Session, select

from desktop.models import RightsCase
from desktop.services import case_queries, cases, members

from .drive import (
    Answers,
    accept_dialog,
    choose,
    click,
    click_row,
    fill_and_accept,
    type_into,
    type_text,
    when_modal,
)


@pytest.fixture
def page(qtbot, state):
    from desktop.ui.cases import CasesPage

    members.add_member(state.ctx, members.MemberInput(name="张伟", id_number="11010519491231002X"))
    page = CasesPage(state)
    qtbot.addWidget(page)
    page.resize(1300, 760)
    page.show()
    return page


@pytest.fixture
def printer_setting(cups_pdf):
    from desktop.ui.app import settings

    before = settings().value("printer", "")
    settings().setValue("printer", cups_pdf.queue)
    yield cups_pdf
    settings().setValue("printer", before)


def _stored(state) -> list[RightsCase]:
    with Session(state.ctx.engine) as s:
        return list(s.exec(select(RightsCase)).all())


def fill_multiline(text: str):
    """Handler for QInputDialog.getMultiLineText: type into its text box, click OK."""

    def handler(dialog) -> None:
        box = dialog.findChild(QPlainTextEdit)
        assert box is not None
        type_into(box, text)
        QTimer.singleShot(0, lambda: accept_dialog(dialog))

    return handler


def _write_down(page) -> None:
    form = page.form
    click(page.new_button)
    choose(form.source, "12351 工单")
    type_into(form.ticket, "GD2026110001")
    type_into(form.employer, "某某物流有限公司")
    choose(form.dispute, "欠薪")
    type_into(form.picker.edit, "zw", enter=True)
    type_into(form.others, "李娜 13800138000")
    QTest.keyClick(form.others, Qt.Key.Key_Return)
    type_text(form.others, "王芳")
    type_into(form.claimed, "36000")
    click(form.save_button)


def test_bad_input_is_named_at_its_field_and_nothing_is_written(page, state):
    click(page.new_button)
    type_into(page.form.claimed, "12.345")
    click(page.form.save_button)
    errors = page.form.form.error_labels
    assert errors["employer"].text() == "请填写用人单位"
    assert "两位小数" in errors["claimed"].text()
    assert errors["workers"].text() == "请至少填写一名职工"
    assert _stored(state) == []


def test_wage_case_from_application_to_printed_agreement(qtbot, page, state, printer_setting):
    from print_queue import pdf_text

    from desktop.ui.printing import PdfPreview

    _write_down(page)
    (case,) = _stored(state)
    assert case.status == "applied" and case.worker_count == 3
    assert [w["name"] for w in case.workers[1:]] == ["李娜", "王芳"]
    assert case.claimed_fen == 3_600_000 and case.ticket_no == "GD2026110001"
    assert page.list.topLevelItemCount() == 1
    assert "张伟、李娜、王芳" in page.list.topLevelItem(0).text(4)
    detail = page.detail
    assert page.right.currentWidget() is detail
    assert not detail.move_buttons["agreed"].isEnabled()  # not before acceptance
    click(detail.move_buttons["accepted"])
    answers = Answers()
    when_modal(answers, fill_and_accept("电话联系用人单位，约定到站调解"))
    click(detail.note_button)
    answers.check()
    click(detail.move_buttons["mediating"])
    when_modal(answers, fill_and_accept("36000"))
    click(detail.recover_button)
    answers.check()
    when_modal(answers, fill_multiline("被申请人于 11 月 30 日前一次性支付工资 36000 元"))
    click(detail.move_buttons["agreed"])
    answers.check()
    (case,) = _stored(state)
    assert case.status == "agreed" and case.recovered_fen == 3_600_000
    assert [h["status"] for h in case.history] == ["applied", "accepted", "mediating", "agreed"]
    assert len(case.notes) == 1 and case.history[-1]["by_name"] == "王社工"
    assert detail.timeline.topLevelItemCount() == 5
    assert "达成协议" in detail.title.text()
    # the agreement, printed through the spooler
    click(detail.agreement_button)
    previews = [w for w in QApplication.topLevelWidgets() if isinstance(w, PdfPreview)]
    preview = [w for w in previews if w.isVisible()][-1]
    before = printer_setting.files()
    when_modal(answers, accept_dialog, kind=QPrintDialog)
    click(preview.print_button)
    answers.check()
    text = pdf_text(printer_setting.wait_for_new(before))
    assert "劳动争议调解协议书" in text and case.case_no in text
    assert "人民币叁万陆仟元整" in text and "13800138000" not in text
    assert "已接受" in preview.status.text()
    preview.close()


def test_refused_step_is_shown_and_changes_nothing(page, state):
    _write_down(page)
    detail = page.detail
    click(detail.move_buttons["accepted"])
    answers = Answers()
    when_modal(answers, fill_and_accept(""))  # a withdrawal needs its reason
    click(detail.move_buttons["withdrawn"])
    answers.check()
    assert "原因" in detail.message.text()
    assert _stored(state)[0].status == "accepted"


def test_overdue_case_on_the_dashboard(qtbot, state):
    from desktop.ui.dashboard import DashboardPage

    late = cases.open_case(
        state.ctx,
        cases.CaseInput(
            source="来访", employer="某建筑公司", dispute_type="欠薪",
            workers=[cases.WorkerInput(name="赵六")], received_on="2026-11-02",
        ),
    )  # fmt: skip
    cases.move(state.ctx, late.id, "受理", on="2026-11-03")
    page = DashboardPage(state)
    qtbot.addWidget(page)
    page.show()
    shown = [page.cases.item(i).text() for i in range(page.cases.count())]
    assert any("已超期" in t and late.case_no.split("-", 1)[-1] in t for t in shown), shown
    assert case_queries.cases_due(state.ctx)[0].case.id == late.id


def test_status_filter(page, state):
    _write_down(page)
    choose(page.filter, "达成协议")
    assert page.list.topLevelItemCount() == 0
    choose(page.filter, "全部")
    assert page.list.topLevelItemCount() == 1
    click_row(page.list, 0)
    assert page.right.currentWidget() is page.detail


def test_an_extension_through_its_dialog_moves_the_deadline(page, state):
    from desktop.ui.case_detail import ExtendDialog

    _write_down(page)
    click(page.detail.move_buttons["accepted"])

    def extend(dialog) -> None:
        type_into(dialog.days, "5")
        type_into(dialog.reason, "双方同意延期")
        QTimer.singleShot(0, lambda: accept_dialog(dialog))

    answers = Answers()
    when_modal(answers, extend, kind=ExtendDialog)
    click(page.detail.extend_button)
    answers.check()
    (case,) = _stored(state)
    assert [(e["days"], e["reason"]) for e in case.extensions] == [(5, "双方同意延期")]
    assert "2026-12-10" in page.detail.facts.text()  # accepted 11-20, 15 + 5 days


def test_the_case_page_in_english(qtbot, state, qapp):
    from desktop.ui.cases import CasesPage
    from desktop.ui.theme import install_language

    case = cases.open_case(
        state.ctx,
        cases.CaseInput(source="来访", employer="某建筑公司", dispute_type="工伤",
                        workers=[cases.WorkerInput(name="赵六")], received_on="2026-11-18"),
    )  # fmt: skip
    cases.move(state.ctx, case.id, "受理", on="2026-11-19")
    install_language(qapp, "en")
    try:
        page = CasesPage(state)
        qtbot.addWidget(page)
        page.show()
        click_row(page.list, 0)
        steps = [page.detail.timeline.topLevelItem(i).text(1) for i in range(2)]
        assert steps == ["Application recorded", "Accepted"]
        assert page.detail.move_buttons["mediating"].text() == "Start mediation"
    finally:
        install_language(qapp, "zh_CN")
