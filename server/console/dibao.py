"""低保标准: the district's local minimum living standard (fen per person per month, from a
day on), which every enrolled station computes its hardship categories against (issue 16).

The form writes through server/admin.py add_dibao_standard, the same code path as
`stationdesk-server dibao-standard`: a new DISTRICT_ONLY record with a new cursor, pulled by
every station at its next sync. A later record for the same day supersedes the earlier one;
the standard in force is the latest whose day has come (next year's can be announced ahead).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from contract.money import MoneyError, fen_to_yuan_text, parse_yuan
from contract.records import RecordError

from .. import admin
from ..db import record
from ..rows import Row, query_rows
from .accounts import audit
from .web import Viewer, back, beijing_today, engine_of, needs, render

router = APIRouter()
HERE = "/console/dibao"
NOTE_MAX = 200


def standards_of(conn: Any, district_id: str) -> list[Row]:
    """The district's standards, newest day first; for one day the latest written first."""
    rows = query_rows(
        conn,
        record.c.entity == "dibao_standard",
        record.c.district_id == district_id,
        record.c.deleted.is_(False),
    )
    return sorted(
        rows,
        key=lambda r: (str(r.data.get("effective_on")), str(r.data.get("created_at"))),
        reverse=True,
    )


def in_force(rows: list[Row], today: dt.date) -> str | None:
    """The id of the standard the stations use today (as desktop/services/hardship.py picks)."""
    return next((r.id for r in rows if str(r.data.get("effective_on")) <= today.isoformat()), None)


@router.get("/dibao")
def dibao_page(request: Request, user: Viewer) -> Response:
    today = beijing_today()
    with engine_of(request).connect() as conn:
        rows = standards_of(conn, user.district_id)
    current = in_force(rows, today)
    return render(
        request,
        "dibao.html",
        user,
        "dibao",
        rows=rows,
        current=current,
        today=today.isoformat(),
        superseded=_superseded(rows),
    )


def _superseded(rows: list[Row]) -> set[str]:
    """Records replaced by a later one for the same day."""
    seen: set[str] = set()
    out: set[str] = set()
    for r in rows:  # newest written first within a day
        day = str(r.data.get("effective_on"))
        if day in seen:
            out.add(r.id)
        seen.add(day)
    return out


def _day(text: str) -> str:
    text = text.strip()
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    raise RecordError(f"起始日期：应写作 YYYY-MM-DD，如 2027-01-01（收到“{text[:20]}”）")


def _form(form: Any) -> tuple[int, str, str]:
    fen = parse_yuan(str(form.get("standard") or ""), field="低保标准（元/人·月）")
    if fen <= 0:
        raise RecordError("低保标准（元/人·月）：应大于 0")
    day = _day(str(form.get("effective_on") or ""))
    note = str(form.get("note") or "").strip()
    if len(note) > NOTE_MAX:
        raise RecordError(f"说明：最多 {NOTE_MAX} 个字")
    return fen, day, note


@router.post("/dibao")
async def set_standard(request: Request, user: Viewer) -> Response:
    await needs("admin")(request, user)
    try:
        fen, day, note = _form(await request.form())
        with engine_of(request).begin() as conn:
            admin.add_dibao_standard(conn, user.district_id, fen, day, note)
            audit(conn, user, "dibao.set", f"自 {day} 起", f"{fen_to_yuan_text(fen)}/人·月")
    except MoneyError as exc:
        return back(HERE, err=str(exc))
    except RecordError as exc:
        return back(HERE, err=_chinese(str(exc)))
    return back(
        HERE,
        ok=f"已设定自 {day} 起的低保标准 {fen_to_yuan_text(fen)}/人·月，各服务站下次同步后使用",
    )


FIELD_NAMES = {"standard_fen": "低保标准（元/人·月）", "effective_on": "起始日期"}


def _chinese(message: str) -> str:
    """The shared rules name a field by its record name; the form by its label."""
    for name, label in FIELD_NAMES.items():
        message = message.replace(f"字段 {name}", label)
    return message
