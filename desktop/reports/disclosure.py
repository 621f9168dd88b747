"""Public disclosure list (公示名单): who received aid, posted for at least 5 working days.

Why names are masked and IDs left out: the list hangs on a wall; the law (个人信息保护法) and
the aid rules ask for only what lets people object to a wrong hand-out. Members who did not
consent to disclosure are left out here, at the query, whatever the caller passed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle
from sqlmodel import Session, col

from contract.money import capitals, fen_to_yuan_text

from ..models import Member, Station
from .cells import fitted_cell
from .common import build_pdf, cn_date, mask_name, styles, table_style
from .queries import issued_relief

MIN_WORKING_DAYS = 5
ROW_H = 8 * mm
WIDTHS = tuple(w * mm for w in (14, 30, 70, 36, 30))
HEADER = ("序号", "姓名", "帮扶项目", "金额（元）", "发放日期")


@dataclass(frozen=True)
class DisclosureRow:
    name: str  # the real name: masked when rendered
    program: str
    amount_fen: int
    issued_on: dt.date | None = None


def working_days(start: dt.date, end: dt.date) -> int:
    """Monday-Friday days from start to end inclusive (public holidays are not known offline)."""
    days = (end - start).days + 1
    return sum(1 for i in range(max(days, 0)) if (start + dt.timedelta(days=i)).weekday() < 5)


def disclosure_end(start: dt.date, days: int = MIN_WORKING_DAYS) -> dt.date:
    """The last day of a disclosure that starts on start and lasts days working days."""
    day, counted = start, 0
    while True:
        if day.weekday() < 5:
            counted += 1
            if counted == days:
                return day
        day += dt.timedelta(days=1)


def render_disclosure(
    rows: list[DisclosureRow],
    *,
    start: dt.date,
    end: dt.date,
    title: str = "困难职工帮扶资金发放公示",
    union_name: str = "",
    station_name: str = "",
    contact: str = "",
) -> bytes:
    """The list as PDF; refuses a disclosure period shorter than 5 working days."""
    if working_days(start, end) < MIN_WORKING_DAYS:
        raise ValueError(
            f"公示期不少于 {MIN_WORKING_DAYS} 个工作日（{cn_date(start)}至{cn_date(end)}不足）"
        )
    st = styles()
    issuer = "　".join(t for t in (union_name, station_name) if t)
    intro = (
        f"根据困难职工帮扶工作有关规定，现将以下 {len(rows)} 名职工的帮扶资金（物资）发放情况予以公示。"
        f"公示期：{cn_date(start)}至{cn_date(end)}（{working_days(start, end)} 个工作日）。"
        "公示期内如有异议，请向本站实名反映"
        + (f"，联系电话：{contact}。" if contact else "。")
    )  # fmt: skip
    data: list[list[object]] = [list(HEADER)]
    for seq, row in enumerate(rows, start=1):
        data.append([
            str(seq), mask_name(row.name), fitted_cell(row.program, WIDTHS[2], ROW_H),
            fen_to_yuan_text(row.amount_fen, symbol=False),
            row.issued_on.isoformat() if row.issued_on else "",
        ])  # fmt: skip
    total = sum(r.amount_fen for r in rows)
    data.append(["合计", "", capitals(total), fen_to_yuan_text(total, symbol=False), ""])
    table = Table(data, colWidths=WIDTHS, rowHeights=ROW_H, repeatRows=1)
    table.setStyle(TableStyle(table_style([
        ("ALIGN", (0, 1), (1, -1), "CENTER"), ("ALIGN", (3, 1), (3, -1), "RIGHT"),
        ("ALIGN", (4, 1), (4, -1), "CENTER"), ("SPAN", (0, -1), (1, -1)),
    ])))  # fmt: skip
    story: list[Flowable] = [
        Paragraph(title, st["title"]),
        Spacer(1, 4 * mm),
        Paragraph(intro, st["base"]),
        Spacer(1, 4 * mm),
        table,
        Spacer(1, 10 * mm),
        Paragraph(issuer, st["right"]),
        Paragraph(cn_date(start), st["right"]),
    ]
    return build_pdf(
        story, title=title, footer_note=f"公示期：{start.isoformat()} 至 {end.isoformat()}"
    )


def disclosure_rows(
    session: Session,
    station_id: str,
    period: str | tuple[dt.date, dt.date],
    *,
    program_id: str | None = None,
) -> list[DisclosureRow]:
    """Issued hand-outs in the period to members who consented to disclosure (公示同意)."""
    query = issued_relief(station_id, period, program_id=program_id).where(
        col(Member.consent_disclosure_on).is_not(None)
    )
    return [
        DisclosureRow(member.name, program.name, r.cash_fen + r.goods_value_fen, r.issued_on)
        for r, member, program in session.exec(query).all()
    ]


def disclosure_pdf(
    session: Session,
    station_id: str,
    period: str | tuple[dt.date, dt.date],
    *,
    start: dt.date,
    end: dt.date | None = None,
    program_id: str | None = None,
) -> bytes:
    """Query and render (end defaults to 5 working days after start)."""
    station = session.get(Station, station_id)
    rows = disclosure_rows(session, station_id, period, program_id=program_id)
    return render_disclosure(
        rows, start=start, end=end or disclosure_end(start),
        union_name=station.union_name if station else "",
        station_name=station.name if station else "", contact=station.phone if station else "",
    )  # fmt: skip
