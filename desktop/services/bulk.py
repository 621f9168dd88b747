"""Many members in one transaction (roster import, demo): executemany, not one ORM add each.

Still one transaction with the rows' outbox entries, like any other action.
"""

from __future__ import annotations

from typing import Any

from contract.protocol import DERIVED_FIELDS

from ..models import LOCAL_COLUMNS, Member, Outbox, new_id, utcnow
from .members import pinyin_keys
from .uow import Unit, to_wire

# what a pushed member carries, as uow.Unit.save sends it: search keys are derived again
# wherever the row lands
SYNCED_MEMBER_FIELDS = [
    c.name
    for c in Member.__table__.columns  # type: ignore[attr-defined]
    if c.name not in LOCAL_COLUMNS and c.name not in DERIVED_FIELDS
]


def member_rows(station_id: str, cleaned: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Complete cleaned member values with ids, bookkeeping and search columns."""
    now = utcnow()
    rows = []
    for values in cleaned:
        full, initials = pinyin_keys(values["name"])
        row = {
            "id": new_id(),
            "station_id": station_id,
            "created_at": now,
            "updated_at": now,
            "version": 1,
            "deleted": False,
            "server_version": 0,
            "sync_state": "pending",
            "sync_error": None,
            "pinyin_full": full,
            "pinyin_initials": initials,
            "id_rev": values["id_number"][::-1],
            "phone_rev": values.get("phone", "")[::-1],
            "gender": "",
            "birth_date": None,
            "phone": "",
            "employer": "",
            "job_group": "other",
            "membership_status": "active",
            "hardship_category": "none",
            "hardship_file_no": "",
            "hardship_review_date": None,
            "bank_account": "",
            "address": "",
            "consent_sensitive_on": None,
            "consent_disclosure_on": None,
            "notes": "",
            "id_type": "resident",
        }
        row.update(values)
        rows.append(row)
    return rows


def insert_members(unit: Unit, rows: list[dict[str, Any]]) -> None:
    """Insert prepared member rows and their outbox entries."""
    if not rows:
        return
    conn = unit.session.connection()
    conn.execute(Member.__table__.insert(), rows)  # type: ignore[attr-defined]
    now = utcnow()
    conn.execute(
        Outbox.__table__.insert(),  # type: ignore[attr-defined]
        [
            {
                "mutation_id": new_id(),
                "entity": "member",
                "row_id": row["id"],
                "op": "upsert",
                "base_version": 0,
                "created_at": now,
                "state": "pending",
                "attempts": 0,
                "payload": {"record": {k: to_wire(row[k]) for k in SYNCED_MEMBER_FIELDS}},
            }
            for row in rows
        ],
    )
    unit.changed.add("member")
