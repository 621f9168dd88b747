"""Receipts (收据) as PDF, Qt-free, from the frozen content the relief service stores.

Why render from Receipt.content and nothing else: a reprint must show exactly what was issued
(不得涂改), so the renderer never looks at the current member or program rows. Formats:
"a4" (存根联 + 收执联 with a cut line), "a5" (one copy, landscape), "continuous" (241 x 93 mm
for dot-matrix printers). Every PDF embeds the shipped TrueType Chinese font.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from .fonts import register
from .layout import RED, draw_copy

try:  # the services' Cancelled when the package is there, so callers catch one type
    from ..services.errors import Cancelled
except ImportError:  # pragma: no cover - services are optional for the renderers

    class Cancelled(Exception):  # type: ignore[no-redef]  # noqa: N818
        """The user cancelled a long operation."""


__all__ = ["FORMATS", "Cancelled", "ReceiptJob", "render_receipt", "render_receipts"]

CONTINUOUS = (241 * mm, 93 * mm)
FORMATS: dict[str, str] = {
    "a4": "A4 两联（存根联、收执联）",
    "a5": "A5 横向单联",
    "continuous": "241×93 连续纸",
}
REQUIRED = (
    "number", "title", "issued_on", "union_name", "station_name", "recipient_name",
    "recipient_id_masked", "program_name", "total_fen", "amount_capitals", "verify",
)  # fmt: skip


@dataclass(frozen=True)
class ReceiptJob:
    """One receipt of a batch: its frozen content, and how this print is marked."""

    content: dict[str, Any]
    copy_label: str | None = None  # e.g. "补打（第2次）"
    void_reason: str | None = None  # not None: the receipt is void (作废)


def page_size(fmt: str) -> tuple[float, float]:
    if fmt == "a4":
        return A4
    if fmt == "a5":
        return landscape(A5)
    if fmt == "continuous":
        return CONTINUOUS
    raise ValueError(f"未知的收据格式：{fmt}（可选 {', '.join(FORMATS)}）")


def _check(content: dict[str, Any]) -> None:
    missing = [key for key in REQUIRED if key not in content]
    if missing:
        raise ValueError(f"收据内容缺少字段：{', '.join(missing)}")


def _void_overlay(c: Canvas, font: str, width: float, height: float) -> None:
    """作废 large, red, translucent and diagonal across the whole page."""
    c.saveState()
    c.setFillColorRGB(*RED)
    c.setFillAlpha(0.28)
    size = min(width, height) * 0.42
    c.translate(width / 2, height / 2)
    c.rotate(28 if width > height else 55)
    c.setFont(font, size)
    c.drawCentredString(0, -size * 0.35, "作废")
    c.restoreState()


def _cut_line(c: Canvas, font: str, width: float, y: float) -> None:
    c.saveState()
    c.setDash(4, 3)
    c.setLineWidth(0.5)
    c.setStrokeColorRGB(0.35, 0.35, 0.35)
    c.line(8 * mm, y, width / 2 - 16 * mm, y)
    c.line(width / 2 + 16 * mm, y, width - 8 * mm, y)
    c.setFillColorRGB(0.35, 0.35, 0.35)
    c.setFont(font, 8)
    c.drawCentredString(width / 2, y - 3, "沿 此 线 剪 开")
    c.restoreState()


def draw_page(c: Canvas, job: ReceiptJob, fmt: str, font: str) -> None:
    """Draw one receipt on the current page (both copies on A4) and end the page."""
    _check(job.content)
    width, height = page_size(fmt)
    kw: dict[str, Any] = {"copy_label": job.copy_label, "void_reason": job.void_reason}
    if fmt == "a4":
        margin, gap = 10 * mm, 14 * mm
        copy_h = (height - 2 * margin - gap) / 2
        upper = (margin, margin + copy_h + gap, width - 2 * margin, copy_h)
        lower = (margin, margin, width - 2 * margin, copy_h)
        draw_copy(c, job.content, font, upper, copy_name="第一联 存根联", **kw)
        _cut_line(c, font, width, margin + copy_h + gap / 2)
        draw_copy(c, job.content, font, lower, copy_name="第二联 收执联", **kw)
    elif fmt == "a5":
        draw_copy(c, job.content, font, (9 * mm, 8 * mm, width - 18 * mm, height - 16 * mm), **kw)
    else:
        # 241 mm forms carry 12.7 mm sprocket strips on each side; stay clear of them
        draw_copy(c, job.content, font, (15 * mm, 5 * mm, width - 30 * mm, height - 10 * mm), **kw)
    if job.void_reason is not None:
        _void_overlay(c, font, width, height)
    c.showPage()


def _canvas(target: Any, fmt: str, title: str) -> Canvas:
    c = Canvas(target, pagesize=page_size(fmt), pageCompression=1, initialFontName=register())
    c.setTitle(title)
    c.setAuthor("StationDesk 工会服务站工作台")
    c.setCreator("StationDesk")
    return c


def render_receipt(
    content: dict[str, Any],
    *,
    fmt: str = "a4",
    copy_label: str | None = None,
    void_reason: str | None = None,
) -> bytes:
    """One receipt as PDF bytes (for preview, printing or `stationdesk receipt pdf`)."""
    font = register()
    buffer = io.BytesIO()
    c = _canvas(buffer, fmt, f"收据 {content.get('number', '')}")
    draw_page(c, ReceiptJob(content, copy_label, void_reason), fmt, font)
    c.save()
    return buffer.getvalue()


def render_receipts(
    items: Iterable[ReceiptJob],
    out_path: str | os.PathLike[str],
    *,
    fmt: str = "a4",
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    """Many receipts in one PDF (a campaign's 300+), one page per receipt.

    progress(done, total) is called after each receipt; when cancelled() turns true the batch
    stops with Cancelled and leaves no file behind (the PDF is written to a temporary file in
    the same folder and moved into place only when complete).
    """
    jobs = list(items)
    page_size(fmt)  # reject a bad format before any work
    font = register()
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".receipts-", suffix=".pdf.part", dir=out.parent)
    os.close(fd)
    try:
        c = _canvas(tmp_name, fmt, f"收据 {len(jobs)} 张")
        total = len(jobs)
        for done, job in enumerate(jobs, start=1):
            if cancelled is not None and cancelled():
                raise Cancelled("已取消")
            draw_page(c, job, fmt, font)
            if progress is not None:
                progress(done, total)
        if cancelled is not None and cancelled():
            raise Cancelled("已取消")
        c.save()
        os.chmod(tmp_name, 0o644)  # mkstemp makes it owner-only; a printed batch is shared
        os.replace(tmp_name, out)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return out
