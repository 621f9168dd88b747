"""Hardship files (困难职工档案) and students of 金秋助学 (issue 16); relief names the file, the
student and the school year; a program may require an active file of given categories.

The member's three hardship fields stay, as a summary the file service keeps up to date.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_TEXT = sqlmodel.sql.sqltypes.AutoString


def _synced() -> list[sa.Column]:  # type: ignore[type-arg]
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


def upgrade() -> None:
    text_cols = ("file_no", "status", "category", "computed_category", "category_reason")
    op.create_table(
        "hardshipfile",
        *_synced(),
        sa.Column("member_id", _TEXT(), nullable=False),
        *(sa.Column(name, _TEXT(), nullable=False) for name in text_cols),
        sa.Column("cause_main", _TEXT(), nullable=False),
        sa.Column("cause_secondary", _TEXT(), nullable=False),
        sa.Column("household", sa.JSON(), nullable=True),
        sa.Column("income_sources", sa.JSON(), nullable=True),
        *(
            sa.Column(name, sa.Integer(), nullable=False)
            for name in ("other_income_fen", "medical_fen", "schooling_fen", "loss_fen")
        ),
        sa.Column("accident", sa.Boolean(), nullable=False),
        sa.Column("standard_fen", sa.Integer(), nullable=False),
        sa.Column("applied_on", sa.Date(), nullable=False),
        sa.Column("visit_id", _TEXT(), nullable=True),
        sa.Column("publish_period", _TEXT(), nullable=False),
        sa.Column("established_on", sa.Date(), nullable=True),
        sa.Column("review_due", sa.Date(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("close_reason", _TEXT(), nullable=False),
        sa.Column("steps", sa.JSON(), nullable=True),
        sa.Column("note", _TEXT(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("hardshipfile", schema=None) as batch_op:
        batch_op.create_index("ix_hardshipfile_station_id", ["station_id"], unique=False)
        batch_op.create_index("ix_hardshipfile_member_id", ["member_id"], unique=False)
        batch_op.create_index("ix_hardshipfile_review_due", ["review_due"], unique=False)
    op.create_table(
        "student",
        *_synced(),
        sa.Column("member_id", _TEXT(), nullable=False),
        sa.Column("hardship_file_id", _TEXT(), nullable=True),
        sa.Column("name", _TEXT(), nullable=False),
        sa.Column("id_number", _TEXT(), nullable=False),
        sa.Column("school", _TEXT(), nullable=False),
        sa.Column("stage", _TEXT(), nullable=False),
        sa.Column("entry_year", sa.Integer(), nullable=False),
        sa.Column("expected_graduation", sa.Integer(), nullable=False),
        sa.Column("status", _TEXT(), nullable=False),
        sa.Column("graduated_on", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("student", schema=None) as batch_op:
        batch_op.create_index("ix_student_station_id", ["station_id"], unique=False)
        batch_op.create_index("ix_student_member_id", ["member_id"], unique=False)
    op.create_table(
        "dibaostandard",
        *_synced(),
        sa.Column("standard_fen", sa.Integer(), nullable=False),
        sa.Column("effective_on", sa.Date(), nullable=False),
        sa.Column("note", _TEXT(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("dibaostandard", schema=None) as batch_op:
        batch_op.create_index("ix_dibaostandard_station_id", ["station_id"], unique=False)
    with op.batch_alter_table("reliefdistribution", schema=None) as batch_op:
        batch_op.add_column(sa.Column("hardship_file_id", _TEXT(), nullable=True))
        batch_op.add_column(sa.Column("student_id", _TEXT(), nullable=True))
        batch_op.add_column(sa.Column("school_year", _TEXT(), nullable=True))
        batch_op.create_index("ix_relief_hardship_file", ["hardship_file_id"], unique=False)
        batch_op.create_index("ix_relief_student", ["student_id"], unique=False)
    with op.batch_alter_table("fundprogram", schema=None) as batch_op:
        batch_op.add_column(sa.Column("requires_file", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("fundprogram", schema=None) as batch_op:
        batch_op.drop_column("requires_file")
    with op.batch_alter_table("reliefdistribution", schema=None) as batch_op:
        batch_op.drop_index("ix_relief_student")
        batch_op.drop_index("ix_relief_hardship_file")
        batch_op.drop_column("school_year")
        batch_op.drop_column("student_id")
        batch_op.drop_column("hardship_file_id")
    op.drop_table("dibaostandard")
    op.drop_table("student")
    op.drop_table("hardshipfile")
