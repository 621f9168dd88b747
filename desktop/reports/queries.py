"""The one query behind the lists of hand-outs (sign-off sheet, disclosure list)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlmodel import col, select

from ..models import FundProgram, Member, ReliefDistribution
from .common import period_range


def issued_relief(
    station_id: str, period: str | tuple[dt.date, dt.date], *, program_id: str | None = None
) -> Any:
    """Issued (not void, not adjustment) hand-outs of the station in the period, oldest first,
    as (relief, member, program) rows; callers add their own filters."""
    start, end = period_range(period)
    query = (
        select(ReliefDistribution, Member, FundProgram)
        .join(Member, col(Member.id) == ReliefDistribution.member_id)
        .join(FundProgram, col(FundProgram.id) == ReliefDistribution.program_id)
        .where(
            ReliefDistribution.station_id == station_id,
            ReliefDistribution.status == "issued",
            ReliefDistribution.deleted == False,
            col(ReliefDistribution.issued_on) >= start,
            col(ReliefDistribution.issued_on) < end,
        )
        .order_by(col(ReliefDistribution.issued_on), col(ReliefDistribution.created_at))
    )
    if program_id:
        query = query.where(ReliefDistribution.program_id == program_id)
    return query
