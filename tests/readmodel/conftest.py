"""The read-model tests run on the sync tests' district (SQLite, and PostgreSQL when it
answers): a real server in a thread, real stations pushing through it."""

from __future__ import annotations

from sync.conftest import district  # noqa: F401 - the fixture, shared
