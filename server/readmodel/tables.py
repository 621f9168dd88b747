"""The read model's typed tables (created by migration s0007; this is their one definition
in code, the migration spells them out as they were at s0007).

Every table carries the record's district and owning station, the period (YYYY-MM) it counts
in, and `deleted` (a tombstone stays as a row so a re-projection never resurrects it).
Amounts are integer fen. Nothing here is JSON: the pages GROUP BY these columns.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Float,
    Index,
    Integer,
    String,
    Table,
)

from ..db import metadata as read_metadata  # one schema: the server's (db.py loads these)


def scope(table: Table, district_id: str, station_id: str | None) -> list[Any]:
    """The WHERE conditions of a district's (or one station's) live rows of a typed table."""
    c = table.c
    out = [c.district_id == district_id, c.deleted.is_(False)]
    if station_id is not None:
        out.append(c.station_id == station_id)
    return out


def _common(name: str, *columns: Column, indexes: tuple[Index, ...] = ()) -> Table:
    """A projection table: id, district, station, deleted first."""
    return Table(
        name,
        read_metadata,
        Column("id", String(64), primary_key=True),
        Column("district_id", String(36), nullable=False),
        Column("station_id", String(36), nullable=False),
        Column("deleted", Boolean, nullable=False, default=False),
        *columns,
        *indexes,
    )


station_activity = Table(
    "rm_station_activity",
    read_metadata,
    Column("station_id", String(36), primary_key=True),
    Column("district_id", String(36), nullable=False, index=True),
    Column("last_push_at", DateTime(timezone=True)),
    Column("last_pull_at", DateTime(timezone=True)),
    Column("app_version", String(64)),
    Column("clock_offset_s", Float),  # station clock minus server clock, seconds
    Column("records_waiting", Integer),  # the station's outbox not yet accepted, as it says
)

member = _common(
    "rm_member",
    Column("job_group", String(32), nullable=False),
    Column("membership_status", String(32), nullable=False),
    Column("hardship_category", String(32), nullable=False),
    Column("created_period", String(7), nullable=False),
    indexes=(Index("ix_rm_member_created_period", "district_id", "created_period", "station_id"),),
)

relief = _common(
    "rm_relief",
    Column("member_id", String(64), nullable=False),
    Column("program_id", String(64), nullable=False),
    Column("period", String(7), nullable=False),
    Column("issued_on", String(10), nullable=False),
    Column("cash_fen", BigInteger, nullable=False),
    Column("goods_value_fen", BigInteger, nullable=False),
    Column("status", String(16), nullable=False),
    Column("receipt_id", String(64)),
    indexes=(
        Index("ix_rm_relief_period", "district_id", "period", "station_id"),
        # 帮扶项目与预算: spending to date per program and station
        Index("ix_rm_relief_program_id", "district_id", "program_id", "station_id"),
    ),
)

receipt = _common(
    "rm_receipt",
    Column("number", String(64), nullable=False),
    Column("year", Integer, nullable=False),
    Column("serial", Integer, nullable=False),
    Column("relief_id", String(64), nullable=False),
    Column("period", String(7), nullable=False),
    Column("voided", Boolean, nullable=False),
    indexes=(Index("ix_rm_receipt_period", "district_id", "period", "station_id"),),
)

visit = _common(
    "rm_visit",
    Column("visit_type", String(32), nullable=False),
    Column("visited_on", String(10), nullable=False),
    Column("period", String(7), nullable=False),
    indexes=(Index("ix_rm_visit_period", "district_id", "period", "station_id"),),
)

station_log = _common(
    "rm_station_log",
    Column("log_date", String(10), nullable=False),
    Column("period", String(7), nullable=False),
    Column("category", String(32), nullable=False),
    Column("topic", String(32), nullable=False),
    Column("job_group", String(32), nullable=False),
    Column("visitors", Integer, nullable=False),
    Column("consultations", Integer, nullable=False),
    Column("mediations", Integer, nullable=False),
    Column("workers_involved", Integer, nullable=False),
    Column("amount_recovered_fen", BigInteger, nullable=False),
    Column("new_members", Integer, nullable=False),
    Column("services", Integer, nullable=False),
    indexes=(Index("ix_rm_station_log_period", "district_id", "period", "station_id"),),
)

month_close = _common(
    "rm_month_close",
    Column("period", String(7), nullable=False),
    Column("status", String(16), nullable=False),  # the server's verdict (server_status)
    Column("receipt_first", String(64), nullable=False),
    Column("receipt_last", String(64), nullable=False),
    Column("voided_count", Integer, nullable=False),
    Column("voided_numbers", String(4000), nullable=False),  # comma-separated, for display
    Column("closed_at", String(40), nullable=False),
    indexes=(Index("ix_rm_month_close_period", "district_id", "period", "station_id"),),
)

program = _common(
    "rm_program",
    Column("code", String(64), nullable=False),
    Column("year", Integer, nullable=False),
    Column("name", String(200), nullable=False),
    Column("program_type", String(32), nullable=False),
    indexes=(Index("ix_rm_program_id", "district_id", "id"),),
)

# server-made rows that wait for a person: open conflicts and undecided duplicate-aid flags
attention = _common(
    "rm_attention",
    Column("entity", String(32), nullable=False),
    Column("open", Boolean, nullable=False),
    indexes=(Index("ix_rm_attention_station_id", "district_id", "station_id", "open"),),
)
