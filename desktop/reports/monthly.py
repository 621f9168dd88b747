"""Monthly report (月报) of a station: the summary (reused by month close) and its PDF.

Why the summary is a plain JSON-able dict built in one place: month close stores it, the
district compares it, and the PDF prints it; one builder keeps the three from disagreeing.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle
from sqlmodel import Session, col, select

from contract.enums import JobGroup, ProgramType, Topic, VisitType
from contract.money import fen_to_yuan_text

from ..models import FundProgram, Receipt, ReliefDistribution, Station, StationLog, Visit
from ..receipts.fonts import register
from .casework import case_figures, intake_figures, mediation_section, members_section
from .common import build_pdf, cn_date, period_label, period_range, styles, table_style
from .hardship_month import hardship_figures, hardship_section


def _label(enum: Any, value: str) -> str:
    try:
        return str(enum(value).label)
    except ValueError:
        return value


def build_month_summary(session: Session, station_id: str, period: str) -> dict[str, Any]:
    """Everything the monthly report shows, from the tables, for period "YYYY-MM"."""
    start, end = period_range(period)
    station = session.get(Station, station_id)

    visits: dict[str, dict[str, int]] = defaultdict(lambda: {"times": 0, "households": 0})
    for visit in session.exec(select(Visit).where(
        Visit.station_id == station_id, Visit.deleted == False,  # noqa: E712
        col(Visit.visited_on) >= start, col(Visit.visited_on) < end,
    )).all():  # fmt: skip
        slot = visits[visit.visit_type]
        slot["households"] += 1
        slot["times"] += max(1, len(visit.member_ids or []))
    visit_rows = [
        {"type": t, "label": _label(VisitType, t), **v}
        for t, v in sorted(visits.items(), key=lambda kv: _order(VisitType, kv[0]))
    ]

    relief: dict[str, dict[str, Any]] = {}
    query = (
        select(ReliefDistribution, FundProgram)
        .join(FundProgram, col(FundProgram.id) == ReliefDistribution.program_id)
        .where(ReliefDistribution.station_id == station_id, ReliefDistribution.period == period,
               ReliefDistribution.deleted == False)  # noqa: E712
    )  # fmt: skip
    for r, program in session.exec(query).all():
        if r.status == "void":
            continue
        slot = relief.setdefault(program.id, {
            "program_id": program.id, "program": program.name,
            "type_label": _label(ProgramType, program.program_type),
            "count": 0, "cash_fen": 0, "goods_value_fen": 0,
        })  # fmt: skip
        slot["count"] += 1 if r.status == "issued" else 0  # adjustments move money, not people
        slot["cash_fen"] += r.cash_fen
        slot["goods_value_fen"] += r.goods_value_fen
    relief_rows = sorted(relief.values(), key=lambda row: row["program"])

    logs = session.exec(select(StationLog).where(
        StationLog.station_id == station_id, StationLog.deleted == False,  # noqa: E712
        col(StationLog.log_date) >= start, col(StationLog.log_date) < end,
    )).all()  # fmt: skip
    topics: dict[str, int] = defaultdict(int)
    groups: dict[str, int] = defaultdict(int)
    mediation = {"cases": 0, "workers": 0, "recovered_fen": 0}
    services = {"visitors": 0, "rest_station": 0}
    for log in logs:
        if log.consultations:
            topics[log.topic or "other"] += log.consultations
        if log.new_members:
            groups[log.job_group or "other"] += log.new_members
        mediation["cases"] += log.mediations
        mediation["workers"] += log.workers_involved
        mediation["recovered_fen"] += log.amount_recovered_fen
        services["visitors"] += log.visitors
        services["rest_station"] += log.services

    receipts = session.exec(select(Receipt).where(
        Receipt.station_id == station_id, col(Receipt.issued_on) >= start,
        col(Receipt.issued_on) < end,
    ).order_by(col(Receipt.year), col(Receipt.serial))).all()  # fmt: skip

    return {
        "schema": 1,
        "period": period,
        "station": {
            "name": station.name if station else "",
            "code": station.code if station else "",
            "union_name": station.union_name if station else "",
        },  # fmt: skip
        "visits": {
            "rows": visit_rows,
            "times": sum(v["times"] for v in visit_rows),
            "households": sum(v["households"] for v in visit_rows),
        },
        "relief": {
            "rows": relief_rows,
            "count": sum(r["count"] for r in relief_rows),
            "cash_fen": sum(r["cash_fen"] for r in relief_rows),
            "goods_value_fen": sum(r["goods_value_fen"] for r in relief_rows),
        },
        "consultations": {
            "rows": [
                {"topic": t, "label": _label(Topic, t), "count": n}
                for t, n in sorted(topics.items(), key=lambda kv: _order(Topic, kv[0]))
            ],
            "total": sum(topics.values()),
        },  # fmt: skip
        "mediations": mediation,  # the work log's typed counts (walk-in advice, no case)
        "cases": case_figures(session, station_id, start, end),  # rights case records
        "intake": intake_figures(session, station_id, start, end),  # 入会登记 records
        "hardship": hardship_figures(session, station_id, start, end),  # files, 金秋助学 (16)
        "new_members": {
            "rows": [
                {"job_group": g, "label": _label(JobGroup, g), "count": n}
                for g, n in sorted(groups.items(), key=lambda kv: _order(JobGroup, kv[0]))
            ],
            "total": sum(groups.values()),
        },  # fmt: skip
        "services": services,
        "receipts": {
            "count": len(receipts),
            "first": receipts[0].number if receipts else "",
            "last": receipts[-1].number if receipts else "",
            "voided": [{"number": r.number, "reason": r.void_reason} for r in receipts if r.voided],
        },
    }


def _order(enum: Any, value: str) -> int:
    values = [item.value for item in enum]
    return values.index(value) if value in values else len(values)


def bar_chart(title: str, labels: list[str], values: list[float], width: float) -> Drawing:
    """A small vertical bar chart drawn by reportlab itself (no matplotlib in the bundle)."""
    font = register()
    height = 62 * mm
    drawing = Drawing(width, height, initialFontName=font)
    chart = VerticalBarChart()
    chart.x, chart.y = 12 * mm, 14 * mm
    chart.width, chart.height = width - 18 * mm, height - 24 * mm
    chart.data = [values or [0]]
    chart.categoryAxis.categoryNames = labels or ["（无）"]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7 if len(labels) > 5 else 8
    chart.categoryAxis.labels.angle = 30 if len(labels) > 5 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(labels) > 5 else "n"
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    top = max(values or [0])
    chart.valueAxis.valueMax = max(5, top * 1.2)
    chart.valueAxis.valueStep = max(1, round(max(5, top * 1.2) / 5))
    chart.bars[0].fillColor = colors.Color(0.25, 0.45, 0.7)
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 7
    chart.barLabelFormat = "%d"
    chart.barLabels.nudge = 6
    drawing.add(chart)
    drawing.add(String(width / 2, height - 6 * mm, title, fontName=font, fontSize=10,
                       textAnchor="middle"))  # fmt: skip
    return drawing


def _table(
    header: list[str], rows: list[list[str]], widths: list[float], numbers_from: int = 1
) -> Table:
    table = Table([header, *rows], colWidths=[w * mm for w in widths], repeatRows=1)
    extra: list[tuple[Any, ...]] = [("ALIGN", (numbers_from, 1), (-1, -1), "RIGHT")]
    if rows and rows[-1][0] == "合计":
        extra.append(
            ("BACKGROUND", (0, len(rows)), (-1, len(rows)), colors.Color(0.95, 0.95, 0.95))
        )
    table.setStyle(TableStyle(table_style(extra)))
    return table


def _yuan(fen: int) -> str:
    return fen_to_yuan_text(fen, symbol=False)


def render_monthly(summary: dict[str, Any], *, prepared_on: dt.date | None = None) -> bytes:
    """The monthly report as PDF, from build_month_summary's dict."""
    st = styles()
    station = summary["station"]
    title = f"{station['name']}{period_label(summary['period'])}工作月报"
    sub = f"{station['union_name']}　站点编号：{station['code']}　编制日期：{cn_date(prepared_on or dt.date.today())}"
    v, r, c = summary["visits"], summary["relief"], summary["consultations"]
    rc = summary["receipts"]
    sv = summary.get("services", {"visitors": 0, "rest_station": 0})
    story: list[Flowable] = [
        Paragraph(title, st["title"]),
        Paragraph(sub, st["sub"]),
        Spacer(1, 4 * mm),
    ]

    story.append(Paragraph("一、走访慰问", st["h2"]))
    rows = [[x["label"], str(x["households"]), str(x["times"])] for x in v["rows"]]
    rows.append(["合计", str(v["households"]), str(v["times"])])
    story.append(_table(["走访类型", "户次", "人次"], rows, [70, 50, 50]))

    story.append(Paragraph("二、帮扶发放", st["h2"]))
    rows = [[x["program"], x["type_label"], str(x["count"]), _yuan(x["cash_fen"]),
             _yuan(x["goods_value_fen"]), _yuan(x["cash_fen"] + x["goods_value_fen"])]
            for x in r["rows"]]  # fmt: skip
    rows.append(["合计", "", str(r["count"]), _yuan(r["cash_fen"]), _yuan(r["goods_value_fen"]),
                 _yuan(r["cash_fen"] + r["goods_value_fen"])])  # fmt: skip
    table = _table(["帮扶项目", "类型", "人次", "现金（元）", "物资折价（元）", "合计（元）"],
                   rows, [52, 24, 16, 29, 30, 29])  # fmt: skip
    story.append(table)
    story += hardship_section(summary, st)  # hardship files and student aid (issue 16)

    story.append(Paragraph("三、咨询接待与驿站服务", st["h2"]))
    rows = [[x["label"], str(x["count"])] for x in c["rows"]]
    rows.append(["合计", str(c["total"])])
    story.append(_table(["咨询主题", "次数"], rows, [70, 50]))
    story.append(Spacer(1, 2 * mm))
    story.append(
        Paragraph(
            f"接待来访 {sv['visitors']} 人次；驿站服务 {sv['rest_station']} 人次。", st["base"]
        )
    )

    story.append(Paragraph("四、劳资纠纷调解", st["h2"]))
    story += mediation_section(summary, st)  # records first, the log's typed counts apart

    story.append(Paragraph("五、新发展会员", st["h2"]))
    story += members_section(summary, st)

    story.append(Paragraph("六、收据使用", st["h2"]))
    used = f"{rc['first']} 至 {rc['last']}" if rc["count"] else "本月未开具收据"
    voided = (
        "；".join(f"{x['number']}（{x['reason'] or '未注明原因'}）" for x in rc["voided"]) or "无"
    )
    story.append(
        Paragraph(
            f"起止号码：{used}；共 {rc['count']} 张，其中作废 {len(rc['voided'])} 张。", st["base"]
        )
    )
    story.append(Paragraph(f"作废号码：{voided}", st["base"]))

    width = 180 * mm
    charts = Table([[
        bar_chart("走访户次（按类型）", [x["label"] for x in v["rows"]],
                  [x["households"] for x in v["rows"]], width / 2),
        bar_chart("帮扶人次（按项目）", [x["type_label"] or x["program"] for x in r["rows"]],
                  [x["count"] for x in r["rows"]], width / 2),
    ]], colWidths=[width / 2, width / 2])  # fmt: skip
    charts.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), register())]))  # else Helvetica
    story.append(KeepTogether([Paragraph("七、图表", st["h2"]), charts]))
    story.append(Spacer(1, 8 * mm))
    story.append(
        Paragraph("填报人：＿＿＿＿＿＿　　站长审核：＿＿＿＿＿＿　　（服务站盖章）", st["base"])
    )
    return build_pdf(story, title=title)


def monthly_pdf(session: Session, station_id: str, period: str) -> bytes:
    """Query and render (for `stationdesk report month`)."""
    return render_monthly(build_month_summary(session, station_id, period))
