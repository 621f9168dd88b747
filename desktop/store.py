"""The local SQLite file: open, migrate (after a backup), refuse a newer schema.

WAL mode and synchronous=NORMAL: a killed process loses at most the transactions that had not
committed; every user action is one transaction (see services.uow).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event

from .paths import package_path


class StoreError(Exception):
    """A problem opening the database; the message is Chinese and shown as it is."""


def _alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(package_path("migrations")))
    cfg.set_main_option("sqlalchemy.url", url)
    return cfg


def head_revision() -> str:
    script = ScriptDirectory.from_config(_alembic_config("sqlite://"))
    head = script.get_current_head()
    assert head is not None
    return head


def _json_text(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def make_engine(path: Path | str) -> Engine:
    """An engine on the file, with WAL, foreign keys and a busy timeout on every connection."""
    url = "sqlite://" if str(path) == ":memory:" else f"sqlite:///{Path(path)}"
    engine = create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": 30},
        # JSON columns (outbox payloads, goods) as compact UTF-8: Chinese text takes 3 bytes
        # a character instead of 6 as \uXXXX escapes, which halves push bodies
        json_serializer=_json_text,
    )

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        # Let SQLAlchemy's begin() issue BEGIN itself (pysqlite's own handling is lazy).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: object) -> None:
        # Writes (see write_engine) take the lock at the start with BEGIN IMMEDIATE, so the
        # receipt serial read and the insert that uses it cannot interleave with another writer.
        # Reads begin deferred and never block a writer (WAL).
        write = conn.get_execution_options().get("sd_write", False)  # type: ignore[attr-defined]
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")  # type: ignore[attr-defined]

    return engine


def write_engine(engine: Engine) -> Engine:
    """The same engine (same pool), marked so its transactions begin IMMEDIATE."""
    return engine.execution_options(sd_write=True)


def current_revision(path: Path) -> str | None:
    """The Alembic revision recorded in the file, or None (new, empty or not ours)."""
    if not path.exists():
        return None
    con = sqlite3.connect(path)
    try:
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return str(row[0]) if row else None
    except sqlite3.DatabaseError:
        return None
    finally:
        con.close()


def _known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(_alembic_config("sqlite://"))
    return {rev.revision for rev in script.walk_revisions()}


def backup(path: Path, *, reason: str = "backup") -> Path:
    """Copy the database with SQLite's online backup (consistent even while open)."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target_dir = path.parent / "backups"
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / f"{path.stem}-{reason}-{stamp}{path.suffix or '.sqlite3'}"
    src = sqlite3.connect(path)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def restore(backup_file: Path, path: Path) -> None:
    """Replace the database with a backup copy (the current file is backed up first)."""
    if not backup_file.exists():
        raise StoreError(f"备份文件不存在：{backup_file}")
    if path.exists():
        backup(path, reason="before-restore")
    src = sqlite3.connect(backup_file)
    dst = sqlite3.connect(path)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def migrate(path: Path) -> Path | None:
    """Bring the file to the current schema. Returns the backup taken, if any.

    A database newer than this program is refused (never downgraded: that would lose data).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    existing = path.exists() and path.stat().st_size > 0
    revision = current_revision(path) if existing else None
    head = head_revision()
    if revision == head:
        return None
    if revision is not None and revision not in _known_revisions():
        raise StoreError(
            f"数据库由更新版本的工作台创建（结构版本 {revision}），本程序无法打开。请升级工作台后再试。"
        )
    taken = None
    if existing:
        if revision is None and _has_tables(path):
            raise StoreError(f"文件 {path} 不是工作台数据库，无法打开")
        taken = backup(path, reason=f"before-migrate-{revision or 'empty'}")
    command.upgrade(_alembic_config(f"sqlite:///{path}"), "head")
    return taken


def _has_tables(path: Path) -> bool:
    con = sqlite3.connect(path)
    try:
        rows = con.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()
        return bool(rows and rows[0])
    except sqlite3.DatabaseError:
        return True
    finally:
        con.close()


def open_store(path: Path | str) -> Engine:
    """Migrate if needed and return an engine on the file."""
    migrate(Path(path))
    return make_engine(path)
