"""District server schema: districts, stations, records, mutations, closed periods, counter.

Revision ID: s0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    tz = sa.DateTime(timezone=True)
    op.create_table(
        "district",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("code", sa.String(32), nullable=False, unique=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("created_at", tz, nullable=False),
    )
    op.create_table(
        "station",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("district_id", sa.String(36), nullable=False, index=True),
        sa.Column("code", sa.String(32), nullable=False, unique=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("token_hash", sa.String(64), unique=True),
        sa.Column("enrol_code_hash", sa.String(64), unique=True),
        sa.Column("enrol_expires", tz),
        sa.Column("enrolled_at", tz),
        sa.Column("revoked", sa.Boolean, nullable=False),
        sa.Column("receipt_key", sa.String(128), nullable=False),
        sa.Column("created_at", tz, nullable=False),
    )
    op.create_table(
        "record",
        sa.Column("entity", sa.String(32), primary_key=True),
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("district_id", sa.String(36), nullable=False),
        sa.Column("owner", sa.String(36), nullable=False),
        sa.Column("seq", sa.BigInteger, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.Column("origin", sa.String(36)),
        sa.Column("last_writer", sa.String(36)),
        sa.Column("member_id", sa.String(64)),
        sa.Column("program_id", sa.String(64)),
        sa.Column("period", sa.String(7)),
        sa.Column("natural_key", sa.String(64)),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("updated_at", tz, nullable=False),
    )
    op.create_index("ix_record_district_seq", "record", ["district_id", "seq"])
    op.create_index("ix_record_member_program", "record", ["member_id", "program_id"])
    op.create_index("ix_record_natural", "record", ["district_id", "entity", "natural_key"])
    op.create_index("ix_record_owner_period", "record", ["owner", "entity", "period"])
    op.create_table(
        "mutation",
        sa.Column("station_id", sa.String(36), primary_key=True),
        sa.Column("mutation_id", sa.String(64), primary_key=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("server_version", sa.Integer, nullable=False),
        sa.Column("error", sa.Text),
        sa.Column("fields", sa.Text, nullable=False),
        sa.Column("created_at", tz, nullable=False),
    )
    op.create_table(
        "closed_period",
        sa.Column("station_id", sa.String(36), primary_key=True),
        sa.Column("period", sa.String(7), primary_key=True),
        sa.Column("closed_at", tz, nullable=False),
    )
    op.create_table(
        "counter",
        sa.Column("name", sa.String(32), primary_key=True),
        sa.Column("value", sa.BigInteger, nullable=False),
    )
    op.execute("INSERT INTO counter (name, value) VALUES ('seq', 0)")


def downgrade() -> None:
    for name in ("counter", "closed_period", "mutation", "record", "station", "district"):
        op.drop_table(name)
