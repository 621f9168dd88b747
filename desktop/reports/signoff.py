"""Sign-off sheet (签收表 / 发放花名册): recipients of a campaign sign beside their amount.

Why we paginate ourselves instead of letting one long Table split: each page needs its own
subtotal (本页小计) under its rows, which finance checks page by page; with a fixed row height
the rows per page are known in advance, and every page gets the header row again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table, TableStyle
from sqlmodel import Session

from contract.idnumber import mask
from contract.money import capitals, fen_to_yuan_text

from ..models import ReliefDistribution, Station
from .cells import fitted_cell
from .common import build_pdf, period_label, styles, table_style
from .queries import issued_relief

ROW_H = 8.5 * mm
HEADER = ("序号", "姓名", "身份证号", "帮扶项目", "金额（元）", "领取人签名", "备注")
WIDTHS = tuple(w * mm for w in (11, 22, 37, 40, 24, 30, 16))  # 180 mm: A4 less 15 mm margins
FRAME_H = A4[1] - 14 * mm - 16 * mm
FIXED_H = 23 * mm + 8 * mm + ROW_H  # title and subtitle, header row, subtotal row
FOOTER_H = 2 * ROW_H + 26 * mm  # grand total rows, capitals line, signatures


@dataclass(frozen=True)
class SignoffRow:
    name: str
    id_masked: str
    program: str
    amount_fen: int
    note: str = ""


def rows_per_page() -> int:
    return int((FRAME_H - FIXED_H - 4 * mm) // ROW_H)


def paginate(rows: list[SignoffRow]) -> list[list[SignoffRow]]:
    """Rows split into pages; the last page keeps room for the grand total and signatures."""
    per_page = rows_per_page()
    pages = [rows[i : i + per_page] for i in range(0, len(rows), per_page)] or [[]]
    last_room = per_page - int(FOOTER_H // ROW_H) - 1
    if len(pages[-1]) > last_room:
        pages.append([])
    return pages


def _table(rows: list[SignoffRow], first_seq: int, subtotal: int) -> Table:
    data: list[list[object]] = [list(HEADER)]
    for seq, row in enumerate(rows, start=first_seq):
        data.append([
            str(seq),
            fitted_cell(row.name, WIDTHS[1], ROW_H, size=10, align="center"),
            fitted_cell(row.id_masked, WIDTHS[2], ROW_H, size=9, align="center"),
            fitted_cell(row.program, WIDTHS[3], ROW_H),
            fen_to_yuan_text(row.amount_fen, symbol=False),
            "",
            fitted_cell(row.note, WIDTHS[6], ROW_H, size=7.5),
        ])  # fmt: skip
    data.append(["本页小计", "", "", "", fen_to_yuan_text(subtotal, symbol=False), "", ""])
    n = len(data)
    table = Table(data, colWidths=WIDTHS, rowHeights=[8 * mm] + [ROW_H] * (n - 1), repeatRows=1)
    table.setStyle(TableStyle(table_style([
        ("ALIGN", (0, 1), (0, -1), "CENTER"),
        ("ALIGN", (4, 1), (4, -1), "RIGHT"),
        ("SPAN", (0, n - 1), (3, n - 1)),
        ("ALIGN", (0, n - 1), (3, n - 1), "CENTER"),
    ])))  # fmt: skip
    return table


def render_signoff(
    rows: list[SignoffRow],
    *,
    title: str = "帮扶资金（物资）发放签收表",
    union_name: str = "",
    station_name: str = "",
    period_text: str = "",
) -> bytes:
    """The sheet as PDF: page subtotals, grand total in figures and capitals, signatures."""
    st = styles()
    story: list[Flowable] = []
    pages = paginate(rows)
    seq = 1
    sub = "　".join(t for t in (union_name, station_name, period_text) if t) or " "
    total = sum(r.amount_fen for r in rows)
    for index, page in enumerate(pages):
        story += [Paragraph(title, st["title"]), Paragraph(sub, st["sub"]), Spacer(1, 3 * mm)]
        if page or index == 0:
            story.append(_table(page, seq, sum(r.amount_fen for r in page)))
        seq += len(page)
        if index == len(pages) - 1:
            story += _grand_total(len(rows), total)
        else:
            story.append(PageBreak())
    return build_pdf(story, title=title, footer_note=f"共 {len(rows)} 人")


def _grand_total(count: int, total: int) -> list[Flowable]:
    st = styles()
    data = [
        [f"合计（共 {count} 人）", "", "", "", fen_to_yuan_text(total, symbol=False), "", ""],
        ["合计金额（大写）", "", capitals(total), "", "", "", ""],
    ]
    table = Table(data, colWidths=WIDTHS, rowHeights=[ROW_H, ROW_H])
    table.setStyle(TableStyle(table_style([
        ("BACKGROUND", (0, 0), (-1, 0), None),
        ("SPAN", (0, 0), (3, 0)), ("ALIGN", (0, 0), (3, 0), "CENTER"),
        ("ALIGN", (4, 0), (4, 0), "RIGHT"),
        ("SPAN", (0, 1), (1, 1)), ("SPAN", (2, 1), (-1, 1)),
        ("ALIGN", (0, 1), (1, 1), "CENTER"),
    ])))  # fmt: skip
    line = (
        "经办人：＿＿＿＿＿＿　　审核人：＿＿＿＿＿＿　　负责人：＿＿＿＿＿＿　　日期：＿＿＿＿＿＿"
    )
    return [table, Spacer(1, 8 * mm), Paragraph(line, st["base"])]


def signoff_rows(
    session: Session,
    station_id: str,
    period: str | tuple[dt.date, dt.date],
    *,
    program_id: str | None = None,
    campaign: str | None = None,
) -> list[SignoffRow]:
    """Issued (not void) hand-outs of the station in the period, oldest first."""
    query = issued_relief(station_id, period, program_id=program_id)
    if campaign:
        query = query.where(ReliefDistribution.campaign == campaign)
    rows = []
    for relief, member, program in session.exec(query).all():
        note = f"含物资{fen_to_yuan_text(relief.goods_value_fen)}" if relief.goods_value_fen else ""
        rows.append(SignoffRow(member.name, mask(member.id_number), program.name,
                               relief.cash_fen + relief.goods_value_fen, note))  # fmt: skip
    return rows


def signoff_pdf(
    session: Session, station_id: str, period: str | tuple[dt.date, dt.date], **filters: str
) -> bytes:
    """Query and render in one call (for the command line)."""
    station = session.get(Station, station_id)
    rows = signoff_rows(session, station_id, period, **filters)
    title = "帮扶资金（物资）发放签收表"
    if filters.get("campaign"):
        title = f"{filters['campaign']}发放签收表"
    return render_signoff(
        rows, title=title, union_name=station.union_name if station else "",
        station_name=station.name if station else "", period_text=period_label(period),
    )  # fmt: skip
