"""District staff accounts of the console: argon2id passwords, sessions, throttled logins.

A session is a random token in an HttpOnly cookie; the database keeps only its SHA-256, so a
copy of the database opens no session. Sessions end after IDLE of no use or at ABSOLUTE
after login, whichever comes first. Failed logins are counted per account and per client
address: past a few failures the next attempt must wait, longer after each failure.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, Engine, delete, insert, select, update

from contract.ids import new_id
from contract.passwords import HASHER, hash_password

from ..db import console_audit, console_session, district, district_user, login_failure
from ..rows import now

ROLES = {"admin": "管理员", "reviewer": "审核", "viewer": "只读"}
IDLE = dt.timedelta(minutes=30)
ABSOLUTE = dt.timedelta(hours=12)
FREE_TRIES = {"user": 3, "client": 10}  # failures before the next attempt must wait
MAX_WAIT = 300
MIN_PASSWORD = 10


class AccountError(Exception):
    """A refusal shown to the person as it is (Chinese)."""


@dataclass(frozen=True)
class User:
    id: str
    district_id: str
    district_code: str
    district_name: str
    username: str
    display_name: str
    role: str
    csrf: str = ""

    @property
    def role_label(self) -> str:
        return ROLES.get(self.role, self.role)

    def may(self, role: str) -> bool:
        """admin may everything, reviewer may review, viewer only reads."""
        order = ["viewer", "reviewer", "admin"]
        return order.index(self.role) >= order.index(role)


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def aware(stamp: dt.datetime) -> dt.datetime:
    """SQLite gives back naive times (stored as UTC)."""
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.UTC)


def role_of(text: str) -> str:
    for value, label in ROLES.items():
        if text.strip() in (value, label):
            return value
    allowed = "、".join(f"{label}（{value}）" for value, label in ROLES.items())
    raise AccountError(f"角色“{text}”不正确，可选：{allowed}")


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"密码至少 {MIN_PASSWORD} 位")


def district_id_of(conn: Connection, code: str) -> str:
    found = conn.execute(select(district.c.id).where(district.c.code == code.strip())).scalar()
    if found is None:
        raise AccountError(f"区 {code} 不存在")
    return str(found)


def create_user(
    engine: Engine,
    district_code: str,
    username: str,
    password: str,
    *,
    role: str = "admin",
    display_name: str = "",
) -> str:
    username = username.strip()
    if not username or len(username) > 64:
        raise AccountError("用户名不能为空，最多 64 个字符")
    check_password(password)
    value = role_of(role)
    with engine.begin() as conn:
        did = district_id_of(conn, district_code)
        taken = conn.execute(
            select(district_user.c.id).where(
                district_user.c.district_id == did, district_user.c.username == username
            )
        ).first()
        if taken:
            raise AccountError(f"本区已有用户名 {username}")
        uid = new_id()
        conn.execute(
            insert(district_user).values(
                id=uid,
                district_id=did,
                username=username,
                display_name=display_name.strip() or username,
                role=value,
                password_hash=hash_password(password),
                active=True,
                created_at=now(),
            )
        )
        write_audit(conn, did, None, "create-admin", "user.create", username, ROLES[value])
    return uid


def _wait_left(conn: Connection, key: str, kind: str) -> int:
    row = conn.execute(select(login_failure).where(login_failure.c.key == key)).first()
    if row is None or row.failures < FREE_TRIES[kind]:
        return 0
    wait = min(MAX_WAIT, 5 * 2 ** (row.failures - FREE_TRIES[kind]))
    left = (aware(row.last_at) + dt.timedelta(seconds=wait) - now()).total_seconds()
    return max(0, int(left) + 1) if left > 0 else 0


def _count_failure(conn: Connection, key: str) -> None:
    done = conn.execute(
        update(login_failure)
        .where(login_failure.c.key == key)
        .values(failures=login_failure.c.failures + 1, last_at=now())
    )
    if done.rowcount == 0:
        conn.execute(insert(login_failure).values(key=key, failures=1, last_at=now()))


def login(
    engine: Engine, district_code: str, username: str, password: str, client: str
) -> tuple[str, User]:
    """A new session token and its user, or AccountError (same text whatever was wrong)."""
    user_key = f"user:{district_code.strip()}/{username.strip()}"[:200]
    client_key = f"client:{client}"[:200]
    with engine.begin() as conn:
        wait = max(_wait_left(conn, user_key, "user"), _wait_left(conn, client_key, "client"))
        if wait:
            raise AccountError(f"登录失败次数过多，请 {wait} 秒后再试")
        row = conn.execute(
            select(district_user, district.c.code, district.c.name.label("district_name"))
            .join(district, district.c.id == district_user.c.district_id)
            .where(
                district.c.code == district_code.strip(),
                district_user.c.username == username.strip(),
            )
        ).first()
        if row is None or not row.active or not _verifies(row.password_hash, password):
            _count_failure(conn, user_key)
            _count_failure(conn, client_key)
            if row is not None:
                write_audit(conn, row.district_id, row.id, row.username, "login.failed", "", "")
            failed = True
        else:
            failed = False
            conn.execute(delete(login_failure).where(login_failure.c.key == user_key))
            stamp = now()
            conn.execute(  # sessions that ran out are cleared as others begin
                delete(console_session).where(
                    (console_session.c.expires_at < stamp)
                    | (console_session.c.last_seen < stamp - IDLE)
                )
            )
            token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(24)
            conn.execute(
                insert(console_session).values(
                    token_hash=digest(token),
                    user_id=row.id,
                    csrf=csrf,
                    created_at=stamp,
                    last_seen=stamp,
                    expires_at=stamp + ABSOLUTE,
                )
            )
            write_audit(conn, row.district_id, row.id, row.username, "login", "", "")
    if failed:  # committed: the failure counts even though the login is refused
        raise AccountError("区代码、用户名或密码错误")
    return token, _user(row, csrf)


def _verifies(password_hash: str, password: str) -> bool:
    try:
        return bool(HASHER.verify(password_hash, password))
    except (VerificationError, InvalidHashError):
        return False


def _user(row: object, csrf: str) -> User:
    return User(
        id=row.id,  # type: ignore[attr-defined]
        district_id=row.district_id,  # type: ignore[attr-defined]
        district_code=row.code,  # type: ignore[attr-defined]
        district_name=row.district_name,  # type: ignore[attr-defined]
        username=row.username,  # type: ignore[attr-defined]
        display_name=row.display_name,  # type: ignore[attr-defined]
        role=row.role,  # type: ignore[attr-defined]
        csrf=csrf,
    )


def session_user(engine: Engine, token: str) -> User | None:
    """The user of a live session (its last use is moved on), or None."""
    if not token or len(token) > 200:
        return None
    key = digest(token)
    with engine.begin() as conn:
        row = conn.execute(
            select(
                console_session.c.csrf,
                console_session.c.last_seen,
                console_session.c.expires_at,
                district_user,
                district.c.code,
                district.c.name.label("district_name"),
            )
            .join(district_user, district_user.c.id == console_session.c.user_id)
            .join(district, district.c.id == district_user.c.district_id)
            .where(console_session.c.token_hash == key)
        ).first()
        if row is None:
            return None
        stamp = now()
        if not row.active or aware(row.last_seen) + IDLE < stamp or aware(row.expires_at) < stamp:
            conn.execute(delete(console_session).where(console_session.c.token_hash == key))
            return None
        if stamp - aware(row.last_seen) > dt.timedelta(seconds=30):
            conn.execute(
                update(console_session)
                .where(console_session.c.token_hash == key)
                .values(last_seen=stamp)
            )
    return _user(row, row.csrf)


def logout(engine: Engine, token: str, user: User) -> None:
    with engine.begin() as conn:
        conn.execute(delete(console_session).where(console_session.c.token_hash == digest(token)))
        write_audit(conn, user.district_id, user.id, user.username, "logout", "", "")


def write_audit(
    conn: Connection,
    district_id: str,
    user_id: str | None,
    username: str,
    action: str,
    target: str,
    detail: str,
) -> None:
    conn.execute(
        insert(console_audit).values(
            id=new_id(),
            district_id=district_id,
            user_id=user_id,
            username=username,
            at=now(),
            action=action,
            target=target[:500],
            detail=detail[:2000],
        )
    )


def audit(conn: Connection, user: User, action: str, target: str, detail: str = "") -> None:
    write_audit(conn, user.district_id, user.id, user.username, action, target, detail)
