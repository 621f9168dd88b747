"""Conflicts held by the district: one record per station that touched the field, closed
together by one resolution (at a station, pushed as its conflict record, or at the district).

The records of one conflict share a key (member id and field) kept in the natural_key column,
so a resolution finds every party's record and each station pulls its own closed.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import Connection, Engine

from contract import rules
from contract.records import RecordError

from .db import record
from .rows import Row, flush, load, now, query_rows


def key_of(data: dict[str, Any]) -> str:
    return f"{data.get('row_id')}|{data.get('field')}"[:64]


def is_open(row: Row) -> bool:
    return not row.data.get("resolved_at")


def siblings(conn: Connection, district_id: str, key: str) -> list[Row]:
    """Every open conflict record of the district with this key."""
    rows = query_rows(
        conn,
        record.c.entity == "conflict",
        record.c.district_id == district_id,
        record.c.natural_key == key,
    )
    return [r for r in rows if is_open(r)]


def close(row: Row, resolution: dict[str, Any]) -> None:
    row.data = {**row.data, **resolution}
    row.version += 1
    row.origin = None  # every party pulls its record closed, the resolving station too
    row.dirty = True


def close_all(
    conn: Connection, district_id: str, first: Row, resolution: dict[str, Any], batch: Any
) -> None:
    """Close `first` and every open record of the same conflict (batch: rows of this push,
    so a record already loaded is changed there, not written twice)."""
    for row in [first, *siblings(conn, district_id, key_of(first.data))]:
        held = batch.get((row.entity, row.id), row)
        if is_open(held):
            close(held, resolution)
            batch[(held.entity, held.id)] = held


def settle(conn: Connection, raised: list[Row]) -> list[Row]:
    """New conflict records, one per id: one already stored (the same field found in conflict
    again at the same version) is updated and opened again, never inserted twice."""
    by_id = {row.id: row for row in raised}
    stored = load(conn, [("conflict", cid) for cid in by_id])
    for cid, row in by_id.items():
        old = stored.get(("conflict", cid))
        if old is not None:
            row.exists, row.version = True, old.version + 1
    return list(by_id.values())


def resolution_record(raw: bytes, row_id: str) -> dict[str, Any]:
    """A station's pushed resolution of its conflict: id, resolved_at, value (the chosen text)."""
    try:
        data = json.loads(raw)
    except ValueError:
        raise RecordError("冲突处理记录无法读取") from None
    if not isinstance(data, dict):
        raise RecordError("冲突处理记录应为对象")
    allowed = {"id", "resolved_at", "value"}
    if set(data) - allowed:
        raise RecordError(f"冲突处理记录含未知字段：{'、'.join(sorted(set(data) - allowed))}")
    if data.get("id") != row_id:
        raise RecordError("记录编号与变更不符")
    stamp = data.get("resolved_at")
    try:
        dt.datetime.fromisoformat(stamp if isinstance(stamp, str) and len(stamp) <= 40 else "")
    except ValueError:
        raise RecordError("冲突处理记录：处理时间应为 ISO 格式") from None
    value = data.get("value")
    if value is not None and (not isinstance(value, str) or len(value) > 500):
        raise RecordError("冲突处理记录：选定的值应为不超过 500 字的文本")
    return {"id": row_id, "resolved_at": stamp, "value": value}


def resolve_at_district(engine: Engine, district_id: str, conflict_id: str, value: Any) -> Row:
    """The district decides: the member's field takes `value` (a new version every station
    pulls) and every party's record of the conflict is closed."""
    with engine.begin() as conn:
        found = load(conn, [("conflict", conflict_id)], lock=True).get(("conflict", conflict_id))
        if found is None or found.district_id != district_id:
            raise RecordError("冲突记录不存在")
        if not is_open(found):
            raise RecordError("这条冲突已经处理过了")
        member_id, name = str(found.data.get("row_id")), str(found.data.get("field"))
        rows = load(conn, [("member", member_id)], lock=True)
        member = rows.get(("member", member_id))
        if member is None:
            raise RecordError("冲突涉及的会员不存在")
        if member.data.get(name) != value:
            stamp = now().isoformat()
            # the district's value passes the rules a station's push would (command or page)
            rules.check("member", {**member.data, name: value})
            member.data = {**member.data, name: value, "updated_at": stamp}
            member.version += 1
            member.origin = member.last_writer = None
            member.dirty = True
        resolution = {"resolved_at": now().isoformat(), "resolved_by": "district", "value": value}
        close_all(conn, district_id, found, resolution, rows)
        flush(conn, list(rows.values()))
    return found


def _mask_name(name: Any) -> str:
    text = str(name or "")
    return text[:1] + "*" * max(len(text) - 1, 1) if text else "（无姓名）"


def listing(engine: Engine, *, include_closed: bool = False) -> list[dict[str, Any]]:
    """The district's conflicts, one entry per member and field, with every party's value:
    names and ID numbers masked (a list for the district office, not a disclosure)."""
    from contract.idnumber import mask

    from .db import reader, station

    with reader(engine).connect() as conn:
        codes = dict(
            conn.execute(station.select().with_only_columns(station.c.id, station.c.code)).all()
        )
        rows = query_rows(conn, record.c.entity == "conflict")
        members = load(conn, [("member", str(r.data.get("row_id"))) for r in rows])
    groups: dict[str, dict[str, Any]] = {}
    for row in sorted(rows, key=lambda r: (str(r.data.get("created_at")), r.id)):
        if not include_closed and not is_open(row):
            continue
        member = members.get(("member", str(row.data.get("row_id"))))
        data = member.data if member is not None else {}
        entry = groups.setdefault(
            key_of(row.data),
            {
                "member": f"{_mask_name(data.get('name'))}（{mask(data.get('id_number'))}）",
                "field": row.data.get("field"),
                "current": data.get(str(row.data.get("field"))),
                "records": [],
            },
        )
        entry["records"].append(
            {
                "id": row.id,
                "station": codes.get(row.owner, row.owner),
                "value": row.data.get("local_value"),
                "resolved_at": row.data.get("resolved_at"),
            }
        )
    return list(groups.values())


def district_of(engine: Engine, conflict_id: str) -> str:
    with engine.connect() as conn:
        found = load(conn, [("conflict", conflict_id)]).get(("conflict", conflict_id))
    if found is None:
        raise RecordError("冲突记录不存在")
    return found.district_id


def value_of_station(engine: Engine, conflict_id: str, station_code: str) -> Any:
    """The value the named station held in this conflict (its own record's local value)."""
    from .db import station

    with engine.connect() as conn:
        found = load(conn, [("conflict", conflict_id)]).get(("conflict", conflict_id))
        if found is None:
            raise RecordError("冲突记录不存在")
        sid = conn.execute(
            station.select().with_only_columns(station.c.id).where(station.c.code == station_code)
        ).scalar()
        for row in [found, *siblings(conn, found.district_id, key_of(found.data))]:
            if row.owner == sid:
                return row.data.get("local_value")
    raise RecordError(f"服务站 {station_code} 不是这条冲突的一方")
