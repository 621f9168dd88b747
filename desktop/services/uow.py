"""One user action = one transaction, holding the rows, their outbox entries and the audit.

Killing the process at any moment leaves the whole action or none of it: the row, the outbox
entry that will push it, and the audit event that records it commit together.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Table, inspect
from sqlmodel import Session, select

from contract.protocol import DERIVED_FIELDS
from contract.rules import canonical_hash  # the server checks receipts by the same hash

from ..models import LOCAL_COLUMNS, SYNCED_TABLES, AuditEvent, Outbox, Synced, new_id, utcnow
from ..store import write_engine
from .context import Ctx

ENTITY_OF: dict[type, str] = {cls: name for name, cls in SYNCED_TABLES.items()}
OUTBOX: Table = Outbox.__table__  # type: ignore[attr-defined]
AUDIT: Table = AuditEvent.__table__  # type: ignore[attr-defined]


def _table(model: type) -> Table:
    return model.__table__  # type: ignore[attr-defined, no-any-return]


def to_wire(value: Any) -> Any:
    """JSON-safe form of a column value (dates as ISO text)."""
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def record_payload(row: Synced) -> dict[str, Any]:
    """The synced content of a row: every column but this device's bookkeeping."""
    data = row.model_dump()
    return {k: to_wire(v) for k, v in data.items() if k not in LOCAL_COLUMNS}


class Unit:
    """The open transaction of one action."""

    def __init__(self, ctx: Ctx, session: Session) -> None:
        self.ctx = ctx
        self.session = session
        self.changed: set[str] = set()
        self._last_hash: str | None = None
        self.tail: tuple[int, str, int, str] | None = None

    def save(self, row: Synced, *, base: dict[str, Any] | None = None) -> Synced:
        """Insert or update a synced row and queue it for push.

        For an edit, base holds the changed fields' previous values, so the server can merge
        field by field against whatever another station did meanwhile.
        """
        entity = ENTITY_OF[type(row)]
        now = utcnow()
        base_version = row.server_version
        if base is not None:
            row.version += 1
            row.updated_at = now
        row.sync_state = "pending"
        row.sync_error = None
        data = row.model_dump()
        if inspect(row).transient:
            # A new row is written as it is now with one Core INSERT (no unit-of-work cost).
            self.session.connection().execute(_table(type(row)).insert(), data)
        else:
            self.session.add(row)
        # search keys are derived again wherever the row lands: not sent
        record = {
            k: to_wire(v)
            for k, v in data.items()
            if k not in LOCAL_COLUMNS and k not in DERIVED_FIELDS
        }
        payload: dict[str, Any] = {"record": record}
        if base is not None:
            payload["base"] = {k: to_wire(v) for k, v in base.items()}
        self.session.connection().execute(
            OUTBOX.insert(),
            dict(
                mutation_id=new_id(),
                entity=entity,
                row_id=row.id,
                op="delete" if row.deleted else "upsert",
                base_version=base_version,
                payload=payload,
                created_at=now,
                state="pending",
                attempts=0,
            ),
        )
        self.changed.add(entity)
        return row

    def audit(self, action: str, entity: str = "", row_id: str = "", **detail: Any) -> None:
        """Append a hash-chained audit event. detail must never hold personal values."""
        if self._last_hash is None:
            last = self.session.execute(
                select(AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)  # type: ignore[union-attr]
            ).scalar()
            self._last_hash = last or ""
        at = utcnow()
        body = {
            "at": at.isoformat(),
            "staff_id": self.ctx.actor.staff_id,
            "action": action,
            "entity": entity,
            "row_id": row_id,
            "detail": detail,
        }
        digest = canonical_hash([self._last_hash, body])
        inserted = self.session.connection().execute(
            AUDIT.insert(),
            dict(
                at=at,
                staff_id=self.ctx.actor.staff_id,
                action=action,
                entity=entity,
                row_id=row_id,
                detail=detail,
                prev_hash=self._last_hash,
                hash=digest,
            ),
        )
        seq = int(inserted.lastrowid)
        # (first seq, the hash before it, last seq, last hash) of this action: auditchain.py
        first = self.tail or (seq, self._last_hash, seq, digest)
        self.tail = (first[0], first[1], seq, digest)
        self._last_hash = digest


@contextmanager
def transaction(ctx: Ctx) -> Iterator[Unit]:
    """Open one write transaction (BEGIN IMMEDIATE); commit on success, roll back on error."""
    with (
        Session(write_engine(ctx.engine), expire_on_commit=False, autoflush=False) as session,
        session.begin(),
    ):
        unit = Unit(ctx, session)
        yield unit
    from .events import notify  # local import: events has no dependencies, but keep order clear

    if unit.tail is not None:  # audited: move the stored chain head (auditchain.py)
        from .auditchain import record_head

        record_head(ctx.engine, unit.tail)
    notify(unit.changed)


def verify_audit_chain(ctx: Ctx) -> int | None:
    """Return the seq of the first tampered audit event, or None when the chain holds."""
    previous = ""
    with ctx.read() as session:
        for event in session.exec(select(AuditEvent).order_by(AuditEvent.seq)):  # type: ignore[arg-type]
            body = {
                "at": event.at.isoformat(),
                "staff_id": event.staff_id,
                "action": event.action,
                "entity": event.entity,
                "row_id": event.row_id,
                "detail": event.detail,
            }
            if event.prev_hash != previous or canonical_hash([previous, body]) != event.hash:
                return event.seq
            previous = event.hash
    return None
