"""A month of work at two stations, pushed through the real server: relief with receipts (one
voided), visits (one voided, one withdrawn by the district), a work-log mediation, a member
edit, a person registered at both stations (linked: the second station's relief re-pointed),
a duplicate-aid flag, a member conflict and a closed month."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sync.harness import DISTRICT, District, StationHandle, add_member

from desktop.models import Visit
from desktop.services import corrections, logs, monthclose, visits
from desktop.services import members as member_service
from desktop.services import relief as relief_service
from server import admin
from server.db import district as district_table

OCT, NOV = dt.date(2026, 10, 8), dt.date(2026, 11, 3)


@dataclass
class Built:
    district_id: str
    program: str
    a: StationHandle
    b: StationHandle
    ids: dict[str, Any]


def _issue(st: StationHandle, member_id: str, program: str, cash: int, day: dt.date) -> Any:
    relief, receipt = relief_service.issue(
        st.ctx,
        relief_service.ReliefInput(
            member_id=member_id, program_id=program, cash_fen=cash, issued_on=day
        ),
    )
    relief_service.record_print(st.ctx, receipt.id)
    return relief


def _edit(st: StationHandle, member_id: str, **changes: Any) -> None:
    data = member_service.MemberInput.from_member(member_service.get_member(st.ctx, member_id))
    for key, value in changes.items():
        setattr(data, key, value)
    member_service.update_member(st.ctx, member_id, data)


def build(district: District) -> Built:
    engine = district.engine
    program = admin.create_program(
        engine, DISTRICT, code="SWN", year=2026, name="两节送温暖", program_type="festival"
    )
    a, b = district.station(1), district.station(2)
    for st in (a, b):
        admin.create_budget(engine, program, st.code, 100_000_000)
        st.sync()
    m1, m2 = add_member(a, 1, "王一"), add_member(a, 2, "王二")
    _issue(a, m1.id, program, 30000, OCT)
    monthclose.close(a.ctx, "2026-10")
    kept = _issue(a, m1.id, program, 12345, NOV)
    voided = _issue(a, m2.id, program, 20000, NOV)
    relief_service.void(a.ctx, voided.id, "金额填错")
    home = visits.add_visit(a.ctx, visits.VisitInput([m1.id], "home", NOV, purpose="走访"))
    phone = visits.add_visit(a.ctx, visits.VisitInput([m2.id], "phone", NOV, purpose="走访"))
    later = visits.add_visit(a.ctx, visits.VisitInput([m2.id], "phone", NOV, purpose="走访"))
    corrections.void_visit(a.ctx, phone.id, "重复登记")
    logs.add_log(
        a.ctx,
        logs.LogInput(
            category="mediation",
            log_date=NOV,
            topic="wage_arrears",
            job_group="courier",
            mediations=2,
            workers_involved=7,
            amount_recovered_fen=1_234_500,
        ),
    )
    _edit(a, m1.id, job_group="courier")
    a.sync()
    # b never pulled m1: it registers the same person, and hands out the same program
    twin = add_member(b, 1, "王一")
    linked = _issue(b, twin.id, program, 8000, NOV)
    b.sync()
    a.sync()
    b.sync()
    _edit(a, m2.id, phone="13900000001")
    _edit(b, m2.id, phone="13900000002")
    a.sync()
    b.sync()
    admin.withdraw(engine, "visit", later.id, "区里核实为误录")
    did = district_id(district)
    ids = {
        "m1": m1.id,
        "m2": m2.id,
        "twin": twin.id,
        "kept": kept.id,
        "voided": voided.id,
        "linked": linked.id,
        "home": home.id,
        "phone": phone.id,
        "later": later.id,
    }
    assert {v.id for v in a.rows(Visit)} >= {home.id, phone.id}
    return Built(did, program, a, b, ids)


def district_id(district: District) -> str:
    with district.engine.connect() as conn:
        return conn.execute(
            select(district_table.c.id).where(district_table.c.code == DISTRICT)
        ).scalar_one()
