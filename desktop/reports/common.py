"""Shared pieces of the printed lists: font, styles, page frame, name masking, periods.

Why a page-numbering canvas: a sign-off sheet handed to finance must say 第 x 页 共 y 页, so a
missing page is noticed; reportlab only knows y after the last page, hence the deferred draw.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate

from ..receipts.fonts import register

GRID = colors.Color(0.2, 0.2, 0.2)
HEAD_BG = colors.Color(0.9, 0.9, 0.9)


def mask_name(name: str) -> str:
    """张三丰 -> 张*丰, 张三 -> 张*, 欧阳娜娜 -> 欧**娜: for lists posted on a wall (公示)."""
    name = (name or "").strip()
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


def period_range(period: str | tuple[dt.date, dt.date]) -> tuple[dt.date, dt.date]:
    """A period as [start, end) dates: "2026-11" (a month), "2026" (a year) or (start, end).

    A tuple is taken as inclusive dates, as a person types them, and returned half-open.
    """
    if isinstance(period, tuple):
        start, last = period
        return start, last + dt.timedelta(days=1)
    text = period.strip()
    if len(text) == 4 and text.isdigit():
        return dt.date(int(text), 1, 1), dt.date(int(text) + 1, 1, 1)
    year, month = int(text[:4]), int(text[5:7])
    start = dt.date(year, month, 1)
    return start, (start + dt.timedelta(days=32)).replace(day=1)


def period_label(period: str | tuple[dt.date, dt.date]) -> str:
    start, end = period_range(period)
    last = end - dt.timedelta(days=1)
    if isinstance(period, str) and len(period.strip()) == 4:
        return f"{start.year}年"
    if isinstance(period, str):
        return f"{start.year}年{start.month}月"
    return f"{cn_date(start)}至{cn_date(last)}"


def cn_date(day: dt.date | str | None) -> str:
    if day is None or day == "":
        return ""
    if isinstance(day, str):
        day = dt.date.fromisoformat(day[:10])
    return f"{day.year}年{day.month}月{day.day}日"


def styles() -> dict[str, ParagraphStyle]:
    font = register()
    base = ParagraphStyle("base", fontName=font, fontSize=10, leading=13, wordWrap="CJK")
    return {
        "base": base,
        "title": ParagraphStyle("title", base, fontSize=17, leading=22, alignment=TA_CENTER),
        "sub": ParagraphStyle("sub", base, fontSize=10, leading=14, alignment=TA_CENTER),
        "h2": ParagraphStyle("h2", base, fontSize=12, leading=16, spaceBefore=8, spaceAfter=4),
        "cell": ParagraphStyle("cell", base, fontSize=9, leading=11),
        "small": ParagraphStyle("small", base, fontSize=8.5, leading=11),
        "right": ParagraphStyle("right", base, fontSize=11, leading=16, alignment=TA_RIGHT),
    }


def table_style(extra: Sequence[tuple[Any, ...]] = ()) -> list[tuple[Any, ...]]:
    font = register()
    return [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        *extra,
    ]


class _NumberedCanvas(Canvas):
    """Canvas that writes 第 x 页 共 y 页 (and a footer note) once the page count is known."""

    footer_note = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # platypus passes initialFontName=None, which would put Helvetica (not embedded) on every page
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
            width = self._pagesize[0]
            self.setFont(register(), 8.5)
            self.setFillColor(colors.Color(0.3, 0.3, 0.3))
            self.drawCentredString(width / 2, 8 * mm, f"第 {number} 页  共 {total} 页")
            if self.footer_note:
                self.drawRightString(width - 15 * mm, 8 * mm, self.footer_note)
            super().showPage()
        super().save()


def build_pdf(
    story: list[Flowable],
    *,
    title: str,
    pagesize: tuple[float, float] = A4,
    footer_note: str = "",
    margins: tuple[float, float, float, float] = (15 * mm, 15 * mm, 14 * mm, 16 * mm),
) -> bytes:
    """Lay out a story on numbered pages and return the PDF; margins: left, right, top, bottom."""
    register()
    buffer = io.BytesIO()
    left, right, top, bottom = margins
    doc = SimpleDocTemplate(
        buffer, pagesize=pagesize, leftMargin=left, rightMargin=right, topMargin=top,
        bottomMargin=bottom, title=title, author="StationDesk 工会服务站工作台",
    )  # fmt: skip
    canvas_class = type("_Canvas", (_NumberedCanvas,), {"footer_note": footer_note})
    doc.build(story, canvasmaker=canvas_class)
    return buffer.getvalue()
