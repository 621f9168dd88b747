"""总览 and 月度汇总: rendered from the read model's typed queries (server/readmodel/queries.py),
every figure an SQL aggregate; the month exports as .xlsx and PDF (server/readmodel/export.py).
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlalchemy import Connection, select

from contract.enums import JobGroup, VisitType
from contract.hardship import CATEGORY_LABELS
from contract.money import fen_to_yuan_text

from ..db import station
from ..readmodel import queries
from ..readmodel.charts import bar_chart
from ..readmodel.export import monthly_pdf, monthly_xlsx
from .accounts import audit
from .stations import station_in
from .web import Refused, Viewer, beijing_today, engine_of, render

router = APIRouter()
PERIOD = re.compile(r"\d{4}-(0[1-9]|1[0-2])")


def _period(text: str | None) -> str:
    if not text:
        today = beijing_today()  # the district's month, not UTC's
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
        choices = conn.execute(  # the scope list: codes and names, not the whole overview
            select(station.c.code, station.c.name)
            .where(station.c.district_id == user.district_id)
            .order_by(station.c.code)
        ).all()
    visit_labels = {v.value: v.label for v in VisitType}
    return render(
        request,
        "monthly.html",
        user,
        "monthly",
        month=month,
        period=period,
        code=code,
        stations=choices,
        visit_labels=visit_labels,
        job_labels={j.value: j.label for j in JobGroup},
        hardship_labels=CATEGORY_LABELS,
        close_labels=queries.MONTH_LABELS,
        charts=_charts(month, visit_labels),
        exports=True,
    )


def _charts(month: queries.Monthly, visit_labels: dict[str, str]) -> list[str]:
    total = month.total
    money = [(p.name, p.total_fen) for p in total.programs.values()]
    visits = [(visit_labels.get(k, k), n) for k, n in total.visits.items()]
    charts = [
        bar_chart(money, title="各项目发放金额", fmt=fen_to_yuan_text),
        bar_chart(visits, title="走访（按类型）"),
    ]
    if month.station_id is None and len(month.stations) > 1:
        by_station = [(s.code, s.figures.relief.total_fen) for s in month.stations]
        charts.append(bar_chart(by_station, title="各服务站发放金额", fmt=fen_to_yuan_text))
    return charts


def _download(request: Request, user: Viewer, kind: str) -> Response:
    period = _period(request.query_params.get("period"))
    code = request.query_params.get("station", "")[:32]
    with engine_of(request).begin() as conn:
        month, _sid = _monthly(conn, user.district_id, period, code)
        audit(conn, user, f"monthly.export_{kind}", f"{period} {code or '全区'}")
    body = monthly_xlsx(month) if kind == "xlsx" else monthly_pdf(month)
    media = (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        if kind == "xlsx"
        else "application/pdf"
    )
    name = f"月度汇总-{period}-{code or user.district_code}.{kind}"
    disposition = f"attachment; filename=monthly-{period}.{kind}; filename*=UTF-8''{quote(name)}"
    return Response(body, media_type=media, headers={"Content-Disposition": disposition})


@router.get("/monthly.xlsx")
def monthly_excel(request: Request, user: Viewer) -> Response:
    return _download(request, user, "xlsx")


@router.get("/monthly.pdf")
def monthly_document(request: Request, user: Viewer) -> Response:
    return _download(request, user, "pdf")
