"""The station side of sync in SQL: read the outbox, record push results, apply pulled pages.

Every function here is one local transaction. A pulled page and the cursor that follows it
commit together, so an interruption at any point resumes from the last applied page and never
skips or re-applies half of one (sync.md principle 1 and the first failure mode).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections import defaultdict
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any

import msgspec
from sqlalchemy import Connection, Engine, Table, bindparam, insert, select, update
from sqlalchemy.exc import IntegrityError

from contract import wire
from contract.protocol import PROTOCOL, SCHEMA, MutationResult
from contract.wire import Change, PullResponse

from ..models import SYNCED_TABLES, Conflict, Outbox, Setting, VisitMember
from ..services.members import search_keys
from .findings import Aside, apply_server_made
from .records import RecordError, columns, insert_many, required_defaults, wire_plan

log = logging.getLogger(__name__)

CURSOR = "sync.cursor"
SERVER_URL = "sync.server_url"
CA_BUNDLE = "sync.ca_bundle"
LAST_SYNC = "sync.last_sync_at"
CLOCK_OFFSET = "sync.clock_offset_s"
FULL_PULL = "sync.full_pull"  # "1" while a from-zero pull is unfinished (survives interruption)
SET_ASIDE = "sync.set_aside"  # pulled records this station could not apply (JSON list)
MAX_SET_ASIDE = 200  # the newest are kept

OUTBOX: Table = Outbox.__table__  # type: ignore[attr-defined]
SETTING: Table = Setting.__table__  # type: ignore[attr-defined]


def table_of(entity: str) -> Table:
    return SYNCED_TABLES[entity].__table__  # type: ignore[attr-defined,no-any-return]


def read_setting(engine: Engine, key: str, default: str = "") -> str:
    with engine.connect() as conn:
        value = conn.execute(select(SETTING.c.value).where(SETTING.c.key == key)).scalar()
    return default if value is None else str(value)


def write_setting(conn: Connection, key: str, value: str) -> None:
    done = conn.execute(update(SETTING).where(SETTING.c.key == key).values(value=value))
    if done.rowcount == 0:
        conn.execute(insert(SETTING).values(key=key, value=value))


_BODY = msgspec.json.Encoder()


def pending_batch(engine: Engine, limit: int, after: int = 0) -> tuple[list[int], bytes]:
    """The oldest pending outbox entries (past seq `after`) as a PushRequest body, spliced
    from stored JSON."""
    with engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT seq, mutation_id, entity, row_id, op, base_version, payload FROM outbox "
            "WHERE state = 'pending' AND seq > ? ORDER BY seq LIMIT ?",
            (after, limit),
        ).all()
    # one C call encodes the batch; each stored payload goes in verbatim (msgspec.Raw), so
    # nothing is parsed or escaped per field (four json.dumps per entry cost ten times more)
    body = _BODY.encode(
        {
            "protocol": PROTOCOL,
            "schema_version": SCHEMA,
            "mutations": [
                {
                    "mutation_id": mid,
                    "entity": entity,
                    "row_id": row_id,
                    "op": op,
                    "base_version": int(base),
                    "payload": msgspec.Raw(payload or "{}"),
                }
                for _seq, mid, entity, row_id, op, base, payload in rows
            ],
        }
    )
    return [int(r[0]) for r in rows], body


IDENTITY_REFUSAL = "身份证号已由其他服务站登记"


def requeue_identity_refusals(engine: Engine) -> int:
    """New members an earlier server refused because the district already had the person go
    out again: a server of protocol 3 links them instead. Returns how many."""
    with engine.begin() as conn:
        done = conn.exec_driver_sql(
            "UPDATE outbox SET state = 'pending' WHERE state = 'rejected' AND entity = 'member' "
            "AND last_error LIKE ?",
            (f"%{IDENTITY_REFUSAL}%",),
        )
    return int(done.rowcount or 0)


def record_results(
    engine: Engine, seqs: list[int], results: Iterable[MutationResult | wire.MutationResult]
) -> dict[str, int]:
    """Mark outbox entries and their rows; a rejected one is parked, never retried forever.

    Plain executemany through the driver: this runs once per pushed record, and the station
    store is always SQLite, so the statement text is fixed and the parameters are tuples."""
    by_mid = {r.mutation_id: r for r in results}
    counts: dict[str, int] = defaultdict(int)
    with engine.begin() as conn:
        entries: list[Any] = []
        for start in range(0, len(seqs), 900):
            chunk = seqs[start : start + 900]
            marks = ",".join("?" * len(chunk))
            entries += conn.exec_driver_sql(
                f"SELECT seq, mutation_id, entity, row_id FROM outbox WHERE seq IN ({marks})",
                tuple(chunk),
            ).all()
        outbox_updates: list[tuple[str, str | None, int]] = []  # (state, error, seq)
        links: list[Any] = []
        row_updates: dict[str, list[tuple[str, str | None, int, str, int]]] = defaultdict(list)
        for seq, mid, entity, row_id in entries:
            result = by_mid.get(mid)
            if result is None:
                continue
            counts[result.status] += 1
            rejected = result.status == "rejected"
            outbox_updates.append(("rejected" if rejected else "done", result.error, seq))
            state, error = "synced", None
            if rejected:
                state, error = "rejected", result.error or "被服务器拒绝"
            elif result.status == "conflict":
                state, error = "conflict", "与其他服务站的修改冲突：" + "、".join(result.fields)
            elif result.status == "linked" and result.member_id and result.record is not None:
                links.append(_link_of(row_id, result))
                continue
            if entity in SYNCED_TABLES:
                row_updates[entity].append((state, error, result.server_version, row_id, seq))
        for (state, error), keys in _grouped(outbox_updates).items():
            _update_in(
                conn,
                "UPDATE outbox SET state = ?, last_error = ?, attempts = attempts + 1 "
                "WHERE seq IN ({})",
                (state, error),
                keys,
            )
        # a row edited again since this push keeps its pending state for the next entry
        last_pending: dict[str, int] = {}
        row_ids = sorted({p[3] for params in row_updates.values() for p in params})
        for begin in range(0, len(row_ids), 900):
            chunk_ids = row_ids[begin : begin + 900]
            marks = ",".join("?" * len(chunk_ids))
            for row_id, seq in conn.exec_driver_sql(
                f"SELECT row_id, seq FROM outbox WHERE state = 'pending' AND row_id IN ({marks})",
                tuple(chunk_ids),
            ):
                last_pending[row_id] = max(seq, last_pending.get(row_id, 0))
        for entity, params in row_updates.items():
            name = table_of(entity).name
            todo = [p[:4] for p in params if last_pending.get(p[3], 0) <= p[4]]
            for values, keys in _grouped(todo).items():
                _update_in(
                    conn,
                    f"UPDATE {name} SET sync_state = ?, sync_error = ?, server_version = ? "
                    "WHERE id IN ({})",
                    values,
                    keys,
                )
        if links:
            from .relink import relink_all

            relink_all(conn, links)
    return dict(counts)


def _link_of(row_id: str, result: MutationResult | wire.MutationResult) -> Any:
    from .relink import Link

    return Link(
        old=row_id,
        new=str(result.member_id),
        record=dict(result.record or {}),
        version=result.server_version,
        conflicted=tuple(result.fields),
    )


def _grouped(rows: Iterable[tuple[Any, ...]]) -> dict[tuple[Any, ...], list[Any]]:
    """(values..., key) tuples -> {values: [keys]}: a push's results are mostly alike
    (applied, version 1), so most of a batch becomes a few set-based statements."""
    out: dict[tuple[Any, ...], list[Any]] = defaultdict(list)
    for row in rows:
        out[row[:-1]].append(row[-1])
    return out


def _update_in(
    conn: Connection, sql: str, values: tuple[Any, ...], keys: list[Any], chunk: int = 500
) -> None:
    for start in range(0, len(keys), chunk):
        part = keys[start : start + chunk]
        conn.exec_driver_sql(sql.format(",".join("?" * len(part))), (*values, *part))


def _pending_rows(conn: Connection, ids: list[str]) -> dict[str, set[str]]:
    """Rows with unpushed local edits -> the fields those edits changed."""
    out: dict[str, set[str]] = {}
    if conn.exec_driver_sql("SELECT 1 FROM outbox WHERE state = 'pending' LIMIT 1").first():
        for start in range(0, len(ids), 900):
            chunk = ids[start : start + 900]
            for row_id, payload in conn.exec_driver_sql(
                "SELECT row_id, payload FROM outbox WHERE state = 'pending' "
                f"AND row_id IN ({','.join('?' * len(chunk))})",
                tuple(chunk),
            ):
                stored = json.loads(payload) if payload else None
                base = (stored or {}).get("base") or {}
                out.setdefault(row_id, set()).update(base)
    return out


def _existing(conn: Connection, table: Table, ids: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        found.update(
            row_id
            for (row_id,) in conn.exec_driver_sql(
                f"SELECT id FROM {table.name} WHERE id IN ({','.join('?' * len(chunk))})",
                tuple(chunk),
            )
        )
    return found


@cache
def _row_plan(entity: str) -> tuple[dict[str, Any], dict[str, Callable[[str], Any]]]:
    """Per entity, computed once: the values of a row nothing was said about (every synced
    column, NOT NULL ones filled) and the converters from wire text (dates)."""
    template: dict[str, Any] = {name: None for name in columns(entity)}
    template.update(required_defaults(entity))
    converters = {name: convert for name, convert in wire_plan(entity) if convert is not None}
    return template, converters


def _full_row(entity: str, change: Change) -> dict[str, Any]:
    template, converters = _row_plan(entity)
    values = template.copy()
    for name, value in change.data.items():
        if name in template:
            convert = converters.get(name)
            values[name] = convert(value) if convert and isinstance(value, str) else value
    values.update(
        id=change.id,
        station_id=change.data.get("station_id", change.station_id),
        deleted=change.deleted,
        server_version=change.version,
        sync_state="synced",
        sync_error=None,
    )
    if entity == "member":
        values.update(search_keys(values["name"] or "", values["id_number"], values["phone"]))
    return values


def _apply_entity(conn: Connection, entity: str, changes: list[Change], aside: Aside) -> None:
    table = table_of(entity)
    ids = [c.id for c in changes]
    existing = _existing(conn, table, ids)
    pending = _pending_rows(conn, ids)
    inserts, updates, singles = [], [], []
    for change in changes:
        try:
            values = _full_row(entity, change)
        except (RecordError, ValueError, TypeError, KeyError, AttributeError) as exc:
            aside.append((entity, change.id, f"记录内容无法读取（{type(exc).__name__}）"))
            continue
        if change.id in pending:
            keep = (
                pending[change.id]
                if entity == "member"
                else set(values) - {"server_status", "server_message"}
            )
            keep = (keep | {"server_version", "sync_state", "sync_error"}) - {"id"}
            single = {k: v for k, v in values.items() if k not in keep}
            if len(single) > 1:
                singles.append(single)
        elif change.id in existing:
            updates.append({**values, "b_id": values.pop("id")})
        else:
            inserts.append(values)
    try:
        with conn.begin_nested():
            if inserts:
                insert_many(conn, table, inserts)
            if updates:
                conn.execute(update(table).where(table.c.id == bindparam("b_id")), updates)
    except Exception:  # noqa: BLE001 - a clash or a value it cannot store: row by row
        for values in inserts + updates:
            _apply_one(conn, entity, table, values, aside)
    for values in singles:
        _apply_one(conn, entity, table, {**values, "b_id": values.pop("id")}, aside)
    if entity == "visit":
        _rebuild_visit_members(conn, changes)


def _apply_one(
    conn: Connection, entity: str, table: Table, values: dict[str, Any], aside: Aside
) -> None:
    """Fallback row by row: a record that clashes locally is parked for a person, not lost;
    one this station cannot store at all is set aside with the reason."""
    try:
        with conn.begin_nested():
            if "b_id" in values:
                conn.execute(
                    update(table)
                    .where(table.c.id == values["b_id"])
                    .values({k: v for k, v in values.items() if k != "b_id"})
                )
            else:
                conn.execute(insert(table).values(values))
    except IntegrityError as exc:
        from .relink import adopt_pulled

        if entity != "member" or "b_id" in values or not adopt_pulled(conn, values):
            _park(conn, entity, values, exc)
    except Exception as exc:  # noqa: BLE001 - whatever it is, it must not stop the sync
        row_id = str(values.get("id") or values.get("b_id"))
        aside.append((entity, row_id, f"本机无法保存该记录（{type(exc).__name__}）"))


def _park(conn: Connection, entity: str, values: dict[str, Any], exc: Exception) -> None:
    row_id = values.get("id") or values.get("b_id")
    log.debug("parking %s %s: %s", entity, row_id, type(exc).__name__)  # summed per page
    conn.execute(
        insert(Conflict.__table__)  # type: ignore[attr-defined]
        .values(
            id=f"park-{entity}-{row_id}"[:64],
            entity=entity,
            row_id=row_id,
            field="__record__",
            local_value="本机已有相同编码或身份证号的记录",
            server_value=json.dumps(values, default=str, ensure_ascii=False),
            server_version=values.get("server_version") or 0,
            created_at=dt.datetime.now(dt.UTC),
        )
        .prefix_with("OR IGNORE")
    )


def _parked_count(conn: Connection) -> int:
    return int(
        conn.exec_driver_sql(
            "SELECT count(*) FROM conflict WHERE field = '__record__' AND resolved_at IS NULL"
        ).scalar_one()
    )


def _rebuild_visit_members(conn: Connection, changes: list[Change]) -> None:
    table: Table = VisitMember.__table__  # type: ignore[attr-defined]
    ids = [c.id for c in changes]
    conn.execute(table.delete().where(table.c.visit_id.in_(ids)))
    pairs = {
        (c.id, m)
        for c in changes
        if isinstance(c.data.get("member_ids"), list) and not c.deleted
        for m in c.data["member_ids"]
        if isinstance(m, str)
    }
    if pairs:
        conn.execute(insert(table), [{"visit_id": v, "member_id": m} for v, m in sorted(pairs)])


def apply_page(engine: Engine, page: PullResponse, *, full: bool = False) -> dict[str, int]:
    """Apply one pulled page and store its cursor, in one transaction."""
    groups: dict[str, list[Change]] = defaultdict(list)
    for change in page.changes:
        groups[change.entity].append(change)
    aside: Aside = []
    with engine.begin() as conn:
        parked = _parked_count(conn)
        for entity, changes in groups.items():
            if entity in SYNCED_TABLES:
                _apply_entity(conn, entity, changes, aside)
        made = [c for c in page.changes if c.entity in ("conflict", "dup_flag")]
        if made:
            apply_server_made(conn, made, aside)
        if aside:
            _remember_aside(conn, aside)
        parked = _parked_count(conn) - parked
        if parked:
            log.warning("parked %d pulled records that clash with local ones", parked)
        write_setting(conn, CURSOR, str(page.next_cursor))
        write_setting(conn, FULL_PULL, "1" if page.has_more and full else "")
    return {entity: len(changes) for entity, changes in groups.items()}


def _remember_aside(conn: Connection, aside: Aside) -> None:
    """Add set-aside records to the list the sync page shows (ids and reasons only: no
    personal data goes to the log)."""
    by_reason: dict[tuple[str, str], int] = defaultdict(int)
    for entity, _row_id, reason in aside:
        by_reason[(entity, reason)] += 1
    for (entity, reason), n in sorted(by_reason.items()):
        log.warning("set aside %d pulled %s: %s", n, entity, reason)  # one line per outcome
    stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    raw = conn.execute(select(SETTING.c.value).where(SETTING.c.key == SET_ASIDE)).scalar()
    kept = _aside_list(raw)
    kept += [{"entity": e, "id": i, "reason": r, "at": stamp} for e, i, r in aside]
    write_setting(conn, SET_ASIDE, json.dumps(kept[-MAX_SET_ASIDE:], ensure_ascii=False))


def _aside_list(raw: Any) -> list[dict[str, str]]:
    try:
        value = json.loads(raw or "[]")
    except ValueError:
        return []
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def set_aside(engine: Engine) -> list[dict[str, str]]:
    """Pulled records this station set aside, oldest first: entity, id, reason, at."""
    return _aside_list(read_setting(engine, SET_ASIDE))
