"""The bench's district, tiny and on SQLite: 总览 and 月度汇总 agree with what the generator
counted as it wrote the records, and with a rebuild of the typed tables from the records
(the time is the bench's business, not CI's)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from server.db import make_engine, migrate
from server.readmodel import bench
from server.readmodel.bench_data import generate
from server.readmodel.project import rebuild
from server.readmodel.queries import CLOSED, monthly, overview

from .independent import month_figures, typed_snapshot

TODAY = dt.date(2026, 11, 20)


def test_bench_figures_are_right(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'bench.sqlite3'}"
    migrate(url)
    engine = make_engine(url)
    with engine.begin() as conn:
        made = generate(conn, stations=20, months=2, today=TODAY)
    exp, did = made.expected, made.district_id
    assert made.periods == ["2026-10", "2026-11"]
    with engine.begin() as conn:
        view = overview(conn, did, today=TODAY)
        assert len(view.stations) == 20 and view.revoked == 0
        assert sum(s.waiting for s in view.stations) == exp.waiting == 2 + 40
        closed = sum(s.months["2026-10"] == CLOSED for s in view.stations)
        assert closed == exp.closed["2026-10"] == 19  # one station's close did not match
        for period in made.periods:
            m = monthly(conn, did, period)
            f = m.total
            assert f.relief.count == exp.relief_count[period]
            assert f.relief.cash_fen == exp.cash_fen[period]
            assert f.relief.voided == exp.voided[period]
            assert f.receipts.count == exp.receipts[period]
            assert f.mediation.cases == exp.mediations[period]
            assert f.visits == {k: n for (p, k), n in exp.visits.items() if p == period}
            assert f.new_members == {k: n for (p, k), n in exp.members.items() if p == period}
            want = month_figures(conn, did, period)  # from the records' JSON
            for s in m.stations:
                assert s.figures.visits == dict(want[s.code]["visits"])
                assert s.figures.receipts.count == len(want[s.code]["receipts"])
            one = monthly(conn, did, period, made.station_ids[3])
            assert one.total.relief.cash_fen == m.stations[3].figures.relief.cash_fen
        before = typed_snapshot(conn)
        rebuild(conn, did)
        assert typed_snapshot(conn) == before


def test_bench_command_prints_the_medians(tmp_path: Path, capsys) -> None:
    url = f"sqlite:///{tmp_path / 'bench.sqlite3'}"
    code = bench.main(["--stations", "5", "--months", "2", "--runs", "2", "--database-url", url])
    out = capsys.readouterr().out
    assert code == 0, out
    for name in ("总览", "月度汇总（全区）", "月度汇总（单站）"):
        assert f"{name}：中位数" in out
    assert out.count("目标 500 ms") == 3
