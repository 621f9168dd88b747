from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import select

from desktop.models import Receipt, ReliefDistribution
from desktop.services import monthclose, programs, relief
from desktop.services.errors import PeriodClosed, RuleViolation, UserFacingError, ValidationError
from desktop.services.members import MemberInput, add_member
from desktop.services.programs import ProgramInput
from desktop.services.relief import GoodsLine, ReliefInput


@pytest.fixture
def setup(ctx, head_ctx):
    program = programs.add_program(
        head_ctx,
        ProgramInput(
            code="LIV",
            year=2026,
            name="2026年生活救助",
            program_type="living",
            max_times_per_year=2,
            annual_cap_fen=300000,
            budget_fen=1000000,
        ),
    )
    festival = programs.add_program(
        head_ctx,
        ProgramInput(
            code="FES",
            year=2026,
            name="2026年两节送温暖",
            program_type="festival",
            max_times_per_year=1,
            excludes=["LIV"],
        ),
    )
    member = add_member(
        ctx, MemberInput(name="张三", id_number="440524188001010014", employer="顺丰速运")
    )
    return program, festival, member


def test_issue_allocates_gapless_numbers_and_freezes_content(ctx, setup):
    program, _, member = setup
    r1, rc1 = relief.issue(ctx, ReliefInput(member.id, program.id, cash_fen=100000))
    r2, rc2 = relief.issue(
        ctx,
        ReliefInput(member.id, program.id, cash_fen=50, goods=[GoodsLine("大米", 2, "袋", 10000)]),
    )
    assert rc1.number == "4401060001-2026-000001"
    assert rc2.number == "4401060001-2026-000002"
    assert rc2.content["total_fen"] == 10050
    assert rc2.content["amount_capitals"] == "人民币壹佰元伍角整"
    assert rc1.content["recipient_id_masked"] == "440524********0014"
    assert "440524188001010014" not in str(rc1.content)


def test_caps_refuse_then_head_overrides_with_audit(ctx, head_ctx, setup):
    program, _, member = setup
    relief.issue(ctx, ReliefInput(member.id, program.id, cash_fen=100000))
    relief.issue(ctx, ReliefInput(member.id, program.id, cash_fen=100000))
    with pytest.raises(RuleViolation) as err:
        relief.issue(ctx, ReliefInput(member.id, program.id, cash_fen=100000))
    assert "超过每年 2 次的上限" in err.value.message
    with pytest.raises(RuleViolation):  # a social worker cannot override
        relief.issue(
            ctx, ReliefInput(member.id, program.id, cash_fen=100000, override_reason="特殊困难")
        )
    r, _ = relief.issue(
        head_ctx,
        ReliefInput(
            member.id, program.id, cash_fen=100000, override_reason="火灾特殊困难，经站务会同意"
        ),
    )
    assert r.override_reason.startswith("火灾")


def test_exclusion_and_budget(ctx, setup, head_ctx):
    program, festival, member = setup
    relief.issue(ctx, ReliefInput(member.id, program.id, cash_fen=1000))
    with pytest.raises(RuleViolation) as err:
        relief.issue(ctx, ReliefInput(member.id, festival.id, cash_fen=1000))
    assert "不能同时享受" in err.value.message
    other = add_member(ctx, MemberInput(name="李四", id_number="11010519491231002X"))
    with pytest.raises(RuleViolation) as err:
        relief.issue(ctx, ReliefInput(other.id, program.id, cash_fen=1000000))
    assert "预算余额" in err.value.message


def test_void_keeps_number_and_needs_reason(ctx, setup):
    program, _, member = setup
    r, rc = relief.issue(ctx, ReliefInput(member.id, program.id, cash_fen=1000))
    with pytest.raises(ValidationError):
        relief.void(ctx, r.id, "  ")
    relief.void(ctx, r.id, "金额填错")
    _, rc2 = relief.issue(ctx, ReliefInput(member.id, program.id, cash_fen=2000))
    assert rc2.serial == rc.serial + 1
    with ctx.read() as s:
        voided = s.get(Receipt, rc.id)
        assert voided.voided and voided.void_reason == "金额填错"
    with pytest.raises(UserFacingError):
        relief.void(ctx, r.id, "again")


def test_reprints_are_counted(ctx, setup):
    program, _, member = setup
    _, rc = relief.issue(ctx, ReliefInput(member.id, program.id, cash_fen=1000))
    first = relief.record_print(ctx, rc.id)
    second = relief.record_print(ctx, rc.id)
    assert first.copy_label is None
    assert second.copy_label == "补打（第1次）"
    assert second.content == rc.content


def test_month_close_locks_and_corrections_become_adjustments(ctx, setup):
    program, _, member = setup
    r, rc = relief.issue(
        ctx, ReliefInput(member.id, program.id, cash_fen=1000, issued_on=dt.date(2026, 10, 15))
    )
    check = monthclose.check(ctx, "2026-10")
    assert any("尚未打印" in b for b in check.blockers)
    relief.record_print(ctx, rc.id)
    closed = monthclose.close(ctx, "2026-10")
    assert closed.totals["relief"] == {"count": 1, "cash_fen": 1000, "goods_value_fen": 0}
    assert closed.receipt_first == rc.number
    with pytest.raises(PeriodClosed):
        relief.issue(
            ctx, ReliefInput(member.id, program.id, cash_fen=1000, issued_on=dt.date(2026, 10, 20))
        )
    adjustment = relief.void(ctx, r.id, "重复发放")
    assert adjustment.status == "adjustment" and adjustment.period == "2026-11"
    assert adjustment.adjusts_id == r.id and adjustment.cash_fen == -1000
    with ctx.read() as s:
        assert s.get(ReliefDistribution, r.id).status == "issued"
        assert len(s.exec(select(ReliefDistribution)).all()) == 2


def test_relief_dated_after_today_is_refused(ctx, setup):
    program, _, member = setup
    for day in (dt.date(2026, 11, 21), dt.date(2027, 1, 5)):  # today is 2026-11-20
        with pytest.raises(ValidationError) as caught:
            relief.issue(ctx, ReliefInput(member.id, program.id, cash_fen=1000, issued_on=day))
        assert "晚于今天" in caught.value.errors["issued_on"]
    relief.issue(ctx, ReliefInput(member.id, program.id, cash_fen=1000, issued_on=ctx.today))
    with ctx.read() as s:
        assert len(s.exec(select(ReliefDistribution)).all()) == 1


def test_largest_hand_out_per_program_is_refused_with_the_field_named(ctx, head_ctx, setup):
    _, _, member = setup
    capped = programs.add_program(
        head_ctx,
        ProgramInput("CAP", 2026, "2026年慰问金", "condolence", max_amount_fen=50000),
    )
    goods = [GoodsLine("大米", 1, "袋", 20000)]
    with pytest.raises(ValidationError) as caught:
        relief.issue(ctx, ReliefInput(member.id, capped.id, cash_fen=30001, goods=goods))
    message = caught.value.errors["cash_fen"]
    assert "¥500.01" in message and "单次发放上限 ¥500.00" in message
    # no override passes it, not even the station head's
    with pytest.raises(ValidationError):
        relief.issue(
            head_ctx,
            ReliefInput(member.id, capped.id, cash_fen=50001, override_reason="站长批准"),
        )
    _, receipt = relief.issue(ctx, ReliefInput(member.id, capped.id, cash_fen=30000, goods=goods))
    assert receipt.content["total_fen"] == 50000


def test_program_limits_are_checked_when_set(head_ctx):
    with pytest.raises(ValidationError) as caught:
        programs.add_program(
            head_ctx,
            ProgramInput("BAD", 2026, "坏项目", "living", max_amount_fen=-1, annual_cap_fen=10**15),
        )
    assert caught.value.errors["max_amount_fen"] == "单次发放上限不能为负数"
    assert "年度金额上限超过金额上限" in caught.value.errors["annual_cap_fen"]


def test_a_program_code_resolves_to_the_year_asked(ctx, head_ctx, setup):
    program, _, _ = setup  # LIV 2026
    later = programs.add_program(head_ctx, ProgramInput("LIV", 2027, "2027年生活救助", "living"))
    assert programs.find_program(ctx, "LIV", year=2026).id == program.id
    assert programs.find_program(ctx, "LIV", year=2027).id == later.id
    with pytest.raises(
        UserFacingError, match="找不到 2025 年的帮扶项目“LIV”（只有 2026、2027 年的）"
    ):
        programs.find_program(ctx, "LIV", year=2025)
