"""contract/schema.py, which the server checks pushed records against, names exactly the
synced columns of the station's tables, with the same kinds and nullability; and the server's
fast ID-number check (contract.rules.valid_id_number) accepts exactly what parse accepts."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import JSON, Boolean, Date, DateTime, Integer, String

from contract import idnumber
from contract.rules import valid_id_number
from contract.schema import COLUMNS
from desktop.models import SYNCED_TABLES
from desktop.sync.records import columns, kind_of


def _kind(column: object) -> str:
    kind = kind_of(column)  # type: ignore[arg-type]
    for sql_type, name in (
        (Boolean, "bool"),
        (Integer, "int"),
        (DateTime, "datetime"),
        (Date, "date"),
        (JSON, "json"),
        (String, "text"),
    ):
        if isinstance(kind, sql_type):
            return name
    raise AssertionError(f"unexpected column type {kind!r}")


def test_contract_schema_matches_the_station_tables() -> None:
    assert set(COLUMNS) == set(SYNCED_TABLES)
    for entity in SYNCED_TABLES:
        station = tuple(
            (name, _kind(column), bool(column.nullable or column.primary_key))
            for name, column in columns(entity).items()
        )
        assert COLUMNS[entity] == station, entity


# -- the server's fast ID-number check agrees with contract.idnumber.parse ---------------------

TODAY = dt.date(2026, 11, 29)
digits = st.text(alphabet="0123456789", min_size=17, max_size=17)


def _parse_accepts(number: str) -> bool:
    try:
        idnumber.parse(number, today=TODAY)
    except idnumber.IdNumberError:
        return False
    return True


@given(digits, st.sampled_from("0123456789X"))
@settings(max_examples=2000, deadline=None)
def test_fast_id_number_check_agrees_with_parse_on_any_number(first17: str, last: str) -> None:
    number = first17 + last
    assert valid_id_number(number, TODAY) == _parse_accepts(number)


@given(st.dates(min_value=dt.date(1790, 1, 1), max_value=dt.date(2999, 12, 31)), digits)
@settings(max_examples=2000, deadline=None)
def test_fast_id_number_check_agrees_with_parse_on_real_shapes(born: dt.date, rest: str) -> None:
    first17 = rest[:6] + born.strftime("%Y%m%d") + rest[6:9]
    number = first17 + idnumber.check_char(first17)
    assert valid_id_number(number, TODAY) == _parse_accepts(number)
    for spelled in (" " + number, number[:17], number + "0", number.replace("X", "x") + " "):
        assert not valid_id_number(spelled, TODAY)
