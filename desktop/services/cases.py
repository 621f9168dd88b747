"""Rights cases (维权个案 / 劳动争议调解): open, move through the statuses, note each contact,
extend the mediation, record what was recovered.

Every step is one audited transaction that writes the case row and its outbox entry. Each
step is dated (the day it happened, today unless given) and names the staff member; a step
dated in a closed month is refused like any other record of that month.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, col, func, select

from contract import cases as rules
from contract.enums import CaseSource, CaseStatus, DisputeType
from contract.money import parse_yuan

from ..models import Member, RightsCase
from .context import Ctx
from .errors import NotFound, UserFacingError, ValidationError
from .periods import ensure_open
from .uow import Unit, transaction
from .validate import normalise_phone, parse_date, phone_error


@dataclass
class WorkerInput:
    """A worker of the case: a member (by id) or a non-member by name and phone."""

    member_id: str | None = None
    name: str = ""
    phone: str = ""


@dataclass
class CaseInput:
    source: str
    employer: str
    dispute_type: str
    workers: list[WorkerInput] = field(default_factory=list)
    worker_count: int | str | None = None  # default: the number of named workers
    claimed: str = ""  # yuan, as typed
    matter: str = ""
    ticket_no: str = ""
    received_on: dt.date | str | None = None


def _enum(kind: Any, text: str, label: str, key: str, errors: dict[str, str]) -> str:
    try:
        return str(kind.from_text(text).value)
    except ValueError:
        errors[key] = f"{label}“{text}”不是可选项"
        return ""


def _workers(data: CaseInput, errors: dict[str, str]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for worker in data.workers:
        name = "".join((worker.name or "").split())
        if not worker.member_id and not name:
            errors["workers"] = "每名职工应选会员或填写姓名"
        problem = phone_error(worker.phone)
        if problem:
            errors["workers"] = f"职工{name}的{problem}"
        phone = normalise_phone(worker.phone)
        out.append({"member_id": worker.member_id or None, "name": name, "phone": phone})
    if not out:
        errors["workers"] = "请至少填写一名职工"
    return out


def _count(raw: int | str | None, named: int, errors: dict[str, str]) -> int:
    if raw is None or str(raw).strip() == "":
        return max(1, named)
    try:
        count = int(str(raw).strip())
    except ValueError:
        errors["worker_count"] = f"涉及人数“{raw}”应为整数"
        return 0
    if count < max(1, named):
        errors["worker_count"] = f"涉及人数不能少于所列职工人数（{named}）"
    elif count > rules.MAX_WORKERS:
        errors["worker_count"] = "涉及人数过大"
    return count


def clean(ctx: Ctx, data: CaseInput) -> dict[str, Any]:
    """The new case's values; ValidationError naming each bad field (in Chinese)."""
    errors: dict[str, str] = {}
    values: dict[str, Any] = {
        "source": _enum(CaseSource, data.source, "案件来源", "source", errors),
        "dispute_type": _enum(DisputeType, data.dispute_type, "争议类型", "dispute_type", errors),
    }
    values["ticket_no"] = (data.ticket_no or "").strip()
    if values["source"] == "hotline" and not values["ticket_no"]:
        errors["ticket_no"] = "12351 工单请填写工单号"
    values["employer"] = (data.employer or "").strip()
    if not values["employer"]:
        errors["employer"] = "请填写用人单位"
    values["workers"] = _workers(data, errors)
    values["worker_count"] = _count(data.worker_count, len(values["workers"]), errors)
    try:
        values["claimed_fen"] = parse_yuan(data.claimed or "0", field="请求金额")
    except ValueError as exc:
        errors["claimed"] = str(exc)
    try:
        received = parse_date(data.received_on, field="登记日期") or ctx.today
        if received > ctx.today:
            errors["received_on"] = "登记日期不能晚于今天"
        values["received_on"] = received
    except ValueError as exc:
        errors["received_on"] = str(exc)
    values["matter"] = (data.matter or "").strip()
    if len(values["matter"]) > 5000:
        errors["matter"] = "申请事项过长（最多 5000 字）"
    if errors:
        raise ValidationError(errors)
    return values


def _next_number(session: Session, station_id: str, code: str, year: int) -> str:
    prefix = f"{code}-{year}-T"
    last = session.exec(
        select(func.max(RightsCase.case_no)).where(
            RightsCase.station_id == station_id, col(RightsCase.case_no).startswith(prefix)
        )
    ).one()
    serial = int(str(last)[len(prefix) :]) + 1 if last else 1
    return f"{prefix}{serial:04d}"


def _step(ctx: Ctx, status: str, on: dt.date, note: str = "") -> dict[str, Any]:
    return {
        "status": status,
        "on": on.isoformat(),
        "by": ctx.actor.staff_id or "",
        "by_name": ctx.actor.display_name,
        "note": note,
    }


def open_case(ctx: Ctx, data: CaseInput) -> RightsCase:
    """Write down an application (登记): the case waits to be accepted within 3 working days."""
    ctx.require_write()
    values = clean(ctx, data)
    code = ctx.station().code
    with transaction(ctx) as unit:
        ensure_open(unit.session, ctx.station_id, values["received_on"], "维权个案")
        _members_exist(unit.session, values["workers"])
        case = RightsCase(
            station_id=ctx.station_id,
            case_no=_next_number(unit.session, ctx.station_id, code, values["received_on"].year),
            status="applied",
            history=[_step(ctx, "applied", values["received_on"])],
            **values,
        )
        unit.save(case)
        unit.audit("case.open", "rights_case", case.id, workers=case.worker_count)
    return case


def _members_exist(session: Session, workers: list[dict[str, Any]]) -> None:
    ids = {w["member_id"] for w in workers if w["member_id"]}
    if ids:
        found = session.exec(select(Member.id).where(col(Member.id).in_(ids))).all()
        if len(found) != len(ids):
            raise ValidationError({"workers": "所选职工中有会员不存在"})


def _editable(unit: Unit, ctx: Ctx, case_id: str) -> RightsCase:
    case = unit.session.get(RightsCase, case_id)
    if case is None or case.deleted or case.station_id != ctx.station_id:
        raise NotFound("维权个案不存在")
    return case


def _day(ctx: Ctx, raw: dt.date | str | None, case: RightsCase, label: str) -> dt.date:
    try:
        day = parse_date(raw, field=label) or ctx.today
    except ValueError as exc:
        raise ValidationError({"on": str(exc)}) from None
    if day > ctx.today:
        raise ValidationError({"on": f"{label}不能晚于今天"})
    if day < case.received_on:
        raise ValidationError({"on": f"{label}不能早于登记日期 {case.received_on.isoformat()}"})
    return day


def move(
    ctx: Ctx,
    case_id: str,
    target: str,
    *,
    on: dt.date | str | None = None,
    note: str = "",
    terms: str = "",
) -> RightsCase:
    """Move a case to another status (受理, 调解中, 达成协议 ...), dated and signed.

    An agreement needs its terms (printed on the 调解协议书); a refusal or withdrawal a reason."""
    ctx.require_write()
    try:
        status = CaseStatus.from_text(target).value
    except ValueError:
        raise ValidationError({"status": f"案件状态“{target}”不是可选项"}) from None
    with transaction(ctx) as unit:
        case = _editable(unit, ctx, case_id)
        if not rules.may_move(case.status, status):
            now, then = CaseStatus(case.status).label, CaseStatus(status).label
            raise UserFacingError(f"案件当前为“{now}”，不能改为“{then}”", field="status")
        day = _day(ctx, on, case, "办理日期")
        ensure_open(unit.session, ctx.station_id, day, "维权个案")
        base = _base(case, "status", "history", "accepted_on", "closed_on", "agreement_terms")
        if status == "agreed":
            if not terms.strip():
                raise ValidationError({"terms": "达成协议时请填写协议内容"})
            case.agreement_terms = terms.strip()
        if status in ("refused", "withdrawn") and not note.strip():
            raise ValidationError({"note": "请写明不予受理或撤回的原因"})
        if status == "accepted":
            case.accepted_on = day
        if status in rules.OUTCOMES:
            case.closed_on = day
        case.status = status
        case.history = [*case.history, _step(ctx, status, day, note.strip())]
        unit.save(case, base=base)
        unit.audit("case.status", "rights_case", case.id, status=status)
    return case


def _base(case: RightsCase, *names: str) -> dict[str, Any]:
    return {name: getattr(case, name) for name in names}


def add_note(ctx: Ctx, case_id: str, text: str, *, on: dt.date | str | None = None) -> RightsCase:
    """A note of one contact with the parties (电话、面谈、调解会)."""
    ctx.require_write()
    text = (text or "").strip()
    if not text:
        raise ValidationError({"note": "请填写联系记录内容"})
    if len(text) > 5000:
        raise ValidationError({"note": "联系记录过长（最多 5000 字）"})
    with transaction(ctx) as unit:
        case = _editable(unit, ctx, case_id)
        day = _day(ctx, on, case, "联系日期")
        ensure_open(unit.session, ctx.station_id, day, "维权个案")
        base = _base(case, "notes")
        entry = _step(ctx, "", day, text)
        entry.pop("status")
        case.notes = [*case.notes, {**entry, "text": entry.pop("note")}]
        unit.save(case, base=base)
        unit.audit("case.note", "rights_case", case.id)
    return case


def extend(ctx: Ctx, case_id: str, days: int | str, reason: str) -> RightsCase:
    """Extend the 15-day mediation (both parties agreed): the reason is recorded."""
    ctx.require_write()
    try:
        count = int(str(days).strip())
    except ValueError:
        raise ValidationError({"days": f"延长天数“{days}”应为整数"}) from None
    if not 1 <= count <= rules.MAX_EXTENSION_DAYS:
        raise ValidationError({"days": f"延长天数应在 1 至 {rules.MAX_EXTENSION_DAYS} 之间"})
    if not (reason or "").strip():
        raise ValidationError({"reason": "请写明延长调解期限的原因"})
    with transaction(ctx) as unit:
        case = _editable(unit, ctx, case_id)
        if case.status not in ("accepted", "mediating"):
            raise UserFacingError("只有受理后、结束前的案件可以延长调解期限", field="days")
        ensure_open(unit.session, ctx.station_id, ctx.today, "维权个案")
        base = _base(case, "extensions")
        entry = _step(ctx, "", ctx.today, reason.strip())
        case.extensions = [
            *case.extensions,
            {"days": count, "reason": entry["note"], "on": entry["on"], "by": entry["by"],
             "by_name": entry["by_name"]},
        ]  # fmt: skip
        unit.save(case, base=base)
        unit.audit("case.extend", "rights_case", case.id, days=count)
    return case


def record_recovered(ctx: Ctx, case_id: str, amount: str) -> RightsCase:
    """The amount recovered for the workers so far (元, strict: never rounded)."""
    ctx.require_write()
    try:
        fen = parse_yuan(amount, field="追回金额")
    except ValueError as exc:
        raise ValidationError({"recovered": str(exc)}) from None
    if fen > rules.MAX_CASE_FEN:
        raise ValidationError({"recovered": "追回金额超出上限"})
    with transaction(ctx) as unit:
        case = _editable(unit, ctx, case_id)
        ensure_open(unit.session, ctx.station_id, ctx.today, "维权个案")
        if fen == case.recovered_fen:
            return case
        base = _base(case, "recovered_fen")
        case.recovered_fen = fen
        unit.save(case, base=base)
        unit.audit("case.recovered", "rights_case", case.id)
    return case
