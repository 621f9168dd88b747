"""What the server adds after a push: month-close verdicts, duplicate-aid flags, conflicts.

These are rows like any other, owned by the station that must see them, so they reach the
stations through the same cursor as the data (nothing is pushed to a station out of band).
"""

from __future__ import annotations

import hashlib
import uuid
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, insert, select
from sqlalchemy import text as sql_text

from contract.summary import differences, period_summary

from .db import MEMBER_KEY, closed_period, record
from .rows import Row, now, query_rows, relief_of, select_in

NAMESPACE = uuid.UUID("6f1c9a52-3c1e-4c55-9a3e-5d0b7b1f2a10")


def stable_id(*parts: str) -> str:
    """The same finding always gets the same id: re-detecting it updates, never doubles."""
    return str(uuid.uuid5(NAMESPACE, "|".join(parts)))


def members_by_id_number(
    conn: Connection, district_id: str, numbers: Iterable[Any]
) -> dict[str, str]:
    """ID number -> the member record holding it in the district, one query per 500.

    The condition of the partial index uq_record_member_id_number is spelled out as literal
    SQL, exactly as the index states it, so SQLite and PostgreSQL (also with a generic plan
    of a prepared statement, where a bound 'member' would prove nothing) can use the index."""
    wanted = sorted({n for n in numbers if isinstance(n, str) and n})
    sql = (
        f"SELECT natural_key, id FROM record WHERE district_id = {{m}} AND {MEMBER_KEY} "
        "AND natural_key IN ({in})"
    )
    found: dict[str, str] = {}
    for key, row_id in select_in(conn, sql, (district_id,), wanted):
        found.setdefault(key, row_id)
    return found


def conflict_row(
    row: Row, name: str, station: str, local: Any, remote: Any, district_id: str
) -> Row:
    def text(value: Any) -> str | None:
        return None if value is None else value if isinstance(value, str) else str(value)

    cid = stable_id("conflict", row.id, name, str(row.version), station)
    data = {
        "id": cid,
        "entity": row.entity,
        "row_id": row.id,
        "field": name,
        "local_value": text(local),
        "server_value": text(remote),
        "server_version": row.version,
        "created_at": now().isoformat(),
    }
    return Row(
        entity="conflict",
        id=cid,
        district_id=district_id,
        owner=station,
        version=1,
        deleted=False,
        data=data,
        dirty=True,
    )


def _overlay(
    db_rows: list[Row], batch: dict[tuple[str, str], Row], entity: str, keep: Any
) -> list[Row]:
    merged = {r.id: r for r in db_rows}
    for (kind, _), row in batch.items():
        if kind == entity and keep(row):
            merged[row.id] = row
    return list(merged.values())


def after_push(conn: Connection, batch: dict[tuple[str, str], Row], auth: Any) -> list[Row]:
    """Judge month closes and look for duplicate aid among the rows this push changed."""
    extra: list[Row] = []
    for (entity, _), row in list(batch.items()):
        if entity == "month_close" and row.dirty and not row.deleted:
            _judge_month(conn, batch, row)
    pairs = {
        (r.data.get("member_id"), r.data.get("program_id"))
        for (entity, _), r in batch.items()
        if entity == "relief" and r.dirty
    }
    checked: set[tuple[str, str]] = {
        (m, p) for m, p in pairs if isinstance(m, str) and isinstance(p, str)
    }
    if checked:
        _lock_pairs(conn, checked)
        extra += _flags(conn, batch, checked, auth.district_id)
    return extra


PAIR_LOCK_CLASS = 4201  # advisory lock space (two-int form) for duplicate-aid checks


def _lock_pairs(conn: Connection, pairs: set[tuple[str, str]]) -> None:
    """Serialise the duplicate-aid check per (member, program) on PostgreSQL.

    Without it two stations pushing the same grant at the same moment (two server processes,
    or two requests of one) each look for the other's relief before it is committed, and
    neither flags the duplicate (tests/sync/test_two_processes.py). The transaction-scoped
    lock waits for the other push to commit; the next statement then sees its rows (READ
    COMMITTED). Locks are taken in one sorted pass, after the row locks and before the
    cursor counter, so pushes cannot wait on each other in a cycle. SQLite needs nothing:
    BEGIN IMMEDIATE already runs one push at a time.
    """
    if conn.engine.dialect.name != "postgresql":
        return
    keys = sorted(
        {
            int.from_bytes(
                hashlib.blake2b(f"{m}|{p}".encode(), digest_size=4).digest(), "big", signed=True
            )
            for m, p in pairs
        }
    )
    conn.execute(
        sql_text(
            "SELECT count(pg_advisory_xact_lock(:cls, k)) FROM unnest(CAST(:keys AS int[])) k"
        ),
        {"cls": PAIR_LOCK_CLASS, "keys": keys},
    )


def _judge_month(conn: Connection, batch: dict[tuple[str, str], Row], close: Row) -> None:
    """Recompute the station's month from what the district holds; confirm or name the gap."""
    period = str(close.data.get("period"))
    owner = close.owner

    def of_month(entity: str) -> list[dict[str, Any]]:
        db_rows = query_rows(
            conn, record.c.owner == owner, record.c.entity == entity, record.c.period == period
        )
        rows = _overlay(
            db_rows,
            batch,
            entity,
            lambda r: r.owner == owner and r.index_columns()["period"] == period,
        )
        return [r.data for r in rows if not r.deleted]

    relief = of_month("relief")
    codes = {
        pid: str(p.get("code"))
        for pid, p in _programs(conn, {str(r.get("program_id")) for r in relief}).items()
    }
    computed = period_summary(
        period,
        relief,
        of_month("receipt"),
        visits=len(of_month("visit")),
        log_entries=len(of_month("station_log")),
        program_codes=codes,
    )
    lines = differences(close.data.get("totals") or {}, computed)
    verdict = "mismatch" if lines else "confirmed"
    message = "；".join(lines) if lines else "区里核对一致，本月已锁定"
    close.data = {**close.data, "server_status": verdict, "server_message": message}
    close.origin = None  # the station must pull the verdict
    if verdict == "confirmed":
        exists = conn.execute(
            select(closed_period.c.period).where(
                closed_period.c.station_id == owner, closed_period.c.period == period
            )
        ).first()
        if not exists:
            conn.execute(
                insert(closed_period).values(station_id=owner, period=period, closed_at=now())
            )


def _programs(conn: Connection, ids: set[str]) -> dict[str, dict[str, Any]]:
    rows = query_rows(conn, record.c.entity == "fund_program", record.c.id.in_(sorted(ids)))
    return {r.id: r.data for r in rows}


def _flags(
    conn: Connection,
    batch: dict[tuple[str, str], Row],
    pairs: set[tuple[str, str]],
    district_id: str,
) -> list[Row]:
    """不得重复救助: the same program twice in a month at two stations, more times in a year
    than the program allows, or more money than its annual cap, across the whole district."""
    rows = _overlay(
        relief_of(conn, pairs),
        batch,
        "relief",
        lambda r: (r.data.get("member_id"), r.data.get("program_id")) in pairs,
    )
    rows = [r for r in rows if r.district_id == district_id and not r.deleted]
    gone = _flag_ids(rows)  # every flag these hand-outs could have raised
    rows = [r for r in rows if r.data.get("status") != "void"]  # a voided one is none
    programs = _programs(conn, {p for _, p in pairs})
    groups: dict[tuple[str, str, str], list[Row]] = defaultdict(list)
    for r in rows:
        groups[
            (r.data["member_id"], r.data["program_id"], str(r.data.get("period", ""))[:4])
        ].append(r)
    findings: list[tuple[str, str, str, str, str, list[Row]]] = []
    for (member_id, program_id, year), items in groups.items():
        rules = programs.get(program_id, {})
        handed = [r for r in items if r.data.get("status", "issued") == "issued"]
        by_month: dict[str, list[Row]] = defaultdict(list)
        for r in handed:  # an adjustment corrects a hand-out; it is not one more
            by_month[str(r.data.get("period"))].append(r)
        for month, month_rows in by_month.items():
            if len({r.owner for r in month_rows}) > 1:
                findings.append(
                    (
                        member_id,
                        program_id,
                        month,
                        "month",
                        "同一会员同月在多个服务站领取同一项目",
                        month_rows,
                    )
                )
        times = rules.get("max_times_per_year")
        if isinstance(times, int) and len(handed) > times:
            findings.append(
                (
                    member_id,
                    program_id,
                    year,
                    "times",
                    f"全区本年度已领取 {len(handed)} 次，超过项目上限 {times} 次",
                    handed,
                )
            )
        cap = rules.get("annual_cap_fen")
        total = sum(
            int(r.data.get("cash_fen") or 0) + int(r.data.get("goods_value_fen") or 0)
            for r in items
        )
        if isinstance(cap, int) and total > cap:
            findings.append(
                (
                    member_id,
                    program_id,
                    year,
                    "cap",
                    f"全区本年度累计 {_yuan(total)} 元，超过项目年度上限 {_yuan(cap)} 元",
                    items,
                )
            )
    return _flag_rows(conn, findings, district_id, gone)


def _flag_ids(rows: list[Row]) -> set[tuple[str, str]]:
    """The ids of every flag the rule could raise over these relief rows (flag ids are stable:
    member, program, period, rule, station), to withdraw those that no longer hold."""
    keys = set()
    for r in rows:
        member, program = str(r.data.get("member_id")), str(r.data.get("program_id"))
        month = str(r.data.get("period", ""))
        for period, rule in ((month, "month"), (month[:4], "times"), (month[:4], "cap")):
            keys.add(("dup_flag", stable_id("flag", member, program, period, rule, r.owner)))
    return keys


def _withdrawn(existing: dict[tuple[str, str], Row], keys: set[tuple[str, str]]) -> list[Row]:
    """Flags whose finding no longer holds, as tombstones the stations pull and drop."""
    out = []
    for key in sorted(keys):
        old = existing.get(key)
        if old is not None and not old.deleted:
            old.deleted, old.version, old.dirty = True, old.version + 1, True
            old.data = {**old.data, "deleted": True}
            out.append(old)
    return out


def _yuan(fen: int) -> str:
    """Exact yuan for a flag's reason (integer arithmetic: no float on money)."""
    sign = "-" if fen < 0 else ""
    return f"{sign}{abs(fen) // 100}.{abs(fen) % 100:02d}"


def _flag_rows(
    conn: Connection,
    findings: list[tuple[str, str, str, str, str, list[Row]]],
    district_id: str,
    candidates: set[tuple[str, str]],
) -> list[Row]:
    wanted: dict[tuple[str, str], Row] = {}
    for member_id, program_id, period, rule, reason, items in findings:
        ids = sorted(r.id for r in items)
        for station in sorted({r.owner for r in items}):
            fid = stable_id("flag", member_id, program_id, period, rule, station)
            data = {
                "id": fid,
                "member_id": member_id,
                "program_id": program_id,
                "period": period,
                "reason": reason,
                "distribution_ids": ids,
                "created_at": now().isoformat(),
            }
            wanted[("dup_flag", fid)] = Row(
                entity="dup_flag",
                id=fid,
                district_id=district_id,
                owner=station,
                version=1,
                deleted=False,
                data=data,
                dirty=True,
            )
    from .rows import load

    existing = load(conn, set(wanted) | candidates)
    out = _withdrawn(existing, set(candidates) - set(wanted))
    for key, row in wanted.items():
        old = existing.get(key)
        if old is not None:
            if (
                old.data.get("distribution_ids") == row.data["distribution_ids"]
                and old.data.get("reason") == row.data["reason"]
            ):
                continue
            row.exists, row.version = True, old.version + 1
            row.data["created_at"] = old.data.get("created_at", row.data["created_at"])
        out.append(row)
    return out
