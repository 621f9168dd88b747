"""The station's work log (工作日志): daily entries by category with counts."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlmodel import col, select

from contract.enums import JobGroup, LogCategory, Topic

from ..models import StationLog
from .context import Ctx
from .errors import ValidationError
from .periods import ensure_open
from .uow import transaction
from .validate import parse_date

COUNT_FIELDS = (
    "visitors",
    "consultations",
    "mediations",
    "workers_involved",
    "new_members",
    "services",
)


@dataclass
class LogInput:
    category: str
    log_date: dt.date | str | None = None
    topic: str = ""
    job_group: str = ""
    visitors: int = 0
    consultations: int = 0
    mediations: int = 0
    workers_involved: int = 0
    amount_recovered_fen: int = 0
    new_members: int = 0
    services: int = 0
    text: str = ""


def clean(ctx: Ctx, data: LogInput) -> dict[str, Any]:
    """The entry's values; ValidationError naming each bad field. Any day up to today (whether
    its month is still open is the transaction's check); an entry must say something."""
    errors: dict[str, str] = {}
    values: dict[str, Any] = {}
    try:
        values["category"] = LogCategory.from_text(data.category).value
    except ValueError:
        errors["category"] = f"日志类别“{data.category}”不是可选项"
    try:
        day = parse_date(data.log_date, field="日期") or ctx.today
        if day > ctx.today:
            errors["log_date"] = "日志日期不能晚于今天"
        values["log_date"] = day
    except ValueError as exc:
        errors["log_date"] = str(exc)
    for key, enum, label in (("topic", Topic, "咨询事项"), ("job_group", JobGroup, "职业群体")):
        raw = getattr(data, key)
        try:
            values[key] = enum.from_text(raw).value if raw else ""
        except ValueError:
            errors[key] = f"{label}“{raw}”不是可选项"
    for key in COUNT_FIELDS + ("amount_recovered_fen",):
        value = getattr(data, key)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            errors[key] = "数量须为不小于 0 的整数"
        values[key] = value
    values["text"] = data.text.strip()
    if not errors and not values["text"] and not any(values[k] for k in COUNT_FIELDS):
        errors["text"] = "这条日志是空的：请填写至少一项数量，或写下做了什么"
    if errors:
        raise ValidationError(errors)
    return values


def add_log(ctx: Ctx, data: LogInput) -> StationLog:
    ctx.require_write()
    values = clean(ctx, data)
    with transaction(ctx) as unit:
        ensure_open(unit.session, ctx.station_id, values["log_date"], "工作日志")
        entry = StationLog(station_id=ctx.station_id, staff_id=ctx.actor.staff_id or "", **values)
        unit.save(entry)
        unit.audit("log.add", "station_log", entry.id, category=entry.category)
    return entry


def list_logs(
    ctx: Ctx, *, day: dt.date | None = None, period: str | None = None
) -> list[StationLog]:
    with ctx.read() as session:
        query = select(StationLog).where(StationLog.station_id == ctx.station_id)
        if day:
            query = query.where(StationLog.log_date == day)
        if period:
            start = dt.date(int(period[:4]), int(period[5:7]), 1)
            end = (start + dt.timedelta(days=32)).replace(day=1)
            query = query.where(col(StationLog.log_date) >= start, col(StationLog.log_date) < end)
        return list(
            session.exec(
                query.order_by(col(StationLog.log_date).desc(), col(StationLog.created_at).desc())
            )
        )


def month_view(ctx: Ctx, period: str) -> dict[dt.date, dict[str, int]]:
    """Per day of the month: entries and summed counts (the log's month view)."""
    days: dict[dt.date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for entry in list_logs(ctx, period=period):
        if entry.deleted:  # voided
            continue
        day = days[entry.log_date]
        day["entries"] += 1
        for key in COUNT_FIELDS + ("amount_recovered_fen",):
            day[key] += getattr(entry, key)
    return {k: dict(v) for k, v in sorted(days.items())}
