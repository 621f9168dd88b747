"""Rows of the ledgers (台账) from the tables: one function per ledger, Qt-free.

Why labels are resolved here: the .xlsx is read by people at the district, so enum values
become their Chinese labels and staff ids become names before the renderer sees them.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from contract.enums import (
    Gender,
    Hardship,
    JobGroup,
    LogCategory,
    MembershipStatus,
    ReliefStatus,
    Topic,
    VisitType,
)  # fmt: skip
from contract.money import fen_to_yuan_text

from ..models import FundProgram, Member, Receipt, ReliefDistribution, Staff, StationLog, Visit
from .common import period_range
from .ledgers import write_ledger

Period = str | tuple[dt.date, dt.date]


def _label(enum: Any, value: str) -> str:
    try:
        return str(enum(value).label) if value else ""
    except ValueError:
        return value


def _staff_names(session: Session) -> dict[str, str]:
    return {s.id: s.display_name for s in session.exec(select(Staff)).all()}


def member_rows(
    session: Session, station_id: str, period: Period | None = None
) -> list[dict[str, Any]]:
    """The station's members (registered in the period, when one is given)."""
    query = select(Member).where(Member.station_id == station_id, Member.deleted == False)  # noqa: E712
    if period is not None:
        start, end = period_range(period)
        query = query.where(
            col(Member.created_at) >= dt.datetime.combine(start, dt.time(), dt.UTC),
            col(Member.created_at) < dt.datetime.combine(end, dt.time(), dt.UTC),
        )
    rows = []
    for m in session.exec(query.order_by(col(Member.created_at))).all():
        rows.append({
            "name": m.name, "gender": _label(Gender, m.gender), "birth_date": m.birth_date,
            "id_number": m.id_number, "phone": m.phone, "employer": m.employer,
            "job_group": _label(JobGroup, m.job_group),
            "membership_status": _label(MembershipStatus, m.membership_status),
            "hardship": _label(Hardship, m.hardship_category) if m.hardship_category != "none" else "",
            "hardship_file_no": m.hardship_file_no, "bank_account": m.bank_account,
            "consent_sensitive_on": m.consent_sensitive_on,
            "consent_disclosure_on": m.consent_disclosure_on, "created_on": m.created_at,
        })  # fmt: skip
    return rows


def visit_rows(session: Session, station_id: str, period: Period) -> list[dict[str, Any]]:
    start, end = period_range(period)
    staff = _staff_names(session)
    visits = session.exec(select(Visit).where(
        Visit.station_id == station_id, Visit.deleted == False,  # noqa: E712
        col(Visit.visited_on) >= start, col(Visit.visited_on) < end,
    ).order_by(col(Visit.visited_on))).all()  # fmt: skip
    ids = {mid for v in visits for mid in v.member_ids or []}
    names = (
        {m.id: m.name for m in session.exec(select(Member).where(col(Member.id).in_(ids))).all()}
        if ids
        else {}
    )
    return [{
        "visited_on": v.visited_on, "type": _label(VisitType, v.visit_type),
        "members": "、".join(names.get(mid, "") for mid in v.member_ids or []),
        "people": len(v.member_ids or []), "staff": staff.get(v.staff_id, ""),
        "purpose": v.purpose, "findings": v.findings, "followup": "是" if v.followup_needed else "否",
        "followup_due": v.followup_due, "followup_done_on": v.followup_done_on,
    } for v in visits]  # fmt: skip


def relief_rows(session: Session, station_id: str, period: Period) -> list[dict[str, Any]]:
    start, end = period_range(period)
    staff = _staff_names(session)
    query = (
        select(ReliefDistribution, Member, FundProgram, Receipt)
        .join(Member, col(Member.id) == ReliefDistribution.member_id)
        .join(FundProgram, col(FundProgram.id) == ReliefDistribution.program_id)
        .outerjoin(Receipt, col(Receipt.id) == ReliefDistribution.receipt_id)
        .where(ReliefDistribution.station_id == station_id,
               ReliefDistribution.deleted == False,  # noqa: E712
               col(ReliefDistribution.issued_on) >= start, col(ReliefDistribution.issued_on) < end)
        .order_by(col(ReliefDistribution.issued_on), col(ReliefDistribution.created_at))
    )  # fmt: skip
    rows = []
    for r, m, p, receipt in session.exec(query).all():
        goods = "；".join(
            f"{g.get('item', '')}{g.get('quantity', '')}{g.get('unit', '')}"
            f"（{fen_to_yuan_text(int(g.get('value_fen', 0)))}）" for g in r.goods or []
        )  # fmt: skip
        rows.append({
            "issued_on": r.issued_on, "receipt": receipt.number if receipt else "", "name": m.name,
            "id_number": m.id_number, "program": p.name, "cash_fen": r.cash_fen,
            "goods_value_fen": r.goods_value_fen, "total_fen": r.cash_fen + r.goods_value_fen,
            "goods": goods, "handler": staff.get(r.handler_id, ""),
            "reviewer": staff.get(r.reviewer_id or "", ""), "status": _label(ReliefStatus, r.status),
            "void_reason": r.void_reason,
        })  # fmt: skip
    return rows


def log_rows(session: Session, station_id: str, period: Period) -> list[dict[str, Any]]:
    start, end = period_range(period)
    staff = _staff_names(session)
    logs = session.exec(select(StationLog).where(
        StationLog.station_id == station_id, StationLog.deleted == False,  # noqa: E712
        col(StationLog.log_date) >= start, col(StationLog.log_date) < end,
    ).order_by(col(StationLog.log_date))).all()  # fmt: skip
    return [{
        "log_date": g.log_date, "staff": staff.get(g.staff_id, ""),
        "category": _label(LogCategory, g.category), "topic": _label(Topic, g.topic),
        "visitors": g.visitors, "consultations": g.consultations, "mediations": g.mediations,
        "workers_involved": g.workers_involved, "amount_recovered_fen": g.amount_recovered_fen,
        "new_members": g.new_members, "job_group": _label(JobGroup, g.job_group),
        "services": g.services, "text": g.text,
    } for g in logs]  # fmt: skip


def export_ledger(
    session: Session,
    station_id: str,
    kind: str,
    period: Period,
    out_path: str | os.PathLike[str],
    *,
    unmasked: bool = False,
) -> Path:
    """Query and write one ledger (kind: members, visits, relief, logs). Audit unmasked exports."""
    if kind == "members":
        rows = member_rows(session, station_id)
    elif kind == "visits":
        rows = visit_rows(session, station_id, period)
    elif kind == "relief":
        rows = relief_rows(session, station_id, period)
    elif kind == "logs":
        rows = log_rows(session, station_id, period)
    else:
        raise ValueError(f"未知的台账：{kind}（可选 members、visits、relief、logs）")
    return write_ledger(kind, rows, out_path, unmasked=unmasked)
