"""District console: staff accounts, sessions, audit of console actions (issue 15).

Revision ID: s0006
Revises: s0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0006"
down_revision = "s0005"
branch_labels = None
depends_on = None

STAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "district_user",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("district_id", sa.String(36), nullable=False),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("display_name", sa.Text, nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("password_hash", sa.Text, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("created_at", STAMP, nullable=False),
    )
    op.create_index(
        "uq_district_user_name", "district_user", ["district_id", "username"], unique=True
    )
    op.create_table(
        "console_session",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("user_id", sa.String(36), nullable=False),
        sa.Column("csrf", sa.String(64), nullable=False),
        sa.Column("created_at", STAMP, nullable=False),
        sa.Column("last_seen", STAMP, nullable=False),
        sa.Column("expires_at", STAMP, nullable=False),
    )
    op.create_index("ix_console_session_user_id", "console_session", ["user_id"])
    op.create_table(
        "login_failure",
        sa.Column("key", sa.String(200), primary_key=True),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("last_at", STAMP, nullable=False),
    )
    op.create_table(
        "console_audit",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("district_id", sa.String(36), nullable=False),
        sa.Column("user_id", sa.String(36)),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("at", STAMP, nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("target", sa.Text, nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
    )
    op.create_index("ix_console_audit_district_at", "console_audit", ["district_id", "at"])


def downgrade() -> None:
    op.drop_table("console_audit")
    op.drop_table("login_failure")
    op.drop_table("console_session")
    op.drop_table("district_user")
