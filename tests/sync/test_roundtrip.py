"""Two stations and a real server: data goes up, comes down, and scope holds."""

from __future__ import annotations

import os
import stat

from desktop.models import FundProgram, Member, ReliefDistribution, Staff, Station
from server import admin

from .harness import DISTRICT, add_member, add_relief


def test_two_stations_round_trip(district):
    program = admin.create_program(
        district.engine,
        DISTRICT,
        code="SWN",
        year=2026,
        name="两节送温暖",
        program_type="festival",
        max_times_per_year=1,
    )
    a = district.station(1)
    admin.create_budget(district.engine, program, a.code, 1_000_000)
    b = district.station(2)
    assert stat.S_IMODE(os.stat(a.engine.url.database + ".sync-token.json").st_mode) == 0o600
    m1 = add_member(a, 1)
    add_relief(a, m1.id, program)
    first = a.sync()
    assert first.statuses.get("applied", 0) >= 4  # station, staff, member, relief
    assert a.outbox_states() == {"done": first.pushed}
    b.sync()
    assert set(b.snapshot(Member)) == {m1.id}
    assert b.snapshot(Member) == a.snapshot(Member)
    assert [p.id for p in b.rows(FundProgram)] == [program]
    # b sees a's relief (trimmed) but not a's staff
    relief = b.rows(ReliefDistribution)
    assert [r.id for r in relief] == [a.rows(ReliefDistribution)[0].id]
    assert relief[0].note == "" and relief[0].handler_id == ""
    assert {s.station_id for s in b.rows(Staff)} == {b.ctx.station_id}
    assert len(b.rows(Station)) == 2
    rows = a.rows(Member)
    assert rows[0].sync_state == "synced" and rows[0].server_version == 1
    assert a.sync().pulled_by_entity == {"station": 1}  # b's station row
    again = a.sync()  # a no-op sync moves nothing
    assert again.pushed == 0 and again.pulled == 0
