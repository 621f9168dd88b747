"""The read-model tests run on the sync tests' district (SQLite, and PostgreSQL when it
answers): a real server in a thread, real stations pushing through it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sync.conftest import district  # noqa: F401 - the fixture, shared
from sync.harness import District


@pytest.fixture
def sqlite_district(tmp_path: Path) -> Iterator[District]:
    """One district on SQLite only (for what does not depend on the database: exports)."""
    d = District(f"sqlite:///{tmp_path / 'server.sqlite3'}", tmp_path)
    yield d
    d.close()
