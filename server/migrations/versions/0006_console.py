"""District console: staff accounts, sessions, audit of console actions (issue 15).

Revision ID: s0006
Revises: s0005
"""

from __future__ import annotations

revision = "s0006"
down_revision = "s0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass  # placeholder: filled in by the work on this issue


def downgrade() -> None:
    pass
