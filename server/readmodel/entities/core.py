"""Projections of the entities the 总览 and 月度汇总 pages read (issue 15)."""

from __future__ import annotations

from typing import Any

from contract.protocol import period_of

from .. import tables
from ..registry import Projection, Stored


def _int(value: Any) -> int:
    """A count or an amount in fen; anything else (never stored: rules check it) is 0."""
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _text(value: Any, width: int = 64) -> str:
    return value[:width] if isinstance(value, str) else ""


def _period(r: Stored) -> str:
    return period_of(r.entity, r.data) or ""


def _member(r: Stored) -> dict[str, Any]:
    d = r.data
    return {
        "job_group": _text(d.get("job_group"), 32),
        "membership_status": _text(d.get("membership_status"), 32),
        "hardship_category": _text(d.get("hardship_category"), 32),
        "created_period": _text(d.get("created_at"), 7),
    }


def _relief(r: Stored) -> dict[str, Any]:
    d = r.data
    return {
        "member_id": _text(d.get("member_id")),
        "program_id": _text(d.get("program_id")),
        "period": _text(d.get("period"), 7) or _period(r),
        "issued_on": _text(d.get("issued_on"), 10),
        "cash_fen": _int(d.get("cash_fen")),
        "goods_value_fen": _int(d.get("goods_value_fen")),
        "status": _text(d.get("status"), 16),
        "receipt_id": d.get("receipt_id") if isinstance(d.get("receipt_id"), str) else None,
    }


def _receipt(r: Stored) -> dict[str, Any]:
    d = r.data
    return {
        "number": _text(d.get("number")),
        "year": _int(d.get("year")),
        "serial": _int(d.get("serial")),
        "relief_id": _text(d.get("distribution_id")),
        "period": _period(r),
        "voided": d.get("voided") is True,
    }


def _visit(r: Stored) -> dict[str, Any]:
    d = r.data
    return {
        "visit_type": _text(d.get("visit_type"), 32),
        "visited_on": _text(d.get("visited_on"), 10),
        "period": _period(r),
    }


LOG_COUNTS = (
    "visitors",
    "consultations",
    "mediations",
    "workers_involved",
    "amount_recovered_fen",
    "new_members",
    "services",
)


def _station_log(r: Stored) -> dict[str, Any]:
    d = r.data
    out: dict[str, Any] = {name: _int(d.get(name)) for name in LOG_COUNTS}
    out.update(
        log_date=_text(d.get("log_date"), 10),
        period=_period(r),
        category=_text(d.get("category"), 32),
        topic=_text(d.get("topic"), 32),
        job_group=_text(d.get("job_group"), 32),
    )
    return out


def _month_close(r: Stored) -> dict[str, Any]:
    d = r.data
    voided = d.get("voided_numbers")
    numbers = [str(n) for n in voided] if isinstance(voided, list) else []
    return {
        "period": _period(r),
        "status": _text(d.get("server_status"), 16),
        "receipt_first": _text(d.get("receipt_first")),
        "receipt_last": _text(d.get("receipt_last")),
        "voided_count": len(numbers),
        "voided_numbers": ",".join(numbers)[:4000],
        "closed_at": _text(d.get("closed_at"), 40),
    }


def _program(r: Stored) -> dict[str, Any]:
    d = r.data
    return {
        "code": _text(d.get("code")),
        "year": _int(d.get("year")),
        "name": _text(d.get("name"), 200),
        "program_type": _text(d.get("program_type"), 32),
    }


def _conflict(r: Stored) -> dict[str, Any]:
    return {"entity": "conflict", "open": not r.data.get("resolved_at")}


def _flag(r: Stored) -> dict[str, Any]:
    """A flag waits until a reviewer decides it (the console writes `decision`)."""
    return {"entity": "dup_flag", "open": not r.data.get("decision")}


PROJECTIONS = [
    Projection("member", tables.member, _member),
    Projection("relief", tables.relief, _relief),
    Projection("receipt", tables.receipt, _receipt),
    Projection("visit", tables.visit, _visit),
    Projection("station_log", tables.station_log, _station_log),
    Projection("month_close", tables.month_close, _month_close),
    Projection("fund_program", tables.program, _program),
    Projection("conflict", tables.attention, _conflict),
    Projection("dup_flag", tables.attention, _flag),
]
