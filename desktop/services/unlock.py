"""Opening the station file with a login: unwrap the data key, open, then log in.

The window and the command line both come here. A file made before encryption is converted
on the first login (desktop.store.encrypt_plain); its recovery code is returned once.
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine

from .. import keys, store
from . import staff
from .auditchain import record_head
from .context import Actor, Ctx
from .errors import UserFacingError


@dataclass(frozen=True)
class Probe:
    """What is at the path before any login: new, encrypted (with its login names) or plain."""

    kind: str  # "new" | "encrypted" | "plain"
    usernames: list[str] = field(default_factory=list)
    label: str = ""


def probe(db_path: Path) -> Probe:
    db_path = Path(db_path)
    if not store.has_data(db_path):
        return Probe("new")
    if store.is_plain(db_path):
        return Probe("plain", _plain_usernames(db_path))
    keyfile = keys.KeyFile.load(db_path)
    if keyfile is None:
        raise keys.UnlockError(
            f"找不到数据库的密钥文件 {keys.key_path(db_path).name}，无法打开本站数据。"
            "请把备份文件夹中同名数据库旁的 .keys.json 复制回来"
        )
    if not keyfile.wraps:  # a set-up left before its first account: nothing can open it
        _set_aside(db_path)
        return Probe("new")
    return Probe("encrypted", keyfile.usernames(), keyfile.label)


def _set_aside(db_path: Path) -> None:
    """Move an unfinished set-up's file into backups/ (kept, never deleted) and start over."""
    folder = db_path.parent / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for suffix in ("", "-wal", "-shm"):
        source = Path(str(db_path) + suffix)
        if source.exists():
            source.replace(
                folder / f"{db_path.stem}-unfinished-setup-{stamp}{db_path.suffix}{suffix}"
            )
    keys.key_path(db_path).unlink(missing_ok=True)


def _plain_usernames(db_path: Path) -> list[str]:
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        rows = con.execute(
            "SELECT username FROM staff WHERE active AND NOT deleted ORDER BY username"
        ).fetchall()
        return [str(r[0]) for r in rows]
    except sqlite3.DatabaseError:
        return []
    finally:
        con.close()


@dataclass
class Opened:
    """An unlocked, migrated store and the member who opened it."""

    engine: Engine
    ctx: Ctx  # acting as the member who logged in
    recovery_code: str | None = None  # set once, when a plain file was just converted
    converted_backup: Path | None = None
    migrated_backup: Path | None = None  # taken before a schema migration

    @property
    def actor(self) -> Actor:
        return self.ctx.actor


def new_store(db_path: Path) -> Engine:
    """A new, empty, encrypted station file. Its key lives in memory until the first account
    is added (services.staff.add_staff wraps it for that password); the empty key file marks
    the set-up as unfinished until then (probe sets such a file aside)."""
    keys.KeyFile(keys.key_path(db_path)).save()
    return store.open_store(db_path, keys.new_data_key())


def open_with_login(db_path: Path, username: str, password: str, *, sleep: bool = True) -> Opened:
    """Unlock the file with a staff login, migrate it if needed, and log in."""
    db_path = Path(db_path)
    username = username.strip()
    found = probe(db_path)
    if found.kind == "new":
        raise UserFacingError(f"数据库 {db_path} 不存在或为空，请先初始化本站")
    if found.kind == "plain":
        return _convert(db_path, username, password, sleep=sleep)
    keyfile = keys.KeyFile.load(db_path)
    assert keyfile is not None
    try:
        data_key = keyfile.unlock(username, password)
    except keys.UnlockError:
        if sleep:
            time.sleep(0.5)
        raise
    taken = store.migrate(db_path, data_key)
    opened = _login(store.make_engine(db_path, data_key), username, password, sleep=sleep)
    opened.migrated_backup = taken
    return opened


def _login(engine: Engine, username: str, password: str, *, sleep: bool) -> Opened:
    try:
        ring = keys.ring_of(engine)
        if ring is not None:
            ring.verified.add(username)
        ctx = staff.local_context(engine)
        actor = staff.login(ctx, username, password, sleep=sleep)
        if ring is not None:
            ring.set_label(ctx.station().name)
    except BaseException:
        engine.dispose()
        raise
    return Opened(engine, ctx.as_actor(actor))


def _convert(db_path: Path, username: str, password: str, *, sleep: bool) -> Opened:
    """First start on a plain file: check the login against it, then encrypt it in place."""
    _check_plain_login(db_path, username, password, sleep=sleep)
    data_key, code = keys.create_key_file(db_path, username, password)
    taken = store.encrypt_plain(db_path, data_key)
    migrated = store.migrate(db_path, data_key)
    engine = store.make_engine(db_path, data_key)
    opened = _login(engine, username, password, sleep=sleep)
    record_head(engine)
    opened.recovery_code, opened.converted_backup = code, taken
    opened.migrated_backup = migrated
    return opened


def _check_plain_login(db_path: Path, username: str, password: str, *, sleep: bool) -> None:
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        row = con.execute(
            "SELECT password_hash FROM staff WHERE username = ? AND active AND NOT deleted",
            (username,),
        ).fetchone()
    finally:
        con.close()
    try:
        ok = row is not None and staff.verify_hash(str(row[0]), password)
    except (VerificationError, InvalidHashError):
        ok = False
    if not ok:
        if sleep:
            time.sleep(0.5)
        raise keys.UnlockError("登录名或密码错误，无法打开本站数据")


def open_with_recovery(db_path: Path, code: str, username: str, new_password: str) -> Opened:
    """Every password forgotten: the recovery code opens the file and sets a new password for
    a station head's account, who is then logged in; a new recovery code replaces the used one
    (Opened.recovery_code, to be shown once)."""
    keyfile = keys.KeyFile.load(db_path)
    if keyfile is None:
        raise keys.UnlockError(f"找不到数据库的密钥文件 {keys.key_path(db_path).name}")
    data_key = keyfile.unlock_recovery(code)
    engine = store.open_store(db_path, data_key)
    try:
        ctx = staff.local_context(engine)
        account = staff.find_staff(ctx, username)
        if account.role != "station_head" or not account.active:
            raise UserFacingError("恢复码只能用来重置在用的站长账号的密码")
        staff.reset_password(ctx.as_actor(Actor.of(account)), account.id, new_password)
    except BaseException:
        engine.dispose()
        raise
    opened = _login(engine, username, new_password, sleep=False)
    opened.recovery_code = staff.new_recovery_code(opened.ctx)  # the used code stops working
    return opened
