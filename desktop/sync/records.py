"""Record content checks and conversions shared by both sides.

The server checks every pushed record against the station schema before storing it, so a
hostile or corrupt record is rejected at the door instead of breaking every station that
later pulls it. The client converts wire values (ISO text) back to column values.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections import defaultdict
from collections.abc import Callable
from functools import cache
from typing import Annotated, Any

import msgspec
from sqlalchemy import JSON, Boolean, Connection, Date, DateTime, Integer, String, Table
from sqlalchemy.sql.schema import Column
from sqlalchemy.types import TypeDecorator

from ..models import LOCAL_COLUMNS, SYNCED_TABLES
from .protocol import DERIVED_FIELDS

MAX_TEXT = 20000
MAX_JSON = 200000


class RecordError(ValueError):
    """A record that cannot be stored; the message is Chinese and goes back to the station."""


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


Checker = Callable[[str, Any], Any]


def _check_bool(name: str, value: Any) -> Any:
    if not isinstance(value, bool):
        raise RecordError(f"字段 {name} 应为真/假")
    return value


def _check_int(name: str, value: Any) -> Any:
    if value.__class__ is not int and (isinstance(value, bool) or not isinstance(value, int)):
        raise RecordError(f"字段 {name} 应为整数")
    if abs(value) > 2**53:
        raise RecordError(f"字段 {name} 应为整数")
    return value


def _check_datetime(name: str, value: Any) -> Any:
    try:
        dt.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise RecordError(f"字段 {name} 不是有效的时间") from None
    return value


def _check_date(name: str, value: Any) -> Any:
    try:
        dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise RecordError(f"字段 {name} 不是有效的日期") from None
    return value


def _check_json(name: str, value: Any) -> Any:
    if not isinstance(value, dict | list) or len(repr(value)) > MAX_JSON:
        raise RecordError(f"字段 {name} 格式不对")
    _no_nan(value)
    return value


def _check_text(name: str, value: Any) -> Any:
    if value.__class__ is not str or len(value) > MAX_TEXT:
        raise RecordError(f"字段 {name} 应为文字")
    if "\x00" in value or _bad_unicode(value):
        raise RecordError(f"字段 {name} 含有非法字符")
    return value


# A lone surrogate (JSON "\ud800" without its pair) is valid JSON but not storable text: it
# made the server's JSON encoder fail the whole batch with a 500, retried for ever by the
# station (found by tests/sync/test_fuzz_api.py). Refuse the one record instead.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _bad_unicode(value: str) -> bool:
    return not value.isascii() and _SURROGATE.search(value) is not None


def _pass(_name: str, value: Any) -> Any:
    return value


def _checker(column: Column[Any]) -> Checker:
    kind = kind_of(column)
    # order matters: Boolean and Integer before the broader String/JSON checks
    for sql_type, check in (
        (Boolean, _check_bool),
        (Integer, _check_int),
        (DateTime, _check_datetime),
        (Date, _check_date),
        (JSON, _check_json),
        (String, _check_text),
    ):
        if isinstance(kind, sql_type):
            return check
    return _pass


@cache
def _plan(entity: str) -> tuple[tuple[str, bool, Checker], ...]:
    """(name, may be null, check) for each synced column, computed once per entity."""
    return tuple(
        (name, bool(column.nullable or column.primary_key), _checker(column))
        for name, column in columns(entity).items()
    )


@cache
def _known(entity: str) -> frozenset[str]:
    return frozenset(columns(entity)) | DERIVED_FIELDS | LOCAL_COLUMNS


def _no_nan(value: Any) -> None:
    if isinstance(value, float) and not math.isfinite(value):
        raise RecordError("数值无效")
    if isinstance(value, str) and _bad_unicode(value):
        raise RecordError("含有非法字符")  # see _SURROGATE
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str) and _bad_unicode(key):
                raise RecordError("含有非法字符")
            _no_nan(item)
    elif isinstance(value, list):
        for item in value:
            _no_nan(item)


_MISSING = object()


def clean_record(entity: str, record: dict[str, Any]) -> dict[str, Any]:
    """Validate a pushed record; return its synced content (derived fields dropped)."""
    known = _known(entity)
    if not known.issuperset(record):
        unknown = sorted(k for k in record if k not in known)
        raise RecordError(f"未知字段：{', '.join(unknown[:5])}")
    out: dict[str, Any] = {}
    for name, nullable, check in _plan(entity):
        value = record.get(name, _MISSING)
        if value is _MISSING:
            if name in ("id", "station_id"):
                raise RecordError(f"缺少字段 {name}")
        elif value is None:
            if not nullable:
                raise RecordError(f"字段 {name} 不能为空")
            out[name] = None
        elif check is _check_text:
            # most fields are text: the common case is tested here, without a call per field
            if (
                value.__class__ is not str
                or len(value) > MAX_TEXT
                or "\x00" in value
                or (not value.isascii() and _SURROGATE.search(value))
            ):
                _check_text(name, value)  # raises, naming the field
            out[name] = value
        else:
            out[name] = check(name, value)
    if entity == "member" and out.get("id_number") is not None:
        _canonical_id_number(out["id_number"])
    return out


def _canonical_id_number(value: str) -> None:
    """The district's one-member-per-ID-number index only works on one spelling of a number:
    18 ASCII characters, 17 digits and a digit or an upper-case X, as the station app writes
    it (the station checks the rest: checksum, birth date)."""
    if not (
        len(value) == 18
        and value.isascii()
        and value[:17].isdigit()
        and (value[17].isdigit() or value[17] == "X")
    ):
        raise RecordError("身份证号应为 18 位标准写法（末位 X 大写，不含空格）")


# A NUL or a UTF-16 surrogate can only reach a JSON text as an escape; a raw record holding
# either (or an escaped backslash before "u0000"/"ud...", which is harmless) takes the slow path.
_SUSPECT = (b"\\u0000", b"\\ud", b"\\uD")


_TYPED: dict[Checker, Any] = {
    _check_bool: bool,
    _check_int: Annotated[int, msgspec.Meta(ge=-(2**53), le=2**53)],
    _check_text: Annotated[str, msgspec.Meta(max_length=MAX_TEXT)],
    _check_datetime: str,  # kept as sent; checked by fromisoformat in Python
    _check_date: str,
    _check_json: dict[str, Any] | list[Any],
}


@cache
def _typed(
    entity: str,
) -> tuple[msgspec.json.Decoder[Any], tuple[tuple[str, Checker], ...], frozenset[str]]:
    """Per entity: a msgspec decoder whose struct states what clean_record checks for the
    common types, the names of the date, time and JSON fields still checked in Python, and
    the accepted names that are dropped (derived and local columns)."""
    fields: list[tuple[str, Any, Any]] = []
    python_checked: list[tuple[str, Checker]] = []
    for name, nullable, check in _plan(entity):
        kind = _TYPED.get(check, Any)
        if check in (_check_datetime, _check_date, _check_json):
            python_checked.append((name, check))
        if kind is not Any:
            kind = kind | None if nullable else kind
        if name in ("id", "station_id"):
            fields.append((name, kind, msgspec.NODEFAULT))
        else:
            fields.append((name, kind if kind is Any else kind | msgspec.UnsetType, msgspec.UNSET))
    dropped = _known(entity) - {name for name, _kind, _default in fields}
    fields += [(name, Any, msgspec.UNSET) for name in sorted(dropped)]
    struct = msgspec.defstruct(f"{entity}_record", fields, kw_only=True, forbid_unknown_fields=True)
    return msgspec.json.Decoder(struct), tuple(python_checked), frozenset(dropped)


def clean_wire(entity: str, record: msgspec.Raw) -> dict[str, Any]:
    """clean_record for a record as pushed: the raw JSON text of one (desktop/sync/wire.py).
    It is checked by a typed decoder in one pass, and only dates, times and JSON fields in
    Python; anything that decoder refuses, or that holds an escape worth a closer look, goes
    through clean_record, which names the field in its refusal. Both paths accept and return
    the same records."""
    raw = bytes(record)
    if raw[:1] == b"{" and (b"\\u" not in raw or not any(s in raw for s in _SUSPECT)):
        decoder, python_checked, dropped = _typed(entity)
        try:
            out: dict[str, Any] = msgspec.to_builtins(decoder.decode(raw))
        except (msgspec.MsgspecError, ValueError):
            pass
        else:
            for name in dropped.intersection(out):
                del out[name]
            for name, check in python_checked:
                value = out.get(name)
                if value is not None:
                    check(name, value)
            if entity == "member" and out.get("id_number") is not None:
                _canonical_id_number(out["id_number"])
            return out
    try:
        data = json.loads(raw)
    except ValueError:
        raise RecordError("记录不是有效的 JSON") from None
    if not isinstance(data, dict):
        raise RecordError("记录应为 JSON 对象")
    return clean_record(entity, data)


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
