"""Signing in and out."""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from . import accounts
from .web import (
    COOKIE,
    PRE_COOKIE,
    Refused,
    Viewer,
    client_of,
    engine_of,
    needs,
    render,
    set_cookie,
)

router = APIRouter()


@router.get("/login")
def login_page(request: Request) -> Response:
    token = secrets.token_urlsafe(24)
    response = render(request, "login.html", None, "login", csrf=token)
    set_cookie(request, response, PRE_COOKIE, token, 3600)
    return response


@router.post("/login")
def login(
    request: Request,
    district: Annotated[str, Form(max_length=32)] = "",
    username: Annotated[str, Form(max_length=64)] = "",
    password: Annotated[str, Form(max_length=200)] = "",
    csrf: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    expected = request.cookies.get(PRE_COOKIE, "")
    if not csrf or not expected or not secrets.compare_digest(csrf, expected):
        raise Refused(403, "安全校验失败：登录表单已失效，请刷新登录页后重试")
    try:
        token, _user = accounts.login(
            engine_of(request), district, username, password, client_of(request)
        )
    except accounts.AccountError as exc:
        page = render(
            request,
            "login.html",
            None,
            "login",
            status=401,
            csrf=expected,
            failure=str(exc),
            district=district,
            username=username,
        )
        return page
    response = RedirectResponse("/console/", status_code=303)
    set_cookie(request, response, COOKIE, token, int(accounts.ABSOLUTE.total_seconds()))
    response.delete_cookie(PRE_COOKIE, path="/console")
    return response


@router.post("/logout")
async def logout(request: Request, user: Viewer) -> Response:
    await needs("viewer")(request, user)
    accounts.logout(engine_of(request), request.cookies.get(COOKIE, ""), user)
    response = RedirectResponse("/console/login", status_code=303)
    response.delete_cookie(COOKIE, path="/console")
    return response
