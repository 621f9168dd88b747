"""Visits (走访) with one or more members, findings and follow-ups (回访)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, delete, select

from contract.enums import ProgramType, VisitType
from contract.money import fen_to_yuan_text

from ..models import FundProgram, Member, ReliefDistribution, Visit, VisitMember
from .context import Ctx
from .errors import NotFound, ValidationError
from .periods import ensure_open
from .uow import transaction
from .validate import parse_date


@dataclass
class VisitInput:
    member_ids: list[str]
    visit_type: str
    visited_on: dt.date | str | None = None
    purpose: str = ""
    findings: str = ""
    followup_needed: bool = False
    followup_due: dt.date | str | None = None


def _clean(ctx: Ctx, data: VisitInput) -> dict[str, Any]:
    errors: dict[str, str] = {}
    values: dict[str, Any] = {}
    if not data.member_ids:
        errors["member_ids"] = "请至少选择一名走访对象"
    try:
        values["visit_type"] = VisitType.from_text(data.visit_type).value
    except ValueError:
        errors["visit_type"] = f"走访类型“{data.visit_type}”不是可选项"
    try:
        values["visited_on"] = parse_date(data.visited_on, field="走访日期") or ctx.today
        if values["visited_on"] > ctx.today:
            errors["visited_on"] = "走访日期不能晚于今天"
    except ValueError as exc:
        errors["visited_on"] = str(exc)
    try:
        due = parse_date(data.followup_due, field="回访日期")
    except ValueError as exc:
        errors["followup_due"] = str(exc)
        due = None
    if data.followup_needed and due is None:
        errors["followup_due"] = "需要回访时请填写回访日期"
    if due and "visited_on" in values and due < values["visited_on"]:
        errors["followup_due"] = "回访日期不能早于走访日期"
    if not data.purpose.strip():
        errors["purpose"] = "请填写走访事由"
    if len(data.findings) > 5000 or len(data.purpose) > 1000:
        errors["findings"] = "内容过长"
    if errors:
        raise ValidationError(errors)
    values.update(
        purpose=data.purpose.strip(),
        findings=data.findings.strip(),
        followup_needed=data.followup_needed,
        followup_due=due if data.followup_needed else None,
        member_ids=list(dict.fromkeys(data.member_ids)),
    )
    return values


def index_members(session: Session, visit: Visit) -> None:
    """Rebuild the visit-member index from the visit's member list (also after a pull)."""
    session.exec(delete(VisitMember).where(col(VisitMember.visit_id) == visit.id))  # type: ignore[call-overload]
    for member_id in visit.member_ids:
        session.add(VisitMember(visit_id=visit.id, member_id=member_id))


def add_visit(ctx: Ctx, data: VisitInput) -> Visit:
    ctx.require_write()
    values = _clean(ctx, data)
    with transaction(ctx) as unit:
        ensure_open(unit.session, ctx.station_id, values["visited_on"], "走访记录")
        found = unit.session.exec(
            select(Member.id).where(col(Member.id).in_(values["member_ids"]))
        ).all()
        if len(found) != len(values["member_ids"]):
            raise ValidationError({"member_ids": "所选走访对象中有会员不存在"})
        visit = Visit(station_id=ctx.station_id, staff_id=ctx.actor.staff_id or "", **values)
        unit.save(visit)
        unit.session.flush()
        index_members(unit.session, visit)
        unit.audit("visit.add", "visit", visit.id, members=len(visit.member_ids))
    return visit


def complete_followup(ctx: Ctx, visit_id: str, done_on: dt.date | None = None) -> Visit:
    ctx.require_write()
    with transaction(ctx) as unit:
        visit = unit.session.get(Visit, visit_id)
        if visit is None or visit.station_id != ctx.station_id:
            raise NotFound("走访记录不存在")
        visit.followup_done_on = done_on or ctx.today
        unit.save(visit, base={"followup_done_on": None})
        unit.audit("visit.followup_done", "visit", visit.id)
    return visit


@dataclass(frozen=True)
class FollowUp:
    visit: Visit
    member_names: list[str]
    overdue: bool


def followups_due(ctx: Ctx, *, until: dt.date | None = None) -> list[FollowUp]:
    """Open follow-ups due by `until` (default: all open), earliest first."""
    with ctx.read() as session:
        query = select(Visit).where(
            Visit.station_id == ctx.station_id,
            Visit.deleted == False,  # noqa: E712 - a voided visit needs no follow-up
            Visit.followup_needed == True,  # noqa: E712
            col(Visit.followup_done_on).is_(None),
        )
        if until:
            query = query.where(col(Visit.followup_due) <= until)
        visits = list(session.exec(query.order_by(col(Visit.followup_due))))
        names = _names(session, {m for v in visits for m in v.member_ids})
    return [
        FollowUp(
            v,
            [names.get(m, "?") for m in v.member_ids],
            bool(v.followup_due and v.followup_due < ctx.today),
        )
        for v in visits
    ]


def _names(session: Session, ids: set[str]) -> dict[str, str]:
    if not ids:
        return {}
    rows = session.exec(select(Member.id, Member.name).where(col(Member.id).in_(ids))).all()
    return {row[0]: row[1] for row in rows}


def list_visits(ctx: Ctx, *, period: str | None = None, limit: int = 500) -> list[Visit]:
    with ctx.read() as session:
        query = select(Visit).where(Visit.station_id == ctx.station_id)
        if period:
            start = dt.date(int(period[:4]), int(period[5:7]), 1)
            end = (start + dt.timedelta(days=32)).replace(day=1)
            query = query.where(col(Visit.visited_on) >= start, col(Visit.visited_on) < end)
        return list(session.exec(query.order_by(col(Visit.visited_on).desc()).limit(limit)))


@dataclass(frozen=True)
class TimelineEntry:
    day: dt.date
    kind: str  # "visit" or "relief"
    title: str
    detail: str
    record_id: str
    type_key: str = ""  # e.g. "VisitType.home": lets a screen show the label in its language
    status: str = ""  # relief status value ("void", "adjustment"); "" for a visit


def member_timeline(ctx: Ctx, member_id: str) -> list[TimelineEntry]:
    """Visits and relief of one member, newest first (all stations' relief known locally)."""
    with ctx.read() as session:
        visits = session.exec(
            select(Visit)
            .join(VisitMember, col(VisitMember.visit_id) == Visit.id)
            .where(VisitMember.member_id == member_id, Visit.deleted == False)  # noqa: E712
        ).all()
        reliefs = session.exec(
            select(ReliefDistribution, FundProgram)
            .join(FundProgram, col(FundProgram.id) == ReliefDistribution.program_id)
            .where(ReliefDistribution.member_id == member_id)
        ).all()
    entries = [
        TimelineEntry(
            v.visited_on,
            "visit",
            VisitType(v.visit_type).label,
            v.purpose or v.findings[:40],
            v.id,
            type_key=f"VisitType.{v.visit_type}",
        )
        for v in visits
    ]
    for relief, program in reliefs:
        status = {"void": "（已作废）", "adjustment": "（调整）"}.get(relief.status, "")
        amount = fen_to_yuan_text(relief.cash_fen + relief.goods_value_fen)
        entries.append(
            TimelineEntry(
                relief.issued_on,
                "relief",
                f"{ProgramType(program.program_type).label}{status}",
                f"{program.name} {amount}",
                relief.id,
                type_key=f"ProgramType.{program.program_type}",
                status=relief.status if relief.status in ("void", "adjustment") else "",
            )
        )
    return sorted(entries, key=lambda e: (e.day, e.kind), reverse=True)


def get_visit(ctx: Ctx, visit_id: str) -> Visit:
    with ctx.read() as session:
        visit = session.get(Visit, visit_id)
    if visit is None:
        raise NotFound("走访记录不存在")
    return visit


__all__ = [
    "VisitInput",
    "add_visit",
    "complete_followup",
    "followups_due",
    "list_visits",
    "member_timeline",
    "index_members",
    "get_visit",
    "FollowUp",
    "TimelineEntry",
]
