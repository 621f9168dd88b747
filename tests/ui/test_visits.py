"""Visits through the window: the keyboard path (type, Enter picks, Enter saves), 事由 required,
follow-ups, and an audited edit and a void with a reason in an open month."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QInputDialog
from sqlmodel import Session, select

from desktop.models import AuditEvent
from desktop.services import corrections, members, monthclose, visits
from desktop.services.errors import UserFacingError

from .drive import Answers, click, click_row, fill_and_accept, type_into, when_modal


@pytest.fixture
def page(qtbot, state):
    from desktop.ui.visits import VisitsPage

    members.add_member(state.ctx, members.MemberInput(name="张三", id_number="11010519491231002X"))
    page = VisitsPage(state)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    return page


def test_visit_from_keyboard_needs_a_purpose_then_follow_up(page, state):
    click(page.save_button)  # nobody chosen
    assert page.form.error_labels["member_ids"].text() == "请至少选择一名走访对象"
    type_into(page.picker.edit, "zs", enter=True)
    assert page.picker.member_ids()
    click(page.save_button)
    assert page.form.error_labels["purpose"].text() == "请填写走访事由"
    assert visits.list_visits(state.ctx) == []
    click(page.followup)
    type_into(page.purpose, "了解生活情况", enter=True)  # Enter saves
    assert "已保存" in page.saved_label.text()
    (visit,) = visits.list_visits(state.ctx)
    assert visit.purpose == "了解生活情况" and visit.followup_needed
    assert page.recent.topLevelItemCount() == 1
    assert page.followups.topLevelItemCount() == 1
    click_row(page.followups, 0)
    click(page.done_button)
    assert page.followups.topLevelItemCount() == 0
    assert visits.get_visit(state.ctx, visit.id).followup_done_on is not None


def test_edit_then_void_a_visit(page, state, engine):
    type_into(page.picker.edit, "zs", enter=True)
    type_into(page.purpose, "入户了解情况", enter=True)
    (visit,) = visits.list_visits(state.ctx)
    click_row(page.recent, 0)
    click(page.edit_button)
    assert page.purpose.text() == "入户了解情况" and page.picker.member_ids() == [
        visit.member_ids[0]
    ]
    type_into(page.purpose, "入户了解医疗费用")
    QTest.keyClick(page.findings, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "已修改" in page.saved_label.text()
    edited = visits.get_visit(state.ctx, visit.id)
    assert edited.purpose == "入户了解医疗费用" and edited.version == visit.version + 1
    with Session(engine) as session:
        actions = [a.action for a in session.exec(select(AuditEvent))]
    assert "visit.edit" in actions
    click_row(page.recent, 0)
    answers = Answers()
    when_modal(answers, fill_and_accept("重复登记"), kind=QInputDialog)
    click(page.void_button)
    answers.check()
    voided = visits.get_visit(state.ctx, visit.id)
    assert voided.deleted and voided.void_reason == "重复登记"
    assert "已作废" in page.recent.topLevelItem(0).text(3)
    assert monthclose.check(state.ctx, "2026-11").summary["visits"] == 0


def test_a_closed_months_visit_cannot_be_changed(head_ctx):
    member = members.add_member(
        head_ctx, members.MemberInput(name="李四", id_number="440524188001010014")
    )
    visit = visits.add_visit(
        head_ctx,
        visits.VisitInput([member.id], "home", visited_on="2026-10-15", purpose="节前慰问"),
    )
    monthclose.close(head_ctx, "2026-10")
    with pytest.raises(UserFacingError, match="2026-10"):
        corrections.void_visit(head_ctx, visit.id, "写错了")
