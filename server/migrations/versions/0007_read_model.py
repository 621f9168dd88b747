"""District typed read model: synced records projected into SQL tables (issue 15).

The tables as they are at s0007 (server/readmodel/tables.py is their definition in code),
then a backfill from the record table so an existing district database starts complete.

Revision ID: s0007
Revises: s0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0007"
down_revision = "s0006"
branch_labels = None
depends_on = None

ID = sa.String(64)
STATION = sa.String(36)


def _table(name: str, *columns: sa.Column, index: tuple[str, ...] | None = None) -> None:
    op.create_table(
        name,
        sa.Column("id", ID, primary_key=True),
        sa.Column("district_id", STATION, nullable=False),
        sa.Column("station_id", STATION, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
        *columns,
    )
    if index:
        op.create_index(f"ix_{name}_{index[1]}", name, list(index))


def _text(name: str, width: int, *, null: bool = False) -> sa.Column:
    return sa.Column(name, sa.String(width), nullable=null)


def _int(name: str, kind: type[sa.types.TypeEngine] = sa.Integer) -> sa.Column:
    return sa.Column(name, kind, nullable=False)


def upgrade() -> None:
    op.create_table(
        "rm_station_activity",
        sa.Column("station_id", STATION, primary_key=True),
        sa.Column("district_id", STATION, nullable=False),
        sa.Column("last_push_at", sa.DateTime(timezone=True)),
        sa.Column("last_pull_at", sa.DateTime(timezone=True)),
        sa.Column("app_version", sa.String(64)),
        sa.Column("clock_offset_s", sa.Float),
        sa.Column("records_waiting", sa.Integer),
    )
    op.create_index("ix_rm_station_activity_district_id", "rm_station_activity", ["district_id"])
    by_period = ("district_id", "period", "station_id")
    _table(
        "rm_member",
        _text("job_group", 32),
        _text("membership_status", 32),
        _text("hardship_category", 32),
        _text("created_period", 7),
        index=("district_id", "created_period", "station_id"),
    )
    _table(
        "rm_relief",
        _text("member_id", 64),
        _text("program_id", 64),
        _text("period", 7),
        _text("issued_on", 10),
        _int("cash_fen", sa.BigInteger),
        _int("goods_value_fen", sa.BigInteger),
        _text("status", 16),
        _text("receipt_id", 64, null=True),
        index=by_period,
    )
    op.create_index(
        "ix_rm_relief_program_id", "rm_relief", ["district_id", "program_id", "station_id"]
    )
    _table(
        "rm_receipt",
        _text("number", 64),
        _int("year"),
        _int("serial"),
        _text("relief_id", 64),
        _text("period", 7),
        sa.Column("voided", sa.Boolean, nullable=False),
        index=by_period,
    )
    _table(
        "rm_visit",
        _text("visit_type", 32),
        _text("visited_on", 10),
        _text("period", 7),
        index=by_period,
    )
    _table(
        "rm_station_log",
        _text("log_date", 10),
        _text("period", 7),
        _text("category", 32),
        _text("topic", 32),
        _text("job_group", 32),
        *(_int(name) for name in ("visitors", "consultations", "mediations", "workers_involved")),
        _int("amount_recovered_fen", sa.BigInteger),
        _int("new_members"),
        _int("services"),
        index=by_period,
    )
    _table(
        "rm_month_close",
        _text("period", 7),
        _text("status", 16),
        _text("receipt_first", 64),
        _text("receipt_last", 64),
        _int("voided_count"),
        _text("voided_numbers", 4000),
        _text("closed_at", 40),
        index=by_period,
    )
    _table(
        "rm_program",
        _text("code", 64),
        _int("year"),
        _text("name", 200),
        _text("program_type", 32),
        index=("district_id", "id"),
    )
    _table(
        "rm_attention",
        _text("entity", 32),
        sa.Column("open", sa.Boolean, nullable=False),
        index=("district_id", "station_id", "open"),
    )
    _backfill()


def _backfill() -> None:
    """Project what the district already holds into these tables (a data step run with the
    code of today: a later migration that changes one of these tables rebuilds it itself)."""
    from server.readmodel.entities.core import PROJECTIONS
    from server.readmodel.project import rebuild

    rebuild(op.get_bind(), only=PROJECTIONS)


def downgrade() -> None:
    for name in (
        "rm_attention",
        "rm_program",
        "rm_month_close",
        "rm_station_log",
        "rm_visit",
        "rm_receipt",
        "rm_relief",
        "rm_member",
        "rm_station_activity",
    ):
        op.drop_table(name)
