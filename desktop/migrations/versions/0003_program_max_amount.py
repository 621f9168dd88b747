"""A fund program's largest single hand-out (cash plus goods), in fen; NULL means no limit
beyond the absolute one (9,999,999,999,999.99 yuan).

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("fundprogram", schema=None) as batch_op:
        batch_op.add_column(sa.Column("max_amount_fen", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("fundprogram", schema=None) as batch_op:
        batch_op.drop_column("max_amount_fen")
