"""公示 of hardship files (困难职工建档公示): the heads whose files went to public notice in a
month, names masked (张*三), no ID numbers, only those who consented to disclosure (as the
relief disclosure list, reports/disclosure.py), posted for at least 5 working days."""

from __future__ import annotations

import datetime as dt

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from ..services import hardship_queries as hq
from ..services.context import Ctx
from .common import build_pdf, cn_date, mask_name, period_label, styles, table_style
from .disclosure import MIN_WORKING_DAYS, disclosure_end, working_days


def notice_pdf(ctx: Ctx, period: str, *, start: dt.date, end: dt.date | None = None) -> bytes:
    end = end or disclosure_end(start)
    if working_days(start, end) < MIN_WORKING_DAYS:
        raise ValueError(f"公示期不少于 {MIN_WORKING_DAYS} 个工作日")
    rows = hq.notice_rows(ctx, period)
    station = ctx.station()
    st = styles()
    data: list[list[object]] = [["序号", "姓名", "工作单位", "家庭人口", "拟认定类别"]]
    for seq, row in enumerate(rows, start=1):
        data.append([str(seq), mask_name(str(row["name"])), Paragraph(str(row["employer"]),
                     st["cell"]), str(row["size"]), row["category"]])  # fmt: skip
    table = Table(data, colWidths=[w * mm for w in (14, 30, 76, 24, 36)], repeatRows=1)
    table.setStyle(table_style([("ALIGN", (0, 1), (-1, -1), "CENTER")]))
    intro = (
        f"根据困难职工帮扶工作有关规定，经本人申请、入户核实，现将{period_label(period)}拟建立困难职工"
        f"档案的 {len(rows)} 户职工予以公示。公示期：{cn_date(start)}至{cn_date(end)}"
        f"（{working_days(start, end)} 个工作日）。公示期内如有异议，请向本站实名反映"
        + (f"，联系电话：{station.phone}。" if station.phone else "。")
    )
    story: list[Flowable] = [
        Paragraph("困难职工建档公示", st["title"]),
        Spacer(1, 4 * mm),
        Paragraph(intro, st["base"]),
        Spacer(1, 4 * mm),
        table,
        Spacer(1, 10 * mm),
        Paragraph(f"{station.union_name or ''}　{station.name}", st["right"]),
        Paragraph(cn_date(start), st["right"]),
    ]
    return build_pdf(story, title="困难职工建档公示", footer_note=f"公示期：{start} 至 {end}")
