"""The console's plumbing: the session cookie, CSRF tokens, roles, refusals and rendering.

Every page depends on `Viewer` (a live session, else a redirect to the login page); every
POST on `needs(role)`, which checks the form's CSRF token against the session's before the
role. A refusal is an HTML page with a Chinese sentence and the HTTP status.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from sqlalchemy import Engine

from contract.idnumber import mask

from . import accounts
from .accounts import User

HERE = Path(__file__).parent
COOKIE = "sd_console"
PRE_COOKIE = "sd_console_login"  # double-submit token of the login form (no session yet)
templates = Jinja2Templates(directory=str(HERE / "templates"))

NAV = [
    ("overview", "总览", "/console/"),
    ("monthly", "月度汇总", "/console/monthly"),
    ("flags", "重复救助", "/console/flags"),
    ("conflicts", "冲突", "/console/conflicts"),
    ("programs", "帮扶项目与预算", "/console/programs"),
    ("dibao", "低保标准", "/console/dibao"),
    ("receipts", "收据核验", "/console/receipts"),
    ("stations", "服务站与人员", "/console/stations"),
    ("audit", "操作记录", "/console/audit"),
]


class Refused(Exception):
    """Ends a request: a page with `message` and `status`, or a redirect to `location`."""

    def __init__(self, status: int, message: str = "", location: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.location = location


def engine_of(request: Request) -> Engine:
    engine: Engine = request.app.state.engine
    return engine


def current(request: Request) -> User:
    user = accounts.session_user(engine_of(request), request.cookies.get(COOKIE, ""))
    if user is None:
        raise Refused(303, location="/console/login")
    return user


Viewer = Annotated[User, Depends(current)]


def needs(role: str) -> Callable[[Request, User], Awaitable[User]]:
    """A POST dependency: the CSRF token of the session first, then the role."""

    async def check(request: Request, user: Viewer) -> User:
        form = await request.form()
        sent = str(form.get("csrf") or "")
        if not sent or not secrets.compare_digest(sent, user.csrf):
            raise Refused(403, "安全校验失败：表单缺少或带有无效的安全令牌，请刷新页面后重新提交")
        if not user.may(role):
            label = accounts.ROLES[role]
            raise Refused(
                403, f"您的角色（{user.role_label}）无权执行此操作，需要“{label}”或更高权限"
            )
        return user

    return check


Admin = Annotated[User, Depends(needs("admin"))]
Reviewer = Annotated[User, Depends(needs("reviewer"))]


def client_of(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def mask_name(name: Any) -> str:
    text = str(name or "")
    return text[:1] + "*" * max(len(text) - 1, 1) if text else "（无姓名）"


def yuan(fen: Any) -> str:
    from contract.money import fen_to_yuan_text

    return fen_to_yuan_text(int(fen or 0))


# District staff read Beijing time (China keeps one zone, no daylight saving); stored UTC.
BEIJING = dt.timezone(dt.timedelta(hours=8), "北京时间")


def local_time(stamp: dt.datetime | str | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
    """A stored UTC time (naive from SQLite, or ISO text) as Beijing time."""
    if not stamp:
        return ""
    if isinstance(stamp, str):
        stamp = dt.datetime.fromisoformat(stamp)
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=dt.UTC)
    return stamp.astimezone(BEIJING).strftime(fmt)


def beijing_today() -> dt.date:
    return dt.datetime.now(BEIJING).date()


templates.env.filters["local"] = local_time
templates.env.filters["mask_id"] = mask
templates.env.filters["mask_name"] = mask_name
templates.env.filters["yuan"] = yuan


def render(
    request: Request, name: str, user: User | None, page: str, status: int = 200, **context: Any
) -> HTMLResponse:
    context.update(
        user=user,
        nav=NAV,
        page=page,
        notice=request.query_params.get("ok", "")[:200],
        error=request.query_params.get("err", "")[:300],
    )
    return templates.TemplateResponse(request, name, context, status_code=status)


def back(path: str, *, ok: str = "", err: str = "") -> RedirectResponse:
    """POST-redirect-GET, with a one-line outcome shown on the page."""
    query = f"?ok={quote(ok)}" if ok else f"?err={quote(err)}" if err else ""
    return RedirectResponse(path + query, status_code=303)


def refusal_page(request: Request, exc: Refused) -> Response:
    if exc.location:
        return RedirectResponse(exc.location, status_code=exc.status)
    return render(request, "refused.html", None, "", status=exc.status, message=exc.message)


def set_cookie(request: Request, response: Response, name: str, value: str, age: int) -> None:
    response.set_cookie(
        name,
        value,
        max_age=age,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        path="/console",
    )
