"""Printed hardship papers (issue 16): 困难职工档案表 and 帮扶申请书 (with the consent to check the
household's finances), in the receipts' embedded font.

ID numbers: both papers carry them in full. The 档案表 is the paper file that must match the
electronic one (the national system's rule) and the 申请书 is what the household signs to
authorise the check of its finances, which names each person it covers. Both stay in the
station's locked files; every list and export (the screen, the .xlsx ledger) masks them.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from contract import hardship as hr
from contract.money import capitals, fen_to_yuan_text

from ..models import Station
from ..services import hardship_queries as hq
from ..services.context import Ctx
from .common import build_pdf, cn_date, styles, table_style

CONSENT = (
    "本人及共同生活的家庭成员自愿申请困难职工帮扶，并授权工会及有关部门依法查询、核对本户成员的"
    "收入、存款、房产、车辆、社会保险、就业等家庭经济状况信息（家庭经济状况核对授权）。本人承诺所填"
    "情况真实、完整，如有隐瞒或虚报，愿意退回所得帮扶资金并承担相应责任。所提供的个人信息仅用于"
    "困难职工帮扶工作，工会依照《中华人民共和国个人信息保护法》予以保护。"
)


def _p(text: str, style: Any) -> Paragraph:
    return Paragraph(text.replace("\n", "<br/>"), style)


def _load(ctx: Ctx, file_id: str) -> tuple[hq.FileView, Station]:
    view = hq.get_file(ctx, file_id)
    return view, ctx.station()


def _facts(view: hq.FileView, st: dict[str, Any]) -> Table:
    file, member = view.file, view.member
    causes = "、".join(hr.CAUSES[c] for c in (file.cause_main, file.cause_secondary) if c)
    rows = [
        ["户主姓名", member.name, "身份证号", member.id_number],
        ["工作单位", member.employer, "联系电话", member.phone],
        ["家庭住址", member.address, "致困原因", causes],
        ["困难类别", hr.CATEGORY_LABELS[file.category], "档案状态", hr.STATUS_LABELS[file.status]],
        ["申请日期", cn_date(file.applied_on), "建档日期", cn_date(file.established_on)],
    ]
    cells = [[_p(str(c or ""), st["cell"]) for c in row] for row in rows]
    table = Table(cells, colWidths=[22 * mm, 68 * mm, 22 * mm, 68 * mm])
    table.setStyle(table_style([("BACKGROUND", (0, 0), (-1, 0), colors.white)]))
    return table


def _household(view: hq.FileView, st: dict[str, Any]) -> Table:
    header = ["关系", "姓名", "身份证号", "月收入（元）", "健康状况", "就业状况"]
    rows: list[list[Any]] = [header]
    for p in view.file.household:
        rows.append(
            [p["relation"], p["name"], p.get("id_number", ""),
             fen_to_yuan_text(p["monthly_income_fen"], symbol=False), p.get("health", ""),
             p.get("work_status", "")]
        )  # fmt: skip
    cells = [[_p(str(c), st["cell"]) for c in row] for row in rows]
    table = Table(cells, colWidths=[w * mm for w in (16, 24, 44, 28, 34, 34)], repeatRows=1)
    table.setStyle(table_style([("ALIGN", (3, 1), (3, -1), "RIGHT")]))
    return table


def _money_lines(view: hq.FileView, st: dict[str, Any]) -> list[Flowable]:
    file = view.file
    sources = "；".join(
        f"{s['source']} {fen_to_yuan_text(s['annual_fen'])}/年" for s in file.income_sources
    )
    lines = [
        f"其他收入来源：{sources or '无'}",
        f"刚性支出：医疗 {fen_to_yuan_text(file.medical_fen)}/年，就学 "
        f"{fen_to_yuan_text(file.schooling_fen)}/年；事故或灾害损失 "
        f"{fen_to_yuan_text(file.loss_fen)}/年",
        *view.arithmetic,
    ]
    if file.category_reason:
        lines.append(
            f"站长确定类别为{hr.CATEGORY_LABELS[file.category]}的理由：{file.category_reason}"
        )
    return [_p(line, st["base"]) for line in lines]


def _signature_block(st: dict[str, Any], who: list[str]) -> Flowable:
    line = "＿" * 8
    cells = [[_p(f"{w}（签字）：{line}", st["base"]), _p(f"日期：{line}", st["base"])] for w in who]
    table = Table(cells, colWidths=[110 * mm, 70 * mm], rowHeights=[13 * mm] * len(who))
    table.setStyle(table_style([("GRID", (0, 0), (-1, -1), 0, colors.white),
                                ("BACKGROUND", (0, 0), (-1, 0), colors.white)]))  # fmt: skip
    return KeepTogether([table])


def _history(view: hq.FileView, st: dict[str, Any]) -> Table:
    rows: list[list[Any]] = [["日期", "办理事项", "经办人", "说明"]]
    for step in view.file.steps:
        note = step.get("reason") or step.get("file_no") or step.get("period") or ""
        rows.append([step["on"], hr.STEP_LABELS.get(step["step"], step["step"]),
                     view.staff.get(step.get("by", ""), ""), note])  # fmt: skip
    cells = [[_p(str(c), st["cell"]) for c in row] for row in rows]
    table = Table(cells, colWidths=[w * mm for w in (26, 26, 30, 98)], repeatRows=1)
    table.setStyle(table_style())
    return table


def file_story(view: hq.FileView, station: Station) -> list[Flowable]:
    st = styles()
    union = station.union_name or station.name
    total = sum(r.cash_fen + r.goods_value_fen for r, _n in view.handouts if r.status == "issued")
    return [
        _p(f"{union}　{station.name}", st["sub"]),
        _p("困难职工档案表", st["title"]),
        _p(f"档案编号：{view.file.file_no or '（未建档）'}", st["right"]),
        Spacer(1, 2 * mm),
        _facts(view, st),
        _p("家庭成员", st["h2"]),
        _household(view, st),
        _p("收入与支出", st["h2"]),
        *_money_lines(view, st),
        _p("办理记录", st["h2"]),
        _history(view, st),
        Spacer(1, 2 * mm),
        _p(
            f"帮扶发放：共 {len(view.handouts)} 笔，合计 {fen_to_yuan_text(total)}"
            f"（{capitals(total)}）",
            st["base"],
        ),
        Spacer(1, 8 * mm),
        _signature_block(st, ["社会工作者", "服务站站长", "困难职工（户主）"]),
    ]


def file_pdf(ctx: Ctx, file_id: str) -> bytes:
    """困难职工档案表 of one file, as PDF bytes."""
    view, station = _load(ctx, file_id)
    title = f"困难职工档案表 {view.file.file_no}".strip()
    return build_pdf(file_story(view, station), title=title, footer_note=view.file.file_no)


def application_story(view: hq.FileView, station: Station) -> list[Flowable]:
    st = styles()
    union = station.union_name or station.name
    file, member = view.file, view.member
    causes = "、".join(hr.CAUSES[c] for c in (file.cause_main, file.cause_secondary) if c)
    return [
        _p("帮扶申请书", st["title"]),
        Spacer(1, 4 * mm),
        _p(f"{union}：", st["base"]),
        _p(
            f"　　本人{member.name}，身份证号 {member.id_number}，工作单位 {member.employer or '（无）'}。"
            f"家庭共同生活 {len(file.household)} 人，因{causes or '其他原因'}致使家庭生活困难，"
            "现申请困难职工帮扶。家庭成员及收入情况如下：",
            st["base"],
        ),
        Spacer(1, 2 * mm),
        _household(view, st),
        Spacer(1, 2 * mm),
        *_money_lines(view, st),
        _p("家庭经济状况核对授权", st["h2"]),
        _p("　　" + CONSENT, st["base"]),
        Spacer(1, 8 * mm),
        _signature_block(st, ["申请人", "家庭成员（成年人逐一签字）"]),
        _p(f"申请日期：{cn_date(file.applied_on)}", st["right"]),
    ]


def application_pdf(ctx: Ctx, file_id: str) -> bytes:
    """帮扶申请书 with the household's consent to check its finances, as PDF bytes."""
    view, station = _load(ctx, file_id)
    return build_pdf(application_story(view, station), title="帮扶申请书")
