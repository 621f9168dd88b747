"""Membership intake through the window (issue 17): a delivery rider's registration form filled
with clicks and typing, the member made from it, masked in the list, transferred out."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from desktop.models import Member, MemberIntake

from .drive import Answers, choose, click, click_row, fill_and_accept, type_into, when_modal


@pytest.fixture
def page(qtbot, state):
    from desktop.ui.intake import IntakePage

    page = IntakePage(state)
    qtbot.addWidget(page)
    page.resize(1300, 760)
    page.show()
    return page


def _rows(state, model):
    with Session(state.ctx.engine) as s:
        return list(s.exec(select(model)).all())


def test_a_delivery_rider_joins_through_the_form(page, state):
    type_into(page.name, "陈小明")
    type_into(page.id_number, "440524188001010014")
    type_into(page.phone, "13712345678")
    type_into(page.ethnicity, "汉族")
    choose(page.education, "高中/中专")
    choose(page.political, "群众")
    choose(page.hukou, "农村户籍")
    type_into(page.joint_union, "天河区快递物流行业联合工会")
    click(page.save_button)
    assert page.form.error_labels["job_group"].text() == "请选择职业群体"
    assert _rows(state, MemberIntake) == [] and _rows(state, Member) == []
    choose(page.job, "外卖骑手")
    type_into(page.card_no, "HY2026000123")
    click(page.save_button)
    assert "已登记" in page.message.text()
    (record,) = _rows(state, MemberIntake)
    (member,) = _rows(state, Member)
    assert record.member_id == member.id and record.kind == "join"
    assert (record.hukou, record.education, record.card_no) == ("rural", "senior", "HY2026000123")
    assert (member.job_group, member.membership_status) == ("food_delivery", "active")
    assert member.gender == "male"
    row = page.list.topLevelItem(0)
    assert row.text(3) == "440524********0014" and row.text(4) == "外卖骑手"
    assert page.name.text() == ""  # the form is ready for the next person


def test_bad_id_number_is_named_and_transfer_out_moves_the_status(page, state):
    type_into(page.name, "陈小明")
    type_into(page.id_number, "440524188001010015")
    type_into(page.ethnicity, "回族")
    choose(page.job, "外卖骑手")
    type_into(page.employer, "某某配送站")
    click(page.save_button)
    assert "校验" in page.form.error_labels["id_number"].text()
    assert _rows(state, Member) == []
    type_into(page.id_number, "440524188001010014")
    click(page.save_button)
    click_row(page.list, 0)
    answers = Answers()
    when_modal(answers, fill_and_accept("某市总工会"))
    click(page.out_button)
    answers.check()
    (member,) = _rows(state, Member)
    assert member.membership_status == "transferred"
    kinds = sorted(r.kind for r in _rows(state, MemberIntake))
    assert kinds == ["join", "transfer_out"]
    assert page.list.topLevelItemCount() == 2


def _join_rider(page) -> None:
    type_into(page.name, "陈小明")
    type_into(page.id_number, "440524188001010014")
    type_into(page.ethnicity, "汉族")
    choose(page.job, "外卖骑手")
    type_into(page.joint_union, "天河区快递物流行业联合工会")
    click(page.save_button)
    assert "已登记" in page.message.text()


def test_a_wrong_intake_is_voided_with_its_reason_and_listed_as_voided(page, state):
    from desktop.models import AuditEvent

    _join_rider(page)
    click(page.void_button)  # nothing selected
    assert page.message.text() == "请先在记录中选中一条未作废的记录。"
    click_row(page.list, 0)
    answers = Answers()
    when_modal(answers, fill_and_accept(""))  # the reason left empty: nothing voided
    click(page.void_button)
    answers.check()
    assert page.message.text() == "没有作废：必须填写作废原因。"
    (record,) = _rows(state, MemberIntake)
    assert not record.deleted and record.void_reason is None
    click_row(page.list, 0)
    answers = Answers()
    fill = fill_and_accept("身份证号录错，重新登记")
    when_modal(answers, lambda dialog: (answers.texts.append(dialog.labelText()), fill(dialog)))
    click(page.void_button)
    answers.check()
    assert "陈小明" in answers.texts[0] and "入会" in answers.texts[0]
    assert page.message.text() == "已作废。"
    (record,) = _rows(state, MemberIntake)
    assert record.deleted and record.void_reason == "身份证号录错，重新登记"
    with Session(state.ctx.engine) as s:
        actions = [a.action for a in s.exec(select(AuditEvent)).all()]
    assert "intake.void" in actions
    assert page.list.topLevelItemCount() == 1  # kept in the list, marked
    row = page.list.topLevelItem(0)
    assert row.text(2) == "陈小明" and row.text(6) == "已作废：身份证号录错，重新登记"
    click_row(page.list, 0)
    click(page.void_button)  # a voided record is not voided twice
    assert page.message.text() == "请先在记录中选中一条未作废的记录。"


def test_transfer_out_of_any_member_picked_by_name(page, state):
    from desktop.services import members

    worker = members.add_member(
        state.ctx, members.MemberInput(name="张伟", id_number="11010519491231002X")
    )
    assert page.list.topLevelItemCount() == 0  # no intake record to pick from
    type_into(page.picker.edit, "zw", enter=True)
    assert page.picker.member_ids() == [worker.id]
    answers = Answers()
    when_modal(answers, fill_and_accept("某市总工会"))
    click(page.out_button)
    answers.check()
    assert page.message.text() == "已登记会籍转出。"
    (record,) = _rows(state, MemberIntake)
    assert (record.kind, record.member_id, record.other_union) == (
        "transfer_out",
        worker.id,
        "某市总工会",
    )
    (member,) = _rows(state, Member)
    assert member.membership_status == "transferred"
    assert page.picker.member_ids() == []
    assert page.list.topLevelItem(0).text(2) == "张伟"
