"""Migration s0007 on a database that already holds a district's records: the typed tables
it creates are filled from them, exactly as the pushes had filled them."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config

import server.db
from server.db import database_url

from .independent import typed_snapshot
from .scenario import build


def _alembic(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(Path(server.db.__file__).parent / "migrations"))
    cfg.set_main_option("sqlalchemy.url", database_url(url).replace("%", "%%"))
    return cfg


def test_upgrade_backfills_the_read_model(district):
    build(district)
    engine = district.engine
    with engine.connect() as conn:
        pushed = typed_snapshot(conn)
    assert pushed["rm_relief"] and pushed["rm_visit"] and pushed["rm_month_close"]
    cfg = _alembic(district.url)
    command.downgrade(cfg, "s0006")  # as the database was before the read model
    with engine.connect() as conn:
        assert not conn.dialect.has_table(conn, "rm_relief")
    command.upgrade(cfg, "head")
    with engine.connect() as conn:
        assert typed_snapshot(conn) == pushed
