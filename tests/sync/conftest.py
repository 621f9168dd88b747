"""Server fixtures: one district per test, on SQLite always and on PostgreSQL when it answers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from .harness import District, drop_pg_schema, fresh_pg_url, postgres_answers

_PG = None


def _pg_ok() -> bool:
    global _PG
    if _PG is None:
        _PG = postgres_answers()
    return _PG


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def district(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[District]:
    schema = None
    if request.param == "postgres":
        if not _pg_ok():
            pytest.skip("PostgreSQL does not answer on 127.0.0.1:5432")
        url, schema = fresh_pg_url()
    else:
        url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    d = District(url, tmp_path)
    yield d
    d.close()
    if schema:
        drop_pg_schema(schema)
