"""重复救助: the server's duplicate-aid flags (server/derived.py), one entry per finding with
the person (masked), the stations, the program and every hand-out; a reviewer decides
确认违规 or 排除 with a reason.

A finding is one dup_flag record per station involved. The decision is written into each of
them (new fields, a new version and cursor), so both stations pull it at their next sync and
show it where they show the flag. If a later hand-out changes the finding, the server raises
it afresh (derived._flag_rows) and it waits for a new decision.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response
from sqlalchemy import Connection, select

from contract.idnumber import mask

from ..db import record, station
from ..rows import Row, load, now, query_rows
from . import records
from .accounts import audit
from .web import Refused, Reviewer, Viewer, back, engine_of, mask_name, render

router = APIRouter()
DECISIONS = {"confirmed": "确认违规", "dismissed": "排除"}


@dataclass
class Finding:
    key: tuple[str, ...]
    flags: list[Row]
    person: str = ""
    program: str = ""
    period: str = ""
    reason: str = ""
    stations: list[str] = field(default_factory=list)
    handouts: list[dict[str, Any]] = field(default_factory=list)

    @property
    def first(self) -> Row:
        return self.flags[0]

    @property
    def decision(self) -> dict[str, Any]:
        return self.first.data if self.first.data.get("decision") else {}


def _key(row: Row) -> tuple[str, ...]:
    d = row.data
    ids = ",".join(sorted(str(i) for i in d.get("distribution_ids") or []))
    return (str(d.get("member_id")), str(d.get("program_id")), str(d.get("period")), ids)


def findings(conn: Connection, district_id: str) -> list[Finding]:
    flags = query_rows(
        conn,
        record.c.entity == "dup_flag",
        record.c.district_id == district_id,
        record.c.deleted.is_(False),
    )
    groups: dict[tuple[str, ...], Finding] = {}
    for row in sorted(flags, key=lambda r: (str(r.data.get("created_at")), r.id)):
        groups.setdefault(_key(row), Finding(_key(row), [])).flags.append(row)
    codes = dict(
        conn.execute(
            select(station.c.id, station.c.code).where(station.c.district_id == district_id)
        ).all()
    )
    wanted = {("member", f.key[0]) for f in groups.values()}
    wanted |= {("fund_program", f.key[1]) for f in groups.values()}
    wanted |= {("relief", i) for f in groups.values() for i in f.key[3].split(",") if i}
    loaded = load(conn, wanted)
    for f in groups.values():
        _describe(f, loaded, codes)
    return list(groups.values())


def _describe(f: Finding, loaded: dict[tuple[str, str], Row], codes: dict[str, str]) -> None:
    member = loaded.get(("member", f.key[0]))
    data = member.data if member is not None else {}
    f.person = f"{mask_name(data.get('name'))}（{mask(data.get('id_number')) or '无证件号'}）"
    program = loaded.get(("fund_program", f.key[1]))
    f.program = str(program.data.get("name")) if program is not None else f.key[1]
    f.period, f.reason = f.key[2], str(f.first.data.get("reason"))
    f.stations = sorted(codes.get(r.owner, r.owner) for r in f.flags)
    for rid in f.key[3].split(","):
        relief = loaded.get(("relief", rid))
        if relief is not None:
            d = relief.data
            f.handouts.append(
                {
                    "station": codes.get(relief.owner, relief.owner),
                    "issued_on": d.get("issued_on"),
                    "cash_fen": d.get("cash_fen") or 0,
                    "goods_value_fen": d.get("goods_value_fen") or 0,
                    "status": d.get("status"),
                }
            )
    f.handouts.sort(key=lambda h: (str(h["issued_on"]), h["station"]))


@router.get("/flags")
def flags_page(request: Request, user: Viewer) -> Response:
    with engine_of(request).connect() as conn:
        found = findings(conn, user.district_id)
    open_first = sorted(found, key=lambda f: bool(f.decision))
    return render(request, "flags.html", user, "flags", findings=open_first, decisions=DECISIONS)


@router.post("/flags/{flag_id}/decide")
def decide(
    request: Request,
    user: Reviewer,
    flag_id: str,
    decision: Annotated[str, Form(max_length=20)] = "",
    reason: Annotated[str, Form(max_length=500)] = "",
) -> Response:
    if decision not in DECISIONS:
        return back("/console/flags", err="裁定：请选择“确认违规”或“排除”")
    if not reason.strip():
        return back("/console/flags", err="裁定理由：不能为空，请写明依据")
    with engine_of(request).begin() as conn:
        flag = records.fetch(conn, user, "dup_flag", flag_id)
        finding = next((f for f in findings(conn, user.district_id) if f.key == _key(flag)), None)
        if finding is None:
            raise Refused(404, "本区没有这条重复救助提示")
        label = DECISIONS[decision]
        fields = {
            "decision": decision,
            "decision_reason": reason.strip(),
            "decided_by": user.display_name,
            "decided_at": now().isoformat(),
            "decision_text": f"【区总工会裁定：{label}。理由：{reason.strip()}】",
        }
        for row in finding.flags:
            records.change(conn, row, fields)
        audit(conn, user, "flag.decide", f"{finding.person} {finding.program}", label)
    return back("/console/flags", ok=f"已裁定为“{label}”，两个服务站下次同步后可见")
