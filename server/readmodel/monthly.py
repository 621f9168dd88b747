"""月度汇总: one GROUP BY per kind of figure, per station; the district is their sum."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, Table, case, func, select

from ..db import district, station
from . import tables as t
from .cases import case_figures
from .hardship import hardship_figures
from .queries import (
    CLOSED,
    MISMATCH,
    OPEN,
    Figures,
    Monthly,
    ProgramRelief,
    Relief,
    StationMonth,
)


def _where(table: Table, district_id: str, period: str, station_id: str | None) -> list[Any]:
    c = table.c
    out = [c.district_id == district_id, c.period == period, c.deleted.is_(False)]
    if station_id is not None:
        out.append(c.station_id == station_id)
    return out


def monthly(
    conn: Connection, district_id: str, period: str, station_id: str | None = None
) -> Monthly:
    stations = _stations(conn, district_id, station_id)
    closes = _closes(conn, district_id, period, station_id)
    months = {
        sid: StationMonth(sid, code, name, closes.get(sid, OPEN)) for sid, code, name in stations
    }

    def fig(sid: str) -> Figures:
        month = months.get(sid)
        if month is None:  # a record of a station no longer listed (never in practice)
            month = months[sid] = StationMonth(sid, sid, sid, OPEN)
        return month.figures

    for sid, visit_type, n in _visits(conn, district_id, period, station_id):
        fig(sid).visits[visit_type] = n
    programs = _program_names(conn, district_id)
    for sid, program_id, relief in _relief(conn, district_id, period, station_id):
        f = fig(sid)
        code, name = programs.setdefault(program_id, (program_id, program_id))
        f.programs[program_id] = ProgramRelief(
            **vars(relief), program_id=program_id, code=code, name=name
        )
        f.relief.add(relief)
    mediation_rows(conn, district_id, period, station_id, fig)
    case_figures(conn, district_id, period, station_id, fig)  # issue 17: from the records
    hardship_figures(conn, district_id, period, station_id, fig)  # issue 16
    for sid, job_group, n in _new_members(conn, district_id, period, station_id):
        fig(sid).new_members[job_group] = n
    _receipts(conn, district_id, period, station_id, fig)
    ordered = sorted(months.values(), key=lambda m: m.code)
    return Monthly(
        district_id=district_id,
        period=period,
        station_id=station_id,
        total=_sum(m.figures for m in ordered),
        stations=ordered,
        programs=programs,
        district_name=_district_name(conn, district_id),
    )


def _district_name(conn: Connection, district_id: str) -> str:
    c = district.c
    return conn.execute(select(c.name).where(c.id == district_id)).scalar_one_or_none() or ""


def _stations(
    conn: Connection, district_id: str, station_id: str | None
) -> list[tuple[str, str, str]]:
    s = station.c
    query = select(s.id, s.code, s.name).where(s.district_id == district_id)
    if station_id is not None:
        query = query.where(s.id == station_id)
    return [(a, b, c) for a, b, c in conn.execute(query)]


def _closes(
    conn: Connection, district_id: str, period: str, station_id: str | None
) -> dict[str, str]:
    c = t.month_close.c
    query = select(c.station_id, c.status).where(
        *_where(t.month_close, district_id, period, station_id)
    )
    out: dict[str, str] = {}
    for sid, status in conn.execute(query):
        if out.get(sid) != CLOSED:
            out[sid] = CLOSED if status == "confirmed" else MISMATCH
    return out


def _visits(
    conn: Connection, district_id: str, period: str, station_id: str | None
) -> list[tuple[str, str, int]]:
    c = t.visit.c
    query = (
        select(c.station_id, c.visit_type, func.count())
        .where(*_where(t.visit, district_id, period, station_id))
        .group_by(c.station_id, c.visit_type)
    )
    return [(a, b, n) for a, b, n in conn.execute(query)]


def _program_names(conn: Connection, district_id: str) -> dict[str, tuple[str, str]]:
    c = t.program.c
    query = select(c.id, c.code, c.name).where(c.district_id == district_id)
    return {pid: (code, name) for pid, code, name in conn.execute(query)}


def _relief(
    conn: Connection, district_id: str, period: str, station_id: str | None
) -> list[tuple[str, str, Relief]]:
    """Voids do not count; adjustments add money only (contract/summary.py, the same rule
    as the month close)."""
    c = t.relief.c
    live = c.status != "void"

    def when(cond: Any, value: Any) -> Any:
        return func.coalesce(func.sum(case((cond, value), else_=0)), 0)

    query = (
        select(
            c.station_id,
            c.program_id,
            when(c.status == "issued", 1),
            when(live, c.cash_fen),
            when(live, c.goods_value_fen),
            when(c.status == "void", 1),
            when(c.status == "adjustment", 1),
        )
        .where(*_where(t.relief, district_id, period, station_id))
        .group_by(c.station_id, c.program_id)
    )
    return [
        (sid, pid, Relief(int(n), int(cash), int(goods), int(void), int(adj)))
        for sid, pid, n, cash, goods, void, adj in conn.execute(query)
    ]


def mediation_rows(
    conn: Connection, district_id: str, period: str, station_id: str | None, fig: Any
) -> None:
    """Mediation and the work log's member count, from the typed counts of the station work
    log. HOOK: when rights cases are projected (issue 17), count cases, workers and amounts
    recovered from their table here instead of (or beside) the log's counts."""
    c = t.station_log.c
    query = (
        select(
            c.station_id,
            func.coalesce(func.sum(c.mediations), 0),
            func.coalesce(func.sum(c.workers_involved), 0),
            func.coalesce(func.sum(c.amount_recovered_fen), 0),
            func.coalesce(func.sum(c.new_members), 0),
        )
        .where(*_where(t.station_log, district_id, period, station_id))
        .group_by(c.station_id)
    )
    for sid, cases, workers, amount, members in conn.execute(query):
        f = fig(sid)
        f.mediation.cases, f.mediation.workers = int(cases), int(workers)
        f.mediation.amount_recovered_fen = int(amount)
        f.new_members_logged = int(members)


def _new_members(
    conn: Connection, district_id: str, period: str, station_id: str | None
) -> list[tuple[str, str, int]]:
    """Members a station registered that month (the station that made the record)."""
    c = t.member.c
    where = [c.district_id == district_id, c.created_period == period, c.deleted.is_(False)]
    if station_id is not None:
        where.append(c.station_id == station_id)
    query = select(c.station_id, c.job_group, func.count()).where(*where)
    return [(a, b, n) for a, b, n in conn.execute(query.group_by(c.station_id, c.job_group))]


def _receipts(
    conn: Connection, district_id: str, period: str, station_id: str | None, fig: Any
) -> None:
    """Count and first and last number (numbers are zero-padded: text order is serial order
    within a station's year), then the voided numbers."""
    c = t.receipt.c
    where = _where(t.receipt, district_id, period, station_id)
    query = (
        select(c.station_id, func.count(), func.min(c.number), func.max(c.number))
        .where(*where)
        .group_by(c.station_id)
    )
    for sid, n, first, last in conn.execute(query):
        r = fig(sid).receipts
        r.count, r.first, r.last = int(n), first, last
    voided = select(c.station_id, c.number).where(*where, c.voided.is_(True))
    for sid, number in conn.execute(voided.order_by(c.station_id, c.number)):
        fig(sid).receipts.voided.append(number)


def _sum(items: Iterable[Figures]) -> Figures:
    total = Figures()
    for f in items:
        for key, n in f.visits.items():
            total.visits[key] = total.visits.get(key, 0) + n
        total.relief.add(f.relief)
        for pid, p in f.programs.items():
            slot = total.programs.setdefault(
                pid, ProgramRelief(program_id=pid, code=p.code, name=p.name)
            )
            slot.add(p)
        total.mediation.cases += f.mediation.cases
        total.mediation.workers += f.mediation.workers
        total.mediation.amount_recovered_fen += f.mediation.amount_recovered_fen
        for key, n in f.new_members.items():
            total.new_members[key] = total.new_members.get(key, 0) + n
        total.new_members_logged += f.new_members_logged
        total.cases.add(f.cases)
        total.hardship.add(f.hardship)
        for key, n in f.intake.items():
            total.intake[key] = total.intake.get(key, 0) + n
        total.receipts.count += f.receipts.count
        total.receipts.voided += f.receipts.voided
    return total
