"""The data half of `--smoke` (no Qt): a receipt rendered to PDF, on a new or an existing file.

`python -m desktop --smoke` (and the bundle's `stationdesk --smoke`) opens the window on a
throwaway (encrypted) database and then calls new_station_receipt() on it; `--smoke --db FILE`
with a login (STATIONDESK_USER / STATIONDESK_PASSWORD) unlocks, migrates (a plain file is
encrypted first) and calls existing_station_check() on it, which writes nothing else.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from contract.enums import Role

from . import keys
from .models import Member, Receipt, ReliefDistribution, Visit
from .receipts import render_receipt
from .services import members, programs, relief, staff, unlock
from .services.context import Actor, Ctx
from .services.fakedata import fake_members
from .services.uow import canonical_hash
from .store import current_revision, is_plain, make_engine


class SmokeError(Exception):
    """A smoke check failed; the message says which."""


Login = tuple[str, str]
SMOKE_LOGIN: Login = ("smoke", "smoke123")  # the throwaway station's head (ui.app.prepare_smoke)


def _open(db_path: Path, login: Login | None) -> Any:
    """The engine on the file: unlocked by the login, or a plain file as it is."""
    if login is None:
        return make_engine(db_path)
    return unlock.open_with_login(db_path, *login, sleep=False).engine


def encryption_fact(db_path: Path) -> str:
    """Proof the file on disk is SQLCipher's, not plain SQLite: its header and the cipher."""
    from sqlcipher3 import dbapi2

    if is_plain(db_path):
        raise SmokeError(f"{db_path.name} 未加密")
    con = dbapi2.connect(":memory:")
    try:
        version = con.execute("PRAGMA cipher_version").fetchone()[0]
    finally:
        con.close()
    return f"encrypted (SQLCipher {version})"


@dataclass(frozen=True)
class ReceiptCheck:
    number: str
    pdf_bytes: int


@dataclass(frozen=True)
class DocumentsCheck:
    """The month's other documents, made from the same data (reportlab charts, openpyxl)."""

    monthly_pdf_bytes: int
    signoff_pdf_bytes: int
    ledger_xlsx_bytes: int


@dataclass(frozen=True)
class StationCheck:
    revision: str | None
    members: int
    relief: int
    receipts: int
    visits: int
    receipt: ReceiptCheck | None


def _pdf(
    content: dict[str, Any], copy_label: str | None = None, void_reason: str | None = None
) -> int:
    data = render_receipt(content, copy_label=copy_label, void_reason=void_reason)
    size = _is_pdf(data, f"收据 {content.get('number')} ")
    _print_copy(data, f"收据 {content.get('number')} ")
    return size


def _print_copy(data: bytes, what: str) -> None:
    """What preview and printing draw: the page through PDFium (the bundled libpdfium loads),
    and the print copy made of it."""
    from .receipts.printcopy import print_copy

    copy = print_copy(data, dpi=72)
    if not copy.startswith(b"%PDF-") or len(copy) < 2000:
        raise SmokeError(f"{what}无法渲染为打印页")


def _is_pdf(data: bytes, what: str) -> int:
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-64:]:
        raise SmokeError(f"{what}生成的不是完整的 PDF")
    return len(data)


def _head(ctx: Ctx) -> Ctx:
    heads = [s for s in staff.list_staff(ctx) if s.active and s.role == Role.STATION_HEAD]
    if not heads:
        raise SmokeError("冒烟测试数据库里没有站长账号")
    return ctx.as_actor(Actor.of(heads[0]))


def new_station_receipt(db_path: Path, login: Login | None = SMOKE_LOGIN) -> ReceiptCheck:
    """On a set-up throwaway station: one program, one fake member, one relief issue, its
    receipt recorded as printed and rendered to PDF in memory."""
    engine = _open(db_path, login)
    try:
        ctx = _head(staff.local_context(engine))
        today = ctx.today
        program = programs.add_program(
            ctx,
            programs.ProgramInput(
                "SMOKE", today.year, f"{today.year}年冒烟测试生活救助", "living", "测试资金"
            ),
        )
        person = next(fake_members(1, seed=dt.date.today().toordinal(), today=today))
        member = members.add_member(
            ctx,
            members.MemberInput(
                name=person["name"],
                id_number=person["id_number"],
                phone=person["phone"],
                employer=person["employer"],
            ),
        )
        _, receipt = relief.issue(
            ctx,
            relief.ReliefInput(
                member.id,
                program.id,
                cash_fen=50000,
                goods=[relief.GoodsLine("大米", 1, "袋", 12000)],
            ),
        )
        job = relief.record_print(ctx, receipt.id)
        size = _pdf(job.content, copy_label=job.copy_label, void_reason=job.void_reason)
        return ReceiptCheck(job.number, size)
    finally:
        engine.dispose()


def month_documents(db_path: Path, login: Login | None = SMOKE_LOGIN) -> DocumentsCheck:
    """This month's report, sign-off sheet and relief ledger (.xlsx, beside the database)."""
    from .reports.ledger_queries import export_ledger
    from .reports.monthly import monthly_pdf
    from .reports.signoff import signoff_pdf

    engine = _open(db_path, login)
    try:
        ctx = staff.local_context(engine)
        period = ctx.today.strftime("%Y-%m")
        with ctx.read() as session:
            monthly = _is_pdf(monthly_pdf(session, ctx.station_id, period), "月报")
            signoff = _is_pdf(signoff_pdf(session, ctx.station_id, period), "签收表")
            xlsx = export_ledger(
                session, ctx.station_id, "relief", period, db_path.parent / "smoke-ledger.xlsx"
            )
        if not xlsx.read_bytes().startswith(b"PK"):
            raise SmokeError("台账生成的不是 .xlsx 文件")
        return DocumentsCheck(monthly, signoff, xlsx.stat().st_size)
    finally:
        engine.dispose()


def _count(session: Session, table: type) -> int:
    return int(session.exec(select(func.count()).select_from(table)).one())


def existing_station_check(db_path: Path, login: Login | None = None) -> StationCheck:
    """Read an (already migrated) station file: row counts, and the latest receipt's frozen
    content checked against its hash and rendered to PDF in memory (nothing is recorded but
    the login's audit row)."""
    engine = _open(db_path, login)
    ring = keys.ring_of(engine)
    key = ring.data_key if ring is not None else None
    try:
        with Session(engine) as session:
            latest = session.exec(
                select(Receipt).order_by(col(Receipt.issued_on).desc(), col(Receipt.serial).desc())
            ).first()
            check = None
            if latest is not None:
                if canonical_hash(latest.content) != latest.content_hash:
                    raise SmokeError(f"收据 {latest.number} 的内容与签发时的校验值不一致")
                void = latest.void_reason if latest.voided else None
                check = ReceiptCheck(latest.number, _pdf(dict(latest.content), void_reason=void))
            return StationCheck(
                revision=current_revision(Path(db_path), key),
                members=_count(session, Member),
                relief=_count(session, ReliefDistribution),
                receipts=_count(session, Receipt),
                visits=_count(session, Visit),
                receipt=check,
            )
    finally:
        engine.dispose()
