"""Issue 17: rights cases and intake records travel to the district through the real server,
and follow the person when the district links a station's new member to its own."""

from __future__ import annotations

import json

from sqlalchemy import select

from desktop.models import Conflict, Member, MemberIntake, RightsCase
from desktop.services import cases, intake
from server.db import record

from .harness import District, StationHandle, add_member, make_id_number


def _server(district: District, entity: str) -> dict[str, dict]:
    with district.engine.connect() as conn:
        rows = conn.execute(
            select(record.c.id, record.c.data).where(record.c.entity == entity)
        ).all()
    return {row_id: json.loads(data) if isinstance(data, str) else data for row_id, data in rows}


def _wage_case(st: StationHandle, member_id: str) -> RightsCase:
    case = cases.open_case(
        st.ctx,
        cases.CaseInput(
            source="来访",
            employer="某某建筑劳务有限公司",
            dispute_type="欠薪",
            workers=[
                cases.WorkerInput(member_id=member_id),
                cases.WorkerInput(name="李娜", phone="13800138000"),
                cases.WorkerInput(name="王芳"),
            ],
            claimed="45000.00",
            received_on="2026-11-16",
        ),
    )
    cases.move(st.ctx, case.id, "受理", on="2026-11-17")
    cases.move(st.ctx, case.id, "调解中", on="2026-11-18")
    cases.record_recovered(st.ctx, case.id, "45000")
    return cases.move(st.ctx, case.id, "达成协议", terms="11 月 30 日前付清")


def _rider(number: str) -> intake.IntakeInput:
    return intake.IntakeInput(
        name="陈小明",
        id_number=number,
        phone="13712345678",
        hukou="农村户籍",
        joint_union="天河区快递物流行业联合工会",
        job_group="外卖骑手",
        on_date="2026-11-18",
    )


def test_a_case_and_an_intake_reach_the_district_as_the_station_holds_them(district):
    a = district.station(1)
    worker = add_member(a, 3, name="张伟")
    case = _wage_case(a, worker.id)
    joined = intake.register(a.ctx, _rider(make_id_number(4)))
    result = a.sync()
    assert "rejected" not in result.statuses, result.statuses
    assert a.outbox_states() == {"done": a.outbox_states()["done"]}
    held = _server(district, "rights_case")[case.id]
    mine = a.snapshot(RightsCase)[case.id]
    assert held["status"] == "agreed" and held["recovered_fen"] == 4_500_000
    assert held["workers"] == mine["workers"] and held["history"] == mine["history"]
    assert held["version"] == mine["version"] == 5
    stored = _server(district, "member_intake")[joined.id]
    assert stored["job_group"] == "food_delivery" and stored["member_id"] == joined.member_id
    assert [r.sync_state for r in a.rows(RightsCase)] == ["synced"]
    # another station of the district sees the new member, never the other station's case
    b = district.station(2)
    b.sync()
    assert joined.member_id in {m.id for m in b.rows(Member)}
    assert b.rows(RightsCase) == [] and b.rows(MemberIntake) == []


def test_an_intake_and_a_case_follow_the_person_to_the_districts_member(district):
    a, b = district.station(1), district.station(2)
    a.sync()
    b.sync()
    number = make_id_number(21)
    known = add_member(b, 21, name="陈小明")  # the district has the person already
    b.sync()
    joined = intake.register(a.ctx, _rider(number))  # A has not pulled: a member of its own
    assert joined.member_id != known.id
    case = _wage_case(a, joined.member_id)
    result = a.sync()
    assert result.statuses.get("linked") == 1 and "rejected" not in result.statuses
    a.sync()
    assert [m.id for m in a.rows(Member) if m.id_number == number] == [known.id]
    assert [i.member_id for i in a.rows(MemberIntake)] == [known.id]
    assert a.rows(RightsCase)[0].workers[0]["member_id"] == known.id
    assert _server(district, "member_intake")[joined.id]["member_id"] == known.id
    assert _server(district, "rights_case")[case.id]["workers"][0]["member_id"] == known.id
    # the district held the person as 其他: the intake's 外卖骑手 is a conflict for a person to
    # decide (issue 13's rule: a filled field is never overwritten by a link)
    held = [(c.row_id, c.field, c.local_value) for c in a.rows(Conflict)]
    assert (known.id, "job_group", "food_delivery") in held
