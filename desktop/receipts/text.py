"""Fitting Chinese text into boxes on a reportlab canvas: shrink first, then wrap.

Why our own and not platypus Paragraph: a receipt draws a few dozen short strings into fixed
cells, and 500 receipts must render in well under 1.5 s. Measuring with stringWidth and
breaking between CJK characters (never inside an ASCII run such as ¥1,234.50) is all the
cells need, and a fraction of Paragraph's cost. Reports with long tables use platypus.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

# an ASCII run (kept whole) or any single other character
_TOKEN = re.compile(r"[!-~¥]+|\s|.", re.S)
# characters that must not start a line (避头): closing punctuation
_NO_START = set("，。、；：！？）》」』】〕…—,.;:!?)%")

LEADING = 1.25


@dataclass(frozen=True)
class Fitted:
    size: float
    lines: tuple[str, ...]


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Break text into lines no wider than width (a single over-long token is split)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for token in _TOKEN.findall(paragraph):
            candidate = line + token
            if stringWidth(candidate, font, size) <= width or not line:
                line = candidate
                continue
            if token[0] in _NO_START and len(line) > 1:
                # carry the last character down with the punctuation
                lines.append(line[:-1])
                line = line[-1] + token
                continue
            lines.append(line.rstrip())
            line = token.lstrip()
        # a token wider than the box on its own: split it by characters
        while line and stringWidth(line, font, size) > width and len(line) > 1:
            cut = len(line)
            while cut > 1 and stringWidth(line[:cut], font, size) > width:
                cut -= 1
            lines.append(line[:cut])
            line = line[cut:]
        lines.append(line)
    return lines


@lru_cache(maxsize=2048)
def fit(
    text: str,
    font: str,
    size: float,
    width: float,
    height: float,
    *,
    min_size: float = 5.0,
    max_lines: int | None = None,
) -> Fitted:
    """The largest size (stepping down by 0.5 pt) at which text fits the box, wrapped.

    At min_size the text is wrapped into as many lines as it needs, so nothing is ever dropped;
    callers size their boxes so that this does not overflow for realistic data. Cached: labels
    repeat on every receipt, and an A4 page draws each value twice.
    """
    current = size
    while True:
        lines = wrap(text, font, current, width)
        allowed = max(1, int(height // (current * LEADING)))
        if max_lines is not None:
            allowed = min(allowed, max_lines)
        if len(lines) <= allowed or current <= min_size:
            return Fitted(current, tuple(lines))
        current = max(min_size, current - 0.5)


def draw_fitted(
    c: Canvas,
    text: str,
    font: str,
    x: float,
    y: float,
    width: float,
    height: float,
    *,
    size: float,
    min_size: float = 5.0,
    align: str = "left",
    max_lines: int | None = None,
) -> Fitted:
    """Draw text inside the box (x, y bottom-left; width, height), centred vertically."""
    fitted = fit(text, font, size, width, height, min_size=min_size, max_lines=max_lines)
    leading = fitted.size * LEADING
    block = leading * (len(fitted.lines) - 1) + fitted.size
    # baseline of the first line: the block centred in the box; 0.8 of the size is above it
    top = y + height / 2 + block / 2
    baseline = top - fitted.size * 0.88
    c.setFont(font, fitted.size)
    for line in fitted.lines:
        if align == "center":
            c.drawCentredString(x + width / 2, baseline, line)
        elif align == "right":
            c.drawRightString(x + width, baseline, line)
        else:
            c.drawString(x, baseline, line)
        baseline -= leading
    return fitted


def shrink_to_width(
    text: str, font: str, size: float, width: float, min_size: float = 4.0
) -> float:
    """The size at which a one-line text fits width (for numbers and titles that never wrap)."""
    measured = stringWidth(text, font, size)
    if measured <= width:
        return size
    return max(min_size, size * width / measured * 0.999)
