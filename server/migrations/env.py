"""Alembic environment of the district server (separate from the station's migrations)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from server.db import metadata

url = context.config.get_main_option("sqlalchemy.url")
assert url is not None
connectable = create_engine(url)
with connectable.connect() as connection:
    context.configure(connection=connection, target_metadata=metadata)
    with context.begin_transaction():
        context.run_migrations()
connectable.dispose()
