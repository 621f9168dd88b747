"""Closed months (月结) are read-only: every write into a period asks here first."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, select

from ..models import MonthClose
from .errors import PeriodClosed
from .validate import period_of


def is_closed(session: Session, station_id: str, period: str) -> bool:
    row = (
        session.connection()
        .execute(
            select(MonthClose.id).where(
                MonthClose.station_id == station_id,
                MonthClose.period == period,
                MonthClose.deleted == False,
            )
        )
        .first()
    )  # noqa: E712
    return row is not None


def ensure_open(session: Session, station_id: str, day: dt.date, what: str = "记录") -> str:
    """Return the period of day, or refuse when that month is closed."""
    period = period_of(day)
    if is_closed(session, station_id, period):
        raise PeriodClosed(f"{period} 已月结，不能再修改该月的{what}；更正请在当前月份登记调整")
    return period
