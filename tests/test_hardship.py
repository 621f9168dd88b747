"""Hardship files (issue 16): the category rule with exact arithmetic, the file's life step by
step (dated, by whom, audited), relief tied to files, and student aid to graduation."""

from __future__ import annotations

import datetime as dt
import random
from fractions import Fraction

import pytest
from sqlmodel import select

from contract import hardship as hr
from desktop.models import AuditEvent, Member, Outbox, ReliefDistribution
from desktop.services import hardship, programs, relief, students
from desktop.services import hardship_queries as hq
from desktop.services.errors import (
    PermissionDenied,
    RuleViolation,
    UserFacingError,
    ValidationError,
)
from desktop.services.fakedata import fake_id
from desktop.services.hardship_rule import FileInput, Person
from desktop.services.members import MemberInput, add_member
from desktop.services.programs import ProgramInput
from desktop.services.visits import VisitInput, add_visit

STANDARD = 98000  # ¥980.00 per head per month


def _id(seed: int, birth: dt.date) -> str:
    return fake_id(random.Random(seed), birth, True, set())


# -- the rule -----------------------------------------------------------------------------------


def test_rule_compares_exact_fractions_and_states_rounding():
    # (35,280.00 − 0) ÷ 12 ÷ 3 = 980.00 exactly: not below the standard, below twice it
    at = hr.assess(hr.Figures(3_528_000, 0, 3, STANDARD))
    assert at.category == hr.RELATIVE and at.per_head == 98000
    # one fen less per year: 97,999.97... fen per head, which must count as below
    below = hr.assess(hr.Figures(3_527_999, 0, 3, STANDARD))
    assert below.category == hr.DEEP
    assert below.per_head == Fraction(3_527_999, 36)
    assert "约 ¥980.00（四舍五入到分）" in below.lines[0]
    assert "- 刚性支出 ¥0.00）÷ 12 ÷ 3 人" in below.lines[0]


def test_rule_accident_and_costs_over_eighty_percent():
    rich = hr.Figures(10_000_000, 0, 2, STANDARD)
    assert hr.assess(rich).category == hr.NONE
    assert hr.assess(hr.Figures(10_000_000, 0, 2, STANDARD, accident=True)).category == hr.ACCIDENT
    # hardship costs 80% exactly is not "above 80%"; one fen more is
    assert hr.assess(hr.Figures(10_000_000, 0, 2, STANDARD, 8_000_000)).category == hr.NONE
    assert hr.assess(hr.Figures(10_000_000, 0, 2, STANDARD, 8_000_001)).category == hr.ACCIDENT
    assert hr.school_year_of(dt.date(2026, 9, 1)) == "2026-2027"
    assert hr.school_year_of(dt.date(2027, 6, 30)) == "2026-2027"


# -- the file's life ----------------------------------------------------------------------------


@pytest.fixture
def head_member(ctx, head_ctx):
    hardship.set_standard(head_ctx, STANDARD)
    return add_member(
        ctx, MemberInput(name="陈建国", id_number="440524188001010014", employer="城市环卫")
    )


def _household(monthly_fen: int) -> list[Person]:
    return [
        Person("本人", "陈建国", "440524188001010014", monthly_fen, "慢性病", "在岗"),
        Person("配偶", "刘秀英", _id(3, dt.date(1982, 5, 1)), 0, "残疾", "无业"),
        Person("子女", "陈小明", _id(4, dt.date(2010, 3, 9)), 0, "健康", "在校"),
    ]


def _apply(ctx, member, monthly=150000, **extra):
    data = FileInput(
        member.id,
        _household(monthly),
        medical_fen=600000,
        schooling_fen=300000,
        cause_main="疾病",
        cause_secondary="子女就学",
        **extra,
    )
    return hardship.apply(ctx, data)


def _visit(ctx, member):
    return add_visit(ctx, VisitInput([member.id], "home", purpose="入户核实困难情况"))


def test_application_to_file_to_closing_and_back(ctx, head_ctx, head_member):
    # (1,500×12 − 9,000) ÷ 12 ÷ 3 = 250.00 per head: below 980 → 深度困难
    file = _apply(ctx, head_member)
    assert (file.status, file.category, file.computed_category) == ("applied", "deep", "deep")
    with pytest.raises(UserFacingError, match="此操作只适用于公示中"):
        hardship.establish(ctx, file.id)
    hardship.verify(ctx, file.id, _visit(ctx, head_member).id)
    hardship.publish(ctx, file.id)
    assert hq.published_in(ctx, "2026-11") == ["陈建国"]
    file = hardship.establish(ctx, file.id)
    assert file.file_no == "4401060001-K2026-0001"
    assert file.review_due == dt.date(2027, 11, 20)
    member = _member(ctx, head_member.id)
    assert (member.hardship_category, member.hardship_file_no) == ("deep", file.file_no)
    assert member.hardship_review_date == dt.date(2027, 11, 20)
    # the review re-runs the rule on the restated household: income rose
    ctx.today_fn = lambda: dt.date(2027, 11, 10)
    assert [r.id for r in hq.reviews_due(ctx)] == [file.id]
    file = hardship.review(ctx, file.id, FileInput(head_member.id, _household(500000)))
    assert file.category == "relative"  # 60,000 ÷ 12 ÷ 3 = 1,666.67 < 1,960
    assert hq.reviews_due(ctx) == []
    file = hardship.close(ctx, file.id, "recover", "再就业，收入稳定")
    assert file.status == "recovered" and _member(ctx, head_member.id).hardship_category == "none"
    file = hardship.reopen(ctx, file.id, FileInput(head_member.id, _household(100000)))
    assert (file.status, file.category) == ("established", "deep")
    steps = [s["step"] for s in file.steps]
    assert steps == ["apply", "verify", "publish", "establish", "review", "recover", "reopen"]
    assert all(s["by"] and s["on"] for s in file.steps)
    view = hq.get_file(ctx, file.id)
    assert view.staff[file.steps[0]["by"]] == "王社工"
    assert "人均月收入" in view.arithmetic[0]
    with ctx.read() as session:
        actions = session.exec(select(AuditEvent.action)).all()
        queued = session.exec(select(Outbox.entity).where(Outbox.entity == "hardship_file")).all()
    assert {"hardship.apply", "hardship.establish", "hardship.recover", "hardship.reopen"} <= set(
        actions
    )
    assert len(queued) == 7


def _member(ctx, member_id):
    with ctx.read() as session:
        return session.get(Member, member_id)


def test_bad_input_names_the_field_and_writes_nothing(ctx, head_member):
    bad = FileInput(
        head_member.id,
        [Person("本人", "陈建国", "440524188001010015", -5)],
        cause_main="懒惰",
    )
    with pytest.raises(ValidationError) as err:
        hardship.apply(ctx, bad)
    assert "家庭成员第 1 行" in err.value.message and "主要致困原因“懒惰”" in err.value.message
    assert hq.list_files(ctx) == []


def test_a_different_category_needs_the_head_and_a_reason(ctx, head_ctx, head_member):
    file = _apply(ctx, head_member, monthly=600000)  # 63,000 ÷ 36 = 1,750.00: 相对困难
    assert file.category == "relative"
    hardship.verify(ctx, file.id, _visit(ctx, head_member).id)
    hardship.publish(ctx, file.id)
    with pytest.raises(PermissionDenied):
        hardship.establish(ctx, file.id, category="deep", reason="重病")
    with pytest.raises(ValidationError, match="须写明理由"):
        hardship.establish(head_ctx, file.id, category="deep")
    file = hardship.establish(head_ctx, file.id, category="deep", reason="配偶新发重病，入不敷出")
    assert (file.category, file.computed_category) == ("deep", "relative")
    with ctx.read() as session:
        override = session.exec(
            select(AuditEvent).where(AuditEvent.action == "hardship.override")
        ).one()
    assert override.detail == {"computed": "relative", "chosen": "deep"}


def test_the_standard_is_needed_and_only_the_head_sets_it(ctx, head_ctx):
    member = add_member(ctx, MemberInput(name="周丽", id_number=_id(9, dt.date(1985, 1, 2))))
    with pytest.raises(UserFacingError, match="尚未设置当地低保标准"):
        _apply(ctx, member)
    with pytest.raises(PermissionDenied):
        hardship.set_standard(ctx, STANDARD)
    hardship.set_standard(head_ctx, STANDARD)
    assert hardship.standard(ctx) == STANDARD


# -- relief tied to files -----------------------------------------------------------------------


def _established(ctx, member, monthly=150000):
    file = _apply(ctx, member, monthly=monthly)
    hardship.verify(ctx, file.id, _visit(ctx, member).id)
    hardship.publish(ctx, file.id)
    return hardship.establish(ctx, file.id)


def test_a_program_requiring_a_file_refuses_others_and_links_the_file(ctx, head_ctx, head_member):
    living = programs.add_program(
        head_ctx,
        ProgramInput("LIV", 2026, "生活救助", "living", requires_file=["deep", "relative"]),
    )
    with pytest.raises(RuleViolation, match="只发给深度困难、相对困难的建档职工"):
        relief.issue(ctx, relief.ReliefInput(head_member.id, living.id, cash_fen=50000))
    check = relief.preview(ctx, relief.ReliefInput(head_member.id, living.id, cash_fen=50000))
    assert any("没有在册的困难职工档案" in r for r in check.reasons)
    file = _established(ctx, head_member)
    handout, _ = relief.issue(ctx, relief.ReliefInput(head_member.id, living.id, cash_fen=50000))
    assert handout.hardship_file_id == file.id
    assert [r.id for r, _name in hq.get_file(ctx, file.id).handouts] == [handout.id]


# -- student aid --------------------------------------------------------------------------------


def test_a_child_is_granted_each_school_year_until_graduation(ctx, head_ctx, head_member):
    rules = {"high_school": 300000, "higher_education": 500000}
    p26 = programs.add_program(
        head_ctx, ProgramInput("JQ", 2026, "2026年金秋助学", "education", amount_rules=rules)
    )
    child = students.add_student(
        ctx,
        students.StudentInput(
            head_member.id, "陈小明", "高中", 2025, 2028, _id(4, dt.date(2010, 3, 9)), "市一中"
        ),
    )
    ctx.today_fn = lambda: dt.date(2026, 9, 10)
    assert [r.id for r in students.grants_due(ctx)] == [child.id]
    first, receipt = students.grant(ctx, child.id, p26.id)
    assert (first.cash_fen, first.school_year, first.student_id) == (300000, "2026-2027", child.id)
    assert receipt.content["total_fen"] == 300000
    assert students.grants_due(ctx) == []
    with pytest.raises(UserFacingError, match="2026-2027 学年的助学金已发放"):
        students.grant(ctx, child.id, p26.id)
    ctx.today_fn = lambda: dt.date(2027, 9, 5)
    p27 = programs.add_program(
        head_ctx, ProgramInput("JQ", 2027, "2027年金秋助学", "education", amount_rules=rules)
    )
    assert [r.id for r in students.grants_due(ctx)] == [child.id]
    students.grant(ctx, child.id, p27.id)
    row = students.list_students(ctx)[0]
    assert row.granted_years == ("2026-2027", "2027-2028")
    assert row.id_masked.endswith(child.id_number[-4:]) and "*" in row.id_masked
    students.graduate(ctx, child.id)
    ctx.today_fn = lambda: dt.date(2028, 9, 5)
    assert students.grants_due(ctx) == []
    with pytest.raises(UserFacingError, match="已毕业"):
        students.grant(ctx, child.id, p27.id)
    with ctx.read() as session:
        grants = session.exec(
            select(ReliefDistribution).where(ReliefDistribution.student_id == child.id)
        ).all()
    assert len(grants) == 2


def test_student_input_errors_name_the_field(ctx, head_member):
    with pytest.raises(ValidationError) as err:
        students.add_student(
            ctx, students.StudentInput(head_member.id, "", "幼儿园", 2026, 2020, "123")
        )
    assert set(err.value.errors) == {"name", "stage", "id_number", "expected_graduation"}
