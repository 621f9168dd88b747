"""Month end (月结): check, summarise, close. A closed month is read-only.

The summary is what the district server recomputes from the records it holds; both sides must
produce the same numbers from the same facts, so the shape here is the wire shape.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, func, select

from contract.summary import period_summary

from ..models import FundProgram, MonthClose, Receipt, ReliefDistribution, StationLog, Visit
from .context import Ctx
from .errors import NotFound, UserFacingError, ValidationError
from .periods import is_closed
from .uow import transaction
from .validate import parse_period, period_of


def period_bounds(period: str) -> tuple[dt.date, dt.date]:
    start = dt.date(int(period[:4]), int(period[5:7]), 1)
    end = (start + dt.timedelta(days=32)).replace(day=1)
    return start, end


def summarise(session: Session, station_id: str, period: str) -> dict[str, Any]:
    """Totals of a station's month: relief per program, visits, log entries, receipts.

    The arithmetic is contract.summary.period_summary, the same function the district
    server runs on the records it holds; this side only fetches the month's live rows."""
    start, end = period_bounds(period)
    live = ReliefDistribution.deleted == False  # noqa: E712
    reliefs = session.exec(
        select(ReliefDistribution).where(
            ReliefDistribution.station_id == station_id, ReliefDistribution.period == period, live
        )
    ).all()
    codes = dict(
        session.exec(
            select(FundProgram.id, FundProgram.code).where(
                col(FundProgram.id).in_({r.program_id for r in reliefs})
            )
        ).all()
    )
    receipts = session.exec(
        select(Receipt).where(
            Receipt.station_id == station_id,
            Receipt.deleted == False,  # noqa: E712
            col(Receipt.issued_on) >= start,
            col(Receipt.issued_on) < end,
        )
    ).all()
    visits = session.exec(
        select(func.count(col(Visit.id))).where(
            Visit.station_id == station_id,
            Visit.deleted == False,  # noqa: E712
            col(Visit.visited_on) >= start,
            col(Visit.visited_on) < end,
        )
    ).one()
    logs = session.exec(
        select(func.count(col(StationLog.id))).where(
            StationLog.station_id == station_id,
            StationLog.deleted == False,  # noqa: E712
            col(StationLog.log_date) >= start,
            col(StationLog.log_date) < end,
        )
    ).one()
    return period_summary(
        period,
        [r.model_dump() for r in reliefs],
        [r.model_dump() for r in receipts],
        visits=int(visits),
        log_entries=int(logs),
        program_codes=codes,
    )


@dataclass(frozen=True)
class CloseCheck:
    period: str
    summary: dict[str, Any]
    blockers: list[str]
    warnings: list[str]


def check(ctx: Ctx, period: str) -> CloseCheck:
    """What closing the month would record, and what stops it (unprinted receipts...)."""
    try:
        period = parse_period(period)
    except ValueError as exc:
        raise ValidationError({"period": str(exc)}) from None
    blockers: list[str] = []
    warnings: list[str] = []
    current = period_of(ctx.today)
    if period > current:
        blockers.append(f"{period} 尚未到来，不能月结")
    with ctx.read() as session:
        if is_closed(session, ctx.station_id, period):
            blockers.append(f"{period} 已经月结")
        summary = summarise(session, ctx.station_id, period)
        start, end = period_bounds(period)
        unprinted = session.exec(
            select(Receipt.number).where(
                Receipt.station_id == ctx.station_id,
                col(Receipt.issued_on) >= start,
                col(Receipt.issued_on) < end,
                Receipt.print_count == 0,
                Receipt.voided == False,
            )
        ).all()  # noqa: E712
        earlier_open = _earlier_open_months(session, ctx.station_id, period)
    if unprinted:
        shown = "、".join(unprinted[:5]) + ("等" if len(unprinted) > 5 else "")
        blockers.append(f"有 {len(unprinted)} 张收据尚未打印：{shown}")
    if earlier_open:
        warnings.append("以下月份有记录但尚未月结：" + "、".join(earlier_open))
    if period == current:
        warnings.append("本月尚未结束，月结后本月不能再登记")
    return CloseCheck(period, summary, blockers, warnings)


def _earlier_open_months(session: Session, station_id: str, period: str) -> list[str]:
    periods = set(
        session.exec(
            select(ReliefDistribution.period).where(
                ReliefDistribution.station_id == station_id, ReliefDistribution.period < period
            )
        ).all()
    )
    closed = set(
        session.exec(select(MonthClose.period).where(MonthClose.station_id == station_id)).all()
    )
    return sorted(periods - closed)


def close(ctx: Ctx, period: str) -> MonthClose:
    """Close the month after its checks pass; records in it become read-only."""
    ctx.require_write()
    result = check(ctx, period)
    if result.blockers:
        raise UserFacingError("不能月结：" + "；".join(result.blockers))
    with transaction(ctx) as unit:
        if is_closed(unit.session, ctx.station_id, result.period):
            raise UserFacingError(f"{result.period} 已经月结")
        summary = summarise(unit.session, ctx.station_id, result.period)
        row = MonthClose(
            station_id=ctx.station_id,
            period=result.period,
            totals=summary,
            receipt_first=summary["receipts"]["first"],
            receipt_last=summary["receipts"]["last"],
            voided_numbers=summary["receipts"]["voided"],
            closed_by=ctx.actor.staff_id or "",
        )
        unit.save(row)
        unit.audit("month.close", "month_close", row.id, period=result.period)
    return row


def list_closes(ctx: Ctx) -> list[MonthClose]:
    with ctx.read() as session:
        return list(
            session.exec(
                select(MonthClose)
                .where(MonthClose.station_id == ctx.station_id)
                .order_by(col(MonthClose.period).desc())
            )
        )


def get_close(ctx: Ctx, period: str) -> MonthClose:
    with ctx.read() as session:
        row = session.exec(
            select(MonthClose).where(
                MonthClose.station_id == ctx.station_id, MonthClose.period == period
            )
        ).first()
    if row is None:
        raise NotFound(f"{period} 尚未月结")
    return row
