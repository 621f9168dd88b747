"""Re-pointing this station's member rows at the district's member of the same person.

The server answers a pushed new member whose ID number the district already holds with
"linked", the district's member id and its record. In the transaction that records the push's
answers the station then replaces its row with the district's member (its own unpushed edits
kept) and points everything that named its row at the district's member: hand-outs, visits and
their index, duplicate-aid flags, conflicts and the entries still waiting in the outbox. A
receipt's frozen content is left exactly as it was issued.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select, update

from contract.wire import Change

from ..services.members import search_keys


@dataclass(frozen=True)
class Link:
    old: str  # this station's member id
    new: str  # the district's member id
    record: dict[str, Any]  # the district's member as stored
    version: int
    conflicted: tuple[str, ...] = ()


def relink_all(conn: Connection, links: list[Link]) -> None:
    """Every link of one push answer, in the caller's transaction."""
    from . import local

    links = [link for link in links if link.old != link.new]
    if not links:
        return
    pending = local._pending_rows(conn, [link.old for link in links])
    for link in links:
        _replace_member(conn, link, pending.get(link.old, set()))
        _repoint_facts(conn, link.old, link.new)
    _rewrite_outbox(conn, {link.old: link for link in links})


def _replace_member(conn: Connection, link: Link, edited: set[str]) -> None:
    from . import local

    member = local.table_of("member")
    mine = conn.execute(select(member).where(member.c.id == link.old)).mappings().first()
    change = Change(
        entity="member",
        id=link.new,
        station_id=str(link.record.get("station_id") or ""),
        version=link.version,
        deleted=bool(link.record.get("deleted")),
        data=link.record,
    )
    values = local._full_row("member", change)
    if mine is not None:
        values.update({name: mine[name] for name in edited if name in mine})
        values.update(search_keys(values["name"] or "", values["id_number"], values["phone"]))
    if edited:
        values["sync_state"] = "pending"
    elif link.conflicted:
        values["sync_state"] = "conflict"
        values["sync_error"] = "与其他服务站的修改冲突：" + "、".join(link.conflicted)
    conn.execute(member.delete().where(member.c.id == link.old))
    held = conn.execute(select(member.c.id).where(member.c.id == link.new)).first()
    if held is None:
        conn.execute(insert(member).values(values))
    else:
        conn.execute(
            update(member)
            .where(member.c.id == link.new)
            .values({k: v for k, v in values.items() if k != "id"})
        )


def _repoint_facts(conn: Connection, old: str, new: str) -> None:
    """Hand-outs, visits (and their index), flags and conflicts naming the old row."""
    from . import local

    relief, visit = local.table_of("relief"), local.table_of("visit")
    conn.execute(update(relief).where(relief.c.member_id == old).values(member_id=new))
    visit_ids = [
        row[0]
        for row in conn.exec_driver_sql(
            "SELECT visit_id FROM visitmember WHERE member_id = ?", (old,)
        )
    ]
    for visit_id, member_ids in conn.execute(
        select(visit.c.id, visit.c.member_ids).where(visit.c.id.in_(visit_ids))
    ):
        conn.execute(
            update(visit)
            .where(visit.c.id == visit_id)
            .values(member_ids=_swap(list(member_ids or []), old, new))
        )
    conn.exec_driver_sql(
        "UPDATE OR IGNORE visitmember SET member_id = ? WHERE member_id = ?", (new, old)
    )
    conn.exec_driver_sql("DELETE FROM visitmember WHERE member_id = ?", (old,))
    conn.exec_driver_sql("UPDATE duplicateflag SET member_id = ? WHERE member_id = ?", (new, old))
    _repoint_casework(conn, old, new)
    for table in ("hardshipfile", "student"):  # issue 16: the household's head, the parent
        conn.exec_driver_sql(f"UPDATE {table} SET member_id = ? WHERE member_id = ?", (new, old))
    conn.exec_driver_sql(
        "UPDATE conflict SET row_id = ? WHERE entity = 'member' AND row_id = ?", (new, old)
    )


def _repoint_casework(conn: Connection, old: str, new: str) -> None:
    """Intake records and the workers of rights cases (issue 17) naming the old row."""
    from . import local

    intake, case = local.table_of("member_intake"), local.table_of("rights_case")
    conn.execute(update(intake).where(intake.c.member_id == old).values(member_id=new))
    for case_id, workers in conn.execute(select(case.c.id, case.c.workers)).all():
        if any(w.get("member_id") == old for w in workers or []):
            moved = [
                {**w, "member_id": new if w.get("member_id") == old else w.get("member_id")}
                for w in workers
            ]
            conn.execute(update(case).where(case.c.id == case_id).values(workers=moved))


MEMBER_ID_ENTITIES = ("relief", "member_intake", "hardship_file", "student")
LINK_SKIP = frozenset({"id", "station_id", "created_at", "updated_at", "version", "deleted"})
EMPTY: tuple[Any, ...] = (None, "", [], {})


def _claimed(record: dict[str, Any], held: dict[str, Any]) -> dict[str, Any]:
    """The base that makes a new record's differing, filled-in fields edits from nothing."""
    return {
        name: held.get(name) if held.get(name) in EMPTY else None
        for name, value in record.items()
        if name not in LINK_SKIP and value not in EMPTY and value != _wire(held.get(name))
    }


def _wire(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def _swap(ids: list[Any], old: str, new: str) -> list[Any]:
    out: list[Any] = []
    for value in ids:
        value = new if value == old else value
        if value not in out:
            out.append(value)
    return out


def _rewrite_outbox(conn: Connection, links: dict[str, Link]) -> None:
    """Entries still to be pushed name the district's member (the server would read the old
    id through its alias too; this keeps the station's own queue plain). A new record still
    queued becomes an edit: what it says differently from the district's member is changed
    from nothing, so the server takes it where the district's field is empty and records a
    conflict where it holds another value."""
    rows = conn.exec_driver_sql(
        "SELECT seq, entity, row_id, payload FROM outbox WHERE state = 'pending' "
        "AND entity IN ('member', 'relief', 'visit', 'member_intake', 'rights_case', "
        "'hardship_file', 'student')"
    ).all()
    for seq, entity, row_id, payload in rows:
        stored = json.loads(payload) if payload else {}
        record = stored.get("record") or {}
        if entity == "member" and row_id in links:
            link = links[row_id]
            row_id = record["id"] = link.new
            record["station_id"] = link.record.get("station_id", record.get("station_id"))
            if not stored.get("base"):
                stored["base"] = _claimed(record, link.record)
        elif entity in MEMBER_ID_ENTITIES and record.get("member_id") in links:
            record["member_id"] = links[record["member_id"]].new
        elif entity == "visit" and any(m in links for m in record.get("member_ids") or []):
            for old, link in links.items():
                record["member_ids"] = _swap(record["member_ids"], old, link.new)
        elif entity == "rights_case" and any(
            w.get("member_id") in links for w in record.get("workers") or []
        ):
            for worker in record["workers"]:
                if worker.get("member_id") in links:
                    worker["member_id"] = links[worker["member_id"]].new
        else:
            continue
        conn.exec_driver_sql(
            "UPDATE outbox SET row_id = ?, payload = ? WHERE seq = ?",
            (row_id, json.dumps(stored, ensure_ascii=False), seq),
        )


def adopt_pulled(conn: Connection, values: dict[str, Any]) -> bool:
    """A pulled member whose ID number this station holds on a row it has not pushed yet
    (added while the district's arrived): the station's row becomes the district's member
    and its still-queued new record an edit of it. False when the holder is not such a row."""
    from . import local

    member = local.table_of("member")
    mine = (
        conn.execute(
            select(member).where(
                member.c.id_number == values.get("id_number"), member.c.id != values.get("id")
            )
        )
        .mappings()
        .first()
    )
    if mine is None or mine["server_version"]:
        return False
    record = {k: v for k, v in values.items() if k not in ("server_version", "sync_state")}
    link = Link(old=mine["id"], new=str(values["id"]), record=record, version=0)
    conn.execute(member.delete().where(member.c.id == link.old))
    conn.execute(insert(member).values({**values, "sync_state": "pending"}))
    _repoint_facts(conn, link.old, link.new)
    _rewrite_outbox(conn, {link.old: link})
    return True
