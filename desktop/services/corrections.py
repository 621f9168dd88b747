"""Correcting visits (走访) and work-log entries (工作日志) of a month that is still open:
an audited edit (the changed fields' old values travel as the edit's base), or a void with a
reason. A voided record stays, marked 作废 with its reason, and counts nowhere; it travels as
a tombstone (deleted) that carries the reason, so the district's month figures drop it too.
Once the month is closed, both are refused (ensure_open names the month)."""

from __future__ import annotations

from typing import Any

from sqlmodel import col, select

from ..models import Member, StationLog, Visit
from .context import Ctx
from .errors import NotFound, UserFacingError, ValidationError
from .logs import LogInput
from .logs import clean as clean_log
from .periods import ensure_open
from .uow import Unit, transaction
from .visits import VisitInput, index_members
from .visits import _clean as clean_visit

MAX_REASON = 500


def _reason(text: str) -> str:
    reason = (text or "").strip()
    if not reason:
        raise ValidationError({"reason": "请填写作废原因"})
    if len(reason) > MAX_REASON:
        raise ValidationError({"reason": f"作废原因最多 {MAX_REASON} 字"})
    return reason


def _own(unit: Unit, ctx: Ctx, kind: type[Any], record_id: str, label: str) -> Any:
    row = unit.session.get(kind, record_id)
    if row is None or row.station_id != ctx.station_id:
        raise NotFound(f"{label}不存在")
    if row.deleted:
        raise UserFacingError(f"这条{label}已作废，不能再修改")
    return row


def _apply(unit: Unit, row: Any, values: dict[str, Any]) -> list[str]:
    """Set the values that differ; save with their old values as the base. The changed names."""
    base = {k: getattr(row, k) for k, v in values.items() if getattr(row, k) != v}
    for key in base:
        setattr(row, key, values[key])
    if base:
        unit.save(row, base=base)
    return sorted(base)


def edit_visit(ctx: Ctx, visit_id: str, data: VisitInput) -> Visit:
    ctx.require_write()
    values = clean_visit(ctx, data)
    with transaction(ctx) as unit:
        visit = _own(unit, ctx, Visit, visit_id, "走访记录")
        ensure_open(unit.session, ctx.station_id, visit.visited_on, "修改走访")
        ensure_open(unit.session, ctx.station_id, values["visited_on"], "修改走访")
        found = unit.session.exec(
            select(Member.id).where(col(Member.id).in_(values["member_ids"]))
        ).all()
        if len(found) != len(values["member_ids"]):
            raise ValidationError({"member_ids": "所选走访对象中有会员不存在"})
        changed = _apply(unit, visit, values)
        unit.session.flush()
        index_members(unit.session, visit)
        unit.audit("visit.edit", "visit", visit.id, changed=changed)
    return visit


def void_visit(ctx: Ctx, visit_id: str, reason: str) -> Visit:
    visit: Visit = _void(
        ctx, Visit, visit_id, reason, ("走访记录", "作废走访", "visit", "visit.void")
    )
    return visit


def edit_log(ctx: Ctx, log_id: str, data: LogInput) -> StationLog:
    ctx.require_write()
    values = clean_log(ctx, data)
    with transaction(ctx) as unit:
        entry = _own(unit, ctx, StationLog, log_id, "工作日志")
        ensure_open(unit.session, ctx.station_id, entry.log_date, "修改工作日志")
        ensure_open(unit.session, ctx.station_id, values["log_date"], "修改工作日志")
        changed = _apply(unit, entry, values)
        unit.audit("log.edit", "station_log", entry.id, changed=changed)
    return entry


def void_log(ctx: Ctx, log_id: str, reason: str) -> StationLog:
    entry: StationLog = _void(
        ctx, StationLog, log_id, reason, ("工作日志", "作废工作日志", "station_log", "log.void")
    )
    return entry


def _void(
    ctx: Ctx, kind: type[Any], record_id: str, reason: str, names: tuple[str, str, str, str]
) -> Any:
    """Mark the record voided with its reason (a tombstone that keeps it), in an open month.
    names: what the record is called, the action (for a closed month's refusal), its entity,
    the audit action."""
    label, action, entity, audited = names
    ctx.require_write()
    why = _reason(reason)
    with transaction(ctx) as unit:
        row = _own(unit, ctx, kind, record_id, label)
        day = row.visited_on if kind is Visit else row.log_date
        ensure_open(unit.session, ctx.station_id, day, action)
        _apply(unit, row, {"deleted": True, "void_reason": why})
        unit.audit(audited, entity, row.id, reason=why)
    return row


def visit_members(ctx: Ctx, visit_id: str) -> list[tuple[str, str]]:
    """(id, name) of the members a visit names, in its order: to load the visit for editing."""
    with ctx.read() as session:
        visit = session.get(Visit, visit_id)
        if visit is None:
            raise NotFound("走访记录不存在")
        rows = session.exec(
            select(Member.id, Member.name).where(col(Member.id).in_(visit.member_ids))
        ).all()
    names = {row[0]: row[1] for row in rows}
    return [(m, names.get(m, "?")) for m in visit.member_ids]
