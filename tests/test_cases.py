"""Rights cases: deadlines (pure rules), opening, the status path, notes, extensions, money."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import Session, select

from contract import cases as rules
from desktop.models import Outbox, RightsCase
from desktop.services import case_queries, cases, monthclose
from desktop.services.errors import PeriodClosed, UserFacingError, ValidationError
from desktop.services.members import MemberInput, add_member, find_by_id_number

FRI = dt.date(2026, 11, 20)  # the test station's today is a Friday


def test_accept_within_three_working_days_skips_the_weekend():
    assert rules.accept_by(dt.date(2026, 11, 16)) == dt.date(2026, 11, 19)  # Mon -> Thu
    assert rules.accept_by(FRI) == dt.date(2026, 11, 25)  # Fri -> Wed
    assert rules.accept_by(dt.date(2026, 11, 21)) == dt.date(2026, 11, 25)  # Sat -> Wed


def test_mediation_runs_fifteen_days_plus_extensions():
    assert rules.mediate_by(dt.date(2026, 11, 2)) == dt.date(2026, 11, 17)
    ext = [{"days": 10}, {"days": 5}]
    assert rules.mediate_by(dt.date(2026, 11, 2), ext) == dt.date(2026, 12, 2)


def test_urgency():
    assert rules.urgency(dt.date(2026, 11, 19), FRI) == "overdue"
    assert rules.urgency(dt.date(2026, 11, 22), FRI) == "due"
    assert rules.urgency(dt.date(2026, 11, 23), FRI) == ""
    assert rules.urgency(None, FRI) == ""


def _three_workers(ctx):
    member = find_by_id_number(ctx, "11010519491231002X") or add_member(
        ctx, MemberInput(name="张伟", id_number="11010519491231002X")
    )
    return [
        cases.WorkerInput(member_id=member.id),
        cases.WorkerInput(name="李娜", phone="13800138000"),
        cases.WorkerInput(name="王芳", phone="13900139000"),
    ]


def _open(ctx, **kw):
    data = dict(
        source="12351 工单",
        ticket_no="GD2026110001",
        employer="某某物流有限公司",
        dispute_type="欠薪",
        claimed="36000.00",
        matter="拖欠三个月工资",
        received_on="2026-11-16",
    )
    data.update(kw)
    if "workers" not in data:
        data["workers"] = _three_workers(ctx)
    return cases.open_case(ctx, cases.CaseInput(**data))


def test_wage_case_goes_from_application_to_agreement(ctx):
    case = _open(ctx)
    assert case.case_no == "4401060001-2026-T0001"
    assert case.status == "applied" and case.worker_count == 3
    assert case.claimed_fen == 3_600_000
    cases.move(ctx, case.id, "受理", on="2026-11-17")
    cases.add_note(ctx, case.id, "电话联系用人单位，约定 11 月 19 日调解", on="2026-11-18")
    cases.move(ctx, case.id, "调解中", on="2026-11-19")
    cases.record_recovered(ctx, case.id, "36000")
    done = cases.move(ctx, case.id, "达成协议", terms="单位于 11 月 30 日前一次付清")
    assert done.status == "agreed" and done.closed_on == FRI
    assert [h["status"] for h in done.history] == ["applied", "accepted", "mediating", "agreed"]
    assert all(h["by_name"] == "王社工" for h in done.history)
    with Session(ctx.engine) as s:
        stored = s.get(RightsCase, case.id)
        assert stored is not None and stored.recovered_fen == 3_600_000
        pushes = s.exec(select(Outbox).where(Outbox.row_id == case.id)).all()
    assert len(pushes) == 6  # open, accept, note, mediate, recovered, agree
    items = case_queries.timeline(done)
    assert [i.kind for i in items].count("note") == 1
    assert case_queries.case_detail(ctx, case.id).workers_text == "张伟、李娜、王芳"


def test_a_refused_move_names_both_statuses(ctx):
    case = _open(ctx)
    with pytest.raises(UserFacingError, match="待受理.*达成协议"):
        cases.move(ctx, case.id, "达成协议", terms="x")
    cases.move(ctx, case.id, "受理")
    with pytest.raises(ValidationError) as err:
        cases.move(ctx, case.id, "达成协议")
    assert "terms" in err.value.errors


def test_bad_input_names_the_field_and_writes_nothing(ctx):
    with pytest.raises(ValidationError) as err:
        _open(ctx, source="12351 工单", ticket_no="", claimed="12.345", employer="")
    assert {"ticket_no", "claimed", "employer"} <= set(err.value.errors)
    assert "请求金额" in err.value.errors["claimed"]
    with pytest.raises(ValidationError) as err:
        _open(ctx, workers=[cases.WorkerInput(name="赵六", phone="12345")], worker_count="0")
    assert {"workers", "worker_count"} <= set(err.value.errors)
    with Session(ctx.engine) as s:
        assert s.exec(select(RightsCase)).all() == []


def test_extensions_move_the_deadline_and_the_dashboard_lists_due_cases(ctx):
    late = _open(ctx, received_on="2026-11-02")
    cases.move(ctx, late.id, "受理", on="2026-11-03")  # due 11-18: overdue on 11-20
    fresh = _open(ctx, received_on="2026-11-19")  # accept by 11-24: not yet due
    due = case_queries.cases_due(ctx)
    assert [row.case.id for row in due] == [late.id]
    assert due[0].urgency == "overdue" and due[0].due == dt.date(2026, 11, 18)
    with pytest.raises(ValidationError):
        cases.extend(ctx, late.id, 40, "双方同意")
    cases.extend(ctx, late.id, 3, "双方同意延期调解")
    row = case_queries.case_detail(ctx, late.id)
    assert row.due == dt.date(2026, 11, 21) and row.urgency == "due"
    assert case_queries.case_detail(ctx, fresh.id).urgency == ""


def test_steps_in_a_closed_month_are_refused(head_ctx):
    head_ctx.today_fn = lambda: dt.date(2026, 12, 3)
    case = _open(head_ctx, received_on="2026-11-16")
    monthclose.close(head_ctx, "2026-11")
    with pytest.raises(PeriodClosed):
        cases.move(head_ctx, case.id, "受理", on="2026-11-30")
    cases.move(head_ctx, case.id, "受理", on="2026-12-01")


def test_phones_are_masked_in_lists(ctx):
    _open(ctx)
    row = case_queries.list_cases(ctx)[0]
    masked = case_queries.masked_workers(row)
    assert ("李娜", "138****8000") in masked


@pytest.mark.parametrize("day", [dt.date(2026, 11, 1), FRI])
def test_demo_casework_at_every_stage(ctx, day):
    from desktop.services import intake
    from desktop.services.casework_demo import demo_casework

    ctx.today_fn = lambda: day
    member = add_member(ctx, MemberInput(name="张伟", id_number="11010519491231002X"))
    demo_casework(ctx, [member.id], seed=7, today=day)
    statuses = sorted(row.case.status for row in case_queries.list_cases(ctx))
    assert statuses == sorted(
        ["agreed", "mediating", "arbitration", "accepted", "applied", "withdrawn"]
    )
    joined = intake.list_intakes(ctx)
    assert len(joined) == 12
    assert {r.intake.job_group for r in joined} <= {
        "food_delivery", "courier", "ride_hailing", "truck_driver"
    }  # fmt: skip
