"""The district web console (issue 15): server-rendered pages under /console of the district
server's own app, for the district union office's staff accounts.

Mounted by server/app.py as a sub-application with its own exception handler (refusals are
Chinese HTML pages) and its own static files (no CDN, no outside fonts). Every page and action
is scoped by the signed-in user's district.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Engine

from .web import HERE, Refused, refusal_page

POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)


def create_console(engine: Engine) -> FastAPI:
    from . import audit_page, dibao, flags, login, programs, receipts, staff, stations, summary
    from . import conflicts as conflicts_page

    console = FastAPI(title="区总工会管理台", docs_url=None, redoc_url=None, openapi_url=None)
    console.state.engine = engine

    @console.middleware("http")
    async def _headers(request: Request, call_next: Any) -> Response:
        """Only this server's own files; no framing (clickjacking); pages with personal data
        are not cached; no address (with its query) sent on to other sites."""
        response: Response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", POLICY)
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        if not request.url.path.startswith("/console/static/"):
            response.headers["Cache-Control"] = "no-store"
        return response

    @console.exception_handler(Refused)
    async def _refused(request: Request, exc: Refused) -> Response:
        return refusal_page(request, exc)

    for module in (
        login,
        summary,
        stations,
        staff,
        receipts,
        flags,
        conflicts_page,
        programs,
        dibao,
        audit_page,
    ):
        console.include_router(module.router)
    console.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    return console
