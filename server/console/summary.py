"""总览 and 月度汇总: rendered from the read model's typed queries (server/readmodel/queries.py),
every figure an SQL aggregate; the month exports as .xlsx and PDF (server/readmodel/export.py).
"""

from __future__ import annotations

import datetime as dt
import re

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlalchemy import Connection

from contract.enums import JobGroup, VisitType

from ..readmodel import queries
from .stations import station_in
from .web import Refused, Viewer, engine_of, render

router = APIRouter()
PERIOD = re.compile(r"\d{4}-(0[1-9]|1[0-2])")


def _period(text: str | None) -> str:
    if not text:
        today = dt.datetime.now(dt.UTC).date()
        return f"{today.year:04d}-{today.month:02d}"
    if not PERIOD.fullmatch(text):
        raise Refused(422, "月份：应写作 YYYY-MM，例如 2026-11")
    return text


def _monthly(
    conn: Connection, district_id: str, period: str, code: str
) -> tuple[queries.Monthly, str | None]:
    station_id = station_in(conn, district_id, code).id if code else None
    return queries.monthly(conn, district_id, period, station_id), station_id


@router.get("/")
def overview_page(request: Request, user: Viewer) -> Response:
    with engine_of(request).connect() as conn:
        view = queries.overview(conn, user.district_id)
    return render(
        request,
        "overview.html",
        user,
        "overview",
        view=view,
        labels=queries.MONTH_LABELS,
        now=dt.datetime.now(dt.UTC),
    )


@router.get("/monthly")
def monthly_page(request: Request, user: Viewer) -> Response:
    period = _period(request.query_params.get("period"))
    code = request.query_params.get("station", "")[:32]
    with engine_of(request).connect() as conn:
        month, _sid = _monthly(conn, user.district_id, period, code)
        view = queries.overview(conn, user.district_id)
    return render(
        request,
        "monthly.html",
        user,
        "monthly",
        month=month,
        period=period,
        code=code,
        stations=view.stations,
        visit_labels={v.value: v.label for v in VisitType},
        job_labels={j.value: j.label for j in JobGroup},
        close_labels=queries.MONTH_LABELS,
    )
