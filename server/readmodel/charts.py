"""Small server-drawn SVG bar charts for the console's pages (no script, no web font).

`bar_chart(items)` draws one horizontal bar per (label, value); the SVG is a string the page
embeds as it is (every label is escaped here).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from xml.sax.saxutils import escape

BAR = "#3b6ea8"
TEXT = "#222"
MUTED = "#777"


def bar_chart(
    items: Sequence[tuple[str, int]],
    *,
    title: str = "",
    fmt: Callable[[int], str] = str,
    width: int = 560,
    bar_height: int = 18,
    label_width: int = 130,
    most: int = 40,
) -> str:
    """Horizontal bars scaled to the largest value; fmt writes each value beside its bar
    (e.g. contract.money.fen_to_yuan_text for fen). Negative values draw as empty bars.
    More than `most` items (1,600 stations): the largest `most`, and a line saying how many
    more there are (the table beside the chart lists them all)."""
    rest = 0
    if len(items) > most:
        rest = len(items) - most
        items = sorted(items, key=lambda item: item[1], reverse=True)[:most]
    top = 28 if title else 8
    gap = 6
    height = top + (max(1, len(items)) + (1 if rest else 0)) * (bar_height + gap) + 8
    value_width = 110
    span = width - label_width - value_width - 16
    biggest = max([v for _label, v in items] + [1])
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}" '
        'font-family="sans-serif" font-size="13">'
    ]
    if title:
        parts.append(f'<text x="0" y="18" fill="{TEXT}" font-size="14">{escape(title)}</text>')
    if not items:
        parts.append(f'<text x="0" y="{top + 14}" fill="{MUTED}">（本月无数据）</text>')
    for i, (label, value) in enumerate(items):
        y = top + i * (bar_height + gap)
        length = 0 if value <= 0 else max(1, round(span * value / biggest))
        mid = y + bar_height * 0.72
        parts.append(
            f'<text x="{label_width - 6}" y="{mid:.1f}" text-anchor="end" fill="{TEXT}">'
            f"{escape(label)}</text>"
            f'<rect x="{label_width}" y="{y}" width="{length}" height="{bar_height}" '
            f'fill="{BAR}"><title>{escape(label)}：{escape(fmt(value))}</title></rect>'
            f'<text x="{label_width + length + 6}" y="{mid:.1f}" fill="{TEXT}">'
            f"{escape(fmt(value))}</text>"
        )
    if rest:
        last = top + len(items) * (bar_height + gap) + bar_height * 0.72
        parts.append(
            f'<text x="{label_width}" y="{last:.1f}" fill="{MUTED}">'
            f"另有 {rest} 项较小，未画出（见下表）</text>"
        )
    parts.append("</svg>")
    return "".join(parts)
