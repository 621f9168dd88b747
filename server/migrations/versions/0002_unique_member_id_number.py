"""One member per ID number in a district, enforced by the database.

The push path already refuses a second member with the same ID number, but two stations
adding the same person at the same moment (two transactions, two server processes on
PostgreSQL) could each pass that check. A partial unique index closes the gap: the later
transaction fails, the server retries the batch, and the retry rejects the duplicate with
its usual message.

Revision ID: s0002
Revises: s0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0002"
down_revision = "s0001"
branch_labels = None
depends_on = None

WHERE = "entity = 'member' AND natural_key IS NOT NULL"


def upgrade() -> None:
    clashes = (
        op.get_bind()
        .execute(
            sa.text(
                "SELECT count(*) FROM (SELECT district_id, natural_key FROM record "
                f"WHERE {WHERE} GROUP BY district_id, natural_key HAVING count(*) > 1) AS d"
            )
        )
        .scalar_one()
    )
    if clashes:
        raise RuntimeError(
            f"区服务器数据库中有 {clashes} 个身份证号各对应多名会员，请先合并这些会员记录再升级"
        )
    op.create_index(
        "uq_record_member_id_number",
        "record",
        ["district_id", "natural_key"],
        unique=True,
        sqlite_where=sa.text(WHERE),
        postgresql_where=sa.text(WHERE),
    )


def downgrade() -> None:
    op.drop_index("uq_record_member_id_number", table_name="record")
