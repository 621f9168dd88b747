"""Read model of rights cases and membership intake (issue 17).

Revision ID: s0009
Revises: s0008
"""

from __future__ import annotations

revision = "s0009"
down_revision = "s0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass  # placeholder: filled in by the work on this issue


def downgrade() -> None:
    pass
