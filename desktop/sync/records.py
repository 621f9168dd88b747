"""Record content checks and conversions shared by both sides.

The server checks every pushed record against the station schema before storing it, so a
hostile or corrupt record is rejected at the door instead of breaking every station that
later pulls it. The client converts wire values (ISO text) back to column values.
"""

from __future__ import annotations

import datetime as dt
import math
from functools import cache
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Integer, String
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


def _check_value(name: str, column: Column[Any], value: Any) -> Any:
    kind = kind_of(column)
    if value is None:
        if not column.nullable and not column.primary_key:
            raise RecordError(f"字段 {name} 不能为空")
        return None
    if isinstance(kind, Boolean):
        if not isinstance(value, bool):
            raise RecordError(f"字段 {name} 应为真/假")
    elif isinstance(kind, Integer):
        if isinstance(value, bool) or not isinstance(value, int) or abs(value) > 2**53:
            raise RecordError(f"字段 {name} 应为整数")
    elif isinstance(kind, DateTime):
        try:
            dt.datetime.fromisoformat(value)
        except (TypeError, ValueError):
            raise RecordError(f"字段 {name} 不是有效的时间") from None
    elif isinstance(kind, Date):
        try:
            dt.date.fromisoformat(value)
        except (TypeError, ValueError):
            raise RecordError(f"字段 {name} 不是有效的日期") from None
    elif isinstance(kind, JSON):
        if not isinstance(value, dict | list) or len(repr(value)) > MAX_JSON:
            raise RecordError(f"字段 {name} 格式不对")
        _no_nan(value)
    elif isinstance(kind, String):
        if not isinstance(value, str) or len(value) > MAX_TEXT:
            raise RecordError(f"字段 {name} 应为文字")
        if "\x00" in value:
            raise RecordError(f"字段 {name} 含有非法字符")
    return value


def _no_nan(value: Any) -> None:
    if isinstance(value, float) and not math.isfinite(value):
        raise RecordError("数值无效")
    if isinstance(value, dict):
        for item in value.values():
            _no_nan(item)
    elif isinstance(value, list):
        for item in value:
            _no_nan(item)


def clean_record(entity: str, record: dict[str, Any]) -> dict[str, Any]:
    """Validate a pushed record; return its synced content (derived fields dropped)."""
    cols = columns(entity)
    unknown = [
        k for k in record if k not in cols and k not in DERIVED_FIELDS and k not in LOCAL_COLUMNS
    ]
    if unknown:
        raise RecordError(f"未知字段：{', '.join(sorted(unknown)[:5])}")
    out: dict[str, Any] = {}
    for name, column in cols.items():
        if name not in record:
            if name in ("id", "station_id"):
                raise RecordError(f"缺少字段 {name}")
            continue
        out[name] = _check_value(name, column, record[name])
    return out


def to_columns(entity: str, data: dict[str, Any]) -> dict[str, Any]:
    """Wire content -> values for a local insert/update (ISO text back to dates)."""
    out: dict[str, Any] = {}
    for name, column in columns(entity).items():
        if name not in data:
            continue
        value = data[name]
        if value is not None:
            kind = kind_of(column)
            if isinstance(kind, DateTime) and isinstance(value, str):
                value = dt.datetime.fromisoformat(value)
            elif isinstance(kind, Date) and isinstance(value, str):
                value = dt.date.fromisoformat(value)
        out[name] = value
    return out


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
