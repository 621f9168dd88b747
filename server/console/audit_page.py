"""操作记录: the console's audit of this district, newest first."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlalchemy import select

from ..db import console_audit
from .web import Viewer, engine_of, render

router = APIRouter()


@router.get("/audit")
def audit_list(request: Request, user: Viewer) -> Response:
    with engine_of(request).connect() as conn:
        rows = conn.execute(
            select(console_audit)
            .where(console_audit.c.district_id == user.district_id)
            .order_by(console_audit.c.at.desc())
            .limit(300)
        ).all()
    return render(request, "audit.html", user, "audit", rows=rows)
