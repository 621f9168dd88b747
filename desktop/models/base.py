"""Columns every synced record carries, and the id and clock helpers."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field, SQLModel
from uuid6 import uuid7


def new_id() -> str:
    """A client-made UUIDv7: time-ordered, so inserts stay append-like in the index."""
    return str(uuid7())


def utcnow() -> dt.datetime:
    """Device time, aware, in UTC. Data only: never a sync cursor or a conflict winner."""
    return dt.datetime.now(dt.UTC)


class Synced(SQLModel):
    """Mixin for records that travel to the district server.

    version counts local edits (a push names the version it was based on); deleted is the
    tombstone; sync_state / sync_error hold the outcome of the last push for this row.
    """

    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    station_id: str = Field(index=True, max_length=36)
    created_at: dt.datetime = Field(default_factory=utcnow)
    updated_at: dt.datetime = Field(default_factory=utcnow)
    version: int = 1
    deleted: bool = False
    server_version: int = 0
    sync_state: str = "pending"
    sync_error: str | None = None


# Columns that are bookkeeping of this device, never part of a record's synced content.
LOCAL_COLUMNS = frozenset({"sync_state", "sync_error", "server_version"})
