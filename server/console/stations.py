"""服务站与人员: the district's stations: create, one-time enrolment code, revoke."""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response
from sqlalchemy import Connection, func, select

from .. import auth
from ..db import record, station
from .accounts import audit
from .web import Admin, Refused, Viewer, back, engine_of, render

router = APIRouter()
CODE = re.compile(r"[0-9A-Za-z-]{2,32}")


def station_in(conn: Connection, district_id: str, code: str) -> Any:
    """A station of this district by code; another district's is 'not found' too."""
    row = conn.execute(
        select(station).where(station.c.code == code, station.c.district_id == district_id)
    ).first()
    if row is None:
        raise Refused(404, f"本区没有编码为 {code} 的服务站")
    return row


def stations_of(conn: Connection, district_id: str) -> list[Any]:
    staff = (
        select(record.c.owner, func.count().label("n"))
        .where(
            record.c.district_id == district_id,
            record.c.entity == "staff",
            record.c.deleted.is_(False),
        )
        .group_by(record.c.owner)
        .subquery()
    )
    return list(
        conn.execute(
            select(station, func.coalesce(staff.c.n, 0).label("staff_count"))
            .outerjoin(staff, staff.c.owner == station.c.id)
            .where(station.c.district_id == district_id)
            .order_by(station.c.code)
        ).all()
    )


def _page(request: Request, user: Any, **extra: Any) -> Response:
    with engine_of(request).connect() as conn:
        rows = stations_of(conn, user.district_id)
    return render(request, "stations.html", user, "stations", stations=rows, **extra)


@router.get("/stations")
def stations_page(request: Request, user: Viewer) -> Response:
    return _page(request, user)


@router.post("/stations")
def create_station(
    request: Request,
    user: Admin,
    code: Annotated[str, Form(max_length=100)] = "",
    name: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    code, name = code.strip(), name.strip()
    if not CODE.fullmatch(code):
        return back("/console/stations", err="服务站编码：应为 2 至 32 位字母、数字或连字符")
    if not name:
        return back("/console/stations", err="服务站名称：不能为空")
    with engine_of(request).begin() as conn:
        if conn.execute(select(station.c.id).where(station.c.code == code)).first():
            return back("/console/stations", err=f"服务站编码：{code} 已被使用")
        sid = auth.create_station(conn, user.district_id, code, name)
        enrol = auth.new_enrol_code(conn, sid)
        audit(conn, user, "station.create", code, name)
    return _page(request, user, issued=(code, enrol))


@router.post("/stations/{code}/enrol-code")
def enrol_code(request: Request, user: Admin, code: str) -> Response:
    with engine_of(request).begin() as conn:
        row = station_in(conn, user.district_id, code)
        if row.revoked:
            return back("/console/stations", err=f"服务站 {code} 已停用，不能签发登记码")
        enrol = auth.new_enrol_code(conn, row.id)
        audit(conn, user, "station.enrol_code", code, "签发一次性登记码（72 小时内有效）")
    return _page(request, user, issued=(code, enrol))


@router.post("/stations/{code}/revoke")
def revoke(request: Request, user: Admin, code: str) -> Response:
    with engine_of(request).begin() as conn:
        row = station_in(conn, user.district_id, code)
        auth.revoke(conn, row.id)
        audit(conn, user, "station.revoke", code, row.name)
    return back("/console/stations", ok=f"服务站 {code} 已停用：其访问令牌立即失效")
