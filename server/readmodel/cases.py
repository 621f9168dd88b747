"""The district's figures on rights cases and membership intake (issue 17), from the records.

rm_rights_case holds one row per case with the months it counts in: the month it was accepted
and the month of its mediation outcome (contract/cases.py concluded(): agreed, referred to
arbitration or withdrawn), with the workers and the amount recovered counted in the latter.
rm_member_intake holds one row per joining or transfer. monthly() (monthly.py) calls
case_figures() to fill Figures.cases and Figures.intake beside the work log's typed counts,
which stay as they were (walk-in advice that needed no case).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import BigInteger, Column, Connection, Index, Integer, String, func, select

from contract import cases as rules

from .tables import _common, scope


@dataclass
class CaseFigures:
    """One station's month of rights cases (or the district's sum)."""

    accepted: int = 0
    concluded: int = 0
    agreed: int = 0
    arbitration: int = 0
    workers: int = 0
    recovered_fen: int = 0

    def add(self, other: CaseFigures) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))


rights_case = _common(
    "rm_rights_case",
    Column("status", String(16), nullable=False),
    Column("source", String(16), nullable=False),
    Column("dispute_type", String(32), nullable=False),
    Column("accepted_period", String(7), nullable=False),
    Column("concluded_period", String(7), nullable=False),
    Column("outcome", String(16), nullable=False),
    Column("worker_count", Integer, nullable=False),
    Column("claimed_fen", BigInteger, nullable=False),
    Column("recovered_fen", BigInteger, nullable=False),
    indexes=(
        Index("ix_rm_rights_case_accepted", "district_id", "accepted_period", "station_id"),
        Index("ix_rm_rights_case_concluded", "district_id", "concluded_period", "station_id"),
    ),
)

member_intake = _common(
    "rm_member_intake",
    Column("kind", String(16), nullable=False),
    Column("period", String(7), nullable=False),
    Column("job_group", String(32), nullable=False),
    indexes=(Index("ix_rm_member_intake_period", "district_id", "period", "station_id"),),
)


def _text(value: Any, width: int) -> str:
    return value[:width] if isinstance(value, str) else ""


def _int(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def case_columns(data: dict[str, Any]) -> dict[str, Any]:
    """The typed columns of one stored rights case."""
    outcome = rules.concluded(data.get("history") or [])
    return {
        "status": _text(data.get("status"), 16),
        "source": _text(data.get("source"), 16),
        "dispute_type": _text(data.get("dispute_type"), 32),
        "accepted_period": _text(data.get("accepted_on"), 7),
        "concluded_period": outcome[1][:7] if outcome else "",
        "outcome": outcome[0] if outcome else "",
        "worker_count": _int(data.get("worker_count")),
        "claimed_fen": _int(data.get("claimed_fen")),
        "recovered_fen": _int(data.get("recovered_fen")),
    }


def intake_columns(data: dict[str, Any]) -> dict[str, Any]:
    return {
        "kind": _text(data.get("kind"), 16),
        "period": _text(data.get("on_date"), 7),
        "job_group": _text(data.get("job_group"), 32),
    }


def case_figures(
    conn: Connection,
    district_id: str,
    period: str,
    station_id: str | None,
    fig: Callable[[str], Any],
) -> None:
    """Figures.cases and Figures.intake of each station for the month (SQL aggregates)."""
    c = rights_case.c
    accepted = (
        select(c.station_id, func.count())
        .where(*scope(rights_case, district_id, station_id), c.accepted_period == period)
        .group_by(c.station_id)
    )
    for sid, n in conn.execute(accepted):
        fig(sid).cases.accepted = int(n)
    concluded = (
        select(
            c.station_id,
            c.outcome,
            func.count(),
            func.coalesce(func.sum(c.worker_count), 0),
            func.coalesce(func.sum(c.recovered_fen), 0),
        )
        .where(*scope(rights_case, district_id, station_id), c.concluded_period == period)
        .group_by(c.station_id, c.outcome)
    )
    for sid, outcome, n, workers, recovered in conn.execute(concluded):
        f = fig(sid).cases
        f.concluded += int(n)
        f.workers += int(workers)
        f.recovered_fen += int(recovered)
        if outcome in ("agreed", "arbitration"):
            setattr(f, outcome, getattr(f, outcome) + int(n))
    i = member_intake.c
    joined = (
        select(i.station_id, i.job_group, func.count())
        .where(*scope(member_intake, district_id, station_id), i.period == period)
        .where(i.kind == "join")
        .group_by(i.station_id, i.job_group)
    )
    for sid, job_group, n in conn.execute(joined):
        fig(sid).intake[job_group or "other"] = int(n)
