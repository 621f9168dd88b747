"""Read model of hardship files and student aid (issue 16).

Revision ID: s0008
Revises: s0007
"""

from __future__ import annotations

revision = "s0008"
down_revision = "s0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass  # placeholder: filled in by the work on this issue


def downgrade() -> None:
    pass
