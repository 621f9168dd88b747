"""Visits and work-log entries of an open month can be voided with a reason (kept beside the
tombstone flag, shown in the lists).

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ("visit", "stationlog"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("void_reason", sa.String(), nullable=True))


def downgrade() -> None:
    for table in ("visit", "stationlog"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("void_reason")
