"""Rights cases and membership intake (issue 17): two new synced tables.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_TEXT = sqlmodel.sql.sqltypes.AutoString


def _synced() -> list[sa.Column]:  # type: ignore[type-arg]
    """The columns every synced record carries (desktop/models/base.py Synced)."""
    return [
        sa.Column("id", _TEXT(length=36), nullable=False),
        sa.Column("station_id", _TEXT(length=36), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=False),
        sa.Column("sync_state", _TEXT(), nullable=False),
        sa.Column("sync_error", _TEXT(), nullable=True),
    ]


def _texts(*names: str) -> list[sa.Column]:  # type: ignore[type-arg]
    return [sa.Column(name, _TEXT(), nullable=False) for name in names]


def upgrade() -> None:
    op.create_table(
        "rightscase",
        *_synced(),
        *_texts("case_no", "source", "ticket_no"),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("accepted_on", sa.Date(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        *_texts("employer", "dispute_type", "matter"),
        sa.Column("workers", sa.JSON(), nullable=True),
        sa.Column("worker_count", sa.Integer(), nullable=False),
        sa.Column("claimed_fen", sa.Integer(), nullable=False),
        sa.Column("recovered_fen", sa.Integer(), nullable=False),
        sa.Column("status", _TEXT(), nullable=False),
        sa.Column("history", sa.JSON(), nullable=True),
        sa.Column("notes", sa.JSON(), nullable=True),
        sa.Column("extensions", sa.JSON(), nullable=True),
        *_texts("mediator_id", "agreement_terms"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("station_id", "case_no"),
    )
    with op.batch_alter_table("rightscase", schema=None) as batch_op:
        for column in ("received_on", "station_id", "status"):
            batch_op.create_index(batch_op.f(f"ix_rightscase_{column}"), [column], unique=False)
    op.create_table(
        "memberintake",
        *_synced(),
        *_texts("member_id", "kind"),
        sa.Column("on_date", sa.Date(), nullable=False),
        *_texts("card_no", "ethnicity", "education", "political_status", "hukou", "employer"),
        *_texts("joint_union", "job_group", "other_union", "staff_id", "note"),
        sa.Column("void_reason", _TEXT(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("memberintake", schema=None) as batch_op:
        for column in ("member_id", "on_date", "station_id"):
            batch_op.create_index(batch_op.f(f"ix_memberintake_{column}"), [column], unique=False)


def downgrade() -> None:
    op.drop_table("memberintake")
    op.drop_table("rightscase")
