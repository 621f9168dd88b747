"""A synthetic district for the bench and its test: stations x months of records, written
straight into the record table and, through the real projections, the typed tables (COPY on
PostgreSQL, executemany on SQLite). `Expected` keeps the figures the generator made, counted as
it goes: a second way to the numbers the queries compute."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table, insert, select, update

from contract.enums import JobGroup, VisitType
from contract.protocol import period_of

from ..db import counter, district, record, station
from . import tables as t
from .project import _row
from .queries import last_months
from .registry import Projection, Stored, projections

PROGRAMS = [("SWN", "两节送温暖", "festival"), ("SHJZ", "生活救助", "living")]
JOBS = [j.value for j in JobGroup]
VISITS = [v.value for v in VisitType]


@dataclass
class Shape:
    """Records per station and month."""

    relief: int = 8
    visits: int = 6
    logs: int = 4
    members: int = 3


@dataclass
class Expected:
    """district figures per period, counted while generating."""

    relief_count: Counter[str] = field(default_factory=Counter)  # issued 人次
    cash_fen: Counter[str] = field(default_factory=Counter)  # issued + adjustments
    voided: Counter[str] = field(default_factory=Counter)
    visits: Counter[tuple[str, str]] = field(default_factory=Counter)  # (period, type)
    mediations: Counter[str] = field(default_factory=Counter)
    members: Counter[tuple[str, str]] = field(default_factory=Counter)  # (period, job)
    receipts: Counter[str] = field(default_factory=Counter)
    closed: Counter[str] = field(default_factory=Counter)  # confirmed closes per period
    waiting: int = 0


@dataclass
class Made:
    district_id: str
    station_ids: list[str]
    periods: list[str]
    expected: Expected


def _stamp(period: str, day: int) -> str:
    return f"{period}-{day:02d}"


def _rec(entity: str, rid: str, did: str, owner: str, data: dict[str, Any], deleted: bool = False):
    return Stored(entity, rid, did, owner, deleted, {"id": rid, "station_id": owner, **data})


def _station_month(
    did: str,
    sid: str,
    code: str,
    n: int,
    period: str,
    serial: list[int],
    shape: Shape,
    programs: list[str],
    exp: Expected,
    closed: bool,
) -> Iterator[Stored]:
    year = int(period[:4])
    for i in range(shape.members):
        job = JOBS[(n + i) % len(JOBS)]
        exp.members[(period, job)] += 1
        yield _rec(
            "member",
            uuid.uuid4().hex,
            did,
            sid,
            {
                "job_group": job,
                "membership_status": "active",
                "hardship_category": "none",
                "created_at": f"{_stamp(period, 10)}T08:00:00+00:00",
            },
        )
    for i in range(shape.relief):
        rid, cash = uuid.uuid4().hex, 10000 + 100 * ((n + i) % 50)
        status = "void" if i == shape.relief - 1 and n % 3 == 0 else "issued"
        serial[0] += 1
        number = f"{code}-{year}-{serial[0]:06d}"
        exp.receipts[period] += 1
        if status == "void":
            exp.voided[period] += 1
        else:
            exp.relief_count[period] += 1
            exp.cash_fen[period] += cash
        day = _stamp(period, 1 + i % 27)
        yield _rec(
            "receipt",
            uuid.uuid4().hex,
            did,
            sid,
            {
                "number": number,
                "year": year,
                "serial": serial[0],
                "distribution_id": rid,
                "issued_on": day,
                "voided": status == "void",
            },
        )
        yield _rec(
            "relief",
            rid,
            did,
            sid,
            {
                "member_id": uuid.uuid4().hex,
                "program_id": programs[i % len(programs)],
                "cash_fen": cash,
                "goods_value_fen": 0,
                "issued_on": day,
                "period": period,
                "status": status,
            },
        )
    for i in range(shape.visits):
        kind = VISITS[(n + i) % len(VISITS)]
        exp.visits[(period, kind)] += 1
        yield _rec(
            "visit",
            uuid.uuid4().hex,
            did,
            sid,
            {"visit_type": kind, "visited_on": _stamp(period, 1 + i % 27)},
        )
    for i in range(shape.logs):
        exp.mediations[period] += i % 2
        yield _rec(
            "station_log",
            uuid.uuid4().hex,
            did,
            sid,
            {
                "log_date": _stamp(period, 1 + i % 27),
                "category": "mediation",
                "topic": "wage_arrears",
                "job_group": "courier",
                "visitors": 3,
                "consultations": 1,
                "mediations": i % 2,
                "workers_involved": 2 * (i % 2),
                "amount_recovered_fen": 50000 * (i % 2),
                "new_members": 0,
                "services": 1,
            },
        )
    if closed:
        ok = n % 50 != 0
        exp.closed[period] += ok
        yield _rec(
            "month_close",
            uuid.uuid4().hex,
            did,
            sid,
            {
                "period": period,
                "server_status": "confirmed" if ok else "mismatch",
                "receipt_first": "",
                "receipt_last": "",
                "voided_numbers": [],
                "closed_at": f"{_stamp(period, 28)}T18:00:00+00:00",
            },
        )


class Writer:
    """Buffers rows per table and writes them in bulk (COPY on PostgreSQL)."""

    def __init__(self, conn: Connection, chunk: int = 20000) -> None:
        self.conn, self.chunk = conn, chunk
        self.rows: dict[str, tuple[Table, list[dict[str, Any]]]] = {}
        self.seq = 0
        self.stamp = dt.datetime.now(dt.UTC)

    def add(self, table: Table, row: dict[str, Any]) -> None:
        _, items = self.rows.setdefault(table.name, (table, []))
        items.append(row)
        if len(items) >= self.chunk:
            self.flush(table.name)

    def stored(self, r: Stored) -> None:
        self.seq += 1
        self.add(
            record,
            {
                "entity": r.entity,
                "id": r.id,
                "district_id": r.district_id,
                "owner": r.owner,
                "seq": self.seq,
                "version": 1,
                "deleted": r.deleted,
                "origin": r.owner,
                "last_writer": r.owner,
                "member_id": r.data.get("member_id") if r.entity == "relief" else None,
                "program_id": r.data.get("program_id") if r.entity == "relief" else None,
                "period": period_of(r.entity, r.data),
                "natural_key": r.data.get("number") if r.entity == "receipt" else None,
                "data": json.dumps(r.data, ensure_ascii=False),
                "updated_at": self.stamp,
            },
        )
        for projection in projections(r.entity):
            self.typed(projection, r)

    def typed(self, projection: Projection, r: Stored) -> None:
        row = _row(projection, r)
        if row is not None:
            self.add(projection.table, row)

    def flush(self, name: str | None = None) -> None:
        for key in [name] if name else list(self.rows):
            table, items = self.rows[key]
            if items:
                _bulk(self.conn, table, items)
                items.clear()


def _bulk(conn: Connection, table: Table, items: list[dict[str, Any]]) -> None:
    if conn.dialect.name != "postgresql":
        conn.execute(insert(table), items)
        return
    names = list(items[0])
    raw: Any = conn.connection.driver_connection
    sql = f"COPY {table.name} ({', '.join(names)}) FROM STDIN"
    with raw.cursor() as cur, cur.copy(sql) as copy:
        for item in items:
            copy.write_row([item[n] for n in names])


def generate(
    conn: Connection,
    *,
    stations: int,
    months: int,
    shape: Shape | None = None,
    today: dt.date | None = None,
) -> Made:
    """A new district of `stations` stations with `months` months each, up to today's."""
    shape = shape or Shape()
    today = today or dt.datetime.now(dt.UTC).date()
    did, code = str(uuid.uuid4()), f"B{uuid.uuid4().hex[:8]}"
    now = dt.datetime.now(dt.UTC)
    conn.execute(insert(district).values(id=did, code=code, name="基准测试区", created_at=now))
    w, exp = Writer(conn), Expected()
    w.seq = conn.execute(select(counter.c.value).where(counter.c.name == "seq")).scalar_one()
    programs = []
    for pcode, name, kind in PROGRAMS:
        pid = uuid.uuid4().hex
        programs.append(pid)
        w.stored(
            _rec(
                "fund_program",
                pid,
                did,
                did,
                {"code": pcode, "year": today.year, "name": name, "program_type": kind},
            )
        )
    periods = last_months(today, months)
    ids = []
    for n in range(stations):
        sid, scode = str(uuid.uuid4()), f"{code}{n:05d}"
        ids.append(sid)
        exp.waiting += n % 5
        w.add(
            station,
            {
                "id": sid,
                "district_id": did,
                "code": scode,
                "name": f"第{n + 1}服务站",
                "revoked": n % 97 == 96,
                "receipt_key": "",
                "created_at": now,
                "enrolled_at": now,
            },
        )
        w.add(
            t.station_activity,
            {
                "station_id": sid,
                "district_id": did,
                "last_push_at": now,
                "last_pull_at": now,
                "app_version": "0.1.0",
                "clock_offset_s": float(n % 7 - 3),
                "records_waiting": n % 5,  # counted in Expected.waiting
            },
        )
        serial = [0]
        for period in periods:
            if period.endswith("-01"):
                serial[0] = 0
            closed = period != periods[-1]
            for r in _station_month(
                did, sid, scode, n, period, serial, shape, programs, exp, closed
            ):
                w.stored(r)
        if n % 10 == 0:
            exp.waiting += 1
            w.stored(_rec("conflict", uuid.uuid4().hex, did, sid, {"field": "phone"}))
    w.flush()
    conn.execute(update(counter).where(counter.c.name == "seq").values(value=w.seq))
    return Made(did, ids, periods, exp)
