"""Records the console writes: new ones and changed ones, with a fresh cursor so the stations
pull them, through the same rows.flush the push path uses.

A changed record gets a new server version and a new record version (its data's "version"),
so a station's own stale copy of it, pushed later, is taken as a duplicate and not as a newer
change; origin is cleared, so its owner pulls it too.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection

from contract import rules
from contract.ids import new_id
from contract.records import RecordError

from ..rows import Row, flush, load, now
from .accounts import User
from .web import Refused


def checked(entity: str, data: dict[str, Any]) -> dict[str, Any]:
    """District input judged by the rules a station's push is judged by."""
    rules.check(entity, {"id": "-", "station_id": "-", "version": 1, **data})
    return data


def create(conn: Connection, user: User, entity: str, owner: str, data: dict[str, Any]) -> str:
    stamp = now().isoformat()
    data = {
        "id": new_id(),
        "station_id": owner,
        "created_at": stamp,
        "updated_at": stamp,
        "version": 1,
        "deleted": False,
        **data,
    }
    row = Row(
        entity=entity,
        id=data["id"],
        district_id=user.district_id,
        owner=owner,
        version=1,
        deleted=False,
        data=data,
        dirty=True,
    )
    flush(conn, [row])
    return str(data["id"])


def fetch(conn: Connection, user: User, entity: str, row_id: str) -> Row:
    """A record of the user's district, locked for change; anything else is 'not found'."""
    row = load(conn, [(entity, row_id)], lock=True).get((entity, row_id))
    if row is None or row.district_id != user.district_id or row.deleted:
        raise Refused(404, "本区没有这条记录")
    return row


def change(conn: Connection, row: Row, changes: dict[str, Any]) -> Row:
    data = {**row.data, **changes}
    data["version"] = int(row.data.get("version") or 0) + 1
    data["updated_at"] = now().isoformat()
    if row.entity in ("fund_program", "program_budget", "staff"):
        try:
            checked(row.entity, data)
        except RecordError as exc:
            raise Refused(422, str(exc)) from None
    row.data = data
    row.version += 1
    row.origin = None
    row.last_writer = None
    row.dirty = True
    flush(conn, [row])
    return row
