"""The district server's storage: SQLite by default, PostgreSQL through DATABASE_URL.

One generic `record` table holds every synced row as JSON with the few columns the server
queries on (owner, cursor, relief keys). The station schema can then grow a column without a
server migration, and pulling is one indexed range scan per page.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Engine,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    text,
)

metadata = MetaData()
MEMBER_KEY = "entity = 'member' AND natural_key IS NOT NULL"
RELIEF_KEY = "member_id IS NOT NULL"
RECEIPT_KEY = "entity = 'receipt'"

district = Table(
    "district",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("code", String(32), nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

station = Table(
    "station",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("district_id", String(36), nullable=False, index=True),
    Column("code", String(32), nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("token_hash", String(64), unique=True),
    Column("enrol_code_hash", String(64), unique=True),
    Column("enrol_expires", DateTime(timezone=True)),
    Column("enrolled_at", DateTime(timezone=True)),
    Column("revoked", Boolean, nullable=False, default=False),
    Column("receipt_key", String(128), nullable=False, default=""),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

record = Table(
    "record",
    metadata,
    Column("entity", String(32), primary_key=True),
    Column("id", String(64), primary_key=True),
    Column("district_id", String(36), nullable=False),
    Column("owner", String(36), nullable=False),  # the station_id of the record
    Column("seq", BigInteger, nullable=False),  # the pull cursor: one monotonic sequence
    Column("version", Integer, nullable=False),  # server version, +1 per accepted change
    Column("deleted", Boolean, nullable=False, default=False),
    Column("origin", String(36)),  # station whose push produced exactly this content
    Column("last_writer", String(36)),  # station of the last accepted change (conflicts)
    Column("member_id", String(64)),  # relief: duplicate checks
    Column("program_id", String(64)),
    Column("period", String(7)),
    Column("natural_key", String(64)),  # member: id number; station: code; receipt: number
    Column("data", Text, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Index("ix_record_district_seq", "district_id", "seq"),
    # relief rows only: duplicate-aid checks (migration s0003)
    Index(
        "ix_record_member_program",
        "member_id",
        "program_id",
        sqlite_where=text(RELIEF_KEY),
        postgresql_where=text(RELIEF_KEY),
    ),
    # whole, not partial on period: enrolment (auth._adopt_id) selects by owner alone
    Index("ix_record_owner_period", "owner", "entity", "period"),
    # one member per ID number in a district (migration s0002); also the ID-number lookup,
    # which is why there is no separate (district_id, entity, natural_key) index (s0003)
    Index(
        "uq_record_member_id_number",
        "district_id",
        "natural_key",
        unique=True,
        sqlite_where=text(MEMBER_KEY),
        postgresql_where=text(MEMBER_KEY),
    ),
    # receipt numbers, unique in a district (checked by the push path; migration s0004)
    Index(
        "ix_record_receipt_number",
        "district_id",
        "natural_key",
        sqlite_where=text(RECEIPT_KEY),
        postgresql_where=text(RECEIPT_KEY),
    ),
)

mutation = Table(
    "mutation",
    metadata,
    Column("station_id", String(36), primary_key=True),
    Column("mutation_id", String(64), primary_key=True),
    Column("status", String(16), nullable=False),
    Column("server_version", Integer, nullable=False),
    Column("error", Text),
    Column("fields", Text, nullable=False, default=""),
    Column("created_at", DateTime(timezone=True), nullable=False),
    # on SQLite the primary key is the table: one b-tree per row, no autoindex (s0003)
    sqlite_with_rowid=False,
)

# A member record a station made for a person the district already had: its id names the
# district's member from then on (facts pushed later still naming it are read through this)
member_alias = Table(
    "member_alias",
    metadata,
    Column("alias_id", String(64), primary_key=True),
    Column("district_id", String(36), nullable=False),
    Column("member_id", String(64), nullable=False),
    Column("station_id", String(36), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

closed_period = Table(
    "closed_period",
    metadata,
    Column("station_id", String(36), primary_key=True),
    Column("period", String(7), primary_key=True),
    Column("closed_at", DateTime(timezone=True), nullable=False),
)

# The district console (issue 15, migration s0006): district staff accounts, their sessions
# (the cookie's token kept only hashed), login failures per user and per client, and the
# console's audit of every action (server/console/)
district_user = Table(
    "district_user",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("district_id", String(36), nullable=False),
    Column("username", String(64), nullable=False),
    Column("display_name", Text, nullable=False),
    Column("role", String(16), nullable=False),  # admin, reviewer, viewer
    Column("password_hash", Text, nullable=False),
    Column("active", Boolean, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("uq_district_user_name", "district_id", "username", unique=True),
)

console_session = Table(
    "console_session",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("user_id", String(36), nullable=False, index=True),
    Column("csrf", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("last_seen", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
)

login_failure = Table(
    "login_failure",
    metadata,
    Column("key", String(200), primary_key=True),  # "user:<district>/<name>" or "client:<ip>"
    Column("failures", Integer, nullable=False),
    Column("last_at", DateTime(timezone=True), nullable=False),
)

console_audit = Table(
    "console_audit",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("district_id", String(36), nullable=False),
    Column("user_id", String(36)),
    Column("username", String(64), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("action", String(64), nullable=False),
    Column("target", Text, nullable=False),
    Column("detail", Text, nullable=False),
    Index("ix_console_audit_district_at", "district_id", "at"),
)

counter = Table(
    "counter",
    metadata,
    Column("name", String(32), primary_key=True),
    Column("value", BigInteger, nullable=False),
)


def database_url(url: str | None = None) -> str:
    """DATABASE_URL, or a SQLite file in the working folder (the embedded default)."""
    url = url or os.environ.get("DATABASE_URL") or "sqlite:///stationdesk-server.sqlite3"
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def make_engine(url: str | None = None, **kwargs: Any) -> Engine:
    """SQLite gets WAL and BEGIN IMMEDIATE so concurrent pushes queue instead of failing."""
    url = database_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": 60}, **kwargs
        )

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn: Any, _record: object) -> None:
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA busy_timeout=60000")
            cur.close()

        @event.listens_for(engine, "begin")
        def _begin(conn: Any) -> None:
            # writers queue for the lock up front; readers (pulls, token checks) begin
            # deferred and read a WAL snapshot without ever waiting for a push
            read = conn.get_execution_options().get("sd_read", False)
            conn.exec_driver_sql("BEGIN" if read else "BEGIN IMMEDIATE")

        return engine
    kwargs.setdefault("pool_size", 10)
    kwargs.setdefault("max_overflow", 20)
    return create_engine(url, pool_pre_ping=True, **kwargs)


def reader(engine: Engine) -> Engine:
    """The same engine (same pool) for read-only work: on SQLite its transactions do not take
    the write lock, so pulls and token checks run beside a push instead of queueing behind it.
    A read transaction still sees one snapshot, which the pull's cursor rule relies on."""
    return engine.execution_options(sd_read=True)


def migrate(url: str | None = None) -> None:
    """Bring the server database to the newest schema (additive Alembic migrations)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    cfg.set_main_option("sqlalchemy.url", database_url(url).replace("%", "%%"))
    command.upgrade(cfg, "head")


def is_postgres(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


# The read model's typed tables (server/readmodel) are part of this schema: loading every
# projection module defines them on `metadata` (migration s0007 and the later read-model steps
# create them).
from .readmodel.registry import all_projections as _read_model  # noqa: E402

_read_model()
