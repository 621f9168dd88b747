"""The district console's figures, as typed results: every number is an SQL aggregate over
the read model's tables (tables.py), never JSON read back row by row.

- `overview(conn, district_id)`: 总览, one line per station (last sync, app version, clock
  offset, what waits for a person, the last 12 months closed or open, revoked).
- `monthly(conn, district_id, period, station_id=None)`: 月度汇总 for the district, or one
  station, per station and summed.

Money stays integer fen (`yuan()` formats it with contract/money.py). Rights cases (mediation)
are counted from the typed counts of the station work log for now: a projection of rights
cases can replace `mediation_rows` (see the hook there) when it lands.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import Connection, func, select

from contract.money import fen_to_yuan_text

from ..db import station
from . import tables as t
from .cases import CaseFigures
from .hardship import HardshipFigures

# a month's status in the stations x months grid
CLOSED, MISMATCH, OPEN = "closed", "mismatch", "open"
MONTH_LABELS = {CLOSED: "已结账", MISMATCH: "核对不符", OPEN: "未结账"}


def yuan(fen: int) -> str:
    return fen_to_yuan_text(fen)


@dataclass(frozen=True)
class StationStatus:
    station_id: str
    code: str
    name: str
    revoked: bool
    enrolled: bool
    last_push_at: dt.datetime | None
    last_pull_at: dt.datetime | None
    app_version: str | None
    clock_offset_s: float | None  # station clock minus server clock
    unsent: int | None  # the station's changes not yet accepted (pending or refused), as it said
    open_conflicts: int
    open_flags: int
    months: dict[str, str]  # period -> CLOSED / MISMATCH / OPEN, for Overview.periods

    @property
    def last_sync_at(self) -> dt.datetime | None:
        times = [x for x in (self.last_push_at, self.last_pull_at) if x is not None]
        return max(times) if times else None

    @property
    def waiting(self) -> int:
        """Records waiting: at the station, its changes not yet accepted (as it said at its
        last sync); at the district, open conflicts and undecided duplicate-aid flags."""
        return (self.unsent or 0) + self.open_conflicts + self.open_flags


@dataclass(frozen=True)
class Overview:
    district_id: str
    periods: list[str]  # the last 12 months, oldest first
    stations: list[StationStatus]

    @property
    def revoked(self) -> int:
        return sum(1 for s in self.stations if s.revoked)


@dataclass
class Relief:
    """人次 (issued hand-outs; voids do not count, adjustments add money only) and money."""

    count: int = 0
    cash_fen: int = 0
    goods_value_fen: int = 0
    voided: int = 0
    adjustments: int = 0

    def add(self, other: Relief) -> None:
        self.count += other.count
        self.cash_fen += other.cash_fen
        self.goods_value_fen += other.goods_value_fen
        self.voided += other.voided
        self.adjustments += other.adjustments

    @property
    def total_fen(self) -> int:
        return self.cash_fen + self.goods_value_fen


@dataclass
class ProgramRelief(Relief):
    program_id: str = ""
    code: str = ""
    name: str = ""


@dataclass
class Mediation:
    cases: int = 0
    workers: int = 0
    amount_recovered_fen: int = 0


@dataclass
class Receipts:
    count: int = 0
    first: str = ""  # one station's range; empty on the district's sum
    last: str = ""
    voided: list[str] = field(default_factory=list)


@dataclass
class Figures:
    """One station's month, or the district's (the sum of its stations)."""

    visits: dict[str, int] = field(default_factory=dict)  # visit type -> visits
    relief: Relief = field(default_factory=Relief)
    programs: dict[str, ProgramRelief] = field(default_factory=dict)  # by program id
    mediation: Mediation = field(default_factory=Mediation)
    new_members: dict[str, int] = field(default_factory=dict)  # job group -> members
    new_members_logged: int = 0  # the work log's own count (发展会员 entries)
    receipts: Receipts = field(default_factory=Receipts)
    # issue 17: rights cases and 入会登记 joinings by job group, from the records (cases.py)
    cases: CaseFigures = field(default_factory=CaseFigures)
    intake: dict[str, int] = field(default_factory=dict)
    # issue 16: hardship files and children followed by 金秋助学, from the records (hardship.py)
    hardship: HardshipFigures = field(default_factory=HardshipFigures)

    @property
    def visits_total(self) -> int:
        return sum(self.visits.values())

    @property
    def new_members_total(self) -> int:
        return sum(self.new_members.values())


@dataclass
class StationMonth:
    station_id: str
    code: str
    name: str
    close_status: str  # CLOSED / MISMATCH / OPEN
    figures: Figures = field(default_factory=Figures)


@dataclass
class Monthly:
    district_id: str
    period: str
    station_id: str | None  # None: the whole district
    total: Figures
    stations: list[StationMonth]
    programs: dict[str, tuple[str, str]]  # program id -> (code, name), every program seen
    district_name: str = ""


def last_months(today: dt.date, n: int = 12) -> list[str]:
    """The n months up to today's, oldest first (YYYY-MM)."""
    year, month = today.year, today.month
    out = []
    for _ in range(n):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return out[::-1]


def overview(conn: Connection, district_id: str, *, today: dt.date | None = None) -> Overview:
    periods = last_months(today or dt.datetime.now(dt.UTC).date())
    s = station.c
    rows = conn.execute(
        select(s.id, s.code, s.name, s.revoked, s.enrolled_at)
        .where(s.district_id == district_id)
        .order_by(s.code)
    ).all()
    a = t.station_activity.c
    activity = {
        r[0]: r[1:]
        for r in conn.execute(
            select(
                a.station_id,
                a.last_push_at,
                a.last_pull_at,
                a.app_version,
                a.clock_offset_s,
                a.records_waiting,
            ).where(a.district_id == district_id)
        )
    }
    waiting = _waiting(conn, district_id)
    months = _month_grid(conn, district_id, periods)
    out = []
    for sid, code, name, revoked, enrolled_at in rows:
        push_at, pull_at, version, offset, unsent = activity.get(sid, (None,) * 5)
        out.append(
            StationStatus(
                station_id=sid,
                code=code,
                name=name,
                revoked=bool(revoked),
                enrolled=enrolled_at is not None,
                last_push_at=_aware(push_at),
                last_pull_at=_aware(pull_at),
                app_version=version,
                clock_offset_s=offset,
                unsent=unsent,
                open_conflicts=waiting.get((sid, "conflict"), 0),
                open_flags=waiting.get((sid, "dup_flag"), 0),
                months={p: months.get((sid, p), OPEN) for p in periods},
            )
        )
    return Overview(district_id=district_id, periods=periods, stations=out)


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    """SQLite hands back naive times: they were stored in UTC."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value


def _waiting(conn: Connection, district_id: str) -> dict[tuple[str, str], int]:
    c = t.attention.c
    query = (
        select(c.station_id, c.entity, func.count())
        .where(c.district_id == district_id, c.open.is_(True), c.deleted.is_(False))
        .group_by(c.station_id, c.entity)
    )
    return {(sid, entity): n for sid, entity, n in conn.execute(query)}


def _month_grid(
    conn: Connection, district_id: str, periods: list[str]
) -> dict[tuple[str, str], str]:
    c = t.month_close.c
    query = select(c.station_id, c.period, c.status).where(
        c.district_id == district_id, c.period.in_(periods), c.deleted.is_(False)
    )
    out: dict[tuple[str, str], str] = {}
    for sid, period, status in conn.execute(query):
        mark = CLOSED if status == "confirmed" else MISMATCH
        if out.get((sid, period)) != CLOSED:  # a confirmed close wins over a refused one
            out[(sid, period)] = mark
    return out


def monthly(
    conn: Connection, district_id: str, period: str, station_id: str | None = None
) -> Monthly:
    """月度汇总 of the district (station_id None) or of one of its stations."""
    from .monthly import monthly as compute

    return compute(conn, district_id, period, station_id)
