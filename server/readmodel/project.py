"""Writing records into the typed tables: in the transaction that stores them, and in bulk.

`project(conn, rows)` is called by server/rows.py flush() for every record it writes (a push's
rows, and the rows the server makes itself: flags, conflicts, links, programs), so the read
model commits or rolls back with them. `rebuild(conn)` recomputes every typed table from the
record table (migration s0007 and `stationdesk-server rebuild-read-model`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from operator import itemgetter
from typing import Any, Protocol

from pydantic_core import from_json
from sqlalchemy import Connection, Engine, delete, select

from contract.sqlbind import placeholder

from ..db import record
from .registry import Projection, Stored, all_projections, projections

CHUNK = 500


class RecordLike(Protocol):
    """A stored record: server/rows.py Row, or registry.Stored."""

    @property
    def entity(self) -> str: ...
    @property
    def id(self) -> str: ...
    @property
    def district_id(self) -> str: ...
    @property
    def owner(self) -> str: ...
    @property
    def deleted(self) -> bool: ...
    @property
    def data(self) -> dict[str, Any]: ...


def _rows(projection: Projection, r: RecordLike) -> list[dict[str, Any]]:
    """The typed rows of one record: none, one, or (a projection returning a list, e.g. one
    row per step of a hardship file) several, all under the record's id."""
    stored = Stored(r.entity, r.id, r.district_id, r.owner, bool(r.deleted), r.data)
    columns = projection.columns(stored)
    if columns is None:
        return []
    if not isinstance(columns, list):  # the common case: one row, built in one step
        return [
            {
                "id": r.id,
                "district_id": r.district_id,
                "station_id": r.owner,
                "deleted": bool(r.deleted),
                **columns,
            }
        ]
    common = {
        "id": r.id,
        "district_id": r.district_id,
        "station_id": r.owner,
        "deleted": bool(r.deleted),
    }
    return [{**common, **c} for c in columns]


def _row(projection: Projection, r: RecordLike) -> dict[str, Any] | None:
    """The typed row of a one-row projection (the benchmark's bulk writer)."""
    rows = _rows(projection, r)
    return rows[0] if rows else None


def project(
    conn: Connection, rows: Iterable[RecordLike], only: list[Projection] | None = None
) -> int:
    """Replace the typed rows of these records; returns how many typed rows were written."""
    groups: dict[int, tuple[Projection, dict[str, list[dict[str, Any]]]]] = {}
    # per entity, once: its chosen projections, each with the rows found for it so far
    plans: dict[str, list[tuple[Projection, dict[str, list[dict[str, Any]]]]]] = {}
    for r in rows:
        plan = plans.get(r.entity)
        if plan is None:
            plan = plans[r.entity] = [
                groups.setdefault(id(p), (p, {}))
                for p in projections(r.entity)
                if only is None or p in only
            ]
        for projection, found in plan:
            found[r.id] = _rows(projection, r)  # the last write of a record wins
    written = 0
    mark = placeholder(conn.dialect)
    for projection, found in groups.values():
        table = projection.table
        ids = list(found)
        for start in range(0, len(ids), CHUNK):
            part = ids[start : start + CHUNK]
            conn.exec_driver_sql(
                f"DELETE FROM {table.name} WHERE id IN ({','.join([mark] * len(part))})",
                tuple(part),
            )
        values = [v for rows in found.values() for v in rows]
        if values:
            # straight through the driver, as flush() writes the records: every typed value
            # is a plain str, int, bool or None (SQLAlchemy's executemany cost twice as much)
            names = list(values[0])
            as_tuple = itemgetter(*names)  # id, district_id, station_id, deleted and more
            conn.exec_driver_sql(
                f"INSERT INTO {table.name} ({', '.join(names)}) "
                f"VALUES ({','.join([mark] * len(names))})",
                list(map(as_tuple, values)),
            )
        written += len(values)
    return written


def rebuild(
    conn: Connection,
    district_id: str | None = None,
    *,
    only: list[Projection] | None = None,
    page: int = 2000,
) -> int:
    """Every typed table recomputed from the record table (for one district, or all);
    `only` limits it to some projections (a migration backfills the tables it made)."""
    chosen = all_projections() if only is None else only
    entities = sorted({p.entity for p in chosen})
    for table in {id(p.table): p.table for p in chosen}.values():
        query = delete(table)
        if district_id is not None:
            query = query.where(table.c.district_id == district_id)
        conn.execute(query)
    written = 0
    for entity in entities:
        written += _rebuild_entity(conn, entity, district_id, page, chosen)
    return written


def _rebuild_entity(
    conn: Connection, entity: str, district_id: str | None, page: int, chosen: list[Projection]
) -> int:
    """One entity's records, a page at a time in id order (keyset: no open cursor while the
    typed rows are written)."""
    columns = [record.c[n] for n in ("id", "district_id", "owner", "deleted", "data")]
    written, last = 0, ""
    while True:
        query = select(*columns).where(record.c.entity == entity, record.c.id > last)
        if district_id is not None:
            query = query.where(record.c.district_id == district_id)
        items = conn.execute(query.order_by(record.c.id).limit(page)).all()
        if not items:
            return written
        batch = [
            Stored(entity, row_id, district, owner, bool(deleted), from_json(data))
            for row_id, district, owner, deleted, data in items
        ]
        written += project(conn, batch, chosen)
        last = items[-1][0]


def rebuilt_counts(conn: Connection) -> dict[str, int]:
    """Rows per typed table (what the CLI prints after a rebuild)."""
    from sqlalchemy import func

    out: dict[str, int] = defaultdict(int)
    for table in {id(p.table): p.table for p in all_projections()}.values():
        out[table.name] = conn.execute(select(func.count()).select_from(table)).scalar_one()
    return dict(out)


def rebuild_all(engine: Engine) -> dict[str, int]:
    """`stationdesk-server rebuild-read-model`: one transaction; rows per table after it."""
    with engine.begin() as conn:
        rebuild(conn)
        return rebuilt_counts(conn)
