"""The audit chain on the wire: a station sends the events the district has not seen yet, and
its chain's head; the district recomputes every hash from the last head it holds, so rows
deleted or rewritten at the station (which its own check cannot see once the head file is
rewound with them) show up at the next sync as a break in the chain."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from .rules import canonical_hash

MAX_EVENTS = 150  # per request: the audit routes take small bodies (contract.protocol.body_cap)


class AuditEventWire(BaseModel):
    model_config = ConfigDict(extra="forbid")

    seq: int = Field(ge=1)
    at: str = Field(max_length=40)
    staff_id: str | None = Field(default=None, max_length=64)
    action: str = Field(max_length=64)
    entity: str = Field(default="", max_length=32)
    row_id: str = Field(default="", max_length=64)
    detail: dict[str, Any] = Field(default_factory=dict)
    prev_hash: str = Field(max_length=64)
    hash: str = Field(max_length=64)


class AuditUpload(BaseModel):
    model_config = ConfigDict(extra="forbid")

    head_seq: int = Field(ge=0)
    head_hash: str = Field(max_length=64)
    events: list[AuditEventWire] = Field(default_factory=list, max_length=MAX_EVENTS)


class AuditHead(BaseModel):
    seq: int
    hash: str


class AuditAnswer(BaseModel):
    status: Literal["ok", "broken"]
    seq: int  # the head the district now holds
    hash: str
    reason: str = ""


def event_body(event: AuditEventWire) -> dict[str, Any]:
    """What an event's hash covers, with the hash before it (services.uow.Unit.audit)."""
    return {
        "at": event.at,
        "staff_id": event.staff_id,
        "action": event.action,
        "entity": event.entity,
        "row_id": event.row_id,
        "detail": event.detail,
    }


def event_hash(prev_hash: str, event: AuditEventWire) -> str:
    return canonical_hash([prev_hash, event_body(event)])
