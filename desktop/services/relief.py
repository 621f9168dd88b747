"""Relief hand-outs (帮扶发放) and their receipts: issue, check rules, void, print.

A hand-out, its gapless receipt number and its frozen receipt content are one transaction.
Facts are append-only: a mistake is voided (the number stays used) and issued anew; in a
closed month the correction is an adjustment in the open month that references the original.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import text
from sqlmodel import Session, col, select

from contract import idnumber as idn
from contract import receipt_code
from contract.enums import ProgramType, Role
from contract.money import MAX_FEN, MAX_TEXT, capitals, fen_to_yuan_text

from ..models import (
    FundProgram,
    Member,
    Receipt,
    ReliefDistribution,
    Staff,
    utcnow,
)
from .context import Ctx
from .errors import NotFound, RuleViolation, UserFacingError, ValidationError
from .hardship_queries import active_file, file_requirement
from .periods import ensure_open, is_closed
from .uow import Unit, canonical_hash, transaction
from .validate import period_of

COUNTED = ("issued",)  # statuses that count against caps (voids do not)


@dataclass
class GoodsLine:
    item: str
    quantity: float
    unit: str
    value_fen: int

    def as_dict(self) -> dict[str, Any]:
        qty = int(self.quantity) if float(self.quantity).is_integer() else self.quantity
        return {"item": self.item, "quantity": qty, "unit": self.unit, "value_fen": self.value_fen}


@dataclass
class ReliefInput:
    member_id: str
    program_id: str
    cash_fen: int = 0
    goods: list[GoodsLine] = field(default_factory=list)
    issued_on: dt.date | None = None
    reviewer_id: str | None = None
    campaign: str = ""
    visit_id: str | None = None
    note: str = ""
    override_reason: str = ""
    hardship_file_id: str | None = None  # None: the member's file in force, if any
    student_id: str | None = None  # 金秋助学: the child and school year granted
    school_year: str | None = None


@dataclass(frozen=True)
class RuleCheck:
    """What the rules say about a proposed hand-out, shown before confirming."""

    reasons: list[str]  # refusals (a station head may override with a reason)
    warnings: list[str]  # e.g. duplicates flagged by the district
    times_this_year: int
    amount_this_year_fen: int
    budget_remaining_fen: int | None


def _validate(data: ReliefInput) -> None:
    errors: dict[str, str] = {}
    if data.cash_fen < 0:
        errors["cash_fen"] = "现金金额不能为负数"
    for index, line in enumerate(data.goods, start=1):
        if not line.item.strip():
            errors[f"goods.{index}"] = f"第 {index} 行物资名称不能为空"
        elif line.quantity <= 0 or line.value_fen < 0:
            errors[f"goods.{index}"] = f"第 {index} 行物资数量须大于 0，价值不能为负"
    if not errors and data.cash_fen == 0 and not data.goods:
        errors["cash_fen"] = "请填写发放金额或物资"
    if not errors and data.cash_fen + sum(g.value_fen for g in data.goods) > MAX_FEN:
        errors["cash_fen"] = f"发放金额（现金加物资）超过金额上限 {MAX_TEXT}"
    if errors:
        raise ValidationError(errors)


def _refuse_future(day: dt.date, today: dt.date) -> None:
    if day > today:
        raise ValidationError(
            {
                "issued_on": f"发放日期 {day.isoformat()} 晚于今天（{today.isoformat()}），不能提前登记"
            }
        )


def _refuse_outside_program(program: FundProgram, day: dt.date, total: int) -> None:
    """What no override passes: another year's program, more than its largest hand-out."""
    if program.year != day.year:
        raise ValidationError(
            {
                "program_id": f"“{program.name}”是 {program.year} 年的项目，"
                f"不能用于 {day.year} 年的发放"
            }
        )
    if program.max_amount_fen is not None and total > program.max_amount_fen:
        raise ValidationError(
            {
                "cash_fen": f"发放金额（现金加物资）{fen_to_yuan_text(total)} 超过“{program.name}”"
                f"单次发放上限 {fen_to_yuan_text(program.max_amount_fen)}"
            }
        )


FACTS_SQL = text("""
SELECT
  (SELECT count(*) FROM reliefdistribution WHERE member_id = :m AND program_id = :p
     AND status = 'issued' AND period >= :y0 AND period < :y1) AS times,
  (SELECT coalesce(sum(cash_fen + goods_value_fen), 0) FROM reliefdistribution
     WHERE member_id = :m AND program_id = :p AND status = 'issued'
     AND period >= :y0 AND period < :y1) AS amount,
  (SELECT budget_fen FROM programbudget WHERE program_id = :p AND budget_station_id = :s
     AND deleted = 0) AS budget,
  (SELECT coalesce(sum(cash_fen + goods_value_fen), 0) FROM reliefdistribution
     WHERE program_id = :p AND station_id = :s AND status IN ('issued', 'adjustment')) AS used,
  (SELECT group_concat(reason, char(10)) FROM duplicateflag
     WHERE member_id = :m AND program_id = :p) AS flags
""")


def check_rules(
    ctx: Ctx, session: Session, member: Member, program: FundProgram, total_fen: int, day: dt.date
) -> RuleCheck:
    """Caps, exclusions and budget, against local and last-synced history of the district.

    One statement gathers the member's year under the program (every station's relief that
    this device knows), the station's budget and what it has used, and the district's flags.
    """
    reasons: list[str] = []
    warnings: list[str] = []
    facts = (
        session.connection()
        .execute(
            FACTS_SQL,
            {
                "m": member.id,
                "p": program.id,
                "s": ctx.station_id,
                "y0": f"{day.year:04d}-",
                "y1": f"{day.year + 1:04d}-",
            },
        )
        .one()
    )
    times, amount = int(facts.times), int(facts.amount)
    if program.max_times_per_year is not None and times + 1 > program.max_times_per_year:
        reasons.append(
            f"{member.name} 今年已领取“{program.name}”{times} 次，"
            f"超过每年 {program.max_times_per_year} 次的上限"
        )
    if program.annual_cap_fen is not None and amount + total_fen > program.annual_cap_fen:
        reasons.append(
            f"{member.name} 今年“{program.name}”累计将达 "
            f"{fen_to_yuan_text(amount + total_fen)}，超过年度上限 "
            f"{fen_to_yuan_text(program.annual_cap_fen)}"
        )
    if program.excludes:
        excluded = session.exec(
            select(FundProgram.name)
            .join(ReliefDistribution, col(ReliefDistribution.program_id) == FundProgram.id)
            .where(
                ReliefDistribution.member_id == member.id,
                col(ReliefDistribution.status).in_(COUNTED),
                col(FundProgram.code).in_(program.excludes),
                FundProgram.year == day.year,
            )
        ).first()
        if excluded:
            reasons.append(f"{member.name} 今年已领取“{excluded}”，与“{program.name}”不能同时享受")
    remaining = None
    if facts.budget is not None:
        remaining = int(facts.budget) - int(facts.used)
        if total_fen > remaining:
            reasons.append(
                f"“{program.name}”本站预算余额 {fen_to_yuan_text(remaining)}，"
                f"不足以发放 {fen_to_yuan_text(total_fen)}"
            )
    refusal = file_requirement(session, member, program)  # issue 16
    if refusal:
        reasons.append(refusal)
    if facts.flags:
        warnings.extend(f"区总工会提示：{reason}" for reason in facts.flags.split("\n"))
    return RuleCheck(reasons, warnings, times, amount, remaining)


def preview(ctx: Ctx, data: ReliefInput) -> RuleCheck:
    """The rule check a form shows before the user confirms."""
    day = data.issued_on or ctx.today
    with ctx.read() as session:
        member, program = _load(session, data)
        total = data.cash_fen + sum(g.value_fen for g in data.goods)
        return check_rules(ctx, session, member, program, total, day)


def _load(session: Session, data: ReliefInput) -> tuple[Member, FundProgram]:
    member = session.get(Member, data.member_id)
    if member is None or member.deleted:
        raise NotFound("会员不存在")
    program = session.get(FundProgram, data.program_id)
    if program is None or program.deleted:
        raise NotFound("帮扶项目不存在")
    return member, program


ISSUER_SQL = text("""
SELECT code, name, union_name,
       (SELECT value FROM setting WHERE key = 'receipt_key') AS receipt_key
FROM station WHERE id = :s
""")

SERIAL_SQL = text("""
INSERT INTO receiptcounter (station_id, year, last_serial)
VALUES (:s, :y, 1 + (SELECT coalesce(max(serial), 0) FROM receipt
                     WHERE station_id = :s AND year = :y))
ON CONFLICT (station_id, year) DO UPDATE SET last_serial = 1 + max(
    receiptcounter.last_serial,
    (SELECT coalesce(max(serial), 0) FROM receipt WHERE station_id = :s AND year = :y))
RETURNING last_serial
""")


def _next_serial(unit: Unit, station_id: str, year: int) -> int:
    """Gapless per station and year; runs inside the BEGIN IMMEDIATE transaction.

    The counter never falls behind the receipts actually held (after a restore or a pull).
    """
    row = unit.session.connection().execute(SERIAL_SQL, {"s": station_id, "y": year}).one()
    return int(row[0])


def _file_id(session: Session, member_id: str) -> str | None:
    file = active_file(session, member_id)
    return file.id if file else None


def _staff_name(session: Session, staff_id: str | None) -> str:
    if not staff_id:
        return ""
    staff = session.get(Staff, staff_id)
    return staff.display_name if staff else ""


def issue(ctx: Ctx, data: ReliefInput) -> tuple[ReliefDistribution, Receipt]:
    """Issue relief and its receipt in one transaction, or refuse with every reason."""
    ctx.require_write()
    _validate(data)
    day = data.issued_on or ctx.today
    _refuse_future(day, ctx.today)  # before the month check: it would say "not open"
    override = data.override_reason.strip()
    with transaction(ctx) as unit:
        session = unit.session
        period = ensure_open(session, ctx.station_id, day, "帮扶发放")
        member, program = _load(session, data)
        goods_value = sum(g.value_fen for g in data.goods)
        total = data.cash_fen + goods_value
        _refuse_outside_program(program, day, total)
        check = check_rules(ctx, session, member, program, total, day)
        if check.reasons:
            if not override:
                raise RuleViolation(check.reasons, overridable=True)
            if ctx.actor.role != Role.STATION_HEAD:
                raise RuleViolation(
                    ["超出规则的发放需要站长批准"] + check.reasons, overridable=True
                )
        station = session.connection().execute(ISSUER_SQL, {"s": ctx.station_id}).one()
        relief = ReliefDistribution(
            station_id=ctx.station_id,
            member_id=member.id,
            program_id=program.id,
            cash_fen=data.cash_fen,
            goods=[g.as_dict() for g in data.goods],
            goods_value_fen=goods_value,
            issued_on=day,
            period=period,
            handler_id=ctx.actor.staff_id or "",
            reviewer_id=data.reviewer_id,
            campaign=data.campaign,
            visit_id=data.visit_id,
            note=data.note,
            override_reason=override if check.reasons else "",
            hardship_file_id=data.hardship_file_id or _file_id(session, member.id),
            student_id=data.student_id,
            school_year=data.school_year,
        )
        serial = _next_serial(unit, ctx.station_id, day.year)
        number = f"{station.code}-{day.year}-{serial:06d}"
        content = {
            "schema": 1,
            "number": number,
            "title": program.receipt_title or "帮扶资金发放收据",
            "issued_on": day.isoformat(),
            "union_name": station.union_name or station.name,
            "station_name": station.name,
            "station_code": station.code,
            "recipient_name": member.name,
            "recipient_id_masked": idn.mask(member.id_number),
            "recipient_employer": member.employer,
            "program_name": program.name,
            "program_type_label": ProgramType(program.program_type).label,
            "cash_fen": data.cash_fen,
            "goods": [g.as_dict() for g in data.goods],
            "goods_value_fen": goods_value,
            "total_fen": total,
            "amount_capitals": capitals(total),
            "handler": ctx.actor.display_name,
            "reviewer": _staff_name(session, data.reviewer_id),
            "note": data.note,
            "verify": receipt_code.make(
                station.receipt_key or "00",
                number=number,
                station_code=station.code,
                total_fen=total,
                issued_on=day.isoformat(),
            ),
        }
        receipt = Receipt(
            station_id=ctx.station_id,
            number=number,
            year=day.year,
            serial=serial,
            distribution_id=relief.id,
            issued_on=day,
            content=content,
            content_hash=canonical_hash(content),
        )
        relief.receipt_id = receipt.id
        unit.save(relief)
        unit.save(receipt)
        unit.audit("relief.issue", "relief", relief.id, receipt=number, total_fen=total)
        if check.reasons:
            unit.audit("relief.override", "relief", relief.id, reason=override, rules=check.reasons)
    return relief, receipt


def void(ctx: Ctx, relief_id: str, reason: str) -> ReliefDistribution:
    """Void a hand-out (reason required). In a closed month, an adjustment is made instead."""
    ctx.require_write()
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "作废原因不能为空"})
    with transaction(ctx) as unit:
        session = unit.session
        relief = session.get(ReliefDistribution, relief_id)
        if relief is None or relief.station_id != ctx.station_id:
            raise NotFound("发放记录不存在或不属于本站")
        if relief.status != "issued":
            raise UserFacingError("该发放记录已作废或是调整记录，不能再作废")
        already = session.exec(
            select(ReliefDistribution.id).where(ReliefDistribution.adjusts_id == relief.id)
        ).first()
        if already:
            raise UserFacingError("该发放记录已在以后月份调整过")
        if is_closed(session, ctx.station_id, relief.period):
            today = ctx.today
            period = ensure_open(session, ctx.station_id, today, "调整")
            adjustment = ReliefDistribution(
                station_id=ctx.station_id,
                member_id=relief.member_id,
                program_id=relief.program_id,
                cash_fen=-relief.cash_fen,
                goods=relief.goods,
                goods_value_fen=-relief.goods_value_fen,
                issued_on=today,
                period=period,
                handler_id=ctx.actor.staff_id or "",
                status="adjustment",
                adjusts_id=relief.id,
                void_reason=reason,
            )
            unit.save(adjustment)
            unit.audit("relief.adjust", "relief", adjustment.id, adjusts=relief.id)
            return adjustment
        relief.status = "void"
        relief.void_reason = reason
        relief.voided_at = utcnow()
        relief.voided_by = ctx.actor.staff_id
        unit.save(relief, base={"status": "issued"})
        if relief.receipt_id:
            receipt = session.get(Receipt, relief.receipt_id)
            if receipt is not None:
                receipt.voided = True
                receipt.void_reason = reason
                unit.save(receipt, base={"voided": False})
        unit.audit("relief.void", "relief", relief.id)
    return relief


@dataclass(frozen=True)
class PrintJob:
    """What a renderer needs: the frozen content and how this copy is marked."""

    receipt_id: str
    number: str
    content: dict[str, Any]
    copy_label: str | None  # 补打（第 n 次） for reprints
    void_reason: str | None


def _print_job(receipt: Receipt, print_count: int) -> PrintJob:
    """The copy a print numbered `print_count` gives: the frozen content, checked against its hash."""
    if canonical_hash(receipt.content) != receipt.content_hash:
        raise UserFacingError(f"收据 {receipt.number} 的内容与签发时不一致，已拒绝打印")
    reprints = print_count - 1
    return PrintJob(
        receipt.id,
        receipt.number,
        dict(receipt.content),
        f"补打（第{reprints}次）" if reprints else None,
        receipt.void_reason if receipt.voided else None,
    )


def next_print(ctx: Ctx, receipt_id: str) -> PrintJob:
    """What the next print will look like, without counting it: a window prints this copy and
    counts it (record_print) only once the printer's spooler has taken the job."""
    with ctx.read() as session:
        receipt = session.get(Receipt, receipt_id)
        if receipt is None:
            raise NotFound("收据不存在")
        return _print_job(receipt, receipt.print_count + 1)


def record_print(ctx: Ctx, receipt_id: str) -> PrintJob:
    """Count a print (补打 from the second on) and return the copy that print gives."""
    with transaction(ctx) as unit:
        receipt = unit.session.get(Receipt, receipt_id)
        if receipt is None:
            raise NotFound("收据不存在")
        job = _print_job(receipt, receipt.print_count + 1)
        receipt.print_count += 1
        unit.save(receipt, base={"print_count": receipt.print_count - 1})
        unit.audit("receipt.print", "receipt", receipt.id, count=receipt.print_count)
        return job


def get_receipt(ctx: Ctx, number_or_id: str) -> Receipt:
    with ctx.read() as session:
        receipt = session.exec(
            select(Receipt).where((Receipt.number == number_or_id) | (Receipt.id == number_or_id))
        ).first()
    if receipt is None:
        raise NotFound(f"收据“{number_or_id}”不存在")
    return receipt


def list_relief(
    ctx: Ctx, *, period: str | None = None, member_id: str | None = None, limit: int = 500
) -> list[ReliefDistribution]:
    with ctx.read() as session:
        query = select(ReliefDistribution).where(ReliefDistribution.station_id == ctx.station_id)
        if period:
            query = query.where(ReliefDistribution.period == period)
        if member_id:
            query = query.where(ReliefDistribution.member_id == member_id)
        order = col(ReliefDistribution.issued_on).desc(), col(ReliefDistribution.id).desc()
        return list(session.exec(query.order_by(*order).limit(limit)))


def month_of(day: dt.date) -> str:
    return period_of(day)
