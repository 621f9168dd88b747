"""Read model of hardship files and student aid (issue 16): rm_hardship_file (status,
category, household size, the months of 建档, 脱困, 注销 and 返困) and rm_student, then a
backfill from the records.

Revision ID: s0008
Revises: s0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0008"
down_revision = "s0007"
branch_labels = None
depends_on = None


def _common(name: str, *columns: sa.Column) -> None:  # type: ignore[type-arg]
    op.create_table(
        name,
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("district_id", sa.String(36), nullable=False),
        sa.Column("station_id", sa.String(36), nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
        *columns,
    )
    op.create_index(f"ix_{name}_station", name, ["district_id", "station_id"])


def _text(name: str, width: int) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.String(width), nullable=False)


def upgrade() -> None:
    _common(
        "rm_hardship_file",
        _text("status", 16),
        _text("category", 16),
        sa.Column("household_size", sa.Integer, nullable=False),
        _text("established_period", 7),
        _text("recovered_period", 7),
        _text("cancelled_period", 7),
        _text("reopened_period", 7),
    )
    _common("rm_student", _text("status", 16), _text("stage", 32))
    _backfill()


def _backfill() -> None:
    """Project the hardship files and students the district already holds."""
    from server.readmodel.entities.hardship import PROJECTIONS
    from server.readmodel.project import rebuild

    rebuild(op.get_bind(), only=PROJECTIONS)


def downgrade() -> None:
    op.drop_table("rm_student")
    op.drop_table("rm_hardship_file")
