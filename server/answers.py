"""The answers to a push: one per mutation, and the same answer again to a retried one."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

import msgspec
from sqlalchemy import Connection

from contract.protocol import Status
from contract.wire import Mutation

from . import identity
from .rows import load


class Answer(msgspec.Struct, omit_defaults=True):
    """One mutation's answer, as MutationResult in the protocol (a plain object: a push makes
    thousands, and building pydantic models for them cost more than serialising them).
    Defaults are left out of the body, so a station of an earlier protocol never meets the
    fields it does not know (member_id and record come only with "linked")."""

    mutation_id: str
    status: Status
    server_version: int = 0
    error: str | None = None
    fields: list[str] = msgspec.field(default_factory=list)
    member_id: str | None = None
    record: dict[str, Any] | None = None


@dataclass(slots=True)
class PushReply:
    """The answer to a push; to_json() is the PushResponse body."""

    results: list[Answer]
    server_time: dt.datetime

    def to_json(self) -> bytes:
        return _ENCODER.encode(self)


_ENCODER = msgspec.json.Encoder()


def answer_again(old: Any) -> Answer:
    """The answer to a mutation already applied, as first given (applied becomes duplicate)."""
    _mid, status, version, error, fields = old
    return Answer(
        mutation_id=_mid,
        status=status if status in ("rejected", "conflict") else "duplicate",
        server_version=version,
        error=error,
        fields=json.loads(fields or "[]"),
    )


def linked_answers(
    conn: Connection, district_id: str, mutations: list[Mutation], seen: dict[str, Any]
) -> dict[str, Answer]:
    """A retried link is answered as a link again, with the member as stored now: the station
    that missed the first answer still has its row to re-point."""
    linked = {
        m.row_id: m for m in mutations if (seen.get(m.mutation_id) or ("", ""))[1] == "linked"
    }
    if not linked:
        return {}
    aliases = identity.load_aliases(conn, district_id, linked)
    members = load(conn, [("member", target) for target in aliases.values()])
    out = {}
    for alias, m in linked.items():
        row = members.get(("member", aliases.get(alias, "")))
        if row is not None:
            out[m.mutation_id] = Answer(
                mutation_id=m.mutation_id,
                status="linked",
                server_version=row.version,
                fields=json.loads(seen[m.mutation_id][4] or "[]"),
                member_id=row.id,
                record=row.data,
            )
    return out
