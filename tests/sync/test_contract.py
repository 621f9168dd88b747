"""contract/schema.py, which the server checks pushed records against, names exactly the
synced columns of the station's tables, with the same kinds and nullability."""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, Date, DateTime, Integer, String

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
