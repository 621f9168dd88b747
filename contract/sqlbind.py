"""Statements sent straight through the database driver, on either side: the placeholder and
the bind processors SQLAlchemy would use, so stored values are exactly a Core insert's."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from sqlalchemy import Date, DateTime
from sqlalchemy.sql.schema import Column
from sqlalchemy.types import TypeDecorator


def _sqlite_time(value: dt.datetime) -> str:
    """What SQLAlchemy stores in SQLite for an aware time (sqlmodel's UTCDateTime: UTC,
    no offset, always microseconds), by the C-level isoformat instead of its Python
    formatting (tests/sync/test_records.py holds the two equal)."""
    if value.tzinfo is dt.UTC:  # as parsed from "+00:00", what the server sends
        return value.isoformat(" ", "microseconds")[:26]
    if value.utcoffset() is None:
        raise ValueError("time without a zone")
    # "YYYY-MM-DD HH:MM:SS.ffffff" is always 26 characters; the offset after it is dropped
    return value.astimezone(dt.UTC).isoformat(" ", "microseconds")[:26]


def _sqlite_date(value: dt.date) -> str:
    return value.isoformat()


def placeholder(dialect: Any) -> str:
    """The driver's parameter placeholder (qmark for SQLite, %s for psycopg), for statements
    sent straight through the driver on either side."""
    return "?" if dialect.paramstyle == "qmark" else "%s"


def bind_processor(column: Column[Any], dialect: Any) -> Callable[[Any], Any] | None:
    """The bind processor of a column for this database (None: the value goes as it is); for
    SQLite times and dates, an equal but faster one (a pulled member has six of them)."""
    kind = column.type
    if dialect.name == "sqlite":
        if isinstance(kind, TypeDecorator) and isinstance(kind.impl_instance, DateTime):
            if getattr(kind.impl_instance, "timezone", False):
                return _sqlite_time
        elif isinstance(kind, Date) and not isinstance(kind, DateTime):
            return _sqlite_date
    process: Callable[[Any], Any] | None = kind.dialect_impl(dialect).bind_processor(dialect)
    return process
