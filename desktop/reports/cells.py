"""Table cells that always fit: a Paragraph whose size is chosen so the text fits the cell.

Why: rows of a sign-off sheet have a fixed height (so pages can be counted and subtotalled
in advance); a long name or program must shrink or wrap inside its cell, never spill or be cut.
"""

from __future__ import annotations

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from ..receipts.fonts import register
from ..receipts.text import LEADING, fit

_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}
_STYLES: dict[tuple[float, str], ParagraphStyle] = {}
PAD = 4.0  # reportlab's default cell padding is 3 pt a side; keep a point spare


def _style(size: float, align: str) -> ParagraphStyle:
    key = (size, align)
    if key not in _STYLES:
        _STYLES[key] = ParagraphStyle(
            f"cell-{size}-{align}", fontName=register(), fontSize=size,
            leading=size * LEADING, alignment=_ALIGN[align], wordWrap="CJK",
        )  # fmt: skip
    return _STYLES[key]


def fitted_cell(
    text: str, width: float, height: float, *, size: float = 9, align: str = "left"
) -> Paragraph:
    """A Paragraph sized to fit width x height (points, the cell's outer size)."""
    inner_w, inner_h = width - 2 * PAD, height - 2 * PAD + 2
    fitted = fit(text, register(), size, inner_w, inner_h, min_size=5)
    escaped = "<br/>".join(
        line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        for line in fitted.lines
    )
    return Paragraph(escaped, _style(fitted.size, align))
