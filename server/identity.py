"""One person, one member in a district: linking a station's new member to the district's.

A station that adds a person the district already holds (same canonical ID number) made a
member record of its own. From protocol 3 the server links that record to the district's
member instead of refusing it: the station's id becomes an alias, facts that name it are read
as naming the district's member, and the fields the station filled in differently become
edits under the ordinary merge rule (a field the district already holds with another value
is a conflict, never an overwrite).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, insert

from contract.protocol import DERIVED_FIELDS

from .db import member_alias
from .rows import now, select_in

# fields of a new record that are bookkeeping, not something the station says about the person
NOT_CLAIMED = frozenset({"id", "station_id", "created_at", "updated_at", "version", "deleted"})
EMPTY: tuple[Any, ...] = (None, "", [], {})


def member_refs(entity: str, row_id: str, data: dict[str, Any]) -> Iterable[str]:
    """Member ids a pushed record names (its own id for a member)."""
    if entity == "member":
        yield row_id
    elif entity == "relief":
        value = data.get("member_id")
        if isinstance(value, str):
            yield value
    elif entity == "visit":
        yield from (v for v in data.get("member_ids") or () if isinstance(v, str))
    elif entity in ("member_intake", "hardship_file", "student") and isinstance(
        data.get("member_id"), str
    ):
        yield data["member_id"]
    elif entity == "rights_case":  # issue 17: workers who are members, by id
        for worker in data.get("workers") or ():
            if isinstance(worker, dict) and isinstance(worker.get("member_id"), str):
                yield worker["member_id"]


def load_aliases(conn: Connection, district_id: str, ids: Iterable[str]) -> dict[str, str]:
    """Alias id -> the district's member id, for the given ids (one query per 500). `ids`
    may be a generator: it is not even read while the district holds no alias."""
    probe = conn.exec_driver_sql("SELECT 1 FROM member_alias LIMIT 1").first()
    if probe is None:  # most districts never link: no per-id lookups at all
        return {}
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    sql = "SELECT alias_id, member_id FROM member_alias WHERE district_id = {m} AND alias_id IN ({in})"
    return dict(select_in(conn, sql, (district_id,), wanted))


def save_aliases(
    conn: Connection, district_id: str, station_id: str, pairs: dict[str, str]
) -> None:
    if pairs:
        stamp = now()
        conn.execute(
            insert(member_alias),
            [
                {
                    "alias_id": alias,
                    "district_id": district_id,
                    "member_id": target,
                    "station_id": station_id,
                    "created_at": stamp,
                }
                for alias, target in sorted(pairs.items())
            ],
        )


def rewrite(entity: str, data: dict[str, Any], aliases: dict[str, str]) -> None:
    """Point a pushed fact at the district's member wherever it names an alias."""
    if entity in ("relief", "member_intake", "hardship_file", "student"):
        value = data.get("member_id")
        if isinstance(value, str) and value in aliases:
            data["member_id"] = aliases[value]
    elif entity == "rights_case":
        for worker in data.get("workers") or ():
            if isinstance(worker, dict) and worker.get("member_id") in aliases:
                worker["member_id"] = aliases[worker["member_id"]]
    elif entity == "visit":
        ids = data.get("member_ids")
        if isinstance(ids, list) and any(v in aliases for v in ids if isinstance(v, str)):
            seen: list[Any] = []
            for v in ids:
                target = aliases.get(v, v) if isinstance(v, str) else v
                if target not in seen:
                    seen.append(target)
            data["member_ids"] = seen


def link_base(data: dict[str, Any], held: dict[str, Any], held_deleted: bool) -> dict[str, Any]:
    """The base of the merge a link makes: every field the station filled in with another
    value than the district holds counts as changed from nothing (an empty field the district
    has filled is taken; one it holds with another value is a conflict)."""
    base: dict[str, Any] = {
        # an empty field the district holds is the base (taken); a filled one cannot be
        name: held.get(name) if held.get(name) in EMPTY else None
        for name, value in data.items()
        if name not in NOT_CLAIMED
        and name not in DERIVED_FIELDS
        and value not in EMPTY
        and value != held.get(name)
    }
    if held_deleted and not data.get("deleted"):
        base["deleted"] = True  # the person is back: the station has them as a member
    return base
