"""What the district makes and a station pulls: member conflicts (raised, closed by a
resolution anywhere) and duplicate-aid flags (raised, decided, withdrawn). Applied inside the
pulled page's transaction (local.apply_page)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, Table, delete, insert, select, update

from contract.wire import Change

from ..models import SYNCED_TABLES, Conflict, DuplicateFlag

# (entity, id, reason) of a pulled record set aside: the page and its cursor still commit, so
# one record nobody can apply never stops this station's sync (sync.md principle 2)
Aside = list[tuple[str, str, str]]


def apply_server_made(conn: Connection, changes: list[Change], aside: Aside) -> None:
    for change in changes:
        try:
            with conn.begin_nested():
                _apply_finding(conn, change)
        except Exception as exc:  # noqa: BLE001 - a finding it cannot read is set aside
            aside.append((change.entity, change.id, f"记录内容无法读取（{type(exc).__name__}）"))


def _apply_finding(conn: Connection, change: Change) -> None:
    conflicts: Table = Conflict.__table__  # type: ignore[attr-defined]
    flags: Table = DuplicateFlag.__table__  # type: ignore[attr-defined]
    d = change.data
    created = dt.datetime.fromisoformat(str(d.get("created_at")))
    if change.entity == "conflict" and d.get("resolved_at"):
        _close_conflict(conn, change)
    elif change.entity == "conflict":
        conn.execute(
            insert(conflicts)
            .prefix_with("OR IGNORE")
            .values(
                id=change.id,
                entity=str(d.get("entity")),
                row_id=str(d.get("row_id")),
                field=str(d.get("field")),
                local_value=d.get("local_value"),
                server_value=d.get("server_value"),
                server_version=int(d.get("server_version") or 0),
                created_at=created,
            )
        )
        member: Table = SYNCED_TABLES["member"].__table__  # type: ignore[attr-defined]
        if d.get("entity") == "member":
            conn.execute(
                update(member)
                .where(member.c.id == d.get("row_id"))
                .values(sync_state="conflict", sync_error=f"字段冲突待处理：{d.get('field')}")
            )
    elif change.deleted:  # the finding no longer holds (a hand-out voided): it goes here too
        conn.execute(delete(flags).where(flags.c.id == change.id))
    else:
        values = {
            "member_id": str(d.get("member_id")),
            "program_id": str(d.get("program_id")),
            "period": str(d.get("period")),
            # the district's decision on the flag (确认违规 / 排除, with its reason), as the
            # server worded it, follows the finding wherever the station shows it
            "reason": " ".join(str(d[k]) for k in ("reason", "decision_text") if d.get(k)),
            "distribution_ids": list(d.get("distribution_ids") or []),
        }
        done = conn.execute(update(flags).where(flags.c.id == change.id).values(values))
        if done.rowcount == 0:
            conn.execute(insert(flags).values(id=change.id, created_at=created, **values))


def _close_conflict(conn: Connection, change: Change) -> None:
    """A conflict resolved at another party (or by the district): closed here too, and the
    member's mark cleared once none of its conflicts is open."""
    conflicts: Table = Conflict.__table__  # type: ignore[attr-defined]
    member: Table = SYNCED_TABLES["member"].__table__  # type: ignore[attr-defined]
    d = change.data
    stamp = dt.datetime.fromisoformat(str(d.get("resolved_at")))
    conn.execute(
        update(conflicts)
        .where(conflicts.c.id == change.id, conflicts.c.resolved_at.is_(None))
        .values(resolved_at=stamp)
    )
    row_id = str(d.get("row_id"))
    still_open = conn.execute(
        select(conflicts.c.id).where(
            conflicts.c.row_id == row_id, conflicts.c.resolved_at.is_(None)
        )
    ).first()
    if still_open is None:
        conn.execute(
            update(member)
            .where(member.c.id == row_id, member.c.sync_state == "conflict")
            .values(sync_state="synced", sync_error=None)
        )
