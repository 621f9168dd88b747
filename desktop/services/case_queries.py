"""What the screens, the command line and the dashboard read about rights cases.

Workers' phones are masked here (138****5678): lists and exports never carry them whole.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, or_, select

from contract import cases as rules

from ..models import Member, RightsCase
from .context import Ctx
from .errors import NotFound
from .search import mask_phone


@dataclass(frozen=True)
class CaseRow:
    case: RightsCase
    worker_names: list[str]
    due: dt.date | None  # the deadline the case runs against now
    urgency: str  # "overdue", "due" or ""

    @property
    def workers_text(self) -> str:
        names = "、".join(self.worker_names[:3])
        more = len(self.worker_names) > 3 or self.case.worker_count > len(self.worker_names)
        return f"{names}等{self.case.worker_count}人" if more else names


def _member_names(session: Session, cases: list[RightsCase]) -> dict[str, str]:
    ids = {w["member_id"] for c in cases for w in c.workers if w.get("member_id")}
    if not ids:
        return {}
    rows = session.exec(select(Member.id, Member.name).where(col(Member.id).in_(ids))).all()
    return {row[0]: row[1] for row in rows}


def worker_name(worker: dict[str, Any], names: dict[str, str]) -> str:
    member_id = worker.get("member_id")
    return names.get(member_id, "?") if member_id else str(worker.get("name") or "")


def _row(case: RightsCase, names: dict[str, str], today: dt.date) -> CaseRow:
    due = rules.deadline(case.status, case.received_on, case.accepted_on, case.extensions)
    return CaseRow(
        case,
        [worker_name(w, names) for w in case.workers],
        due,
        rules.urgency(due, today),
    )


def list_cases(ctx: Ctx, *, status: str | None = None, limit: int = 1000) -> list[CaseRow]:
    """This station's cases, newest first; status "open" means every case still running."""
    with ctx.read() as session:
        query = select(RightsCase).where(
            RightsCase.station_id == ctx.station_id,
            RightsCase.deleted == False,  # noqa: E712
        )
        if status == "open":
            query = query.where(col(RightsCase.status).in_(sorted(rules.OPEN)))
        elif status:
            query = query.where(RightsCase.status == status)
        order = (col(RightsCase.received_on).desc(), col(RightsCase.case_no).desc())
        cases = list(session.exec(query.order_by(*order).limit(limit)))
        names = _member_names(session, cases)
    return [_row(c, names, ctx.today) for c in cases]


def cases_due(ctx: Ctx) -> list[CaseRow]:
    """Open cases whose deadline has passed or is within two days, earliest first."""
    rows = [row for row in list_cases(ctx, status="open") if row.urgency]
    return sorted(rows, key=lambda row: row.due or dt.date.max)


def case_detail(ctx: Ctx, case_id: str) -> CaseRow:
    with ctx.read() as session:
        case = session.get(RightsCase, case_id)
        if case is None or case.deleted:
            raise NotFound("维权个案不存在")
        names = _member_names(session, [case])
    return _row(case, names, ctx.today)


def find_case(ctx: Ctx, key: str) -> RightsCase:
    """A case by its number, its short number as the lists show it (2026-T0001, without the
    station's code), or its id: for the command line."""
    key = key.strip()
    with ctx.read() as session:
        case = session.exec(
            select(RightsCase).where(
                RightsCase.station_id == ctx.station_id,
                or_(
                    col(RightsCase.case_no) == key,
                    col(RightsCase.id) == key,
                    col(RightsCase.case_no) == f"{ctx.station().code}-{key}",
                ),
            )
        ).first()
    if case is None:
        raise NotFound(f"没有编号为 {key} 的维权个案")
    return case


def masked_workers(row: CaseRow) -> list[tuple[str, str]]:
    """(name, masked phone) of each named worker, for lists and printouts."""
    out = []
    for worker, name in zip(row.case.workers, row.worker_names, strict=True):
        out.append((name, mask_phone(str(worker.get("phone") or ""))))
    return out


@dataclass(frozen=True)
class TimelineItem:
    on: str
    kind: str  # "status", "note" or "extension"
    text: str
    by_name: str
    status: str = ""


def timeline(case: RightsCase) -> list[TimelineItem]:
    """Status changes, contact notes and extensions in date order (oldest first)."""
    items = [
        TimelineItem(h["on"], "status", h.get("note") or "", h.get("by_name", ""), h["status"])
        for h in case.history
    ]
    items += [TimelineItem(n["on"], "note", n["text"], n.get("by_name", "")) for n in case.notes]
    items += [
        TimelineItem(e["on"], "extension", f"{e['days']}|{e['reason']}", e.get("by_name", ""))
        for e in case.extensions
    ]
    order = {"status": 0, "note": 1, "extension": 2}
    return sorted(items, key=lambda i: (i.on, order[i.kind]))


def step_text(item: TimelineItem) -> str:
    """One line of a case's course, as lists and printouts show it (in Chinese)."""
    from contract.enums import CaseStatus

    if item.kind == "note":
        return f"联系记录：{item.text}"
    if item.kind == "extension":
        days, _sep, reason = item.text.partition("|")
        return f"延长调解期限 {days} 天：{reason}"
    label = "登记申请" if item.status == "applied" else CaseStatus(item.status).label
    return f"{label}：{item.text}" if item.text else label
