"""Where each part of a receipt copy goes, from the box it is drawn in.

Why separate from the drawing: the geometry is the key of the shared PDF forms (equal
geometries draw identical grids), so it must be a small hashable value computed up front.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth


@dataclass(frozen=True)
class Style:
    """Sizes for one box height: generous on A4/A5, compact on continuous paper."""

    title: float
    body: float
    small: float
    top: float  # header band height
    footer: float  # signature band height
    label_w: float  # width of a label cell
    qr_col: float  # width of the QR column

    @classmethod
    def for_height(cls, height: float) -> Style:
        if height >= 110 * mm:
            return cls(18, 10.5, 8, 21 * mm, 22 * mm, 24 * mm, 36 * mm)
        return cls(14, 9, 7, 14.5 * mm, 15 * mm, 21 * mm, 30 * mm)


@dataclass(frozen=True)
class Geometry:
    """Where everything of one copy goes; equal geometries share one form."""

    x: float
    y: float
    w: float  # without the copy-name strip
    h: float
    st: Style
    copy_name: str
    rows: tuple[tuple[str, float, float], ...]  # (row kind, bottom y, height)
    grid_w: float
    table_top: float
    table_bottom: float


def geometry(
    box: tuple[float, float, float, float], copy_name: str | None, goods: int, has_note: bool
) -> Geometry:
    x, y, w, h = box
    st = Style.for_height(h)
    if copy_name:
        w -= 6 * mm
    kinds = ["who", "employer", "program", "figures", "capitals", "goods"] + (
        ["note"] if has_note else []
    )
    weights = {"goods": 1.0 + min(max(goods - 1, 0), 4) * 0.35}
    table_top, table_bottom = y + h - st.top, y + st.footer
    unit = (table_top - table_bottom) / sum(weights.get(k, 1.0) for k in kinds)
    rows = []
    top = table_top
    for kind in kinds:
        rh = unit * weights.get(kind, 1.0)
        rows.append((kind, top - rh, rh))
        top -= rh
    return Geometry(
        x, y, w, h, st, copy_name or "", tuple(rows), w - st.qr_col, table_top, table_bottom
    )


def footer_geometry(g: Geometry, font: str) -> dict[str, float]:
    st = g.st
    fh = st.footer - 2 * mm
    seal_x = g.x + g.w - fh
    thumb = fh * 0.9
    thumb_x = seal_x - 4 * mm - thumb
    part = (thumb_x - g.x - 3 * mm) * 0.27
    sign_x = g.x + 2 * part
    return {
        "base": g.y + fh / 2 - st.body * 0.35, "part": part, "sign_x": sign_x,
        "line_x": sign_x + stringWidth("领款人签名：", font, st.body),
        "thumb_x": thumb_x, "thumb_y": g.y + (fh - thumb) / 2, "thumb": thumb,
        "seal_cx": seal_x + fh / 2, "seal_cy": g.y + fh / 2, "seal_d": fh,
        "label_w": stringWidth("经办人：", font, st.body),
    }  # fmt: skip
