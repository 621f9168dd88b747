"""Reading hardship files: the list with filters, one file with its hand-outs and history, the
annual reviews due, and the check a fund program makes (an active file of given categories)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session, col, func, or_, select

from contract import hardship as hr
from contract import idnumber as idn

from ..models import FundProgram, Member, ReliefDistribution, Staff
from ..models.hardship import HardshipFile
from .context import Ctx
from .errors import NotFound
from .hardship_rule import assess


@dataclass(frozen=True)
class FileRow:
    id: str
    member_id: str
    name: str
    id_masked: str
    file_no: str
    status: str
    category: str
    size: int
    review_due: dt.date | None

    @property
    def status_label(self) -> str:
        return hr.STATUS_LABELS.get(self.status, self.status)

    @property
    def category_label(self) -> str:
        return hr.CATEGORY_LABELS.get(self.category, self.category)


@dataclass(frozen=True)
class FileView:
    file: HardshipFile
    member: Member
    arithmetic: tuple[str, ...]
    handouts: list[tuple[ReliefDistribution, str]]  # with the program's name
    staff: dict[str, str]  # staff id -> display name, for the history


def _rows(session: Session, query: object) -> list[FileRow]:
    out = []
    for file, member in session.exec(query):  # type: ignore[call-overload]
        out.append(
            FileRow(
                file.id,
                member.id,
                member.name,
                idn.mask(member.id_number),
                file.file_no,
                file.status,
                file.category,
                len(file.household),
                file.review_due,
            )
        )
    return out


def _base(ctx: Ctx):  # type: ignore[no-untyped-def]
    return (
        select(HardshipFile, Member)
        .join(Member, col(Member.id) == HardshipFile.member_id)
        .where(HardshipFile.station_id == ctx.station_id, col(HardshipFile.deleted).is_(False))
    )


def list_files(
    ctx: Ctx, *, category: str | None = None, status: str | None = None
) -> list[FileRow]:
    query = _base(ctx)
    if category:
        query = query.where(HardshipFile.category == category)
    if status:
        query = query.where(HardshipFile.status == status)
    with ctx.read() as session:
        return _rows(session, query.order_by(col(HardshipFile.applied_on).desc()))


def reviews_due(ctx: Ctx, *, within_days: int = 30) -> list[FileRow]:
    """Established files whose annual review falls within the next days (or is overdue)."""
    until = ctx.today + dt.timedelta(days=within_days)
    query = _base(ctx).where(
        HardshipFile.status == hr.ESTABLISHED, col(HardshipFile.review_due) <= until
    )
    with ctx.read() as session:
        return _rows(session, query.order_by(col(HardshipFile.review_due)))


def file_of_member(ctx: Ctx, member_id: str) -> HardshipFile | None:
    with ctx.read() as session:
        return session.exec(
            select(HardshipFile).where(
                HardshipFile.member_id == member_id, col(HardshipFile.deleted).is_(False)
            )
        ).first()


def get_file(ctx: Ctx, file_id: str) -> FileView:
    """One file, its arithmetic as last assessed, and every hand-out to the household."""
    with ctx.read() as session:
        file = session.get(HardshipFile, file_id)
        if file is None or file.deleted or file.station_id != ctx.station_id:
            raise NotFound("困难职工档案不存在或不属于本站")
        member = session.get(Member, file.member_id)
        if member is None:
            raise NotFound("档案户主（会员）不存在")
        handouts = session.exec(
            select(ReliefDistribution, FundProgram.name)
            .join(FundProgram, col(FundProgram.id) == ReliefDistribution.program_id)
            .where(
                or_(
                    ReliefDistribution.hardship_file_id == file.id,
                    ReliefDistribution.member_id == file.member_id,
                )
            )
            .order_by(col(ReliefDistribution.issued_on))
        ).all()
        ids = {step.get("by") for step in file.steps} - {""}
        staff = {
            s.id: s.display_name
            for s in session.exec(select(Staff).where(col(Staff.id).in_(ids))).all()
        }
    arithmetic = assess(file, file.standard_fen).lines if file.standard_fen else ()
    return FileView(file, member, arithmetic, [(r, n) for r, n in handouts], staff)


def active_file(session: Session, member_id: str) -> HardshipFile | None:
    """The member's file in force (建档, not closed), if any."""
    return session.exec(
        select(HardshipFile).where(
            HardshipFile.member_id == member_id,
            HardshipFile.status == hr.ESTABLISHED,
            col(HardshipFile.deleted).is_(False),
        )
    ).first()


def file_requirement(session: Session, member: Member, program: FundProgram) -> str | None:
    """Why a program requiring an active file of given categories refuses this member."""
    wanted = [c for c in (program.requires_file or []) if c in hr.CATEGORY_LABELS]
    if not wanted:
        return None
    file = active_file(session, member.id)
    if file is not None and file.category in wanted:
        return None
    labels = "、".join(hr.CATEGORY_LABELS[c] for c in wanted)
    held = (
        f"其档案类别为{hr.CATEGORY_LABELS.get(file.category, file.category)}"
        if file
        else "没有在册的困难职工档案"
    )
    return f"“{program.name}”只发给{labels}的建档职工，{member.name}{held}"


def published_in(ctx: Ctx, period: str) -> list[str]:
    """Real names of the heads whose file was put to 公示 in a month (masked when printed)."""
    return [str(row["name"]) for row in notice_rows(ctx, period, consented_only=False)]


def notice_rows(ctx: Ctx, period: str, *, consented_only: bool = True) -> list[dict[str, object]]:
    """The 公示 list of a month: heads who consented to disclosure (公示同意), as the relief
    disclosure list has it; the printed list masks the names."""
    query = (
        select(Member, HardshipFile)
        .join(HardshipFile, col(HardshipFile.member_id) == Member.id)
        .where(
            HardshipFile.station_id == ctx.station_id,
            HardshipFile.publish_period == period,
            col(HardshipFile.deleted).is_(False),
        )
    )
    if consented_only:
        query = query.where(col(Member.consent_disclosure_on).is_not(None))
    with ctx.read() as session:
        pairs = session.exec(query.order_by(col(HardshipFile.applied_on))).all()
    return [
        {"name": m.name, "employer": m.employer, "size": len(f.household),
         "category": hr.CATEGORY_LABELS.get(f.category, f.category)}
        for m, f in pairs
    ]  # fmt: skip


def ledger_rows(ctx: Ctx) -> list[dict[str, object]]:
    """One row per file for the .xlsx ledger (the ID number masked by the writer)."""
    from .hardship_rule import figures

    with ctx.read() as session:
        pairs = session.exec(_base(ctx).order_by(col(HardshipFile.file_no))).all()
        paid = dict(
            session.exec(
                select(
                    ReliefDistribution.hardship_file_id,
                    func.sum(ReliefDistribution.cash_fen + ReliefDistribution.goods_value_fen),
                )
                .where(ReliefDistribution.status == "issued")
                .group_by(ReliefDistribution.hardship_file_id)
            ).all()
        )
    out: list[dict[str, object]] = []
    for file, member in pairs:
        money = figures(file, file.standard_fen)
        causes = "、".join(hr.CAUSES[c] for c in (file.cause_main, file.cause_secondary) if c)
        out.append(
            {
                "file_no": file.file_no, "name": member.name, "id_number": member.id_number,
                "category": hr.CATEGORY_LABELS[file.category],
                "status": hr.STATUS_LABELS[file.status], "size": len(file.household),
                "income_fen": money.annual_income_fen, "rigid_fen": money.rigid_fen,
                "causes": causes, "applied_on": file.applied_on,
                "established_on": file.established_on, "review_due": file.review_due,
                "closed_on": file.closed_on, "close_reason": file.close_reason,
                "paid_fen": int(paid.get(file.id) or 0),
            }
        )  # fmt: skip
    return out
