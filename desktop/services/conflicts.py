"""Resolving sync conflicts: the person's choice, field by field, becomes an ordinary edit.

A conflict row says that a field of a record was changed here and at another station; the
server kept one value (server_value) and this station's was local_value. Choosing a version
writes it through members.update_member, which records the previous values as the base so
the server merges the choice like any other edit; then the conflict is marked resolved.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from typing import Any, Literal

from sqlmodel import col, select

from ..models import Conflict, Member, Outbox, utcnow
from ..models.base import new_id
from . import members
from .context import Ctx
from .errors import NotFound, UserFacingError, ValidationError
from .uow import transaction

Choice = Literal["local", "server"]
EDITABLE = frozenset(f.name for f in dataclasses.fields(members.MemberInput)) - {"warnings"}


def _value(conflict: Conflict, choice: str, custom: dict[str, str] | None = None) -> str | None:
    if choice == "value":
        return (custom or {}).get(conflict.id, "")
    return conflict.local_value if choice == "local" else conflict.server_value


def _queue_resolution(unit: Any, row: Conflict, value: str | None) -> None:
    """The district holds the conflict for every station that touched the field: the
    resolution goes there (after the member's edit, queued first) and closes it for all."""
    if row.field == "__record__":  # a local clash this station parked: not the district's
        return
    stamp = row.resolved_at or utcnow()
    record = {"id": row.id, "resolved_at": stamp.isoformat(), "value": value}
    unit.session.connection().execute(
        Outbox.__table__.insert(),  # type: ignore[attr-defined]
        dict(
            mutation_id=new_id(),
            entity="conflict",
            row_id=row.id,
            op="upsert",
            base_version=0,
            payload={"record": record},
            created_at=stamp,
            state="pending",
            attempts=0,
        ),
    )
    unit.changed.add("sync")


def resolve_conflicts(
    ctx: Ctx, choices: dict[str, str], custom: dict[str, str] | None = None
) -> int:
    """Apply {conflict_id: "local" | "server" | "value"} ("value": the text in custom[id],
    typed by a person); returns how many conflicts were resolved.

    All of one member's chosen fields go into a single update_member call. A field the
    member form cannot edit (one derived from the ID number, say) can only keep the server
    version, which the station receives with the next pull anyway.
    """
    ctx.require_write()
    known = ("local", "server", "value")
    bad = {cid: f"未知的选择：{c}" for cid, c in choices.items() if c not in known}
    if bad:
        raise ValidationError(bad)
    if not choices:
        return 0
    with ctx.read() as session:
        rows = session.exec(select(Conflict).where(col(Conflict.id).in_(list(choices)))).all()
    found = {row.id: row for row in rows}
    missing = [cid for cid in choices if cid not in found]
    if missing:
        raise NotFound("冲突记录不存在（可能已被处理），请刷新后重试")
    by_member: dict[str, list[Conflict]] = defaultdict(list)
    for row in found.values():
        if row.resolved_at is not None:
            raise UserFacingError("这条冲突已经处理过了，请刷新后重试")
        if row.entity != "member":
            raise UserFacingError(f"暂不能在本机处理“{row.entity}”类记录的冲突")
        if row.field not in EDITABLE and choices[row.id] != "server":
            label = members.FIELD_LABELS.get(row.field, row.field)
            raise UserFacingError(f"“{label}”由其他字段决定，只能保留服务器版本")
        by_member[row.row_id].append(row)
    for member_id, conflicts in by_member.items():
        _apply(ctx, member_id, conflicts, choices, custom)
    return len(found)


def _apply(
    ctx: Ctx,
    member_id: str,
    conflicts: list[Conflict],
    choices: dict[str, str],
    custom: dict[str, str] | None = None,
) -> None:
    member = members.get_member(ctx, member_id)
    data = members.MemberInput.from_member(member)
    for conflict in conflicts:
        if conflict.field in EDITABLE:
            value: Any = _value(conflict, choices[conflict.id], custom)
            if value is None and isinstance(getattr(data, conflict.field), str):
                value = ""
            setattr(data, conflict.field, value)
    members.update_member(ctx, member_id, data)  # no-op when the row already holds the choice
    with transaction(ctx) as unit:
        now = utcnow()
        for conflict in conflicts:
            row = unit.session.get(Conflict, conflict.id)
            if row is not None:
                row.resolved_at = now
                unit.session.add(row)
                _queue_resolution(unit, row, _value(row, choices[row.id], custom))
        unit.session.flush()
        still_open = unit.session.exec(
            select(Conflict.id).where(
                Conflict.row_id == member_id, col(Conflict.resolved_at).is_(None)
            )
        ).first()
        stored = unit.session.get(Member, member_id)
        if stored is not None and stored.sync_state == "conflict" and still_open is None:
            # nothing was left to push (the row already held every choice): clear the mark
            stored.sync_state, stored.sync_error = "synced", None
            unit.session.add(stored)
        unit.audit(
            "conflict.resolve",
            "member",
            member_id,
            fields={c.field: choices[c.id] for c in conflicts},
        )
        unit.changed.update({"member", "sync"})
