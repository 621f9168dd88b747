"""Fewer index rows per pushed record; the mutation log without a rowid on SQLite.

- ix_record_member_program becomes partial (member_id IS NOT NULL): only relief rows have a
  member_id, and the duplicate-aid check always asks for one (server/rows.py relief_of).
- ix_record_natural goes: the only natural_key lookup is the member ID-number lookup
  (server/derived.py members_by_id_number), which uq_record_member_id_number (s0002) serves.
- ix_record_owner_period stays whole: enrolment (server/auth.py _adopt_id) finds a station's
  rows by owner alone, members included, which a partial index on period would not cover.
- mutation (the idempotency log) on SQLite becomes WITHOUT ROWID: its primary key is then the
  table itself, one b-tree per pushed mutation instead of the table and its autoindex.
  PostgreSQL keeps its table as it is.

Revision ID: s0003
Revises: s0002
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "s0003"
down_revision = "s0002"
branch_labels = None
depends_on = None

RELIEF_KEY = "member_id IS NOT NULL"
MUTATION_COLUMNS = "station_id, mutation_id, status, server_version, error, fields, created_at"


def _in_one_transaction() -> None:
    """pysqlite begins its transaction only at the first INSERT/UPDATE/DELETE, so the DDL
    before it would commit on its own; begin now so the whole step commits or rolls back."""
    bind = op.get_bind()
    raw: Any = bind.connection.dbapi_connection
    if not raw.in_transaction:
        bind.exec_driver_sql("BEGIN")


def _rebuild_mutation(*, with_rowid: bool) -> None:
    """SQLite cannot switch a table's rowid: new table, copy every row, drop, rename."""
    op.create_table(
        "mutation_rebuilt",
        sa.Column("station_id", sa.String(36), primary_key=True),
        sa.Column("mutation_id", sa.String(64), primary_key=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("server_version", sa.Integer, nullable=False),
        sa.Column("error", sa.Text),
        sa.Column("fields", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sqlite_with_rowid=with_rowid,
    )
    op.execute(
        f"INSERT INTO mutation_rebuilt ({MUTATION_COLUMNS}) SELECT {MUTATION_COLUMNS} FROM mutation"
    )
    op.drop_table("mutation")
    op.rename_table("mutation_rebuilt", "mutation")


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        _in_one_transaction()
    op.drop_index("ix_record_natural", table_name="record")
    op.drop_index("ix_record_member_program", table_name="record")
    op.create_index(
        "ix_record_member_program",
        "record",
        ["member_id", "program_id"],
        sqlite_where=sa.text(RELIEF_KEY),
        postgresql_where=sa.text(RELIEF_KEY),
    )
    if sqlite:
        _rebuild_mutation(with_rowid=False)


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        _in_one_transaction()
        _rebuild_mutation(with_rowid=True)
    op.drop_index("ix_record_member_program", table_name="record")
    op.create_index("ix_record_member_program", "record", ["member_id", "program_id"])
    op.create_index("ix_record_natural", "record", ["district_id", "entity", "natural_key"])
