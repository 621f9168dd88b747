"""The district's figures on hardship files and student aid (issue 16), from the records.

rm_hardship_file holds one row per file: its status and category as last synced, and the
months of its first 建档 and of its latest 脱困, 注销 and 返困 (from the file's dated steps).
rm_student holds one row per child followed by 金秋助学. monthly() calls hardship_figures()
to fill Figures.hardship: files in force by category, files by status, and the month's new
files, 脱困, 注销 and 返困. No personal field (name, ID number, household) is projected.

The standing and the moves are counted from rm_hardship_step (hardship_steps.py, s0010): the
files' steps replayed to the month's end in SQL, as the station's own report replays them, so
a past month does not move and a file that recovers twice counts in both months. The period
columns of rm_hardship_file (s0008) are kept as they were; the figures no longer read them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Column, Connection, Index, Integer, String, func, select

from .hardship_steps import step_figures
from .tables import _common, scope


@dataclass
class HardshipFigures:
    """One station's month of hardship files (or the district's sum)."""

    by_category: dict[str, int] = field(default_factory=dict)  # files in force
    by_status: dict[str, int] = field(default_factory=dict)
    new: int = 0
    recovered: int = 0
    cancelled: int = 0
    reopened: int = 0
    studying: int = 0

    def add(self, other: HardshipFigures) -> None:
        for mine, theirs in ((self.by_category, other.by_category),
                             (self.by_status, other.by_status)):  # fmt: skip
            for key, n in theirs.items():
                mine[key] = mine.get(key, 0) + n
        for name in ("new", "recovered", "cancelled", "reopened", "studying"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


hardship_file = _common(
    "rm_hardship_file",
    Column("status", String(16), nullable=False),
    Column("category", String(16), nullable=False),
    Column("household_size", Integer, nullable=False),
    Column("established_period", String(7), nullable=False),
    Column("recovered_period", String(7), nullable=False),
    Column("cancelled_period", String(7), nullable=False),
    Column("reopened_period", String(7), nullable=False),
    indexes=(Index("ix_rm_hardship_file_station", "district_id", "station_id"),),
)

student = _common(
    "rm_student",
    Column("status", String(16), nullable=False),
    Column("stage", String(32), nullable=False),
    indexes=(Index("ix_rm_student_station", "district_id", "station_id"),),
)

PERIOD_OF_STEP = {
    "recover": "recovered_period",
    "cancel": "cancelled_period",
    "reopen": "reopened_period",
}


def _text(value: Any, width: int) -> str:
    return value[:width] if isinstance(value, str) else ""


def file_columns(data: dict[str, Any]) -> dict[str, Any]:
    """The typed columns of one stored hardship file."""
    out = {
        "status": _text(data.get("status"), 16),
        "category": _text(data.get("category"), 16),
        "household_size": len(data.get("household") or []),
        "established_period": "",
        **dict.fromkeys(PERIOD_OF_STEP.values(), ""),
    }
    for step in data.get("steps") or []:
        if not isinstance(step, dict):
            continue
        period = _text(step.get("on"), 7)
        if step.get("step") == "establish" and not out["established_period"]:
            out["established_period"] = period
        elif step.get("step") in PERIOD_OF_STEP:
            out[PERIOD_OF_STEP[step["step"]]] = period
    return out


def student_columns(data: dict[str, Any]) -> dict[str, Any]:
    return {"status": _text(data.get("status"), 16), "stage": _text(data.get("stage"), 32)}


def hardship_figures(
    conn: Connection,
    district_id: str,
    period: str,
    station_id: str | None,
    fig: Callable[[str], Any],
) -> None:
    """Figures.hardship of each station for the month (SQL aggregates): the files' standing
    at the month's end and the month's moves from their steps, the children studying now."""
    step_figures(conn, district_id, period, station_id, fig)
    s = student.c
    query = select(s.station_id, func.count()).where(
        *scope(student, district_id, station_id), s.status == "studying"
    )
    for sid, n in conn.execute(query.group_by(s.station_id)):
        fig(sid).hardship.studying = int(n)
