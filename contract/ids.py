"""Record ids: UUIDv7 strings, time-ordered, made by whichever side creates the record."""

from __future__ import annotations

from uuid6 import uuid7


def new_id() -> str:
    return str(uuid7())
