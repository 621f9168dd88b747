"""One copy of a receipt drawn into a box on a canvas: the part every format shares.

Why one box-relative layout: the A4 stub and counterfoil, the A5 single copy and the
241 x 93 mm continuous form differ only in the box size, so a single function keeps the three
formats consistent; sizes step down for the short continuous form (geometry.Style).

Why two passes: the grid, the labels and the signature boxes are the same on every receipt
of a batch, so they are drawn once into a PDF form (XObject) and placed on each page; only the
content is drawn per receipt. That halves the time of a 500-receipt batch and the file size.
"""

from __future__ import annotations

import weakref
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from contract.money import fen_to_yuan_text

from .geometry import Geometry, footer_geometry, geometry
from .qr import draw_qr
from .text import draw_fitted, shrink_to_width

RED = (0.78, 0.1, 0.1)
GREY = (0.45, 0.45, 0.45)


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


LABELS = {
    "who": "领款人", "employer": "工作单位", "program": "帮扶项目", "figures": "金额（小写）",
    "capitals": "金额（大写）", "goods": "物资明细", "note": "备注",
}  # fmt: skip
_forms: weakref.WeakKeyDictionary[Canvas, dict[object, str]] = weakref.WeakKeyDictionary()
PAD = 1.5 * mm


def _static(c: Canvas, g: Geometry, font: str) -> None:
    """Grid, labels, copy name, QR caption and the signature band: the same on every receipt."""
    st, x, lw = g.st, g.x, g.st.label_w
    c.setLineWidth(0.6)
    c.setStrokeColorRGB(0, 0, 0)
    c.setFillColorRGB(0, 0, 0)
    if g.copy_name:
        chars = [ch for ch in g.copy_name if not ch.isspace()]
        size = min(st.body, (g.h - 4 * mm) / max(1, len(chars)) / 1.15)
        c.setFont(font, size)
        top = g.y + g.h / 2 + len(chars) * size * 1.15 / 2 - size
        for i, ch in enumerate(chars):
            c.drawCentredString(x + g.w + 3.5 * mm, top - i * size * 1.15, ch)
    c.rect(x, g.table_bottom, g.w, g.table_top - g.table_bottom)
    c.line(x + g.grid_w, g.table_bottom, x + g.grid_w, g.table_top)
    c.line(x + lw, g.table_bottom, x + lw, g.table_top)
    for kind, ry, rh in g.rows:
        if ry + rh < g.table_top - 0.1:
            c.line(x, ry + rh, x + g.grid_w, ry + rh)
        draw_fitted(c, LABELS[kind], font, x + PAD, ry, lw - 2 * PAD, rh, size=st.body,
                    align="center", max_lines=1)  # fmt: skip
        if kind == "who":
            id_label_x = x + lw + (g.grid_w - lw) * 0.34
            c.line(id_label_x, ry, id_label_x, ry + rh)
            c.line(id_label_x + lw, ry, id_label_x + lw, ry + rh)
            draw_fitted(c, "身份证号", font, id_label_x + PAD, ry, lw - 2 * PAD, rh, size=st.body,
                        align="center", max_lines=1)  # fmt: skip
    c.setFillColorRGB(*GREY)
    c.setFont(font, st.small)
    c.drawCentredString(
        x + g.grid_w + st.qr_col / 2, g.table_bottom + st.small * 0.6, "扫码核验真伪"
    )
    c.setFillColorRGB(0, 0, 0)
    f = footer_geometry(g, font)
    c.setFont(font, st.body)
    c.drawString(x, f["base"], "经办人：")
    c.drawString(x + f["part"], f["base"], "审核人：")
    c.drawString(f["sign_x"], f["base"], "领款人签名：")
    c.line(f["line_x"], f["base"] - 1.5, f["thumb_x"] - 3 * mm, f["base"] - 1.5)
    c.saveState()
    c.setStrokeColorRGB(*GREY)
    c.setFillColorRGB(*GREY)
    c.setLineWidth(0.5)
    c.rect(f["thumb_x"], f["thumb_y"], f["thumb"], f["thumb"])
    c.setFont(font, st.small)
    c.drawCentredString(f["thumb_x"] + f["thumb"] / 2, f["thumb_y"] + 1.2 * mm, "指印")
    c.setDash(2, 2)
    c.circle(f["seal_cx"], f["seal_cy"], f["seal_d"] / 2)
    c.drawCentredString(f["seal_cx"], f["seal_cy"] - st.small * 0.35, "（盖章）")
    c.restoreState()


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
    goods = goods_lines(content)
    note = content.get("note") or ""
    if void_reason is not None:
        note = f"作废原因：{void_reason}" + (f"；{note}" if note else "")
    g = geometry(box, copy_name, len(goods), bool(note))
    forms = _forms.setdefault(c, {})
    if g not in forms:
        forms[g] = f"SDReceipt{len(forms) + 1}"
        c.beginForm(forms[g])
        _static(c, g, font)
        c.endForm()
    c.doForm(forms[g])
    _header(c, content, font, g, copy_label, void_reason)
    _values(c, content, font, g, goods, note, void_reason is not None)
    st = g.st
    caption_h = st.small * 1.6
    qr_size = min(st.qr_col - 3 * mm, g.table_top - g.table_bottom - caption_h - 2 * mm)
    qx = g.x + g.grid_w + (st.qr_col - qr_size) / 2
    qy = g.table_bottom + caption_h + (g.table_top - g.table_bottom - caption_h - qr_size) / 2
    draw_qr(c, content["verify"], qx, qy, qr_size)
    f = footer_geometry(g, font)
    for i, key in enumerate(("handler", "reviewer")):
        name = content.get(key) or ""
        left = g.x + i * f["part"] + f["label_w"]
        size = shrink_to_width(name, font, st.body, f["part"] - f["label_w"] - 2 * mm)
        _text(c, font, size, left, f["base"], name)


def _header(c: Canvas, content: dict[str, Any], font: str, g: Geometry,
            copy_label: str | None, void_reason: str | None) -> None:  # fmt: skip
    """Label slot (left), title (centre), number (right), then issuer and date."""
    st, x, w = g.st, g.x, g.w
    title_base = g.y + g.h - st.title * 1.05
    number = f"No. {content['number']}"
    number_size = shrink_to_width(number, font, st.body, w * 0.3)
    number_w = stringWidth(number, font, number_size)
    c.setFillColorRGB(*RED)
    c.setFont(font, number_size)
    c.drawRightString(x + w, title_base, number)
    c.setFillColorRGB(0, 0, 0)
    label_x = x
    for text in (t for t in (copy_label, "作废" if void_reason is not None else None) if t):
        label_x += _stamp_label(c, font, text, label_x, title_base, st.small + 1) + 2 * mm
    side = max(number_w, label_x - x) + 3 * mm
    issuer = f"开具单位：{content['union_name']}　{content['station_name']}"
    date = f"开具日期：{date_text(content['issued_on'])}"
    # title, issuer and date repeat across a campaign's batch: one form per distinct set
    key = (g, content["title"], round(side, 1), issuer, date)
    forms = _forms.setdefault(c, {})
    if key not in forms:
        forms[key] = f"SDHeader{len(forms) + 1}"
        c.beginForm(forms[key])
        _header_static(c, font, g, content["title"], side, issuer, date)
        c.endForm()
    c.doForm(forms[key])


def _header_static(
    c: Canvas, font: str, g: Geometry, title: str, side: float, issuer: str, date: str
) -> None:
    st, x, w = g.st, g.x, g.w
    title_base = g.y + g.h - st.title * 1.05
    title_size = shrink_to_width(title, font, st.title, w - 2 * side)
    c.setFillColorRGB(0, 0, 0)
    c.setStrokeColorRGB(0, 0, 0)
    c.setLineWidth(0.6)
    c.setFont(font, title_size)
    c.drawCentredString(x + w / 2, title_base, title)
    half = stringWidth(title, font, title_size) / 2
    for dy in (2.2, 3.8):
        c.line(x + w / 2 - half, title_base - dy, x + w / 2 + half, title_base - dy)
    info_y = g.y + g.h - st.top + 1.8 * mm
    date_w = stringWidth(date, font, st.small + 1)
    _text(c, font, st.small + 1, x + w - date_w, info_y, date)
    _text(
        c, font, shrink_to_width(issuer, font, st.small + 1, w - date_w - 4 * mm), x, info_y, issuer
    )


def _values(c: Canvas, content: dict[str, Any], font: str, g: Geometry,
            goods: list[str], note: str, void: bool) -> None:  # fmt: skip
    """The cell contents, each shrunk or wrapped into its cell."""
    st, x, lw = g.st, g.x, g.st.label_w
    value_w = g.grid_w - lw

    def value(text: str, ry: float, rh: float, cx: float, cw: float, size: float = st.body) -> None:
        draw_fitted(c, text, font, cx + PAD, ry, cw - 2 * PAD, rh - 1, size=size, min_size=4.5)

    for kind, ry, rh in g.rows:
        if kind == "who":
            name_w = value_w * 0.34
            value(content["recipient_name"], ry, rh, x + lw, name_w)
            value(
                content["recipient_id_masked"],
                ry,
                rh,
                x + lw * 2 + name_w,
                g.grid_w - lw * 2 - name_w,
            )
        elif kind == "employer":
            value(content.get("recipient_employer") or "—", ry, rh, x + lw, value_w)
        elif kind == "program":
            text = content["program_name"]
            if content.get("program_type_label"):
                text += f"（{content['program_type_label']}）"
            value(text, ry, rh, x + lw, value_w)
        elif kind == "figures":
            total = fen_to_yuan_text(int(content["total_fen"]))
            size = shrink_to_width(total, font, st.body + 2, value_w * 0.45)
            _text(c, font, size, x + lw + PAD, ry + rh / 2 - size * 0.35, total)
            if content.get("goods_value_fen"):
                detail = (f"（现金 {fen_to_yuan_text(int(content['cash_fen']))}，"
                          f"物资折价 {fen_to_yuan_text(int(content['goods_value_fen']))}）")  # fmt: skip
                dx = x + lw + PAD + stringWidth(total, font, size) + 3 * mm
                value(detail, ry, rh, dx - PAD, x + g.grid_w - dx + PAD, st.small)
        elif kind == "capitals":
            text = content["amount_capitals"]
            size = shrink_to_width(text, font, st.body + 1, value_w - 2 * PAD)
            _text(c, font, size, x + lw + PAD, ry + rh / 2 - size * 0.35, text)
        elif kind == "goods":
            one_per_line = len(goods) <= 1 or len(goods) * st.body * 1.25 <= rh - 1
            value(("\n" if one_per_line else "；").join(goods) or "无", ry, rh, x + lw, value_w)
        elif kind == "note":
            if void:
                c.setFillColorRGB(*RED)
            value(note, ry, rh, x + lw, value_w)
            c.setFillColorRGB(0, 0, 0)
