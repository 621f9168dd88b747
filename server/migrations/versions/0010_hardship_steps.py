"""Read model of hardship file steps (issue 16 follow-up): rm_hardship_step, one row per step
of each file (its day, kind, the status it sets and the category it records), so the district
replays a file to any month's end in SQL as the station's report does; then a backfill from
the hardship files the district already holds.

Revision ID: s0010
Revises: s0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0010"
down_revision = "s0009"
branch_labels = None
depends_on = None


def _text(name: str, width: int) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.String(width), nullable=False)


def upgrade() -> None:
    op.create_table(
        "rm_hardship_step",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        _text("district_id", 36),
        _text("station_id", 36),
        sa.Column("deleted", sa.Boolean, nullable=False),
        _text("day", 10),
        _text("step", 16),
        _text("sets_status", 16),
        _text("sets_category", 16),
    )
    op.create_index(
        "ix_rm_hardship_step_day", "rm_hardship_step", ["district_id", "day", "station_id"]
    )
    _backfill()


def _backfill() -> None:
    """Project the steps of the hardship files the district already holds."""
    from server.readmodel.entities.hardship_steps import PROJECTIONS
    from server.readmodel.project import rebuild

    rebuild(op.get_bind(), only=PROJECTIONS)


def downgrade() -> None:
    op.drop_table("rm_hardship_step")
