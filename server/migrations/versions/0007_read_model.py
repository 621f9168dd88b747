"""District typed read model: synced records projected into SQL tables (issue 15).

Revision ID: s0007
Revises: s0006
"""

from __future__ import annotations

revision = "s0007"
down_revision = "s0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass  # placeholder: filled in by the work on this issue


def downgrade() -> None:
    pass
