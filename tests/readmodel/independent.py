"""Figures computed a second way, straight from the record table's JSON in Python (the read
model computes them from typed tables in SQL)."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from typing import Any

from sqlalchemy import Connection, select

from server.db import record, station
from server.readmodel import tables as t


def records(conn: Connection, district_id: str, entity: str) -> list[dict[str, Any]]:
    query = select(record.c.owner, record.c.deleted, record.c.data).where(
        record.c.district_id == district_id, record.c.entity == entity
    )
    out = []
    for owner, deleted, data in conn.execute(query):
        item = json.loads(data)
        item["_owner"], item["_deleted"] = owner, bool(deleted)
        out.append(item)
    return out


def month_figures(conn: Connection, district_id: str, period: str) -> dict[str, Any]:
    """Per station code: visits by type, relief by program (count, cash, goods), mediation,
    new members by job group, receipts (count, first, last, voided)."""
    codes = dict(conn.execute(select(station.c.id, station.c.code)).all())
    out: dict[str, Any] = defaultdict(
        lambda: {
            "visits": Counter(),
            "relief": defaultdict(lambda: [0, 0, 0]),
            "mediation": [0, 0, 0],
            "members": Counter(),
            "receipts": [],
        }
    )
    for v in records(conn, district_id, "visit"):
        if not v["_deleted"] and v["visited_on"][:7] == period:
            out[codes[v["_owner"]]]["visits"][v["visit_type"]] += 1
    for r in records(conn, district_id, "relief"):
        if r["_deleted"] or r["period"] != period or r["status"] == "void":
            continue
        slot = out[codes[r["_owner"]]]["relief"][r["program_id"]]
        slot[0] += r["status"] == "issued"
        slot[1] += r["cash_fen"]
        slot[2] += r["goods_value_fen"]
    for log in records(conn, district_id, "station_log"):
        if not log["_deleted"] and log["log_date"][:7] == period:
            m = out[codes[log["_owner"]]]["mediation"]
            m[0] += log["mediations"]
            m[1] += log["workers_involved"]
            m[2] += log["amount_recovered_fen"]
    for m in records(conn, district_id, "member"):
        if not m["_deleted"] and m["created_at"][:7] == period:
            out[codes[m["_owner"]]]["members"][m["job_group"]] += 1
    for r in records(conn, district_id, "receipt"):
        if not r["_deleted"] and r["issued_on"][:7] == period:
            out[codes[r["_owner"]]]["receipts"].append((r["serial"], r["number"], r["voided"]))
    return out


def typed_snapshot(conn: Connection) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every core typed table, sorted (to compare two ways of filling them)."""
    out = {}
    for table in (
        t.member,
        t.relief,
        t.receipt,
        t.visit,
        t.station_log,
        t.month_close,
        t.program,
        t.attention,
    ):
        rows = conn.execute(select(table)).all()
        out[table.name] = sorted(tuple(r) for r in rows)
    return out
