"""Alembic environment for the station database (run programmatically by desktop.store)."""

from alembic import context
from sqlalchemy import Connection, create_engine
from sqlmodel import SQLModel

import desktop.models  # noqa: F401  (registers the tables)

config = context.config
target_metadata = SQLModel.metadata


def _migrate(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run() -> None:
    given = config.attributes.get("connection")  # desktop.store: an (encrypted) connection
    if given is not None:
        _migrate(given)
        return
    url = config.get_main_option("sqlalchemy.url") or "sqlite://"
    engine = create_engine(url)
    with engine.connect() as connection:
        _migrate(connection)
    engine.dispose()


run()
