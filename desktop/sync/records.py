"""The station's side of record conversion: wire values (ISO text) back to column values, and
pulled rows written straight through the driver. The checks both sides share are in
contract/records.py.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from functools import cache
from typing import Any

from sqlalchemy import JSON, Boolean, Connection, Date, DateTime, Integer, Table
from sqlalchemy.sql.schema import Column
from sqlalchemy.types import TypeDecorator

from contract.protocol import DERIVED_FIELDS
from contract.records import RecordError
from contract.sqlbind import bind_processor, placeholder

from ..models import LOCAL_COLUMNS, SYNCED_TABLES

__all__ = ["RecordError", "columns", "insert_many", "required_defaults", "wire_plan"]


@cache
def columns(entity: str) -> dict[str, Column[Any]]:
    """Synced columns of an entity (bookkeeping and derived search fields excluded)."""
    table = SYNCED_TABLES[entity].__table__  # type: ignore[attr-defined]
    return {
        c.name: c
        for c in table.columns
        if c.name not in LOCAL_COLUMNS and c.name not in DERIVED_FIELDS
    }


def kind_of(column: Column[Any]) -> Any:
    """The underlying SQL type (sqlmodel wraps datetimes in a TypeDecorator)."""
    kind = column.type
    return kind.impl_instance if isinstance(kind, TypeDecorator) else kind


@cache
def wire_plan(entity: str) -> tuple[tuple[str, Callable[[str], Any] | None], ...]:
    """(name, converter from ISO text) per synced column, computed once per entity."""
    plan: list[tuple[str, Callable[[str], Any] | None]] = []
    for name, column in columns(entity).items():
        kind = kind_of(column)
        convert: Callable[[str], Any] | None = None
        if isinstance(kind, DateTime):
            convert = dt.datetime.fromisoformat
        elif isinstance(kind, Date):
            convert = dt.date.fromisoformat
        plan.append((name, convert))
    return tuple(plan)


@cache
def required_defaults(entity: str) -> dict[str, Any]:
    """Fill-ins for NOT NULL columns a trimmed record may lack (another station's relief)."""
    model = SYNCED_TABLES[entity]
    out: dict[str, Any] = {}
    for name, column in columns(entity).items():
        field = model.model_fields.get(name)
        if field is not None and field.default_factory is not None:
            out[name] = field.default_factory()  # type: ignore[call-arg]
        elif field is not None and not field.is_required():
            out[name] = field.default
        elif not column.nullable:
            kind = kind_of(column)
            out[name] = (
                False
                if isinstance(kind, Boolean)
                else 0
                if isinstance(kind, Integer)
                else {}
                if isinstance(kind, JSON)
                else ""
            )
    return out


def insert_many(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """executemany through the driver (a station's pulled rows), with SQLAlchemy's own bind
    processors for this database, so the stored values are exactly what a Core insert would
    store, but without its per-row parameter handling, which costs more than the insert
    itself for thousands of rows. Only the columns that have a processor (flags, times) are
    touched per row."""
    dialect = conn.dialect
    mark = placeholder(dialect)
    by_shape: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_shape[tuple(row)].append(row)
    for names, group in by_shape.items():
        processors = [
            (i, process)
            for i, name in enumerate(names)
            if (process := bind_processor(table.c[name], dialect))
        ]
        params: list[Any] = []
        for row in group:
            values = list(row.values())
            for i, process in processors:
                if values[i] is not None:
                    values[i] = process(values[i])
            params.append(tuple(values))
        conn.exec_driver_sql(
            f"INSERT INTO {table.name} ({', '.join(names)}) "
            f"VALUES ({', '.join([mark] * len(names))})",
            params,
        )
