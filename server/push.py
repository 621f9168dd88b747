"""Applying a station's pushed batch: idempotent per mutation, scoped, merged field by field.

Every decision is made against the rows as stored, inside one transaction. A retried batch
finds its mutation ids already recorded and gets the same answers back as `duplicate`, so a
reply lost on the way home never doubles anything.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

import msgspec
from sqlalchemy import Connection, Engine, func, select

from contract import protocol, rules
from contract.protocol import DISTRICT_ONLY, LINK_PROTOCOL, OWNED, RESOLVABLE, SHARED
from contract.records import RecordError, check_whole, clean_wire
from contract.schema import COLUMNS
from contract.sqlbind import placeholder
from contract.wire import Mutation, PushRequest, push_from_model

from . import conflicts as conflict_records
from . import derived, identity
from .answers import Answer, PushReply, answer_again, linked_answers
from .db import closed_period, is_postgres, mutation
from .judge import Judge
from .rows import Row, flush, load, now, processed, select_in


@dataclass(frozen=True)
class StationAuth:
    """The station a request's token belongs to: its scope, whatever the request says."""

    station_id: str
    district_id: str
    code: str


class Batch:
    """The rows one push touches, changed in memory and written once at the end."""

    def __init__(
        self,
        conn: Connection,
        auth: StationAuth,
        rows: dict[tuple[str, str], Row],
        judge: Judge,
        id_numbers: dict[str, str],
        *,
        protocol: int = LINK_PROTOCOL,
        aliases: dict[str, str] | None = None,
    ) -> None:
        self.conn = conn
        self.auth = auth
        self.rows = rows
        self.judge = judge
        self.id_numbers = id_numbers  # ID number -> member id, kept current as rows change
        self.protocol = protocol
        self.aliases = aliases or {}  # a station's member id -> the district's member id
        self.new_aliases: dict[str, str] = {}
        self.new_conflicts: list[Row] = []

    def _claim_id_number(self, member_id: str, number: Any, previous: Any = None) -> None:
        """One member per ID number in a district (the database's unique index agrees)."""
        if number == previous or not isinstance(number, str) or not number:
            return
        holder = self.id_numbers.get(number)
        if holder is not None and holder != member_id:
            raise RecordError(f"身份证号已由其他服务站登记为会员（编号 {holder}）")
        if isinstance(previous, str) and self.id_numbers.get(previous) == member_id:
            del self.id_numbers[previous]
        self.id_numbers[number] = member_id

    def apply(self, m: Mutation, data: dict[str, Any] | RecordError) -> Answer:
        """One mutation, given its record as checked by checked_record (or the refusal)."""
        if isinstance(data, RecordError):
            return Answer(mutation_id=m.mutation_id, status="rejected", error=str(data))
        try:
            return self._apply(m, data)
        except RecordError as exc:
            error = str(_named(m.entity, exc))
            return Answer(mutation_id=m.mutation_id, status="rejected", error=error)

    def _apply(self, m: Mutation, data: dict[str, Any]) -> Answer:
        me = self.auth.station_id
        if m.op == "delete":
            data["deleted"] = True
        if self.aliases:
            self._through_aliases(m, data)
        if m.entity in RESOLVABLE:
            return self._resolve(m, data)
        current = self.rows.get((m.entity, m.row_id))
        if current is not None and current.district_id != self.auth.district_id:
            raise RecordError("无权修改其他区的数据")
        if m.entity in OWNED:
            self._scope(m, data, current)
        self.judge.check(m, data, current)
        if m.entity in OWNED:
            return self._owned(m, data, current)
        if current is None and data["station_id"] != me:
            raise RecordError("新建会员只能记在本服务站名下")
        return self._member(m, data, current)

    def _result(
        self, m: Mutation, status: str, row: Row, fields: list[str] | None = None
    ) -> Answer:
        return Answer(
            mutation_id=m.mutation_id,
            status=status,  # type: ignore[arg-type]
            server_version=row.version,
            fields=fields or [],
        )

    def _scope(self, m: Mutation, data: dict[str, Any], current: Row | None) -> None:
        """Station-owned rows: only the owner writes."""
        me = self.auth.station_id
        if data["station_id"] != me or (current is not None and current.owner != me):
            raise RecordError("只能修改本服务站自己的记录")
        if m.entity == "station" and m.row_id != me:
            raise RecordError("只能修改本服务站的资料")

    def _owned(self, m: Mutation, data: dict[str, Any], current: Row | None) -> Answer:
        """Facts and station-owned rows: a newer local version wins."""
        me = self.auth.station_id
        if current is not None:
            if int(data.get("version") or 0) <= int(current.data.get("version") or 0):
                return self._result(m, "duplicate", current)
            current.data = data  # a re-sent month close is judged afresh by after_push
            current.version += 1
        else:
            current = Row(
                entity=m.entity,
                id=m.row_id,
                district_id=self.auth.district_id,
                owner=me,
                version=1,
                deleted=False,
                data=data,
            )
            self.rows[(m.entity, m.row_id)] = current
        current.deleted = bool(data.get("deleted"))
        current.origin = current.last_writer = me
        current.dirty = True
        return self._result(m, "applied", current)

    def _resolve(self, m: Mutation, data: dict[str, Any]) -> Answer:
        """A station resolved its conflict: every party's record of it is closed."""
        row = self.rows.get(("conflict", m.row_id))
        if row is None or row.district_id != self.auth.district_id:
            raise RecordError("冲突记录不存在")
        if row.owner != self.auth.station_id:
            raise RecordError("只能处理本服务站的冲突")
        if not conflict_records.is_open(row):
            return self._result(m, "duplicate", row)
        resolution = {
            "resolved_at": data["resolved_at"],
            "resolved_by": self.auth.code,
            "value": data.get("value"),
        }
        conflict_records.close_all(self.conn, self.auth.district_id, row, resolution, self.rows)
        return self._result(m, "applied", row)

    def _through_aliases(self, m: Mutation, data: dict[str, Any]) -> None:
        """A record naming a member a station made before it was linked names the district's."""
        if m.entity == "member" and m.row_id in self.aliases:
            m.row_id = data["id"] = self.aliases[m.row_id]
            held = self._member_row(m.row_id)
            if held is not None:  # an edit of the station's row: of the district's member now
                data["station_id"] = held.owner
        else:
            identity.rewrite(m.entity, data, self.aliases)
            for target in identity.member_refs(m.entity, "", data):
                self._member_row(target)

    def _member_row(self, member_id: str) -> Row | None:
        """A member of this district, from the batch or loaded (and locked) into it."""
        key = ("member", member_id)
        if key not in self.rows:
            self.rows.update(load(self.conn, [key], lock=True))
        row = self.rows.get(key)
        return row if row is not None and row.district_id == self.auth.district_id else None

    def _link(self, m: Mutation, data: dict[str, Any], holder: str) -> Answer:
        """A new member for a person the district holds: this station's id becomes an alias
        and its values edits of the district's member (conflicts where both hold a value)."""
        target = self._member_row(holder)
        if target is None or self.protocol < LINK_PROTOCOL:
            raise RecordError(f"身份证号已由其他服务站登记为会员（编号 {holder}）")
        self.aliases[m.row_id] = self.new_aliases[m.row_id] = holder
        base = identity.link_base(data, target.data, target.deleted)
        ours = {**data, "id": holder, "station_id": target.owner}
        merged, conflicts = self._merge(base, "upsert", ours, target)
        self._store(ours, target, merged, conflicts, origin=False)
        return Answer(
            mutation_id=m.mutation_id,
            status="linked",
            server_version=target.version,
            fields=conflicts,
            member_id=holder,
            record=target.data,
        )

    def _member(self, m: Mutation, data: dict[str, Any], current: Row | None) -> Answer:
        """Shared member rows: base-version check, then a field-level merge on a mismatch."""
        me = self.auth.station_id
        if current is None:
            holder = self.id_numbers.get(data.get("id_number") or "")
            if holder is not None and holder != m.row_id and not data.get("deleted"):
                return self._link(m, data, holder)
            self._claim_id_number(m.row_id, data.get("id_number"))
            current = Row(
                entity="member",
                id=m.row_id,
                district_id=self.auth.district_id,
                owner=me,
                version=1,
                deleted=bool(data.get("deleted")),
                data=data,
                origin=me,
                last_writer=me,
                dirty=True,
            )
            self.rows[("member", m.row_id)] = current
            return self._result(m, "applied", current)
        if m.base_version == current.version:
            merged = {**data, "station_id": current.owner}
            conflicts: list[str] = []
        else:
            merged, conflicts = self._merge(m.payload.base or {}, m.op, data, current)
        changed = self._store(data, current, merged, conflicts, origin=True)
        status = "conflict" if conflicts else "applied" if changed else "duplicate"
        return self._result(m, status, current, conflicts)

    def _store(
        self,
        data: dict[str, Any],
        current: Row,
        merged: dict[str, Any],
        conflicts: list[str],
        *,
        origin: bool,
    ) -> bool:
        """Write a merge into the member row and raise a conflict for every field both sides
        changed (also when nothing else changed: the server's value stays, and both stations
        see the conflict). Returns whether the row changed."""
        me = self.auth.station_id
        previous_writer = current.last_writer or current.owner
        changed = merged != current.data
        if changed:
            self._claim_id_number(
                current.id, merged.get("id_number"), current.data.get("id_number")
            )
            current.data = merged
            current.deleted = bool(merged.get("deleted"))
            current.version += 1
            same = merged == {**data, "station_id": current.owner}
            current.origin = me if origin and same else None
            current.last_writer = me
            current.dirty = True
        elif conflicts:  # the pusher still shows its own value: it pulls the one held
            current.origin = None
            current.dirty = True
        for name in conflicts:
            self._raise_conflict(current, name, data.get(name), previous_writer)
        return changed

    def _merge(
        self, base_in: dict[str, Any], op: str, data: dict[str, Any], current: Row
    ) -> tuple[dict[str, Any], list[str]]:
        base = dict(base_in)
        if op == "delete":
            base.setdefault("deleted", False)
        merged = dict(current.data)
        conflicts = []
        for name, before in base.items():
            if name not in data or name in ("id", "station_id", "created_at"):
                continue
            ours, theirs = data[name], merged.get(name)
            if theirs in (before, ours):
                merged[name] = ours
            else:
                conflicts.append(name)
        if len(merged) != len(current.data) or any(
            merged[k] != current.data.get(k) for k in merged
        ):
            merged["version"] = max(
                int(current.data.get("version") or 0), int(data.get("version") or 0)
            )
            merged["updated_at"] = data.get("updated_at", merged.get("updated_at"))
        return merged, conflicts

    def _raise_conflict(self, row: Row, name: str, ours: Any, other: str | None) -> None:
        """One conflict record for this station and one for the station that wrote the value
        the server holds; each sees its own value as local."""
        theirs = row.data.get(name)
        pairs = [(self.auth.station_id, ours, theirs)]
        if other and other != self.auth.station_id:
            pairs.append((other, theirs, ours))
        for station, local, remote in pairs:
            self.new_conflicts.append(
                derived.conflict_row(row, name, station, local, remote, self.auth.district_id)
            )


PUSHED = SHARED | OWNED  # the entities a station pushes records of (once, not per record)


def checked_record(m: Mutation, today: dt.date) -> dict[str, Any] | RecordError:
    """A mutation's record, checked and trimmed to its synced fields, or why it is refused."""
    try:
        if m.entity in DISTRICT_ONLY:
            raise RecordError("帮扶项目和预算由区总工会维护，服务站不能修改")
        if m.entity in RESOLVABLE:
            return conflict_records.resolution_record(bytes(m.payload.record), m.row_id)
        if m.entity not in PUSHED:
            raise RecordError(f"未知的数据类型：{m.entity}")
        data = clean_wire(m.entity, m.payload.record)
        if data.get("id") != m.row_id:
            raise RecordError("记录编号与变更不符")
        check_whole(m.entity, data)
        _fits_index_columns(m.entity, data)
        rules.check(m.entity, data, today=today, receipt_content=False)  # see Judge._receipt
    except RecordError as exc:
        return _named(m.entity, exc)
    return data


def _named(entity: str, exc: RecordError) -> RecordError:
    """Every refusal names the kind of record it is about (the station shows it on the row)."""
    label = rules.ENTITY_LABELS.get(entity, entity)
    return exc if str(exc).startswith(label) else RecordError(f"{label}：{exc}")


# Widths of the record table's index columns (db.py). PostgreSQL refuses a longer value with a
# DataError that failed the whole batch as a 503, retried by the station for ever (SQLite
# stored it); found by tests/sync/test_fuzz_api.py. The one record is refused instead.
INDEX_WIDTHS = {
    "id_number": 64,
    "number": 64,
    "code": 64,
    "member_id": 64,
    "program_id": 64,
    "period": 7,
}


@cache
def _index_widths(entity: str) -> tuple[tuple[str, int], ...]:
    """The INDEX_WIDTHS of the columns this entity has (a checked record holds no others)."""
    names = {name for name, _kind, _nullable in COLUMNS[entity]}
    return tuple((name, width) for name, width in INDEX_WIDTHS.items() if name in names)


def _fits_index_columns(entity: str, data: dict[str, Any]) -> None:
    for name, width in _index_widths(entity):
        value = data.get(name)
        if isinstance(value, str) and len(value) > width:
            raise RecordError(f"字段 {name} 过长（最多 {width} 个字符）")


def _seen(conn: Connection, station_id: str, ids: list[str]) -> dict[str, Any]:
    """Mutation ids of this station already answered -> their stored row (mutation_id,
    status, server_version, error, fields) as first answered."""
    sql = (
        "SELECT mutation_id, status, server_version, error, fields FROM mutation "
        "WHERE station_id = {m} AND mutation_id IN ({in})"
    )
    return {item[0]: item for item in select_in(conn, sql, (station_id,), ids)}


def apply_push(
    engine: Engine,
    auth: StationAuth,
    req: PushRequest | protocol.PushRequest,
    *,
    before_commit: Callable[[], None] | None = None,
) -> PushReply:
    """One transaction per batch: decide every mutation, then write rows and mutation ids.

    Records are checked before the transaction begins (no lock is held for that)."""
    if isinstance(req, protocol.PushRequest):
        req = push_from_model(req)
    today = now().date()
    checked = [checked_record(m, today) for m in req.mutations]
    with engine.begin() as conn:
        if is_postgres(engine):
            conn.execute(select(func.pg_advisory_xact_lock(func.hashtext(auth.station_id))))
        seen = _seen(conn, auth.station_id, [m.mutation_id for m in req.mutations])
        todo = [m for m in req.mutations if m.mutation_id not in seen]
        rows = load(conn, [(m.entity, m.row_id) for m in todo], lock=True)
        closed = set(
            conn.execute(
                select(closed_period.c.period).where(closed_period.c.station_id == auth.station_id)
            ).scalars()
        )
        numbers = [
            data.get("id_number")
            for m, data in zip(req.mutations, checked, strict=True)
            if m.entity == "member" and isinstance(data, dict) and m.mutation_id not in seen
        ] + [row.data.get("id_number") for row in rows.values() if row.entity == "member"]
        id_numbers = derived.members_by_id_number(conn, auth.district_id, numbers)
        work = [
            (m, data)
            for m, data in zip(req.mutations, checked, strict=True)
            if isinstance(data, dict) and m.mutation_id not in seen
        ]
        aliases = identity.load_aliases(
            conn,
            auth.district_id,
            (ref for m, data in work for ref in identity.member_refs(m.entity, m.row_id, data)),
        )
        judge = Judge(conn, auth, work, rows, closed)
        batch = Batch(conn, auth, rows, judge, id_numbers, protocol=req.protocol, aliases=aliases)
        results: list[Answer] = []
        answered: dict[str, Answer] = {}
        linked_before = linked_answers(conn, auth.district_id, req.mutations, seen)
        for m, data in zip(req.mutations, checked, strict=True):
            old = seen.get(m.mutation_id)
            if old is not None:
                results.append(linked_before.get(m.mutation_id) or answer_again(old))
                continue
            if m.mutation_id in answered:
                results.append(msgspec.structs.replace(answered[m.mutation_id], status="duplicate"))
                continue
            result = batch.apply(m, data)
            answered[m.mutation_id] = result
            results.append(result)
        identity.save_aliases(conn, auth.district_id, auth.station_id, batch.new_aliases)
        raised = conflict_records.settle(conn, batch.new_conflicts)
        extra = derived.after_push(conn, batch.rows, auth) + raised + judge.flags
        flush(conn, list(batch.rows.values()) + extra)
        if answered:
            stamp = processed(mutation.c.created_at, conn.dialect, now())
            ph = placeholder(conn.dialect)
            conn.exec_driver_sql(
                "INSERT INTO mutation (station_id, mutation_id, status, server_version, error, "
                f"fields, created_at) VALUES ({','.join([ph] * 7)})",
                [  # type: ignore[arg-type]
                    (
                        auth.station_id,
                        r.mutation_id,
                        r.status,
                        r.server_version,
                        r.error,
                        "[]" if not r.fields else json.dumps(r.fields),
                        stamp,
                    )
                    for r in answered.values()
                ],
            )
        if before_commit is not None:
            before_commit()
    return PushReply(results=results, server_time=now())
