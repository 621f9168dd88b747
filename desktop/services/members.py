"""Members (会员): add, edit, look up. Validation of ID numbers and phones lives here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from functools import lru_cache
from typing import Any

from sqlmodel import select

from contract import idnumber as idn
from contract.enums import Hardship, JobGroup, MembershipStatus

from ..models import Member
from .context import Ctx
from .errors import NotFound, ValidationError
from .uow import transaction
from .validate import normalise_phone, parse_date, phone_error

# Fields a user edits; everything else is derived or bookkeeping.
EDITABLE = (
    "name",
    "id_number",
    "phone",
    "employer",
    "job_group",
    "membership_status",
    "hardship_category",
    "hardship_file_no",
    "hardship_review_date",
    "bank_account",
    "address",
    "consent_sensitive_on",
    "consent_disclosure_on",
    "notes",
)
SENSITIVE = ("id_number", "bank_account", "hardship_category", "hardship_file_no", "notes")

FIELD_LABELS = {
    "name": "姓名",
    "id_number": "身份证号",
    "phone": "手机号",
    "employer": "工作单位",
    "job_group": "职业群体",
    "membership_status": "会籍状态",
    "hardship_category": "困难类别",
    "hardship_file_no": "困难档案号",
    "hardship_review_date": "复核日期",
    "bank_account": "银行账号",
    "address": "住址",
    "consent_sensitive_on": "敏感信息处理同意日期",
    "consent_disclosure_on": "公示同意日期",
    "notes": "备注",
    "gender": "性别",
    "birth_date": "出生日期",
}


@dataclass
class MemberInput:
    """What a form or an import row supplies. Strings as typed; validated by clean()."""

    name: str = ""
    id_number: str = ""
    phone: str = ""
    employer: str = ""
    job_group: str = "other"
    membership_status: str = "active"
    hardship_category: str = "none"
    hardship_file_no: str = ""
    hardship_review_date: str | dt.date | None = None
    bank_account: str = ""
    address: str = ""
    consent_sensitive_on: str | dt.date | None = None
    consent_disclosure_on: str | dt.date | None = None
    notes: str = ""
    warnings: list[str] = field(default_factory=list)

    @classmethod
    def from_member(cls, member: Member) -> MemberInput:
        return cls(**{f.name: getattr(member, f.name) for f in fields(cls) if f.name != "warnings"})


@lru_cache(maxsize=8192)
def _syllable(char: str) -> str:
    """A character's reading; names are read character by character (no phrase context)."""
    from pypinyin import Style, lazy_pinyin  # 0.15 s to import: only when a name is written

    found = lazy_pinyin(char, style=Style.NORMAL, errors="ignore")
    return found[0] if found else ""


def pinyin_keys(name: str) -> tuple[str, str]:
    """Full pinyin and initials of a name: 张三 -> ("zhangsan", "zs")."""
    syllables = [_syllable(char) for char in name]
    full = "".join(syllables).lower().replace("ü", "v")
    initials = "".join(s[0] for s in syllables if s).lower()
    return full, initials


def search_keys(name: str, id_number: str | None, phone: str | None) -> dict[str, str]:
    """The local search columns of a member: pinyin of the name, reversed ID and phone (for
    "ends with" searches). Every write sets them, including rows pulled by sync."""
    full, initials = pinyin_keys(name)
    return {
        "pinyin_full": full,
        "pinyin_initials": initials,
        "id_rev": (id_number or "")[::-1],
        "phone_rev": (phone or "")[::-1],
    }


def fill_search_fields(member: Member) -> None:
    for key, value in search_keys(member.name, member.id_number, member.phone).items():
        setattr(member, key, value)


def _enum(value: str, enum: Any, label: str, errors: dict[str, str], key: str) -> str:
    if not (value or "").strip():
        return str(MemberInput.__dataclass_fields__[key].default)
    try:
        return str(enum.from_text(value).value)
    except ValueError:
        errors[key] = f"{label}“{value}”不是可选项"
        return ""


def clean(data: MemberInput) -> dict[str, Any]:
    """Validate and normalise; raise ValidationError naming every bad field."""
    errors: dict[str, str] = {}
    values: dict[str, Any] = {}
    name = "".join((data.name or "").split())
    if not name:
        errors["name"] = "姓名不能为空"
    elif len(name) > 30:
        errors["name"] = "姓名过长（最多 30 个字）"
    values["name"] = name
    try:
        info = idn.parse(data.id_number)
        values.update(
            id_number=info.number,
            id_type=info.id_type,
            gender=info.gender,
            birth_date=info.birth_date,
        )
        data.warnings.extend(info.warnings)
    except idn.IdNumberError as exc:
        errors["id_number"] = str(exc)
    problem = phone_error(data.phone)
    if problem:
        errors["phone"] = problem
    values["phone"] = normalise_phone(data.phone)
    values["employer"] = (data.employer or "").strip()
    values["job_group"] = _enum(data.job_group, JobGroup, "职业群体", errors, "job_group")
    values["membership_status"] = _enum(
        data.membership_status, MembershipStatus, "会籍状态", errors, "membership_status"
    )
    values["hardship_category"] = _enum(
        data.hardship_category, Hardship, "困难类别", errors, "hardship_category"
    )
    values["hardship_file_no"] = (data.hardship_file_no or "").strip()
    for key in ("hardship_review_date", "consent_sensitive_on", "consent_disclosure_on"):
        try:
            values[key] = parse_date(getattr(data, key), field=FIELD_LABELS[key])
        except ValueError as exc:
            errors[key] = str(exc)
    bank = "".join((data.bank_account or "").split())
    if bank and not (bank.isdigit() and 12 <= len(bank) <= 30):
        errors["bank_account"] = "银行账号应为 12 至 30 位数字"
    values["bank_account"] = bank
    values["address"] = (data.address or "").strip()
    values["notes"] = (data.notes or "").strip()
    if errors:
        raise ValidationError(errors)
    return values


def find_by_id_number(ctx: Ctx, id_number: str) -> Member | None:
    with ctx.read() as session:
        return session.exec(select(Member).where(Member.id_number == id_number)).first()


def _refuse_duplicate(session: Any, id_number: str, exclude_id: str | None = None) -> None:
    query = select(Member).where(Member.id_number == id_number)
    existing = session.exec(query).first()
    if existing is not None and existing.id != exclude_id:
        raise ValidationError(
            {"id_number": f"身份证号已登记：会员 {existing.name}（{idn.mask(existing.id_number)}）"}
        )


def add_member(ctx: Ctx, data: MemberInput) -> Member:
    ctx.require_write()
    values = clean(data)
    with transaction(ctx) as unit:
        _refuse_duplicate(unit.session, values["id_number"])
        member = Member(station_id=ctx.station_id, **values)
        fill_search_fields(member)
        unit.save(member)
        unit.audit("member.add", "member", member.id)
    return member


def update_member(ctx: Ctx, member_id: str, data: MemberInput) -> Member:
    """Edit: only changed fields are recorded, with their previous values for the merge."""
    ctx.require_write()
    values = clean(data)
    with transaction(ctx) as unit:
        member = unit.session.get(Member, member_id)
        if member is None or member.deleted:
            raise NotFound("会员不存在或已删除")
        _refuse_duplicate(unit.session, values["id_number"], exclude_id=member_id)
        base = {k: getattr(member, k) for k, v in values.items() if getattr(member, k) != v}
        if not base:
            return member
        for key, value in values.items():
            setattr(member, key, value)
        fill_search_fields(member)
        unit.save(member, base=base)
        unit.audit("member.edit", "member", member.id, fields=sorted(base))
    return member


def get_member(ctx: Ctx, member_id: str) -> Member:
    with ctx.read() as session:
        member = session.get(Member, member_id)
        if member is None:
            raise NotFound("会员不存在")
        return member


def reveal_sensitive(ctx: Ctx, member_id: str, what: str) -> Member:
    """Return the member for showing unmasked values; the viewing is audited."""
    member = get_member(ctx, member_id)
    with transaction(ctx) as unit:
        unit.audit("member.reveal", "member", member_id, field=what)
    return member


def count_members(ctx: Ctx) -> int:
    from sqlalchemy import func

    with ctx.read() as session:
        return int(session.exec(select(func.count()).select_from(Member)).one())
