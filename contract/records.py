"""Record content checks shared by both sides.

The server checks every pushed record against the synced columns (contract/schema.py) before
storing it, so a hostile or corrupt record is rejected at the door instead of breaking every
station that later pulls it. The domain's rules on the values (contract/rules.py) come after.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Callable
from functools import cache
from typing import Annotated, Any

import msgspec

from .protocol import DERIVED_FIELDS, LOCAL_FIELDS
from .schema import COLUMNS

MAX_TEXT = 20000
MAX_JSON = 200000
MAX_FIELD_DEPTH = 6  # a JSON field nests at most this deep (goods: a list of flat objects)


class RecordError(ValueError):
    """A record that cannot be stored; the message is Chinese and goes back to the station."""


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
    if not isinstance(value, dict | list):
        raise RecordError(f"字段 {name} 格式不对")
    try:
        _no_nan(value)  # first: it stops at MAX_FIELD_DEPTH, repr would recurse without end
    except RecordError as exc:
        raise RecordError(f"字段 {name} {exc}") from None
    if len(repr(value)) > MAX_JSON:
        raise RecordError(f"字段 {name} 格式不对")
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


CHECKERS: dict[str, Checker] = {
    "bool": _check_bool,
    "int": _check_int,
    "datetime": _check_datetime,
    "date": _check_date,
    "json": _check_json,
    "text": _check_text,
}


def entities() -> frozenset[str]:
    return frozenset(COLUMNS)


@cache
def _plan(entity: str) -> tuple[tuple[str, bool, Checker], ...]:
    """(name, may be null, check) for each synced column, computed once per entity."""
    return tuple((name, nullable, CHECKERS[kind]) for name, kind, nullable in COLUMNS[entity])


@cache
def required(entity: str) -> frozenset[str]:
    """The columns a whole record holds (those that may not be null)."""
    return frozenset(name for name, _kind, nullable in COLUMNS[entity] if not nullable)


_REQUIRED = {entity: required(entity) for entity in COLUMNS}


def check_whole(entity: str, data: dict[str, Any]) -> None:
    """A pushed record carries every column that may not be null: a record of only an id
    and a station would be stored, and no station could apply it on pull."""
    if not _REQUIRED[entity] <= data.keys():
        missing = sorted(required(entity) - data.keys())
        raise RecordError(f"记录不完整，缺少字段：{', '.join(missing[:5])}")


@cache
def _known(entity: str) -> frozenset[str]:
    return frozenset(name for name, _k, _n in COLUMNS[entity]) | DERIVED_FIELDS | LOCAL_FIELDS


def _no_nan(value: Any, depth: int = 0) -> None:
    if depth > MAX_FIELD_DEPTH:
        raise RecordError("嵌套层次过深")
    if isinstance(value, float) and not math.isfinite(value):
        raise RecordError("数值无效")
    if isinstance(value, str) and _bad_unicode(value):
        raise RecordError("含有非法字符")  # see _SURROGATE
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str) and _bad_unicode(key):
                raise RecordError("含有非法字符")
            _no_nan(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            _no_nan(item, depth + 1)


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
    it (contract/rules.py checks the rest: check digit, birth date)."""
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
    """clean_record for a record as pushed: the raw JSON text of one (contract/wire.py).
    It is checked by a typed decoder in one pass, and only dates, times and JSON fields in
    Python; anything that decoder refuses, or that holds an escape worth a closer look, goes
    through clean_record, which names the field in its refusal. Both paths accept and return
    the same records."""
    raw = bytes(record)
    if raw[:1] == b"{" and (b"\\u" not in raw or not any(s in raw for s in _SUSPECT)):
        decoder, python_checked, dropped = _typed(entity)
        try:
            out: dict[str, Any] = msgspec.to_builtins(decoder.decode(raw))
        except (msgspec.MsgspecError, ValueError, RecursionError):
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
    except (ValueError, RecursionError):
        raise RecordError("记录不是有效的 JSON") from None
    if not isinstance(data, dict):
        raise RecordError("记录应为 JSON 对象")
    return clean_record(entity, data)
