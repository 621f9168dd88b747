"""One copy of a receipt drawn into a box on a canvas: the part every format shares.

Why one box-relative layout: the A4 stub and counterfoil, the A5 single copy and the
241 x 93 mm continuous form differ only in the box size, so a single function keeps the three
formats consistent; sizes step down for the short continuous form (the Style below).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from ..models.money import fen_to_yuan_text
from .qr import draw_qr
from .text import draw_fitted, shrink_to_width

RED = (0.78, 0.1, 0.1)
GREY = (0.45, 0.45, 0.45)


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


def date_text(iso: str) -> str:
    """2026-11-20 -> 2026年11月20日 (the form a finance office expects)."""
    try:
        year, month, day = (int(part) for part in iso.split("-"))
    except ValueError:
        return iso
    return f"{year}年{month}月{day}日"


def _quantity(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:g}" if isinstance(value, float) else str(value)


def goods_lines(content: dict[str, Any]) -> list[str]:
    return [
        f"{g.get('item', '')} {_quantity(g.get('quantity', ''))}{g.get('unit', '')} "
        f"{fen_to_yuan_text(int(g.get('value_fen', 0)))}"
        for g in content.get("goods") or []
    ]


def _text(c: Canvas, font: str, size: float, x: float, y: float, text: str) -> None:
    c.setFont(font, size)
    c.drawString(x, y, text)


def _stamp_label(c: Canvas, font: str, text: str, x: float, y: float, size: float) -> float:
    """A red boxed label (补打 / 作废) with its left edge at x; returns its width."""
    width = stringWidth(text, font, size) + size
    c.saveState()
    c.setStrokeColorRGB(*RED)
    c.setFillColorRGB(*RED)
    c.setLineWidth(1)
    c.rect(x, y - size * 0.35, width, size * 1.5, stroke=1, fill=0)
    c.setFont(font, size)
    c.drawString(x + size / 2, y, text)
    c.restoreState()
    return width


def draw_copy(
    c: Canvas,
    content: dict[str, Any],
    font: str,
    box: tuple[float, float, float, float],
    *,
    copy_name: str | None = None,
    copy_label: str | None = None,
    void_reason: str | None = None,
) -> None:
    """Draw one copy of the receipt inside box = (x, y, width, height)."""
    x, y, w, h = box
    st = Style.for_height(h)
    c.setLineWidth(0.6)
    c.setStrokeColorRGB(0, 0, 0)
    c.setFillColorRGB(0, 0, 0)

    # copy name printed vertically in a strip at the right (第一联 存根联)
    if copy_name:
        strip = 6 * mm
        w -= strip
        chars = [ch for ch in copy_name if not ch.isspace()]
        size = min(st.body, (h - 4 * mm) / max(1, len(chars)) / 1.15)
        c.setFont(font, size)
        top = y + h / 2 + len(chars) * size * 1.15 / 2 - size
        for i, ch in enumerate(chars):
            c.drawCentredString(x + w + strip / 2 + 0.5 * mm, top - i * size * 1.15, ch)

    # header band: label slot (left), title (centre), number (right), then issuer and date
    top_y = y + h
    title_base = top_y - st.title * 1.05
    number = f"No. {content['number']}"
    number_size = shrink_to_width(number, font, st.body, w * 0.3)
    number_w = stringWidth(number, font, number_size)
    c.setFillColorRGB(*RED)
    c.setFont(font, number_size)
    c.drawRightString(x + w, title_base, number)
    c.setFillColorRGB(0, 0, 0)
    labels = [t for t in (copy_label, "作废" if void_reason is not None else None) if t]
    label_x = x
    label_size = st.small + 1
    for text in labels:
        label_x += _stamp_label(c, font, text, label_x, title_base, label_size) + 2 * mm
    side = max(number_w, label_x - x) + 3 * mm
    title = content["title"]
    title_size = shrink_to_width(title, font, st.title, w - 2 * side)
    c.setFont(font, title_size)
    c.drawCentredString(x + w / 2, title_base, title)
    title_w = stringWidth(title, font, title_size)
    rule_y = title_base - 2.2
    c.line(x + w / 2 - title_w / 2, rule_y, x + w / 2 + title_w / 2, rule_y)
    c.line(x + w / 2 - title_w / 2, rule_y - 1.6, x + w / 2 + title_w / 2, rule_y - 1.6)

    info_y = y + h - st.top + 1.8 * mm
    issuer = f"开具单位：{content['union_name']}　{content['station_name']}"
    date = f"开具日期：{date_text(content['issued_on'])}"
    date_w = stringWidth(date, font, st.small + 1)
    _text(c, font, st.small + 1, x + w - date_w, info_y, date)
    issuer_size = shrink_to_width(issuer, font, st.small + 1, w - date_w - 4 * mm)
    _text(c, font, issuer_size, x, info_y, issuer)

    # the table
    table_top = y + h - st.top
    table_bottom = y + st.footer
    goods = goods_lines(content)
    note = content.get("note") or ""
    if void_reason is not None:
        note = f"作废原因：{void_reason}" + (f"；{note}" if note else "")
    rows = ["who", "employer", "program", "figures", "capitals", "goods"] + (
        ["note"] if note else []
    )
    weights = {"goods": 1.0 + min(max(len(goods) - 1, 0), 4) * 0.35}
    total_weight = sum(weights.get(r, 1.0) for r in rows)
    unit = (table_top - table_bottom) / total_weight
    grid_w = w - st.qr_col
    pad = 1.5 * mm
    lw = st.label_w
    value_w = grid_w - lw
    c.rect(x, table_bottom, w, table_top - table_bottom)
    c.line(x + grid_w, table_bottom, x + grid_w, table_top)
    c.line(x + lw, table_bottom, x + lw, table_top)

    def label(text: str, cy: float, ch: float, cx: float = x, cw: float = lw) -> None:
        draw_fitted(
            c, text, font, cx + pad, cy, cw - 2 * pad, ch, size=st.body, align="center", max_lines=1
        )

    def value(text: str, cy: float, ch: float, cx: float, cw: float, size: float = st.body) -> None:
        draw_fitted(c, text, font, cx + pad, cy, cw - 2 * pad, ch - 1, size=size, min_size=4.5)

    row_top = table_top
    for row in rows:
        rh = unit * weights.get(row, 1.0)
        ry = row_top - rh
        if row_top < table_top:
            c.line(x, row_top, x + grid_w, row_top)
        if row == "who":
            name_w = value_w * 0.34
            id_label_x = x + lw + name_w
            c.line(id_label_x, ry, id_label_x, row_top)
            c.line(id_label_x + lw, ry, id_label_x + lw, row_top)
            label("领款人", ry, rh)
            value(content["recipient_name"], ry, rh, x + lw, name_w)
            label("身份证号", ry, rh, id_label_x)
            id_w = grid_w - lw * 2 - name_w
            value(content["recipient_id_masked"], ry, rh, id_label_x + lw, id_w)
        elif row == "employer":
            label("工作单位", ry, rh)
            value(content.get("recipient_employer") or "—", ry, rh, x + lw, value_w)
        elif row == "program":
            label("帮扶项目", ry, rh)
            text = content["program_name"]
            if content.get("program_type_label"):
                text += f"（{content['program_type_label']}）"
            value(text, ry, rh, x + lw, value_w)
        elif row == "figures":
            label("金额（小写）", ry, rh)
            total = fen_to_yuan_text(int(content["total_fen"]))
            detail = ""
            if content.get("goods_value_fen"):
                detail = (
                    f"现金 {fen_to_yuan_text(int(content['cash_fen']))}，"
                    f"物资折价 {fen_to_yuan_text(int(content['goods_value_fen']))}"
                )
            size = shrink_to_width(total, font, st.body + 2, value_w * 0.45)
            total_w = stringWidth(total, font, size)
            _text(c, font, size, x + lw + pad, ry + rh / 2 - size * 0.35, total)
            if detail:
                dx = x + lw + pad + total_w + 3 * mm
                value(f"（{detail}）", ry, rh, dx - pad, x + grid_w - dx + pad, st.small)
        elif row == "capitals":
            label("金额（大写）", ry, rh)
            text = content["amount_capitals"]
            size = shrink_to_width(text, font, st.body + 1, value_w - 2 * pad)
            _text(c, font, size, x + lw + pad, ry + rh / 2 - size * 0.35, text)
        elif row == "goods":
            label("物资明细", ry, rh)
            text = "\n".join(goods) if goods else "无"
            box_h = rh - 1
            fitted_one_per_line = len(goods) * st.body * 1.25 <= box_h or len(goods) <= 1
            if goods and not fitted_one_per_line:
                text = "；".join(goods)
            value(text, ry, rh, x + lw, value_w)
        elif row == "note":
            label("备注", ry, rh)
            if void_reason is not None:
                c.setFillColorRGB(*RED)
            value(note, ry, rh, x + lw, value_w)
            c.setFillColorRGB(0, 0, 0)
        row_top = ry

    # QR column: code centred, caption below
    caption_h = st.small * 1.6
    qr_size = min(st.qr_col - 3 * mm, table_top - table_bottom - caption_h - 2 * mm)
    qx = x + grid_w + (st.qr_col - qr_size) / 2
    qy = table_bottom + caption_h + (table_top - table_bottom - caption_h - qr_size) / 2
    draw_qr(c, content["verify"], qx, qy, qr_size)
    c.setFillColorRGB(*GREY)
    c.setFont(font, st.small)
    c.drawCentredString(x + grid_w + st.qr_col / 2, table_bottom + st.small * 0.6, "扫码核验真伪")
    c.setFillColorRGB(0, 0, 0)

    _footer(c, content, font, st, x, y, w)


def _footer(
    c: Canvas, content: dict[str, Any], font: str, st: Style, x: float, y: float, w: float
) -> None:
    """经办人, 审核人, the signature line, the thumbprint box and the seal circle."""
    fh = st.footer - 2 * mm
    seal_d = fh
    thumb = fh * 0.9
    seal_x = x + w - seal_d
    thumb_x = seal_x - 4 * mm - thumb
    base = y + fh / 2 - st.body * 0.35
    text_w = thumb_x - x - 3 * mm
    handler = f"经办人：{content.get('handler') or ''}"
    reviewer = f"审核人：{content.get('reviewer') or ''}"
    part = text_w * 0.27
    for i, text in enumerate((handler, reviewer)):
        size = shrink_to_width(text, font, st.body, part - 2 * mm)
        _text(c, font, size, x + i * part, base, text)
    sign = "领款人签名："
    sign_x = x + 2 * part
    _text(c, font, st.body, sign_x, base, sign)
    line_x = sign_x + stringWidth(sign, font, st.body)
    c.line(line_x, base - 1.5, thumb_x - 3 * mm, base - 1.5)

    c.saveState()
    c.setStrokeColorRGB(*GREY)
    c.setFillColorRGB(*GREY)
    c.setLineWidth(0.5)
    c.rect(thumb_x, y + (fh - thumb) / 2, thumb, thumb)
    c.setFont(font, st.small)
    c.drawCentredString(thumb_x + thumb / 2, y + (fh - thumb) / 2 + 1.2 * mm, "指印")
    c.setDash(2, 2)
    c.circle(seal_x + seal_d / 2, y + fh / 2, seal_d / 2)
    c.drawCentredString(seal_x + seal_d / 2, y + fh / 2 - st.small * 0.35, "（盖章）")
    c.restoreState()
