"""Read model of rights cases and membership intake (issue 17): rm_rights_case (the months a
case counts in: accepted, concluded) and rm_member_intake, then a backfill from the records.

Revision ID: s0009
Revises: s0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0009"
down_revision = "s0008"
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


def _text(name: str, width: int) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.String(width), nullable=False)


def upgrade() -> None:
    _common(
        "rm_rights_case",
        _text("status", 16),
        _text("source", 16),
        _text("dispute_type", 32),
        _text("accepted_period", 7),
        _text("concluded_period", 7),
        _text("outcome", 16),
        sa.Column("worker_count", sa.Integer, nullable=False),
        sa.Column("claimed_fen", sa.BigInteger, nullable=False),
        sa.Column("recovered_fen", sa.BigInteger, nullable=False),
    )
    op.create_index(
        "ix_rm_rights_case_accepted",
        "rm_rights_case",
        ["district_id", "accepted_period", "station_id"],
    )
    op.create_index(
        "ix_rm_rights_case_concluded",
        "rm_rights_case",
        ["district_id", "concluded_period", "station_id"],
    )
    _common("rm_member_intake", _text("kind", 16), _text("period", 7), _text("job_group", 32))
    op.create_index(
        "ix_rm_member_intake_period", "rm_member_intake", ["district_id", "period", "station_id"]
    )
    _backfill()


def _backfill() -> None:
    """Project the cases and intake records the district already holds."""
    from server.readmodel.entities.cases import PROJECTIONS
    from server.readmodel.project import rebuild

    rebuild(op.get_bind(), only=PROJECTIONS)


def downgrade() -> None:
    op.drop_table("rm_member_intake")
    op.drop_table("rm_rights_case")
