"""The typed read model after real pushes: equal to a rebuild from the record table, and its
figures equal to the ones computed from the records' JSON another way."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select, text
from sync.harness import add_relief

from desktop import __version__
from server import conflicts as conflict_records
from server.console.records import change
from server.readmodel import tables as t
from server.readmodel.project import rebuild
from server.readmodel.queries import CLOSED, OPEN, monthly, overview
from server.rows import load

from .independent import month_figures, records, typed_snapshot
from .scenario import build


def test_projection_equals_rebuild_and_follows_voids_edits_links(district):
    built = build(district)
    ids = built.ids
    with district.engine.begin() as conn:
        projected = typed_snapshot(conn)
        rebuild(conn)
        assert typed_snapshot(conn) == projected
        relief = {r.id: r for r in conn.execute(select(t.relief))}
        visits = {r.id: r for r in conn.execute(select(t.visit))}
        members = {r.id: r for r in conn.execute(select(t.member))}
    assert relief[ids["voided"]].status == "void"
    assert relief[ids["kept"]].cash_fen == 12345
    # the relief the second station gave its own record of the person names the district's
    assert relief[ids["linked"]].member_id == ids["m1"]
    assert ids["twin"] not in members
    assert members[ids["m1"]].job_group == "courier"  # the edit reached the typed row
    assert visits[ids["phone"]].deleted  # voided at the station: a tombstone
    assert visits[ids["later"]].deleted  # withdrawn by the district
    assert not visits[ids["home"]].deleted


def test_monthly_equals_an_independent_count(district):
    built = build(district)
    with district.engine.connect() as conn:
        got = monthly(conn, built.district_id, "2026-11")
        want = month_figures(conn, built.district_id, "2026-11")
        one = monthly(conn, built.district_id, "2026-11", built.a.ctx.station_id)
    assert {s.code for s in got.stations} == {built.a.code, built.b.code}
    for month in got.stations:
        w, f = want[month.code], month.figures
        assert f.visits == dict(w["visits"])
        assert {p: [x.count, x.cash_fen, x.goods_value_fen] for p, x in f.programs.items()} == {
            p: v for p, v in w["relief"].items()
        }
        m = f.mediation
        assert [m.cases, m.workers, m.amount_recovered_fen] == w["mediation"]
        assert f.new_members == dict(w["members"])
        receipts = sorted(w["receipts"])
        assert f.receipts.count == len(receipts)
        assert (f.receipts.first, f.receipts.last) == (receipts[0][1], receipts[-1][1])
        assert f.receipts.voided == sorted(n for _s, n, v in receipts if v)
    a = got.stations[0].figures
    assert a.visits == {"home": 1}
    assert a.relief.count == 1 and a.relief.cash_fen == 12345 and a.relief.voided == 1
    assert a.mediation.amount_recovered_fen == 1_234_500 and a.mediation.cases == 2
    assert len(a.receipts.voided) == 1
    total = got.total
    assert total.relief.count == 2 and total.relief.cash_fen == 12345 + 8000
    assert total.programs[built.program].name == "两节送温暖"
    assert [s.code for s in one.stations] == [built.a.code]
    assert one.total.relief.cash_fen == 12345


def test_overview_shows_activity_waiting_and_closed_months(district):
    built = build(district)
    with district.engine.connect() as conn:
        view = overview(conn, built.district_id, today=dt.date(2026, 11, 20))
        conflicts = records(conn, built.district_id, "conflict")
        flags = records(conn, built.district_id, "dup_flag")
    assert view.periods[0] == "2025-12" and view.periods[-1] == "2026-11"
    a, b = view.stations
    assert (a.code, b.code) == (built.a.code, built.b.code)
    for st in (a, b):
        assert st.enrolled and not st.revoked
        assert st.app_version == __version__
        assert st.last_push_at is not None and st.last_pull_at is not None
        assert st.clock_offset_s is not None and abs(st.clock_offset_s) < 30
        # the phone edited at both stations (and what the link found), counted from JSON
        mine = [c for c in conflicts if c["_owner"] == st.station_id]
        assert st.open_conflicts == sum(not c.get("resolved_at") for c in mine) >= 1
        # the same program twice in November, at two stations
        assert st.open_flags == sum(f["_owner"] == st.station_id for f in flags) == 1
        assert st.waiting == st.open_conflicts + 1
        assert st.unsent == 0  # each station said so on its last sync's first pull
    assert a.months["2026-10"] == CLOSED and a.months["2026-11"] == OPEN
    assert set(b.months.values()) == {OPEN}
    # a hand-out late in the closed month is refused: it waits at the station, which says so
    add_relief(built.a, built.ids["m1"], built.program, issued_on=dt.date(2026, 10, 9))
    assert built.a.sync().statuses == {"rejected": 1}
    with district.engine.connect() as conn:
        a, b = overview(conn, built.district_id, today=dt.date(2026, 11, 20)).stations
    assert (a.unsent, b.unsent) == (1, 0)
    assert a.waiting == 1 + a.open_conflicts + a.open_flags


def test_a_push_sent_again_changes_nothing(district):
    """A station whose replies were lost sends its whole outbox again: every mutation is
    answered as already stored, and the typed tables stay as they were."""
    built = build(district)
    with district.engine.connect() as conn:
        before = typed_snapshot(conn)
    with built.a.engine.begin() as conn:
        sent = conn.execute(text("UPDATE outbox SET state = 'pending' WHERE state = 'done'"))
        assert sent.rowcount > 10
    result = built.a.sync()
    assert set(result.statuses) == {"duplicate"}, result.statuses
    with district.engine.begin() as conn:
        assert typed_snapshot(conn) == before
        rebuild(conn)
        assert typed_snapshot(conn) == before


def test_decisions_at_the_district_close_what_waits(district):
    """A conflict the district resolves and a flag a reviewer decides (both written by the
    server through flush) no longer wait, at either station."""
    built = build(district)
    engine = district.engine
    with engine.connect() as conn:
        open_conflicts = [
            c for c in records(conn, built.district_id, "conflict") if not c.get("resolved_at")
        ]
        flag_ids = [f["id"] for f in records(conn, built.district_id, "dup_flag")]
    for c in open_conflicts:
        if not conflict_records.is_open(load_one(engine, "conflict", c["id"])):
            continue  # closed with a sibling already
        held = c["server_value"] if c["_owner"] == built.a.ctx.station_id else c["local_value"]
        conflict_records.resolve_at_district(engine, built.district_id, c["id"], held)
    with engine.begin() as conn:
        for fid in flag_ids:
            row = load(conn, [("dup_flag", fid)], lock=True)[("dup_flag", fid)]
            change(conn, row, {"decision": "dismissed", "decision_reason": "同一人两站合并前"})
    with engine.connect() as conn:
        view = overview(conn, built.district_id, today=dt.date(2026, 11, 20))
    assert [(s.open_conflicts, s.open_flags) for s in view.stations] == [(0, 0), (0, 0)]


def load_one(engine, entity: str, row_id: str):
    with engine.connect() as conn:
        return load(conn, [(entity, row_id)])[(entity, row_id)]
