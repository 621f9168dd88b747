"""Index relief by program and station (budget used per station, rule checks).

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_relief_program_station", "reliefdistribution", ["program_id", "station_id"])


def downgrade() -> None:
    op.drop_index("ix_relief_program_station", table_name="reliefdistribution")
