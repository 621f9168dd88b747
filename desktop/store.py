"""The local SQLite file: open, migrate (after a backup), refuse a newer schema; encrypted.

The station file is encrypted with SQLCipher 4 under a random data key (desktop.keys keeps it
wrapped by each login). WAL mode and synchronous=NORMAL: a killed process loses at most the
transactions that had not committed; every user action is one transaction (see services.uow).

Functions take key=None for a plain file: only files made before encryption (converted by
encrypt_plain on the first login) and tests of those. Backups of an encrypted file are
encrypted with the same key, and carry a copy of the key file so they open on another PC.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sqlite3
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event

from . import keys
from .paths import package_path
from .services.errors import UserFacingError

SQLITE_MAGIC = b"SQLite format 3\x00"


class StoreError(UserFacingError):
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


def key_pragma(key: bytes) -> str:
    """SQLCipher's raw-key form: no passphrase derivation on each connection."""
    return f"PRAGMA key = \"x'{key.hex()}'\""


def is_plain(path: Path) -> bool:
    """A readable, unencrypted SQLite file (an encrypted one starts with random bytes)."""
    try:
        with open(path, "rb") as fh:
            return fh.read(16) == SQLITE_MAGIC
    except OSError:
        return False


def has_data(path: Path) -> bool:
    return path.exists() and path.stat().st_size > 0


def _connect(path: Path | str, key: bytes | None) -> Any:
    """A raw DB-API connection (sqlcipher3 with the key, or the standard sqlite3)."""
    if key is None:
        return sqlite3.connect(path)
    from sqlcipher3 import dbapi2

    con = dbapi2.connect(str(path))
    con.execute(key_pragma(key))
    return con


def make_engine(path: Path | str, key: bytes | None = None) -> Engine:
    """An engine on the file, with WAL, foreign keys and a busy timeout on every connection."""
    url = "sqlite://" if str(path) == ":memory:" else f"sqlite:///{Path(path)}"
    extra: dict[str, Any] = {}
    if key is not None:
        from sqlcipher3 import dbapi2

        extra["module"] = dbapi2
    engine = create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": 30},
        # JSON columns (outbox payloads, goods) as compact UTF-8: Chinese text takes 3 bytes
        # a character instead of 6 as \uXXXX escapes, which halves push bodies
        json_serializer=_json_text,
        **extra,
    )

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        # Let SQLAlchemy's begin() issue BEGIN itself (pysqlite's own handling is lazy).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        if key is not None:
            cur.execute(key_pragma(key))  # must come first
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        # Up to 128 MiB of page cache per connection (SQLite's default is 2 MiB; it never holds
        # more than the file): an encrypted page is decrypted each time it enters the cache, so
        # search on a 100,000-member station (about 160 MB) stays within 1.2x of a plain file
        cur.execute("PRAGMA cache_size=-131072")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: object) -> None:
        # Writes (see write_engine) take the lock at the start with BEGIN IMMEDIATE, so the
        # receipt serial read and the insert that uses it cannot interleave with another writer.
        # Reads begin deferred and never block a writer (WAL).
        write = conn.get_execution_options().get("sd_write", False)  # type: ignore[attr-defined]
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")  # type: ignore[attr-defined]

    if key is not None:
        keys.attach(engine, keys.Keyring(Path(path).resolve(), key))
    return engine


def write_engine(engine: Engine) -> Engine:
    """The same engine (same pool), marked so its transactions begin IMMEDIATE."""
    return engine.execution_options(sd_write=True)


def _locked_error(path: Path) -> StoreError:
    return StoreError(f"数据库 {path.name} 已加密，需要用工作人员的登录名和密码才能打开")


def _key_for(path: Path, key: bytes | None) -> bytes | None:
    """The key given, or that of an engine open on this file in this process."""
    if key is not None:
        return key
    ring = keys.ring_for_path(path)
    if ring is not None:
        return ring.data_key
    if has_data(path) and not is_plain(path):
        raise _locked_error(path)
    return None


def current_revision(path: Path, key: bytes | None = None) -> str | None:
    """The Alembic revision recorded in the file, or None (new, empty or not ours)."""
    if not path.exists():
        return None
    con = _connect(path, key)
    try:
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return str(row[0]) if row else None
    except sqlite3.DatabaseError:
        return None
    except Exception as exc:  # sqlcipher3's DatabaseError is its own class
        if type(exc).__name__ in ("DatabaseError", "OperationalError"):
            return None
        raise
    finally:
        con.close()


def _known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(_alembic_config("sqlite://"))
    return {rev.revision for rev in script.walk_revisions()}


def _backup_target(path: Path, reason: str) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target_dir = path.parent / "backups"
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / f"{path.stem}-{reason}-{stamp}{path.suffix or '.sqlite3'}"
    n = 1
    while target.exists():
        n += 1
        target = target_dir / f"{path.stem}-{reason}-{stamp}-{n}{path.suffix or '.sqlite3'}"
    return target


def _copy_keys(path: Path, target: Path) -> None:
    if keys.key_path(path).exists():
        shutil.copyfile(keys.key_path(path), keys.key_path(target))
        os.chmod(keys.key_path(target), 0o600)


def backup(path: Path, *, reason: str = "backup", key: bytes | None = None) -> Path:
    """Copy the database with SQLite's online backup (consistent even while open).

    An encrypted file's copy is encrypted with the same key; its key file is copied beside it."""
    path = Path(path)
    key = _key_for(path, key)
    target = _backup_target(path, reason)
    src, dst = _connect(path, key), _connect(target, key)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    if key is not None:
        _copy_keys(path, target)
    return target


def restore(backup_file: Path, path: Path, *, key: bytes | None = None) -> None:
    """Replace the database with a backup copy (the current file is backed up first)."""
    if not backup_file.exists():
        raise StoreError(f"备份文件不存在：{backup_file}")
    key = _key_for(path, key)
    if key is not None and not _opens(backup_file, key):
        raise StoreError(f"备份文件 {backup_file.name} 不是用本站密钥加密的数据库，无法恢复")
    if path.exists():
        backup(path, reason="before-restore", key=key)
    src, dst = _connect(backup_file, key), _connect(path, key)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    if key is not None:
        from .services.auditchain import anchor_restored

        anchor_restored(path, key)


def _opens(path: Path, key: bytes) -> bool:
    con = _connect(path, key)
    try:
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except Exception:  # noqa: BLE001 - sqlcipher3 raises its own DatabaseError
        return False
    finally:
        con.close()


def export_encrypted(plain: Path, target: Path, key: bytes) -> None:
    """Write an encrypted copy of a plain file (SQLCipher's sqlcipher_export)."""
    from sqlcipher3 import dbapi2

    target.unlink(missing_ok=True)
    con = dbapi2.connect(str(plain))
    try:
        con.execute("ATTACH DATABASE ? AS enc KEY ?", (str(target), f"x'{key.hex()}'"))
        con.execute("SELECT sqlcipher_export('enc')")
        version = con.execute("PRAGMA main.user_version").fetchone()[0]
        con.execute(f"PRAGMA enc.user_version = {int(version)}")
        con.execute("DETACH DATABASE enc")
    finally:
        con.close()


def encrypt_plain(path: Path, key: bytes) -> Path:
    """Convert a plain station file in place; returns the (encrypted) backup taken first.

    Backups already beside it are plain too: each is replaced by an encrypted copy."""
    path = Path(path)
    taken = _backup_target(path, "before-encrypt")
    export_encrypted(path, taken, key)
    _copy_keys(path, taken)
    tmp = path.with_name(path.name + ".encrypting")
    export_encrypted(path, tmp, key)
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    os.replace(tmp, path)
    for old in sorted((path.parent / "backups").glob("*.sqlite3")):
        if is_plain(old):
            export_encrypted(old, tmp, key)
            os.replace(tmp, old)
            _copy_keys(path, old)
    return taken


def migrate(path: Path, key: bytes | None = None) -> Path | None:
    """Bring the file to the current schema. Returns the backup taken, if any.

    A database newer than this program is refused (never downgraded: that would lose data).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    existing = has_data(path)
    if existing and key is None and not is_plain(path):
        raise _locked_error(path)
    if existing and key is not None and not _opens(path, key):
        raise StoreError(f"无法用本站密钥打开 {path.name}（文件已损坏或密钥文件不属于它）")
    revision = current_revision(path, key) if existing else None
    head = head_revision()
    if revision == head:
        return None
    if revision is not None and revision not in _known_revisions():
        raise StoreError(
            f"数据库由更新版本的工作台创建（结构版本 {revision}），本程序无法打开。请升级工作台后再试。"
        )
    taken = None
    if existing:
        if revision is None and _has_tables(path, key):
            raise StoreError(f"文件 {path} 不是工作台数据库，无法打开")
        taken = backup(path, reason=f"before-migrate-{revision or 'empty'}", key=key)
    _upgrade(path, key)
    return taken


def _upgrade(path: Path, key: bytes | None) -> None:
    cfg = _alembic_config(f"sqlite:///{path}")
    engine = make_engine(path, key)
    try:
        with engine.connect() as connection:
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, "head")
    finally:
        engine.dispose()


def _has_tables(path: Path, key: bytes | None = None) -> bool:
    con = _connect(path, key)
    try:
        rows = con.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()
        return bool(rows and rows[0])
    except Exception:  # noqa: BLE001 - sqlite3's or sqlcipher3's DatabaseError
        return True
    finally:
        con.close()


def open_store(path: Path | str, key: bytes | None = None) -> Engine:
    """Migrate if needed and return an engine on the file (encrypted when key is given)."""
    migrate(Path(path), key)
    return make_engine(path, key)
