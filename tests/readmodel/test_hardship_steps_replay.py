"""Property: for any files' step lists (dates out of order, several closings and reopenings,
reviews changing the category, deleted files, two stations), the district's SQL over
rm_hardship_step gives, for every month, the figures the station's report computes by
replaying the steps with contract/hardship.standing (desktop/reports/hardship_month.py)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as s
from sqlalchemy import Connection, Engine, delete

from contract import hardship as hr
from server.db import make_engine, migrate
from server.readmodel.hardship import HardshipFigures
from server.readmodel.hardship_steps import hardship_step, month_bounds, step_figures
from server.readmodel.project import project
from server.readmodel.registry import Stored

DISTRICT_ID = "d-1"
PERIODS = [f"2025-{m:02d}" for m in range(8, 13)] + ["2026-01", "2026-02"]
KINDS = ["apply", "verify", "publish", "establish", "review", "recover", "cancel", "reopen"]
MOVES = {"new": "establish", "recovered": "recover", "cancelled": "cancel", "reopened": "reopen"}

step = s.fixed_dictionaries(
    {
        "step": s.sampled_from(KINDS),
        "on": s.dates(dt.date(2025, 7, 20), dt.date(2026, 2, 10)).map(dt.date.isoformat),
    },
    optional={"category": s.sampled_from([*hr.CATEGORIES, hr.NONE, ""])},
)
hardship_files = s.lists(
    s.tuples(s.sampled_from(["st-a", "st-b"]), s.booleans(), s.lists(step, max_size=9)),
    max_size=6,
)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    url = f"sqlite:///{Path(tmp_path_factory.mktemp('replay')) / 'server.sqlite3'}"
    migrate(url)
    eng = make_engine(url)
    yield eng
    eng.dispose()


class _Month:
    def __init__(self) -> None:
        self.hardship = HardshipFigures()


def _replayed(files: list[tuple[str, bool, list[dict[str, Any]]]], period: str) -> dict:
    """The station's way (hardship_month.hardship_figures), per station."""
    start, end = (dt.date.fromisoformat(d) for d in month_bounds(period))
    out: dict[str, Any] = {}
    for owner, deleted, steps in files:
        now = hr.standing(steps, end)
        if deleted or now is None:
            continue
        h = out.setdefault(owner, HardshipFigures())
        h.by_status[now[0]] = h.by_status.get(now[0], 0) + 1
        if now[0] == hr.ESTABLISHED:
            h.by_category[now[1]] = h.by_category.get(now[1], 0) + 1
        moves = Counter(x["step"] for x in steps if start <= dt.date.fromisoformat(x["on"]) < end)
        for name, kind in MOVES.items():
            setattr(h, name, getattr(h, name) + moves[kind])
    return out


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(files=hardship_files)
def test_sql_equals_the_stations_replay_every_month(engine: Engine, files) -> None:
    stored = [
        Stored("hardship_file", f"f-{n}", DISTRICT_ID, owner, deleted, {"steps": steps})
        for n, (owner, deleted, steps) in enumerate(files)
    ]
    with engine.begin() as conn:
        conn.execute(delete(hardship_step))
        project(conn, stored)
        for period in PERIODS:
            got = _district(conn, period)
            want = {sid: h for sid, h in _replayed(files, period).items() if h != HardshipFigures()}
            assert got == want, period


def _district(conn: Connection, period: str) -> dict[str, HardshipFigures]:
    """The district's way (step_figures over rm_hardship_step), per station."""
    months: dict[str, _Month] = {}
    step_figures(conn, DISTRICT_ID, period, None, lambda sid: months.setdefault(sid, _Month()))
    return {sid: m.hardship for sid, m in months.items() if m.hardship != HardshipFigures()}
