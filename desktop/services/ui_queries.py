"""Read-only queries the desktop screens need that no other service offers (owned by the UI).

Screens never run SQL; they call these (through the ops helper) like any other service.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func
from sqlmodel import col, select

from ..models import (
    Conflict,
    FundProgram,
    Member,
    Outbox,
    Receipt,
    ReliefDistribution,
    Setting,
    Staff,
)
from .context import Ctx
from .monthclose import summarise

LAST_SYNC_KEY = "sync.last_sync_at"  # desktop.sync.local.LAST_SYNC


@dataclass(frozen=True)
class SyncOverview:
    pending: int
    errors: int
    conflicts: int
    last_sync: str  # "" when never synced
    server: str  # "" when no server is configured


def sync_overview(ctx: Ctx) -> SyncOverview:
    with ctx.read() as session:
        counts = dict(session.exec(select(Outbox.state, func.count()).group_by(Outbox.state)).all())  # type: ignore[arg-type]
        conflicts = session.exec(
            select(func.count()).select_from(Conflict).where(col(Conflict.resolved_at).is_(None))
        ).one()
        last = session.get(Setting, LAST_SYNC_KEY)
        server = session.get(Setting, "sync.server_url")
    return SyncOverview(
        int(counts.get("pending", 0)),
        int(counts.get("rejected", 0)),
        int(conflicts),
        (last.value[:16].replace("T", " ") if last else ""),
        server.value if server else "",
    )


@dataclass(frozen=True)
class OutboxRow:
    seq: int
    entity: str
    row_id: str
    created_at: dt.datetime
    state: str
    attempts: int
    last_error: str


def outbox_rows(ctx: Ctx, *, limit: int = 300) -> list[OutboxRow]:
    """Waiting and refused changes, errors first (the per-record state of the sync page)."""
    with ctx.read() as session:
        rows = session.exec(
            select(Outbox)
            .where(col(Outbox.state) != "done")
            .order_by(col(Outbox.state).desc(), col(Outbox.seq))
            .limit(limit)
        ).all()
    return [
        OutboxRow(
            r.seq or 0, r.entity, r.row_id, r.created_at, r.state, r.attempts, r.last_error or ""
        )
        for r in rows
    ]


@dataclass(frozen=True)
class ReliefRow:
    id: str
    issued_on: dt.date
    member_id: str
    member_name: str
    program_name: str
    cash_fen: int
    goods_value_fen: int
    status: str
    receipt_id: str | None
    receipt_number: str
    print_count: int
    void_reason: str
    campaign: str

    @property
    def total_fen(self) -> int:
        return self.cash_fen + self.goods_value_fen


def relief_rows(
    ctx: Ctx,
    *,
    period: str | None = None,
    member_id: str | None = None,
    campaign: str | None = None,
    limit: int = 500,
) -> list[ReliefRow]:
    """Hand-outs with the member, program and receipt a list shows, newest first."""
    with ctx.read() as session:
        query = (
            select(ReliefDistribution, Member.name, FundProgram.name, Receipt)
            .join(Member, col(Member.id) == ReliefDistribution.member_id)
            .join(FundProgram, col(FundProgram.id) == ReliefDistribution.program_id)
            .outerjoin(Receipt, col(Receipt.id) == ReliefDistribution.receipt_id)
            .where(ReliefDistribution.station_id == ctx.station_id)
        )
        if period:
            query = query.where(ReliefDistribution.period == period)
        if member_id:
            query = query.where(ReliefDistribution.member_id == member_id)
        if campaign:
            query = query.where(ReliefDistribution.campaign == campaign)
        query = query.order_by(
            col(ReliefDistribution.issued_on).desc(), col(ReliefDistribution.id).desc()
        ).limit(limit)
        rows = session.exec(query).all()
    return [
        ReliefRow(
            r.id,
            r.issued_on,
            r.member_id,
            name,
            program,
            r.cash_fen,
            r.goods_value_fen,
            r.status,
            r.receipt_id,
            receipt.number if receipt else "",
            receipt.print_count if receipt else 0,
            r.void_reason,
            r.campaign,
        )
        for r, name, program, receipt in rows
    ]


def month_summary(ctx: Ctx, period: str) -> dict[str, Any]:
    """The month's totals (same shape as the month close) for the dashboard."""
    with ctx.read() as session:
        return summarise(session, ctx.station_id, period)


def staff_names(ctx: Ctx) -> dict[str, str]:
    with ctx.read() as session:
        return dict(session.exec(select(Staff.id, Staff.display_name)).all())  # type: ignore[arg-type]


def station_configured(engine: Any) -> bool:
    with ctx_free_session(engine) as session:
        return session.get(Setting, "station_id") is not None


def ctx_free_session(engine: Any) -> Any:
    from sqlmodel import Session

    return Session(engine)


@dataclass(frozen=True)
class ConflictRow:
    id: str
    entity: str
    row_id: str
    record_name: str
    field: str
    local_value: str
    server_value: str
    created_at: dt.datetime


def open_conflicts(ctx: Ctx) -> list[ConflictRow]:
    """Unresolved field conflicts, grouped by record (a member's fields side by side)."""
    with ctx.read() as session:
        rows = session.exec(
            select(Conflict)
            .where(col(Conflict.resolved_at).is_(None))
            .order_by(col(Conflict.row_id), col(Conflict.field))
        ).all()
        ids = {r.row_id for r in rows if r.entity == "member"}
        names = (
            dict(session.exec(select(Member.id, Member.name).where(col(Member.id).in_(ids))).all())
            if ids
            else {}
        )  # type: ignore[arg-type]
    return [
        ConflictRow(
            r.id,
            r.entity,
            r.row_id,
            names.get(r.row_id, r.row_id[:8]),
            r.field,
            r.local_value or "",
            r.server_value or "",
            r.created_at,
        )
        for r in rows
    ]


def members_by_ids(ctx: Ctx, ids: list[str]) -> dict[str, str]:
    if not ids:
        return {}
    with ctx.read() as session:
        return dict(
            session.exec(select(Member.id, Member.name).where(col(Member.id).in_(ids))).all()
        )  # type: ignore[arg-type]


def open_station_store(path: Any) -> Any:
    """open_store, but an up-to-date file is opened without the migration check.

    Works around store.current_revision() handing a raw sqlite3 connection to alembic (which
    fails, so every existing file looks foreign); remove once store.py is fixed.
    """
    from pathlib import Path

    from alembic.runtime.migration import MigrationContext

    from ..store import head_revision, make_engine, open_store

    path = Path(path)
    if path.exists() and path.stat().st_size > 0:
        engine = make_engine(path)
        with engine.connect() as conn:
            revision = MigrationContext.configure(conn).get_current_revision()
        if revision == head_revision():
            return engine
        engine.dispose()
    return open_store(path)


def signoff_pdf_bytes(ctx: Ctx, period: str, *, campaign: str | None = None) -> bytes:
    """The sign-off sheet (签收表) of a month or a campaign, as PDF bytes."""
    from ..reports.signoff import signoff_pdf

    filters = {"campaign": campaign} if campaign else {}
    with ctx.read() as session:
        return signoff_pdf(session, ctx.station_id, period, **filters)


def monthly_pdf_bytes(ctx: Ctx, period: str) -> bytes:
    """The monthly report (月报) as PDF bytes."""
    from ..reports.monthly import monthly_pdf

    with ctx.read() as session:
        return monthly_pdf(session, ctx.station_id, period)
