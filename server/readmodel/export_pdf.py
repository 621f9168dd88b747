"""The PDF of 月度汇总 (landscape A4), laid out like the station's printed lists."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from contract.fonts import register

from .export import (
    CASE_HEAD,
    CASE_MONEY,
    HARDSHIP_HEAD,
    MEMBER_HEAD,
    MONEY_COLUMNS,
    PROGRAM_HEAD,
    STATION_HEAD,
    case_rows,
    counted_rows,
    hardship_rows,
    program_rows,
    station_rows,
    title_of,
    yuan_cells,
)
from .queries import Monthly

GRID = colors.Color(0.2, 0.2, 0.2)
HEAD_BG = colors.Color(0.9, 0.9, 0.9)
WORK = 12  # STATION_HEAD[:WORK]: the workload table; the receipts get their own


class _Numbered(Canvas):
    """第 x 页 共 y 页 at the foot of every page, once the page count is known."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["initialFontName"] = kwargs.get("initialFontName") or register()
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self.setFont(register(), 8.5)
            self.setFillColor(colors.Color(0.3, 0.3, 0.3))
            self.drawCentredString(self._pagesize[0] / 2, 8 * mm, f"第 {number} 页  共 {total} 页")
            super().showPage()
        super().save()


def _styles() -> dict[str, ParagraphStyle]:
    font = register()
    base = ParagraphStyle("base", fontName=font, fontSize=10, leading=13, wordWrap="CJK")
    return {
        "title": ParagraphStyle("title", base, fontSize=17, leading=22, alignment=TA_CENTER),
        "sub": ParagraphStyle("sub", base, fontSize=10, leading=14, alignment=TA_CENTER),
        "h2": ParagraphStyle(
            "h2", base, fontSize=12, leading=16, spaceBefore=8, spaceAfter=4, keepWithNext=1
        ),
        "cell": ParagraphStyle("cell", base, fontSize=8.5, leading=10.5),
    }


def _table(
    head: list[str],
    rows: list[list[str]],
    cell: ParagraphStyle,
    total: bool,
    widths: list[float],
    first: int = 1,
) -> Table:
    """Columns from `first` on hold figures: right-aligned, as the station's lists print them.
    widths in mm: fixed, so one long cell (a month's voided receipt numbers) wraps instead of
    squeezing the other columns to nothing."""
    number = ParagraphStyle("number", cell, alignment=TA_RIGHT)
    data = [[Paragraph(h, cell) for h in head]] + [
        [Paragraph(c, number if i >= first else cell) for i, c in enumerate(r)] for r in rows
    ]
    style = [
        ("FONTNAME", (0, 0), (-1, -1), register()),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    if total and rows:
        style.append(("BACKGROUND", (0, -1), (-1, -1), colors.Color(0.96, 0.96, 0.96)))
    return Table(
        data,
        colWidths=[w * mm for w in widths],
        repeatRows=1,
        style=TableStyle(style),
        hAlign="LEFT",
    )


def render(m: Monthly) -> bytes:
    st = _styles()
    district = not m.station_id
    rows = station_rows(m)
    work = [yuan_cells(r[:WORK], MONEY_COLUMNS) for r in rows]
    receipts = [[f"{r[1]}（{r[0]}）" if r[0] else r[1], *map(str, r[WORK:])] for r in rows]
    programs = [yuan_cells(r, {3, 4, 5}) for r in program_rows(m.total)]
    visits, members = counted_rows(m.total)
    today = dt.datetime.now(dt.UTC).date()
    story: list[Any] = [
        Paragraph(title_of(m), st["title"]),
        Paragraph(f"制表日期：{today.year}年{today.month}月{today.day}日　金额单位：元", st["sub"]),
        Spacer(1, 4 * mm),
        Paragraph("一、各服务站工作量" if district else "一、工作量", st["h2"]),
        _table(STATION_HEAD[:WORK], work, st["cell"], district, [24, 32, 16] + [21.6] * 9, 3),
        Paragraph("二、帮扶资金发放（按项目）", st["h2"]),
        _table(PROGRAM_HEAD, programs, st["cell"], True, [30, 65, 40, 44, 44, 44], 2),
        Paragraph("三、走访（按类型）", st["h2"]),
        _table(
            ["走访类型", "次数"],
            [[a, str(b)] for a, b in visits] or [["无", "0"]],
            st["cell"],
            False,
            [60, 30],
        ),
        Paragraph("四、新会员（按职业群体）", st["h2"]),
        _table(
            MEMBER_HEAD,
            [[a, str(b), str(c)] for a, b, c in members] or [["无", "0", "0"]],
            st["cell"],
            False,
            [60, 30, 30],
        ),
        Paragraph("五、维权个案（劳资纠纷调解）", st["h2"]),
        _table(
            CASE_HEAD,
            [yuan_cells(r, CASE_MONEY) for r in case_rows(m)],
            st["cell"],
            district,
            [50, 25, 25, 30, 25, 25, 40],
        ),
        Paragraph("六、困难职工档案", st["h2"]),
        _table(
            HARDSHIP_HEAD,
            [[str(c) for c in r] for r in hardship_rows(m)],
            st["cell"],
            district,
            [50.0] + [24.0] * (len(HARDSHIP_HEAD) - 1),
        ),
        Paragraph("七、收据号段与作废", st["h2"]),
        _table(
            ["服务站", *STATION_HEAD[WORK:]],
            receipts,
            st["cell"],
            district,
            [50, 18, 46, 46, 107],
            99,
        ),
        Spacer(1, 6 * mm),
        Paragraph(
            "一表中标“日志”的调解件数、涉及职工与追回金额取自服务站工作日志；"
            "五表的维权个案取自个案记录。两者分列，不相加。",
            st["cell"],
        ),
    ]
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=landscape(A4),
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=14 * mm,
        bottomMargin=16 * mm,
        title=title_of(m),
    )
    doc.build(story, canvasmaker=_Numbered)
    return out.getvalue()
