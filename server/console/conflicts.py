"""冲突: member fields changed at two stations to different values, side by side, resolved
here through the same code path as `stationdesk-server conflicts resolve`
(server/conflicts.resolve_at_district): the member takes the chosen value as a new version
and every party's conflict record is closed; the stations pull both."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response
from sqlalchemy import Connection, select

from contract import rules
from contract.idnumber import mask
from contract.records import RecordError

from .. import conflicts
from ..db import record, station
from ..rows import load, query_rows
from .accounts import audit
from .web import Refused, Reviewer, Viewer, back, engine_of, mask_name, render

router = APIRouter()
FIELD_LABELS = {
    "name": "姓名",
    "phone": "手机号",
    "employer": "工作单位",
    "address": "住址",
    "id_number": "身份证号",
    "job_group": "职工类别",
    "membership_status": "会籍状态",
    "hardship": "困难类别",
}
SENSITIVE = {"id_number", "hardship", "health", "bank_account"}


@dataclass
class Dispute:
    key: str
    first_id: str
    member_id: str
    field_name: str
    person: str = ""
    current: Any = None
    parties: list[dict[str, Any]] = field(default_factory=list)

    @property
    def label(self) -> str:
        return FIELD_LABELS.get(self.field_name, self.field_name)


def shown(name: str, value: Any) -> str:
    if value is None:
        return "（空）"
    return mask(str(value)) if name in SENSITIVE else str(value)


def disputes(conn: Connection, district_id: str) -> list[Dispute]:
    rows = query_rows(conn, record.c.entity == "conflict", record.c.district_id == district_id)
    codes = dict(
        conn.execute(
            select(station.c.id, station.c.code).where(station.c.district_id == district_id)
        ).all()
    )
    out: dict[str, Dispute] = {}
    for row in sorted(rows, key=lambda r: (str(r.data.get("created_at")), r.id)):
        if not conflicts.is_open(row) or row.data.get("entity") != "member":
            continue
        key = conflicts.key_of(row.data)
        d = out.setdefault(
            key, Dispute(key, row.id, str(row.data.get("row_id")), str(row.data.get("field")))
        )
        d.parties.append(
            {
                "station": codes.get(row.owner, row.owner),
                "value": row.data.get("local_value"),
                "shown": shown(d.field_name, row.data.get("local_value")),
            }
        )
    members = load(conn, [("member", d.member_id) for d in out.values()])
    for d in out.values():
        member = members.get(("member", d.member_id))
        data = member.data if member is not None else {}
        d.person = f"{mask_name(data.get('name'))}（{mask(data.get('id_number'))}）"
        d.current = shown(d.field_name, data.get(d.field_name))
    return list(out.values())


@router.get("/conflicts")
def conflicts_page(request: Request, user: Viewer) -> Response:
    with engine_of(request).connect() as conn:
        found = disputes(conn, user.district_id)
    return render(request, "conflicts.html", user, "conflicts", disputes=found)


def _checked_value(conn: Connection, member_id: str, name: str, value: str) -> None:
    member = load(conn, [("member", member_id)]).get(("member", member_id))
    if member is None:
        raise Refused(404, "冲突涉及的会员不存在")
    rules.check("member", {**member.data, name: value})


@router.post("/conflicts/{conflict_id}/resolve")
def resolve(
    request: Request,
    user: Reviewer,
    conflict_id: str,
    value: Annotated[str, Form(max_length=500)] = "",
) -> Response:
    engine = engine_of(request)
    with engine.connect() as conn:
        found = load(conn, [("conflict", conflict_id)]).get(("conflict", conflict_id))
        if found is None or found.district_id != user.district_id:
            raise Refused(404, "本区没有这条冲突记录")
        name, member_id = str(found.data.get("field")), str(found.data.get("row_id"))
        try:
            _checked_value(conn, member_id, name, value.strip())
        except RecordError as exc:
            return back("/console/conflicts", err=f"采用的值不符合要求：{exc}")
    try:
        conflicts.resolve_at_district(engine, user.district_id, conflict_id, value.strip())
    except RecordError as exc:
        return back("/console/conflicts", err=str(exc))
    with engine.begin() as conn:
        audit(conn, user, "conflict.resolve", f"{member_id}/{name}", shown(name, value.strip()))
    label = FIELD_LABELS.get(name, name)
    return back("/console/conflicts", ok=f"已处理：{label} 采用“{shown(name, value.strip())}”")
