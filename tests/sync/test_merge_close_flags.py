"""Member conflicts, month close, and duplicate-aid flags across two stations."""

from __future__ import annotations

import datetime as dt

from desktop.models import Conflict, DuplicateFlag, Member, MonthClose, ReliefDistribution
from desktop.services import members as member_service
from desktop.services import monthclose
from desktop.services import relief as relief_service
from server import admin

from .harness import DISTRICT, add_member, add_relief


def _edit(st, member_id, **changes):
    data = member_service.MemberInput.from_member(member_service.get_member(st.ctx, member_id))
    for key, value in changes.items():
        setattr(data, key, value)
    return member_service.update_member(st.ctx, member_id, data)


def test_member_edited_at_two_stations_merges_and_records_conflict(district):
    a, b = district.station(1), district.station(2)
    m = add_member(a, 7)
    a.sync()
    b.sync()
    _edit(a, m.id, phone="13900000001", employer="甲公司")
    _edit(b, m.id, phone="13900000002", address="天河路 1 号")
    assert a.sync().statuses == {"applied": 1}
    result = b.sync()
    assert result.statuses == {"conflict": 1}
    a.sync()
    sa, sb = a.snapshot(Member), b.snapshot(Member)
    assert sa == sb
    merged = sa[m.id]
    assert merged["employer"] == "甲公司" and merged["address"] == "天河路 1 号"
    assert merged["phone"] == "13900000001"  # first to arrive holds until a person decides
    for st, mine, other in ((a, "13900000001", "13900000002"), (b, "13900000002", "13900000001")):
        conflicts = st.rows(Conflict)
        assert [(c.field, c.local_value, c.server_value) for c in conflicts] == [
            ("phone", mine, other)
        ]
    assert {r.sync_state for r in b.rows(Member)} == {"conflict"}
    row = b.rows(Member)[0]
    assert row.pinyin_full == "zhangsan"  # search fields derived locally after the pull


def _program(district, **rules):
    return admin.create_program(
        district.engine,
        DISTRICT,
        code="SWN",
        year=2026,
        name="两节送温暖",
        program_type="festival",
        **rules,
    )


def test_month_close_confirmed_locks_the_month(district):
    program = _program(district)
    a = district.station(1)
    admin.create_budget(district.engine, program, a.code, 10_000_000)
    a.sync()
    m = add_member(a, 3)
    _, receipt = relief_service.issue(
        a.ctx,
        relief_service.ReliefInput(
            member_id=m.id, program_id=program, cash_fen=30000, issued_on=dt.date(2026, 10, 8)
        ),
    )
    relief_service.record_print(a.ctx, receipt.id)
    monthclose.close(a.ctx, "2026-10")
    a.sync()
    close = a.rows(MonthClose)[0]
    assert close.server_status == "confirmed", close.server_message
    assert a.sync().pulled == 0  # the verdict arrived once
    # a late change to the closed month is refused by the server, and blocks nothing else
    late = add_relief(a, m.id, program, issued_on=dt.date(2026, 10, 9))
    other = add_member(a, 4)
    result = a.sync()
    assert result.statuses == {"rejected": 1, "applied": 1}
    states = {r.id: (r.sync_state, r.sync_error) for r in a.rows(ReliefDistribution)}
    assert states[late.id][0] == "rejected" and "已月结" in states[late.id][1]
    assert {r.id: r.sync_state for r in a.rows(Member)}[other.id] == "synced"
    assert a.outbox_states().get("pending", 0) == 0


def test_month_close_mismatch_names_the_difference(district):
    from desktop.services.uow import transaction

    program = _program(district)
    a = district.station(1)
    admin.create_budget(district.engine, program, a.code, 10_000_000)
    a.sync()
    m = add_member(a, 5)
    add_relief(a, m.id, program, cash_fen=20000, issued_on=dt.date(2026, 10, 3))
    with transaction(a.ctx) as unit:
        unit.save(
            MonthClose(
                station_id=a.ctx.station_id,
                period="2026-10",
                closed_by="x",
                totals={"relief": {"count": 1, "cash_fen": 99999, "goods_value_fen": 0}},
            )
        )
    a.sync()
    close = a.rows(MonthClose)[0]
    assert close.server_status == "mismatch"
    assert "发放合计" in close.server_message and "99999" in close.server_message


def test_same_grant_at_two_stations_is_flagged_at_both(district):
    program = _program(district, max_times_per_year=1)
    a, b = district.station(1), district.station(2)
    m = add_member(a, 9)
    a.sync()
    b.sync()
    ra = add_relief(a, m.id, program)
    rb = add_relief(b, m.id, program)
    a.sync()
    b.sync()
    a.sync()
    for st in (a, b):
        flags = st.rows(DuplicateFlag)
        assert flags, st.code
        assert {tuple(sorted(f.distribution_ids)) for f in flags} == {tuple(sorted([ra.id, rb.id]))}
    assert len(admin.list_findings(district.engine, "dup_flag")) == len(a.rows(DuplicateFlag)) * 2
    # a second sync raises nothing new
    assert a.sync().pulled == 0 and b.sync().pulled == 0


def test_a_voided_hand_out_raises_no_duplicate_aid_flag(district):
    """A hand-out voided at its station (status "void") is no hand-out: the same grant at
    another station in the same month is not a duplicate (the server once compared with
    "voided" and flagged it)."""
    program = _program(district, max_times_per_year=1)
    a, b = district.station(1), district.station(2)
    m = add_member(a, 10)
    a.sync()
    b.sync()
    add_relief(a, m.id, program)
    rb = add_relief(b, m.id, program)
    relief_service.void(b.ctx, rb.id, "发错了人，作废重开")
    for st in (a, b, a):
        st.sync()
    assert a.rows(DuplicateFlag) == [] and b.rows(DuplicateFlag) == []
    assert admin.list_findings(district.engine, "dup_flag") == []


def test_a_flag_is_withdrawn_at_every_station_when_a_hand_out_is_voided(district):
    """A flag exists only while its rule holds: voiding one of the two hand-outs withdraws
    the district's finding, and both stations drop it at their next pull."""
    program = _program(district, max_times_per_year=1)
    a, b = district.station(1), district.station(2)
    m = add_member(a, 11)
    a.sync()
    b.sync()
    add_relief(a, m.id, program)
    rb = add_relief(b, m.id, program)
    for st in (a, b, a):
        st.sync()
    assert len(a.rows(DuplicateFlag)) == 2 and len(b.rows(DuplicateFlag)) == 2  # month, times
    relief_service.void(b.ctx, rb.id, "发错了人，作废重开")
    for st in (b, a):
        st.sync()
    assert a.rows(DuplicateFlag) == [] and b.rows(DuplicateFlag) == []
    assert admin.list_findings(district.engine, "dup_flag") == []
