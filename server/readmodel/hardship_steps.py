"""The steps of each hardship file, one typed row per step (issue 16 follow-up, s0010).

The station's monthly report replays a file's dated steps to the month's end
(contract/hardship.standing), so a closed month's figures never move. rm_hardship_step lets the
district do the same in SQL: one row per step (the file's id and the step's place in its list,
the day, the kind), with the status the step sets ('' for one that leaves it, as 年审 does) and
the category it records ('' when none). A file's standing at a day is then the status of its
latest step (in the file's order) before that day that sets one, and the category of its
latest such step that records one ('none' if none did), exactly as standing() reads them. The
month's new files, 脱困, 注销 and 返困 are its steps of those kinds, each one counted.
No personal field is projected.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Index,
    Integer,
    String,
    Table,
    and_,
    func,
    select,
)

from contract import hardship as hr

from ..db import metadata as read_metadata
from .tables import scope

hardship_step = Table(
    "rm_hardship_step",
    read_metadata,
    Column("id", String(64), primary_key=True),  # the file's id
    Column("seq", Integer, primary_key=True, autoincrement=False),  # place in the file's steps
    Column("district_id", String(36), nullable=False),
    Column("station_id", String(36), nullable=False),
    Column("deleted", Boolean, nullable=False, default=False),
    Column("day", String(10), nullable=False),
    Column("step", String(16), nullable=False),
    Column("sets_status", String(16), nullable=False),
    Column("sets_category", String(16), nullable=False),
    Index("ix_rm_hardship_step_day", "district_id", "day", "station_id"),
)

# the month's moves: Figures.hardship field <- step kind
MOVES = {"new": "establish", "recovered": "recover", "cancelled": "cancel", "reopened": "reopen"}


def step_rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The typed rows of one stored hardship file's steps (a step without a day is left out:
    the station's replay never counts it either)."""
    out = []
    for seq, step in enumerate(data.get("steps") or []):
        if not isinstance(step, dict) or not isinstance(step.get("on"), str):
            continue
        kind = str(step.get("step") or "")
        category = step.get("category")
        out.append(
            {
                "seq": seq,
                "day": step["on"][:10],
                "step": kind[:16],
                "sets_status": hr.STATUS_AFTER.get(kind, ""),
                "sets_category": str(category)[:16] if category else "",
            }
        )
    return out


def month_bounds(period: str) -> tuple[str, str]:
    """The first day of a month (YYYY-MM) and of the next, as ISO text."""
    first = dt.date.fromisoformat(f"{period}-01")
    after = (first + dt.timedelta(days=32)).replace(day=1)
    return first.isoformat(), after.isoformat()


def _scope(district_id: str, station_id: str | None) -> list[Any]:
    return scope(hardship_step, district_id, station_id)


def _latest(scope: list[Any], until: str, column: Any) -> Any:
    """Per file, the place of its latest step before `until` that sets `column`."""
    c = hardship_step.c
    return (
        select(c.id, func.max(c.seq).label("seq"))
        .where(*scope, c.day < until, column != "")
        .group_by(c.id)
        .subquery()
    )


def standing_counts(
    conn: Connection, district_id: str, station_id: str | None, until: str
) -> list[tuple[str, str, str, int]]:
    """(station, status, category, files) of the files standing at the start of `until`."""
    c = hardship_step.c
    scope = _scope(district_id, station_id)
    status_at = _latest(scope, until, c.sets_status)
    category_at = _latest(scope, until, c.sets_category)
    st, ct = hardship_step.alias("st"), hardship_step.alias("ct")
    category = func.coalesce(ct.c.sets_category, hr.NONE)
    joined = (
        status_at.join(st, and_(st.c.id == status_at.c.id, st.c.seq == status_at.c.seq))
        .outerjoin(category_at, category_at.c.id == status_at.c.id)
        .outerjoin(ct, and_(ct.c.id == category_at.c.id, ct.c.seq == category_at.c.seq))
    )
    query = (
        select(st.c.station_id, st.c.sets_status, category, func.count())
        .select_from(joined)
        .group_by(st.c.station_id, st.c.sets_status, category)
    )
    return [(sid, status, cat, int(n)) for sid, status, cat, n in conn.execute(query)]


def move_counts(
    conn: Connection, district_id: str, station_id: str | None, start: str, until: str
) -> list[tuple[str, str, int]]:
    """(station, step kind, steps) of the month's 建档, 脱困, 注销 and 返困 steps."""
    c = hardship_step.c
    query = (
        select(c.station_id, c.step, func.count())
        .where(
            *_scope(district_id, station_id),
            c.day >= start,
            c.day < until,
            c.step.in_(list(MOVES.values())),
        )
        .group_by(c.station_id, c.step)
    )
    return [(sid, kind, int(n)) for sid, kind, n in conn.execute(query)]


def step_figures(
    conn: Connection,
    district_id: str,
    period: str,
    station_id: str | None,
    fig: Callable[[str], Any],
) -> None:
    """Figures.hardship's files by status and by category (in force) at the month's end, and
    the month's moves, of each station."""
    start, until = month_bounds(period)
    for sid, status, category, n in standing_counts(conn, district_id, station_id, until):
        h = fig(sid).hardship
        h.by_status[status] = h.by_status.get(status, 0) + n
        if status == hr.ESTABLISHED:
            h.by_category[category] = h.by_category.get(category, 0) + n
    field_of = {kind: name for name, kind in MOVES.items()}
    for sid, kind, n in move_counts(conn, district_id, station_id, start, until):
        h = fig(sid).hardship
        setattr(h, field_of[kind], getattr(h, field_of[kind]) + n)
