"""Hardship files (困难职工档案): the file's life, each step dated and by whom.

申请 → 入户核实 (a home visit of the head) → 公示 (for a period) → 建档 (file number) → 年审
(the rule re-run, yearly) → 脱困 / 注销 (with a reason) → 返困 (reopened, the history kept).

The member's three hardship fields (category, file number, review date) stay as a summary
this service keeps up to date at 建档, 年审, 脱困/注销 and 返困: the file is the truth.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlmodel import Session, col, select

from contract import hardship as hr
from contract.enums import Role
from contract.money import MAX_FEN, MAX_TEXT

from ..models import Member, Setting, Station, Visit
from ..models.hardship import DibaoStandard, HardshipFile
from .context import Ctx
from .errors import NotFound, PermissionDenied, UserFacingError, ValidationError
from .hardship_rule import STANDARD_KEY, FileInput, assess, clean, next_year
from .programs import ENROLLED_KEY, is_enrolled
from .staff import set_setting
from .uow import Unit, transaction
from .validate import period_of

OPEN = (hr.APPLIED, hr.VERIFIED, hr.PUBLISHED, hr.ESTABLISHED)


def _district_standard(session: Session, today: dt.date) -> int | None:
    row = session.exec(
        select(DibaoStandard)
        .where(col(DibaoStandard.deleted).is_(False), DibaoStandard.effective_on <= today)
        .order_by(col(DibaoStandard.effective_on).desc(), col(DibaoStandard.updated_at).desc())
    ).first()
    return row.standard_fen if row else None


def _standard_of(session: Session, today: dt.date) -> int | None:
    """The district's standard in force once enrolled; before, the head's local setting."""
    enrolled = session.get(Setting, ENROLLED_KEY)
    if enrolled is not None and enrolled.value:
        return _district_standard(session, today)
    row = session.get(Setting, STANDARD_KEY)
    return int(row.value) if row and row.value else None


def standard(ctx: Ctx) -> int | None:
    """The 低保 standard in force (fen per head per month), None while unset."""
    with ctx.read() as session:
        return _standard_of(session, ctx.today)


def set_standard(ctx: Ctx, fen: int) -> None:
    """The station head sets the local 低保 standard while the station is not enrolled; an
    enrolled station takes the district's (synced down)."""
    ctx.require_head("设置低保标准")
    if is_enrolled(ctx):
        raise UserFacingError("本站已登记到区服务器：低保标准由区总工会设置，同步后使用")
    if fen <= 0 or fen > MAX_FEN:
        raise ValidationError({"standard": f"低保标准应大于 0 且不超过 {MAX_TEXT}"})
    with transaction(ctx) as unit:
        set_setting(unit.session, STANDARD_KEY, str(fen))
        unit.audit("hardship.standard", "setting", STANDARD_KEY, fen=fen)


def _standard_in(session: Session, today: dt.date) -> int:
    fen = _standard_of(session, today)
    if fen is None:
        enrolled = session.get(Setting, ENROLLED_KEY)
        who = (
            "区总工会尚未下发"
            if enrolled is not None and enrolled.value
            else "请站长先在困难档案页设置"
        )
        raise UserFacingError(f"尚未设置当地低保标准：{who}")
    return fen


def _step(ctx: Ctx, file: HardshipFile, step: str, day: dt.date, **extra: Any) -> None:
    entry = {"step": step, "on": day.isoformat(), "by": ctx.actor.staff_id or "", **extra}
    file.steps = [*file.steps, entry]


def _save(unit: Unit, file: HardshipFile, before: dict[str, Any] | None) -> None:
    if before is None:
        unit.save(file)
        return
    now = file.model_dump()
    unit.save(file, base={k: v for k, v in before.items() if now.get(k) != v})


def _load(session: Session, ctx: Ctx, file_id: str, *allowed: str) -> tuple[HardshipFile, dict]:
    file = session.get(HardshipFile, file_id)
    if file is None or file.deleted or file.station_id != ctx.station_id:
        raise NotFound("困难职工档案不存在或不属于本站")
    if allowed and file.status not in allowed:
        wanted = "、".join(hr.STATUS_LABELS[s] for s in allowed)
        raise UserFacingError(
            f"档案当前为“{hr.STATUS_LABELS.get(file.status, file.status)}”，此操作只适用于{wanted}的档案"
        )
    return file, file.model_dump()


def _categorise(ctx: Ctx, unit: Unit, file: HardshipFile, chosen: str | None, reason: str) -> None:
    """Run the rule; a different category needs the head and a reason (audited)."""
    file.standard_fen = _standard_in(unit.session, ctx.today)
    result = assess(file, file.standard_fen)
    file.computed_category = result.category
    if not chosen or chosen == result.category:
        file.category, file.category_reason = result.category, ""
        return
    if chosen not in hr.CATEGORIES:
        raise ValidationError({"category": f"困难类别“{chosen}”不是可选项"})
    if ctx.actor.role != Role.STATION_HEAD:
        raise PermissionDenied("与计算结果不同的困难类别需要站长确定")
    if not reason.strip():
        raise ValidationError({"category_reason": "与计算结果不同的困难类别须写明理由"})
    file.category, file.category_reason = chosen, reason.strip()
    unit.audit(
        "hardship.override", "hardship_file", file.id, computed=result.category, chosen=chosen
    )


def _summarise(unit: Unit, file: HardshipFile) -> None:
    """Keep the member's hardship fields as the file's summary."""
    member = unit.session.get(Member, file.member_id)
    if member is None:
        return
    active = file.status == hr.ESTABLISHED
    values = {
        "hardship_category": file.category if active else "none",
        "hardship_file_no": file.file_no,
        "hardship_review_date": file.review_due if active else None,
    }
    base = {k: getattr(member, k) for k, v in values.items() if getattr(member, k) != v}
    if base:
        for key, value in values.items():
            setattr(member, key, value)
        unit.save(member, base=base)


def apply(ctx: Ctx, data: FileInput) -> HardshipFile:
    """申请: a new file for a household, its category computed by the rule."""
    ctx.require_write()
    values = clean(data, ctx.today)
    with transaction(ctx) as unit:
        session = unit.session
        member = session.get(Member, data.member_id)
        if member is None or member.deleted:
            raise NotFound("会员不存在")
        held = session.exec(
            select(HardshipFile).where(
                HardshipFile.member_id == member.id, col(HardshipFile.deleted).is_(False)
            )
        ).first()
        if held is not None:
            label = hr.STATUS_LABELS.get(held.status, held.status)
            hint = "，可办理“返困”" if held.status not in OPEN else ""
            raise UserFacingError(f"{member.name} 已有困难职工档案（{label}）{hint}")
        day = data.applied_on or ctx.today
        file = HardshipFile(
            station_id=ctx.station_id, member_id=member.id, applied_on=day, **values
        )
        _categorise(ctx, unit, file, None, "")
        _step(ctx, file, "apply", day, category=file.computed_category)
        _save(unit, file, None)
        unit.audit("hardship.apply", "hardship_file", file.id, category=file.category)
    return file


def verify(ctx: Ctx, file_id: str, visit_id: str) -> HardshipFile:
    """入户核实: links the home visit that saw the household's head."""
    ctx.require_write()
    with transaction(ctx) as unit:
        file, before = _load(unit.session, ctx, file_id, hr.APPLIED)
        visit = unit.session.get(Visit, visit_id)
        if visit is None or visit.deleted or file.member_id not in visit.member_ids:
            raise ValidationError({"visit_id": "请选择走访了该户户主的入户走访记录"})
        if visit.visited_on < file.applied_on:
            raise ValidationError({"visit_id": "入户走访日期不能早于申请日期"})
        file.visit_id, file.status = visit.id, hr.VERIFIED
        _step(ctx, file, "verify", visit.visited_on, visit_id=visit.id)
        _save(unit, file, before)
        unit.audit("hardship.verify", "hardship_file", file.id, visit=visit.id)
    return file


def publish(ctx: Ctx, file_id: str, day: dt.date | None = None) -> HardshipFile:
    """公示: the masked name goes on the disclosure list of the day's month."""
    ctx.require_write()
    day = day or ctx.today
    with transaction(ctx) as unit:
        file, before = _load(unit.session, ctx, file_id, hr.VERIFIED)
        file.publish_period, file.status = period_of(day), hr.PUBLISHED
        _step(ctx, file, "publish", day, period=file.publish_period)
        _save(unit, file, before)
        unit.audit("hardship.publish", "hardship_file", file.id, period=file.publish_period)
    return file


def _file_number(session: Session, ctx: Ctx, year: int) -> str:
    station = session.get(Station, ctx.station_id)
    prefix = f"{station.code if station else 'X'}-K{year}-"
    taken = session.exec(
        select(HardshipFile.file_no).where(col(HardshipFile.file_no).startswith(prefix))
    ).all()
    serial = 1 + max((int(n.rsplit("-", 1)[1]) for n in taken), default=0)
    return f"{prefix}{serial:04d}"


def establish(
    ctx: Ctx, file_id: str, *, category: str | None = None, reason: str = ""
) -> HardshipFile:
    """建档: the file number is issued and the annual review planned."""
    ctx.require_write()
    day = ctx.today
    with transaction(ctx) as unit:
        file, before = _load(unit.session, ctx, file_id, hr.PUBLISHED)
        _categorise(ctx, unit, file, category, reason)
        if file.category == hr.NONE:
            raise UserFacingError("按规则计算不符合建档条件（人均收入不低于低保标准的 2 倍）")
        file.file_no = file.file_no or _file_number(unit.session, ctx, day.year)
        file.status, file.established_on, file.review_due = hr.ESTABLISHED, day, next_year(day)
        _step(ctx, file, "establish", day, category=file.category, file_no=file.file_no)
        _save(unit, file, before)
        _summarise(unit, file)
        unit.audit("hardship.establish", "hardship_file", file.id, category=file.category)
    return file


def _restate(file: HardshipFile, data: FileInput | None, today: dt.date) -> None:
    if data is not None:
        for key, value in clean(data, today).items():
            setattr(file, key, value)


def review(
    ctx: Ctx,
    file_id: str,
    data: FileInput | None = None,
    *,
    category: str | None = None,
    reason: str = "",
) -> HardshipFile:
    """年审: the household restated (or as it was), the rule re-run, the next review planned."""
    ctx.require_write()
    day = ctx.today
    with transaction(ctx) as unit:
        file, before = _load(unit.session, ctx, file_id, hr.ESTABLISHED)
        _restate(file, data, day)
        _categorise(ctx, unit, file, category, reason)
        file.review_due = next_year(day)
        _step(ctx, file, "review", day, category=file.category, computed=file.computed_category)
        _save(unit, file, before)
        _summarise(unit, file)
        unit.audit("hardship.review", "hardship_file", file.id, category=file.category)
    return file


def close(ctx: Ctx, file_id: str, how: str, reason: str) -> HardshipFile:
    """脱困 (how="recover") or 注销 (how="cancel": retired, moved, deceased, other)."""
    ctx.require_write()
    reason = reason.strip()
    if how == "cancel" and reason in hr.CANCEL_REASONS:
        reason = hr.CANCEL_REASONS[reason]
    if how not in ("recover", "cancel"):
        raise ValidationError({"how": "请选择脱困或注销"})
    if not reason:
        raise ValidationError({"reason": "请写明脱困或注销的原因"})
    day = ctx.today
    with transaction(ctx) as unit:
        file, before = _load(unit.session, ctx, file_id, *OPEN)
        file.status = hr.RECOVERED if how == "recover" else hr.CANCELLED
        file.closed_on, file.close_reason, file.review_due = day, reason, None
        _step(ctx, file, how, day, reason=reason)
        _save(unit, file, before)
        _summarise(unit, file)
        unit.audit(f"hardship.{how}", "hardship_file", file.id)
    return file


def reopen(
    ctx: Ctx,
    file_id: str,
    data: FileInput | None = None,
    *,
    category: str | None = None,
    reason: str = "",
) -> HardshipFile:
    """返困: a closed file comes back into force with the rule re-run; its history stays."""
    ctx.require_write()
    day = ctx.today
    with transaction(ctx) as unit:
        file, before = _load(unit.session, ctx, file_id, hr.RECOVERED, hr.CANCELLED)
        _restate(file, data, day)
        _categorise(ctx, unit, file, category, reason)
        if file.category == hr.NONE:
            raise UserFacingError("按规则计算不符合困难条件，不能返困")
        file.status, file.closed_on, file.close_reason = hr.ESTABLISHED, None, ""
        file.review_due = next_year(day)
        _step(ctx, file, "reopen", day, category=file.category)
        _save(unit, file, before)
        _summarise(unit, file)
        unit.audit("hardship.reopen", "hardship_file", file.id, category=file.category)
    return file
