"""Membership intake (入会登记) and transfers (会籍接转).

One person is one member in the district: an intake finds the member by ID number and links
to it, or adds the member in the same transaction (sync then links a station's new member to
the district's, issue 13). The member's job group, employer and membership status come from
the intake; the registration form's other fields stay on the intake record, a dated fact of
the month it happened in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement
from sqlmodel import Session, col, or_, select

from contract import idnumber as idn
from contract.enums import Education, Hukou, JobGroup, PoliticalStatus

from ..models import Member, MemberIntake
from . import members as member_service
from .context import Ctx
from .errors import NotFound, UserFacingError, ValidationError
from .periods import ensure_open
from .uow import Unit, transaction
from .validate import parse_date


@dataclass
class IntakeInput:
    """The member registration form (工会会员登记表), as typed."""

    name: str = ""
    id_number: str = ""
    phone: str = ""
    ethnicity: str = "汉族"
    education: str = ""
    political_status: str = ""
    hukou: str = ""
    employer: str = ""
    joint_union: str = ""  # 联合工会, when the employer has no union of its own
    job_group: str = ""
    on_date: dt.date | str | None = None
    card_no: str = ""
    other_union: str = ""  # transfer in: the union the membership comes from
    note: str = ""


def _choice(kind: Any, text: str, label: str, key: str, errors: dict[str, str]) -> str:
    if not (text or "").strip():
        return ""
    try:
        return str(kind.from_text(text).value)
    except ValueError:
        errors[key] = f"{label}“{text}”不是可选项"
        return ""


def _date(ctx: Ctx, raw: dt.date | str | None, label: str, errors: dict[str, str]) -> dt.date:
    try:
        day = parse_date(raw, field=label) or ctx.today
    except ValueError as exc:
        errors["on_date"] = str(exc)
        return ctx.today
    if day > ctx.today:
        errors["on_date"] = f"{label}不能晚于今天"
    return day


def clean(ctx: Ctx, data: IntakeInput, kind: str) -> dict[str, Any]:
    """The intake record's values; ValidationError naming each bad field."""
    errors: dict[str, str] = {}
    values: dict[str, Any] = {
        "education": _choice(Education, data.education, "文化程度", "education", errors),
        "political_status": _choice(
            PoliticalStatus, data.political_status, "政治面貌", "political_status", errors
        ),
        "hukou": _choice(Hukou, data.hukou, "户籍类型", "hukou", errors),
        "job_group": _choice(JobGroup, data.job_group, "职业群体", "job_group", errors),
    }
    if not values["job_group"] and "job_group" not in errors:
        errors["job_group"] = "请选择职业群体"
    ethnicity = (data.ethnicity or "").strip()
    if not ethnicity or len(ethnicity) > 10:
        errors["ethnicity"] = "请填写民族（例：汉族）"
    values["ethnicity"] = ethnicity
    values["employer"] = (data.employer or "").strip()
    values["joint_union"] = (data.joint_union or "").strip()
    if not values["employer"] and not values["joint_union"]:
        errors["employer"] = "请填写工作单位；单位未建工会的，填写加入的联合工会"
    values["card_no"] = "".join((data.card_no or "").split())
    if len(values["card_no"]) > 32:
        errors["card_no"] = "会员证号过长（最多 32 位）"
    values["other_union"] = (data.other_union or "").strip()
    if kind == "transfer_in" and not values["other_union"]:
        errors["other_union"] = "会籍转入请填写原所在工会"
    label = "入会日期" if kind == "join" else "转入日期"
    values["on_date"] = _date(ctx, data.on_date, label, errors)
    values["note"] = (data.note or "").strip()
    if errors:
        raise ValidationError(errors)
    return values


def _person(data: IntakeInput) -> dict[str, Any]:
    """The member's fields as the form gives them (name, ID, phone; gender and birth from ID)."""
    form = member_service.MemberInput(
        name=data.name,
        id_number=data.id_number,
        phone=data.phone,
        employer=(data.employer or "").strip() or (data.joint_union or "").strip(),
        job_group=data.job_group,
    )
    return member_service.clean(form)


def _card_taken(session: Session, card_no: str, member_id: str | None) -> None:
    if not card_no:
        return
    held = session.exec(
        select(MemberIntake.member_id).where(
            MemberIntake.card_no == card_no,
            MemberIntake.deleted == False,  # noqa: E712
        )
    ).first()
    if held is not None and held != member_id:
        raise ValidationError({"card_no": f"会员证号 {card_no} 已发给其他会员"})


def _link_member(unit: Unit, ctx: Ctx, person: dict[str, Any], kind: str) -> Member:
    """The member this person is (found by ID number), updated from the form, or a new one."""
    session = unit.session
    member = session.exec(select(Member).where(Member.id_number == person["id_number"])).first()
    wanted = {
        "employer": person["employer"],
        "job_group": person["job_group"],
        "membership_status": "active",
    }
    if member is None:
        member = Member(station_id=ctx.station_id, **{**person, **wanted})
        member_service.fill_search_fields(member)
        unit.save(member)
        unit.audit("member.add", "member", member.id, via="intake")
        return member
    if kind == "join" and member.membership_status == "active" and _joined(session, member.id):
        raise UserFacingError(
            f"{member.name}（{idn.mask(member.id_number)}）已登记入会，无需重复入会",
            field="id_number",
        )
    if person["phone"] and not member.phone:
        wanted["phone"] = person["phone"]
    base = {k: getattr(member, k) for k, v in wanted.items() if getattr(member, k) != v}
    if base:
        for key, value in wanted.items():
            setattr(member, key, value)
        member_service.fill_search_fields(member)
        unit.save(member, base=base)
        unit.audit("member.edit", "member", member.id, fields=sorted(base), via="intake")
    return member


def _joined(session: Session, member_id: str) -> bool:
    return (
        session.exec(
            select(MemberIntake.id).where(
                MemberIntake.member_id == member_id,
                MemberIntake.deleted == False,  # noqa: E712
                col(MemberIntake.kind).in_(["join", "transfer_in"]),
            )
        ).first()
        is not None
    )


def register(ctx: Ctx, data: IntakeInput, *, kind: str = "join") -> MemberIntake:
    """入会登记 (kind "join") or 会籍转入 ("transfer_in"): one transaction for the member and
    the intake record."""
    ctx.require_write()
    if kind not in ("join", "transfer_in"):
        raise ValueError(kind)
    errors: dict[str, str] = {}
    values: dict[str, Any] = {}
    try:
        values = clean(ctx, data, kind)
    except ValidationError as exc:
        errors.update(exc.errors)
    try:
        person = _person(data)
    except ValidationError as exc:
        errors = {**exc.errors, **errors}
    if errors:
        raise ValidationError(errors)
    with transaction(ctx) as unit:
        ensure_open(unit.session, ctx.station_id, values["on_date"], "入会登记")
        member = _link_member(unit, ctx, person, kind)
        _card_taken(unit.session, values["card_no"], member.id)
        intake = MemberIntake(
            station_id=ctx.station_id,
            member_id=member.id,
            kind=kind,
            staff_id=ctx.actor.staff_id or "",
            **values,
        )
        unit.save(intake)
        unit.audit(f"intake.{kind}", "member_intake", intake.id)
    return intake


def transfer_out(
    ctx: Ctx, member_id: str, other_union: str, *, on: dt.date | str | None = None, note: str = ""
) -> MemberIntake:
    """会籍转出: the member's membership moves to another union (status 已转出)."""
    ctx.require_write()
    errors: dict[str, str] = {}
    day = _date(ctx, on, "转出日期", errors)
    if not (other_union or "").strip():
        errors["other_union"] = "请填写转入的工会"
    if errors:
        raise ValidationError(errors)
    with transaction(ctx) as unit:
        member = unit.session.get(Member, member_id)
        if member is None or member.deleted:
            raise NotFound("会员不存在")
        if member.membership_status == "transferred":
            raise UserFacingError(f"{member.name}的会籍已转出", field="member")
        ensure_open(unit.session, ctx.station_id, day, "会籍接转")
        intake = MemberIntake(
            station_id=ctx.station_id,
            member_id=member.id,
            kind="transfer_out",
            on_date=day,
            other_union=other_union.strip(),
            employer=member.employer,
            job_group=member.job_group,
            staff_id=ctx.actor.staff_id or "",
            note=(note or "").strip(),
        )
        unit.save(intake)
        base = {"membership_status": member.membership_status}
        member.membership_status = "transferred"
        unit.save(member, base=base)
        unit.audit("intake.transfer_out", "member_intake", intake.id)
    return intake


@dataclass(frozen=True)
class IntakeRow:
    intake: MemberIntake
    name: str
    id_masked: str
    phone_masked: str


def list_intakes(
    ctx: Ctx, *, period: str | None = None, limit: int = 1000, include_voided: bool = False
) -> list[IntakeRow]:
    """This station's intake and transfer records, newest first, ID and phone masked; the
    voided ones too when asked (the window shows them marked, the report never counts them)."""
    from .search import mask_phone

    with ctx.read() as session:
        kept: ColumnElement[bool] = col(MemberIntake.deleted) == False  # noqa: E712
        if include_voided:
            kept = or_(kept, col(MemberIntake.void_reason).is_not(None))
        query = (
            select(MemberIntake, Member)
            .join(Member, col(Member.id) == MemberIntake.member_id)
            .where(MemberIntake.station_id == ctx.station_id, kept)
        )
        if period:
            start = dt.date(int(period[:4]), int(period[5:7]), 1)
            end = (start + dt.timedelta(days=32)).replace(day=1)
            query = query.where(col(MemberIntake.on_date) >= start, col(MemberIntake.on_date) < end)
        order = (col(MemberIntake.on_date).desc(), col(MemberIntake.created_at).desc())
        rows = session.exec(query.order_by(*order).limit(limit)).all()
    return [IntakeRow(i, m.name, idn.mask(m.id_number), mask_phone(m.phone)) for i, m in rows]


def void_intake(ctx: Ctx, intake_id: str, reason: str) -> MemberIntake:
    """Void a mistaken intake or transfer record in an open month (kept, marked, with why).
    The member is left as it is: a wrong job group or status is corrected on the member."""
    ctx.require_write()
    why = (reason or "").strip()
    if not why:
        raise ValidationError({"reason": "请填写作废原因"})
    with transaction(ctx) as unit:
        row = unit.session.get(MemberIntake, intake_id)
        if row is None or row.deleted or row.station_id != ctx.station_id:
            raise NotFound("入会登记记录不存在或已作废")
        ensure_open(unit.session, ctx.station_id, row.on_date, "入会登记")
        base = {"deleted": False, "void_reason": None}
        row.deleted, row.void_reason = True, why
        unit.save(row, base=base)
        unit.audit("intake.void", "member_intake", row.id, reason=why)
    return row
