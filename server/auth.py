"""Enrolment and tokens: a one-time code becomes a random token the server keeps only hashed.

A stolen server database therefore holds no usable token, and revoking a station is one
column. The station id the desktop made at set-up is adopted at first enrolment, so a station
that has worked offline before enrolling keeps every id it made.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from sqlalchemy import Connection, Engine, delete, insert, select, update

from contract.ids import new_id
from contract.protocol import EnrolRequest, EnrolResponse

from .db import district, reader, record, station
from .push import StationAuth
from .rows import flush, now, query_rows


class AuthError(Exception):
    """Shown to the station as it is (Chinese); status is the HTTP code."""

    def __init__(self, message: str, status: int = 401) -> None:
        super().__init__(message)
        self.status = status


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def station_for_token(engine: Engine, token: str) -> StationAuth:
    if not token or len(token) > 200:
        raise AuthError("缺少或无效的访问令牌，请重新登记本服务站")
    with reader(engine).connect() as conn:
        row = conn.execute(select(station).where(station.c.token_hash == digest(token))).first()
    if row is None:
        raise AuthError("访问令牌无效，请重新登记本服务站")
    if row.revoked:
        raise AuthError("本服务站的访问已被区总工会停用", 403)
    return StationAuth(station_id=row.id, district_id=row.district_id, code=row.code)


def new_enrol_code(conn: Connection, station_id: str, hours: int = 72) -> str:
    """A one-time code, easy to read over the phone (no 0/O, 1/I)."""
    alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
    code = "".join(secrets.choice(alphabet) for _ in range(12))
    conn.execute(
        update(station)
        .where(station.c.id == station_id)
        .values(enrol_code_hash=digest(code), enrol_expires=now() + dt.timedelta(hours=hours))
    )
    return code


def _adopt_id(conn: Connection, old: str, new: str) -> None:
    """Rename a not-yet-enrolled station to the id its desktop already uses."""
    rows = query_rows(conn, record.c.owner == old)
    conn.execute(delete(record).where(record.c.owner == old))
    conn.execute(update(station).where(station.c.id == old).values(id=new))
    import json

    from .rows import dumps

    for row in rows:
        row.data = json.loads(dumps(row.data).replace(old, new))
        row.owner, row.id = new, row.id.replace(old, new)
        row.exists, row.dirty = False, True
    flush(conn, rows)


def enrol(engine: Engine, req: EnrolRequest) -> EnrolResponse:
    with engine.begin() as conn:
        row = conn.execute(
            select(station).where(station.c.enrol_code_hash == digest(req.code.strip().upper()))
        ).first()
        if row is None or row.enrol_expires is None:
            raise AuthError("登记码无效或已使用")
        expires = row.enrol_expires
        if expires.tzinfo is None:
            expires = expires.replace(tzinfo=dt.UTC)
        if expires < now():
            raise AuthError("登记码已过期，请向区总工会重新申请")
        if row.revoked:
            raise AuthError("本服务站的访问已被区总工会停用", 403)
        if row.code != req.station_code:
            raise AuthError(
                f"登记码属于服务站 {row.code}，与本机服务站编码 {req.station_code} 不符", 409
            )
        station_id = row.id
        if req.station_id != row.id:
            if row.enrolled_at is not None:
                raise AuthError("此服务站已由另一台电脑登记，本机数据编号不同，不能合并", 409)
            taken = conn.execute(select(station.c.id).where(station.c.id == req.station_id)).first()
            if taken:
                raise AuthError("服务站编号冲突", 409)
            _adopt_id(conn, row.id, req.station_id)
            station_id = req.station_id
        token = secrets.token_urlsafe(32)
        conn.execute(
            update(station)
            .where(station.c.id == station_id)
            .values(
                token_hash=digest(token),
                enrol_code_hash=None,
                enrol_expires=None,
                enrolled_at=now(),
                receipt_key=req.receipt_key or row.receipt_key,
            )
        )
        dist = conn.execute(select(district).where(district.c.id == row.district_id)).one()
    return EnrolResponse(
        token=token,
        station_id=station_id,
        station_code=row.code,
        district_code=dist.code,
        server_time=now(),
    )


def create_district(conn: Connection, code: str, name: str) -> str:
    did = new_id()
    conn.execute(insert(district).values(id=did, code=code, name=name, created_at=now()))
    return did


def create_station(conn: Connection, district_id: str, code: str, name: str) -> str:
    sid = new_id()
    conn.execute(
        insert(station).values(
            id=sid,
            district_id=district_id,
            code=code,
            name=name,
            revoked=False,
            receipt_key="",
            created_at=now(),
        )
    )
    return sid


def revoke(conn: Connection, station_id: str) -> None:
    conn.execute(
        update(station)
        .where(station.c.id == station_id)
        .values(revoked=True, token_hash=None, enrol_code_hash=None)
    )
