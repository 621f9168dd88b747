"""服务站与人员: a station's staff accounts, kept by the district.

A staff record is owned by its station. The district writes it as a new version with a new
cursor and no origin (records.change), so the station pulls it like any change of its own
records: a deactivated account can no longer log in there, even offline, after its next sync.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response
from sqlalchemy import Connection

from contract.enums import Role
from contract.passwords import hash_password
from contract.records import RecordError

from ..db import record
from ..rows import Row, query_rows
from . import records
from .accounts import audit
from .stations import station_in
from .web import Admin, Refused, Viewer, back, engine_of, render

router = APIRouter()
MIN_PASSWORD = 8


def staff_of(conn: Connection, station_id: str) -> list[Row]:
    rows = query_rows(
        conn, record.c.entity == "staff", record.c.owner == station_id, record.c.deleted.is_(False)
    )
    return sorted(rows, key=lambda r: str(r.data.get("username")))


def _staff_row(conn: Connection, user: Any, code: str, staff_id: str) -> tuple[Any, Row]:
    st = station_in(conn, user.district_id, code)
    row = records.fetch(conn, user, "staff", staff_id)
    if row.owner != st.id:
        raise Refused(404, "本服务站没有这个工作人员")
    return st, row


@router.get("/stations/{code}")
def staff_page(request: Request, user: Viewer, code: str) -> Response:
    with engine_of(request).connect() as conn:
        st = station_in(conn, user.district_id, code)
        rows = staff_of(conn, st.id)
    roles = [(r.value, r.label) for r in Role]
    return render(
        request, "staff.html", user, "stations", station=st, staff=rows, roles=roles, Role=Role
    )


@router.post("/stations/{code}/staff")
def add_staff(
    request: Request,
    user: Admin,
    code: str,
    username: Annotated[str, Form(max_length=100)] = "",
    display_name: Annotated[str, Form(max_length=100)] = "",
    role: Annotated[str, Form(max_length=40)] = "",
    password: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    here = f"/console/stations/{code}"
    username, display_name = username.strip(), display_name.strip()
    if not username or len(username) > 64:
        return back(here, err="登录名：不能为空，最多 64 个字符")
    if not display_name:
        return back(here, err="姓名：不能为空")
    if len(password) < MIN_PASSWORD:
        return back(here, err=f"初始密码：至少 {MIN_PASSWORD} 位")
    try:
        value = Role.from_text(role).value
    except ValueError:
        return back(here, err="角色：请从列表中选择")
    with engine_of(request).begin() as conn:
        st = station_in(conn, user.district_id, code)
        if any(r.data.get("username") == username for r in staff_of(conn, st.id)):
            return back(here, err=f"登录名：本站已有 {username}")
        data = {
            "username": username,
            "display_name": display_name,
            "role": value,
            "password_hash": hash_password(password),
            "active": True,
            "failed_logins": 0,
            "locked_until": None,
        }
        try:
            records.checked("staff", data)
        except RecordError as exc:
            return back(here, err=str(exc))
        records.create(conn, user, "staff", st.id, data)
        audit(conn, user, "staff.add", f"{code}/{username}", Role(value).label)
    return back(here, ok=f"已添加工作人员 {username}，服务站下次同步后即可登录")


@router.post("/stations/{code}/staff/{staff_id}/deactivate")
def deactivate(request: Request, user: Admin, code: str, staff_id: str) -> Response:
    with engine_of(request).begin() as conn:
        _st, row = _staff_row(conn, user, code, staff_id)
        name = str(row.data.get("username"))
        if not row.data.get("active"):
            return back(f"/console/stations/{code}", err=f"账号 {name} 已是停用状态")
        records.change(conn, row, {"active": False})
        audit(conn, user, "staff.deactivate", f"{code}/{name}")
    return back(
        f"/console/stations/{code}",
        ok=f"账号 {name} 已停用：服务站下次同步后，该账号在站内（包括离线时）不能再登录",
    )


@router.post("/stations/{code}/staff/{staff_id}/activate")
def activate(request: Request, user: Admin, code: str, staff_id: str) -> Response:
    with engine_of(request).begin() as conn:
        _st, row = _staff_row(conn, user, code, staff_id)
        name = str(row.data.get("username"))
        records.change(conn, row, {"active": True, "failed_logins": 0, "locked_until": None})
        audit(conn, user, "staff.activate", f"{code}/{name}")
    return back(f"/console/stations/{code}", ok=f"账号 {name} 已重新启用")


@router.post("/stations/{code}/staff/{staff_id}/password")
def reset_password(
    request: Request,
    user: Admin,
    code: str,
    staff_id: str,
    password: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    here = f"/console/stations/{code}"
    if len(password) < MIN_PASSWORD:
        return back(here, err=f"新密码：至少 {MIN_PASSWORD} 位")
    with engine_of(request).begin() as conn:
        _st, row = _staff_row(conn, user, code, staff_id)
        name = str(row.data.get("username"))
        changes = {
            "password_hash": hash_password(password),
            "failed_logins": 0,
            "locked_until": None,
        }
        records.change(conn, row, changes)
        audit(conn, user, "staff.reset_password", f"{code}/{name}")
    return back(here, ok=f"已重置 {name} 的密码，服务站下次同步后生效")
