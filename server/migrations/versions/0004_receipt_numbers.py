"""Receipt numbers looked up by the push path (a number is unique in its district).

A receipt's natural_key holds its number from now on; rows stored before are filled in from
their JSON, and a partial index serves the lookup. Not unique: a district whose server stored
a duplicate before this release must still upgrade; the push path refuses new duplicates.

Revision ID: s0004
Revises: s0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0004"
down_revision = "s0003"
branch_labels = None
depends_on = None

RECEIPT_KEY = "entity = 'receipt'"


def upgrade() -> None:
    bind = op.get_bind()
    number = (
        "substr(json_extract(data, '$.number'), 1, 64)"
        if bind.dialect.name == "sqlite"
        else "left(CAST(data AS json) ->> 'number', 64)"
    )
    bind.execute(sa.text(f"UPDATE record SET natural_key = {number} WHERE {RECEIPT_KEY}"))
    op.create_index(
        "ix_record_receipt_number",
        "record",
        ["district_id", "natural_key"],
        sqlite_where=sa.text(RECEIPT_KEY),
        postgresql_where=sa.text(RECEIPT_KEY),
    )


def downgrade() -> None:
    op.drop_index("ix_record_receipt_number", table_name="record")
