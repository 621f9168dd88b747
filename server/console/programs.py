"""帮扶项目与预算: the district's fund programs with their rules, per-station budgets and the
spending to date (an SQL sum over the read model's relief table). Programs and budgets are
district records (DISTRICT_ONLY): written here as new versions with a new cursor, they reach
every station at its next pull, as the ones `stationdesk-server create-program` writes."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlalchemy import Connection, func, select

from contract import hardship as hr
from contract.enums import ProgramType
from contract.money import MoneyError, parse_yuan
from contract.records import RecordError

from ..db import record, station
from ..readmodel import tables as rm
from ..rows import Row, query_rows
from . import records
from .accounts import audit
from .stations import station_in
from .web import Viewer, back, engine_of, needs, render

router = APIRouter()
HERE = "/console/programs"


def programs_of(conn: Connection, district_id: str) -> list[Row]:
    rows = query_rows(
        conn,
        record.c.entity == "fund_program",
        record.c.district_id == district_id,
        record.c.deleted.is_(False),
    )
    return sorted(rows, key=lambda r: (-int(r.data.get("year") or 0), str(r.data.get("code"))))


def budgets_of(conn: Connection, district_id: str) -> list[Row]:
    return query_rows(
        conn,
        record.c.entity == "program_budget",
        record.c.district_id == district_id,
        record.c.deleted.is_(False),
    )


def spending(conn: Connection, district_id: str) -> dict[tuple[str, str], int]:
    """(program id, station id) -> fen handed out so far (issued and adjustments)."""
    r = rm.relief.c
    query = (
        select(r.program_id, r.station_id, func.sum(r.cash_fen + r.goods_value_fen))
        .where(
            r.district_id == district_id,
            r.deleted.is_(False),
            r.status.in_(["issued", "adjustment"]),
        )
        .group_by(r.program_id, r.station_id)
    )
    return {(p, s): int(total or 0) for p, s, total in conn.execute(query)}


@router.get("/programs")
def programs_page(request: Request, user: Viewer) -> Response:
    with engine_of(request).connect() as conn:
        programs = programs_of(conn, user.district_id)
        budgets = budgets_of(conn, user.district_id)
        spent = spending(conn, user.district_id)
        stations = conn.execute(
            select(station.c.id, station.c.code, station.c.name)
            .where(station.c.district_id == user.district_id, station.c.revoked.is_(False))
            .order_by(station.c.code)
        ).all()
    codes = {s.id: s.code for s in stations}
    lines: dict[str, list[dict[str, Any]]] = {p.id: [] for p in programs}
    for b in budgets:
        pid, sid = str(b.data.get("program_id")), b.owner
        lines.setdefault(pid, []).append(
            {
                "station": codes.get(sid, sid),
                "budget_fen": int(b.data.get("budget_fen") or 0),
                "spent_fen": spent.get((pid, sid), 0),
            }
        )
    totals = {p.id: sum(v for (pid, _s), v in spent.items() if pid == p.id) for p in programs}
    return render(
        request,
        "programs.html",
        user,
        "programs",
        programs=programs,
        lines=lines,
        totals=totals,
        stations=stations,
        types=[(t.value, t.label) for t in ProgramType],
        labels={t.value: t.label for t in ProgramType},
        categories=[(c, hr.CATEGORY_LABELS[c]) for c in hr.CATEGORIES],
        this_year=dt.date.today().year,
    )


def _optional_int(text: str, what: str) -> int | None:
    text = text.strip()
    if not text:
        return None
    if not text.isdigit() or int(text) < 1:
        raise RecordError(f"{what}：应为正整数，或留空表示不限")
    return int(text)


def _optional_fen(text: str, what: str) -> int | None:
    return parse_yuan(text, field=what) if text.strip() else None


def _amount_rules(text: str) -> dict[str, int]:
    """Lines "名目=金额（元）", e.g. "高中=3000"."""
    out: dict[str, int] = {}
    for line in text.replace("，", "\n").splitlines():
        if not line.strip():
            continue
        name, sep, amount = line.partition("=")
        if not sep or not name.strip():
            raise RecordError(f"标准金额：“{line.strip()}”应写作 名目=金额（元）")
        out[name.strip()] = parse_yuan(amount.strip(), field=f"标准金额（{name.strip()}）")
    return out


def _program_fields(form: Any) -> dict[str, Any]:
    name = str(form.get("name") or "").strip()
    if not name or len(name) > 100:
        raise RecordError("项目名称：不能为空，最多 100 个字")
    return {
        "name": name,
        "funding_source": str(form.get("funding_source") or "").strip()[:100],
        "amount_rules": _amount_rules(str(form.get("amount_rules") or "")),
        "max_times_per_year": _optional_int(str(form.get("max_times") or ""), "每年次数上限"),
        "annual_cap_fen": _optional_fen(str(form.get("annual_cap") or ""), "年度上限"),
        "excludes": [
            c.strip()
            for c in str(form.get("excludes") or "").replace("，", ",").split(",")
            if c.strip()
        ],
        "active": form.get("active") is not None,
        "requires_file": _requires_file(form),
    }


def _requires_file(form: Any) -> list[str]:
    """The hardship categories a member's file in force must have (none: no file needed)."""
    chosen = [str(v) for v in form.getlist("requires_file")]
    wrong = [v for v in chosen if v not in hr.CATEGORIES]
    if wrong:
        raise RecordError(f"须有困难职工档案：没有“{wrong[0][:20]}”这一类别")
    return [c for c in hr.CATEGORIES if c in chosen]


@router.post("/programs")
async def create_program(request: Request, user: Viewer) -> Response:
    await needs("admin")(request, user)
    form = await request.form()
    try:
        code = str(form.get("code") or "").strip()
        if not code or len(code) > 64:
            raise RecordError("项目代码：不能为空，最多 64 个字符")
        year = _optional_int(str(form.get("year") or ""), "年度")
        kind = ProgramType.from_text(str(form.get("program_type") or "")).value
        data = {"code": code, "year": year, "program_type": kind, "receipt_title": ""}
        data.update(_program_fields(form))
        records.checked("fund_program", data)
    except (RecordError, MoneyError, ValueError) as exc:
        return back(HERE, err=str(exc) or "项目类型：请从列表中选择")
    with engine_of(request).begin() as conn:
        if any(
            p.data.get("code") == code and p.data.get("year") == year
            for p in programs_of(conn, user.district_id)
        ):
            return back(HERE, err=f"项目代码：{year} 年度已有 {code}")
        records.create(conn, user, "fund_program", user.district_id, data)
        audit(conn, user, "program.create", f"{year} {code}", str(data["name"]))
    return back(HERE, ok=f"已新建帮扶项目“{data['name']}”，各服务站下次同步后可用")


@router.post("/programs/{program_id}")
async def edit_program(request: Request, user: Viewer, program_id: str) -> Response:
    await needs("admin")(request, user)
    form = await request.form()
    with engine_of(request).begin() as conn:
        row = records.fetch(conn, user, "fund_program", program_id)
        try:
            fields = _program_fields(form)
        except (RecordError, MoneyError) as exc:
            return back(HERE, err=str(exc))
        records.change(conn, row, fields)
        audit(conn, user, "program.edit", str(row.data.get("code")), fields["name"])
    return back(HERE, ok=f"已修改帮扶项目“{fields['name']}”，各服务站下次同步后生效")


@router.post("/programs/{program_id}/budgets")
async def set_budget(request: Request, user: Viewer, program_id: str) -> Response:
    await needs("admin")(request, user)
    form = await request.form()
    code = str(form.get("station") or "")
    try:
        fen = parse_yuan(str(form.get("budget") or ""), field="预算金额")
    except MoneyError as exc:
        return back(HERE, err=str(exc))
    with engine_of(request).begin() as conn:
        program = records.fetch(conn, user, "fund_program", program_id)
        st = station_in(conn, user.district_id, code)
        existing = [
            b
            for b in budgets_of(conn, user.district_id)
            if b.owner == st.id and b.data.get("program_id") == program_id
        ]
        if existing:
            records.change(conn, existing[0], {"budget_fen": fen})
        else:
            data = {"program_id": program_id, "budget_station_id": st.id, "budget_fen": fen}
            records.create(conn, user, "program_budget", st.id, data)
        name = str(program.data.get("name"))
        audit(conn, user, "budget.set", f"{name}/{code}", f"{fen} 分")
    return back(HERE, ok=f"已设定“{name}”在服务站 {code} 的预算")
