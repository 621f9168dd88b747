"""Loading and writing records, and handing out cursors.

Cursor safety (sync.md principle 1): cursors come from one counter row that a transaction
updates just before it writes, and that row stays locked until the transaction commits. The
next writer cannot take a number until the previous one has committed or rolled back, so a
reader that sees cursor S has already seen every committed cursor below S: no page can ever
skip a row that was still in flight. Merging happens before the counter is taken, so the
lock is held only for the few milliseconds of the writes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import msgspec
from pydantic_core import from_json
from sqlalchemy import Connection, and_, select, update

from contract.protocol import period_of
from contract.sqlbind import bind_processor, placeholder

from .db import RELIEF_KEY, counter, is_postgres, record
from .readmodel.project import project as project_read_model


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


_ENCODER = msgspec.json.Encoder()


def dumps(data: dict[str, Any]) -> str:
    """Compact UTF-8 JSON (msgspec's encoder: about 1.5x pydantic's, 8x the standard
    library's)."""
    return _ENCODER.encode(data).decode()


@dataclass
class Row:
    """A record as it will be stored; `exists` tells insert from update."""

    entity: str
    id: str
    district_id: str
    owner: str
    version: int
    deleted: bool
    data: dict[str, Any]
    origin: str | None = None
    last_writer: str | None = None
    exists: bool = False
    dirty: bool = False
    seq: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    def index_columns(self) -> dict[str, Any]:
        return dict(zip(INDEX_NAMES, index_values(self.entity, self.data), strict=True))


INDEX_NAMES = ("member_id", "program_id", "period", "natural_key")
NATURAL_KEYS = {"member": "id_number", "station": "code", "receipt": "number"}
DATED = frozenset({"relief", "receipt", "visit", "station_log", "month_close", "member_intake"})


def index_values(entity: str, data: dict[str, Any]) -> tuple[Any, Any, str | None, str | None]:
    """The record table's index columns of a record (INDEX_NAMES), as a tuple: flush writes
    them for every row, so no dict and no period lookup for an entity without a period."""
    key = NATURAL_KEYS.get(entity)
    if key is not None:
        natural = data.get(key)
    elif entity == "conflict":  # the key its parties' records share
        natural = f"{data.get('row_id')}|{data.get('field')}"[:64]
    else:
        natural = None
    if not isinstance(natural, str):
        natural = None
    period = period_of(entity, data) if entity in DATED else None
    if entity == "relief":
        return data.get("member_id"), data.get("program_id"), period, natural
    return None, None, period, natural


RECORD_COLUMNS = "entity, id, district_id, owner, version, deleted, data, origin, last_writer, seq"


def _from_db(item: Any) -> Row:
    """A record from a row of RECORD_COLUMNS (driver values: SQLite gives 0/1 for booleans)."""
    entity, row_id, district_id, owner, version, deleted, data, origin, last_writer, seq = item
    return Row(
        entity=entity,
        id=row_id,
        district_id=district_id,
        owner=owner,
        version=version,
        deleted=bool(deleted),
        data=from_json(data),
        origin=origin,
        last_writer=last_writer,
        exists=True,
        seq=seq,
    )


def select_in(
    conn: Connection, sql: str, params: tuple[Any, ...], keys: list[Any], chunk: int = 500
) -> list[Any]:
    """Run `sql` (placeholders written as {m}, the key list as `IN ({in})`) for each chunk
    of keys, straight through the driver: building an expanding IN through SQLAlchemy for
    every 500 keys cost more than the query itself on the push path."""
    m = placeholder(conn.dialect)
    out: list[Any] = []
    for start in range(0, len(keys), chunk):
        part = keys[start : start + chunk]
        text = sql.replace("{m}", m).replace("{in}", ",".join([m] * len(part)))
        out += conn.exec_driver_sql(text, (*params, *part)).all()
    return out


def load(
    conn: Connection, keys: Iterable[tuple[str, str]], *, lock: bool = False
) -> dict[tuple[str, str], Row]:
    """Rows by (entity, id); with lock, rows are locked in id order (no deadlock cycles)."""
    out: dict[tuple[str, str], Row] = {}
    by_entity: dict[str, list[str]] = {}
    for entity, row_id in sorted(set(keys)):
        by_entity.setdefault(entity, []).append(row_id)
    tail = " ORDER BY id FOR UPDATE" if lock and is_postgres(conn.engine) else ""
    for entity, ids in by_entity.items():
        sql = f"SELECT {RECORD_COLUMNS} FROM record WHERE entity = {{m}} AND id IN ({{in}}){tail}"
        for item in select_in(conn, sql, (entity,), ids):
            row = _from_db(item)
            out[(row.entity, row.id)] = row
    return out


def query_rows(conn: Connection, *conditions: Any) -> list[Row]:
    columns = [record.c[name.strip()] for name in RECORD_COLUMNS.split(",")]
    return [_from_db(item) for item in conn.execute(select(*columns).where(and_(*conditions)))]


def relief_of(conn: Connection, pairs: set[tuple[str, str]]) -> list[Row]:
    """Every relief row (district-wide) for the given (member, program) pairs.

    Asked by member (the leading column of the partial index ix_record_member_program) and
    filtered to the pairs here: an OR of pair conditions made SQLite without table statistics
    read every relief row (tests/sync/test_server_indexes.py)."""
    wanted = set(pairs)
    members = sorted({m for m, _ in wanted})
    # only relief rows have a member_id column (Row.index_columns); naming the entity as well
    # made SQLite prefer the primary key's entity prefix, a scan of every relief row
    sql = f"SELECT {RECORD_COLUMNS} FROM record WHERE {RELIEF_KEY} AND member_id IN ({{in}})"
    out = [_from_db(item) for item in select_in(conn, sql, (), members)]
    return [
        r
        for r in out
        if r.entity == "relief" and (r.data.get("member_id"), r.data.get("program_id")) in wanted
    ]


def take_cursors(conn: Connection, n: int) -> int:
    """Reserve n cursor values; returns the first. Locks the counter until commit."""
    value = conn.execute(
        update(counter)
        .where(counter.c.name == "seq")
        .values(value=counter.c.value + n)
        .returning(counter.c.value)
    ).scalar_one()
    return int(value) - n + 1


INSERT_COLUMNS = (
    "entity, id, district_id, owner, seq, version, deleted, origin, last_writer, data, "
    "updated_at, member_id, program_id, period, natural_key"
)


def flush(conn: Connection, rows: Iterable[Row], *, read_model: bool = True) -> int:
    """Write the dirty rows with fresh cursors; returns how many were written. With
    read_model (always, but for a test filling a database older than s0007) their typed
    rows are written too (server/readmodel).

    New rows go in by one executemany of plain tuples through the driver (the values that
    need converting, the flag and the time stamp, are converted once with SQLAlchemy's own
    processors); changed rows by one executemany of an UPDATE."""
    dirty = [r for r in rows if r.dirty]
    if not dirty:
        return 0
    first = take_cursors(conn, len(dirty))
    dialect = conn.dialect
    stamp = now()
    stamp_db = processed(record.c.updated_at, dialect, stamp)
    flags = {flag: processed(record.c.deleted, dialect, flag) for flag in (False, True)}
    inserts: list[tuple[Any, ...]] = []
    updates: list[tuple[Any, ...]] = []
    for offset, row in enumerate(dirty):
        row.seq = first + offset
        values = (
            row.owner,
            row.seq,
            row.version,
            flags[bool(row.deleted)],
            row.origin,
            row.last_writer,
            dumps(row.data),
            stamp_db,
            *index_values(row.entity, row.data),
        )
        if row.exists:
            updates.append((*values, row.entity, row.id))
        else:
            inserts.append((row.entity, row.id, row.district_id, *values))
        row.exists = True
        row.dirty = False
    m = placeholder(dialect)
    if inserts:
        conn.exec_driver_sql(
            f"INSERT INTO record ({INSERT_COLUMNS}) VALUES ({','.join([m] * 15)})",
            inserts,  # type: ignore[arg-type]
        )
    if updates:
        sets = ", ".join(f"{name.strip()} = {m}" for name in INSERT_COLUMNS.split(",")[3:])
        conn.exec_driver_sql(
            f"UPDATE record SET {sets} WHERE entity = {m} AND id = {m}",
            updates,  # type: ignore[arg-type]
        )
    if read_model:
        project_read_model(conn, dirty)  # the typed read model, in the same transaction
    return len(dirty)


def processed(column: Any, dialect: Any, value: Any) -> Any:
    """A value as SQLAlchemy would bind it for this column on this database."""
    process = bind_processor(column, dialect)
    return value if process is None else process(value)
