"""月度汇总 as .xlsx (openpyxl) and as a PDF in the station documents' font and look (the
embedded CJK font of contract/fonts.py, a centred title, grey-headed grid tables, 第 x 页 共 y
页). Money is integer fen in the figures; the workbook holds exact yuan (Decimal) with a
two-decimal format, the PDF the text of contract/money.py."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from contract.enums import LABELS, Hardship
from contract.money import fen_to_decimal, fen_to_yuan_text

from .queries import MONTH_LABELS, Figures, Monthly

STATION_HEAD = [
    "服务站编码",
    "服务站",
    "结账",
    "走访",
    "救助人次",
    "现金（元）",
    "物资折价（元）",
    "作废",
    "调解件数（日志）",
    "涉及职工（日志）",
    "追回金额（日志，元）",
    "新会员",
    "收据张数",
    "首号",
    "末号",
    "作废收据",
]


def label(kind: str, value: str) -> str:
    return LABELS.get(f"{kind}.{value}", value or "未填")


def title_of(m: Monthly) -> str:
    year, month = m.period.split("-")
    scope = m.stations[0].name if m.station_id and m.stations else m.district_name or "全区"
    return f"{scope} {int(year)}年{int(month)}月 工作月度汇总"


def station_rows(m: Monthly) -> list[list[Any]]:
    """One row per station (amounts in fen), then the district's total."""
    rows = []
    for s in m.stations:
        rows.append([s.code, s.name, MONTH_LABELS[s.close_status], *_figures(s.figures)])
    if not m.station_id:
        rows.append(["", "合计", "", *_figures(m.total, listed=0)])
    return rows


def voided_text(numbers: list[str], listed: int = 40) -> str:
    """The voided receipt numbers, at most `listed` of them named (a row must fit a page)."""
    if len(numbers) <= listed:
        return "、".join(numbers)
    named = "、".join(numbers[:listed])
    return f"{named}等共 {len(numbers)} 张" if named else f"共 {len(numbers)} 张"


def _figures(f: Figures, listed: int = 40) -> list[Any]:
    r, md, rc = f.relief, f.mediation, f.receipts
    return [
        f.visits_total,
        r.count,
        r.cash_fen,
        r.goods_value_fen,
        r.voided,
        md.cases,
        md.workers,
        md.amount_recovered_fen,
        f.new_members_total,
        rc.count,
        rc.first,
        rc.last,
        voided_text(rc.voided, listed),
    ]


MONEY_COLUMNS = {5, 6, 10}  # indexes in STATION_HEAD holding fen


def program_rows(f: Figures) -> list[list[Any]]:
    rows: list[list[Any]] = [
        [p.code, p.name, p.count, p.cash_fen, p.goods_value_fen, p.total_fen]
        for p in sorted(f.programs.values(), key=lambda p: p.code)
    ]
    r = f.relief
    rows.append(["", "合计", r.count, r.cash_fen, r.goods_value_fen, r.total_fen])
    return rows


PROGRAM_HEAD = ["项目编码", "项目", "人次", "现金（元）", "物资折价（元）", "合计（元）"]


def counted_rows(f: Figures) -> tuple[list[list[Any]], list[list[Any]]]:
    """Visits by type; new members by job group: registered as members, and joinings (入会登记)."""
    visits = [[label("VisitType", k), n] for k, n in sorted(f.visits.items())]
    jobs = sorted(set(f.new_members) | set(f.intake))
    members = [[label("JobGroup", k), f.new_members.get(k, 0), f.intake.get(k, 0)] for k in jobs]
    return visits, members


MEMBER_HEAD = ["职业群体", "新登记会员", "入会登记"]
CASE_HEAD = ["服务站", "受理", "结案", "调解达成协议", "转仲裁", "涉及职工", "追回金额（元）"]
CASE_MONEY = {6}


def case_rows(m: Monthly) -> list[list[Any]]:
    """维权个案 per station (from the case records, issue 17), then the district's sum."""
    rows = []
    for s in m.stations:
        rows.append([s.name, *_cases(s.figures)])
    if not m.station_id:
        rows.append(["合计", *_cases(m.total)])
    return rows


HARDSHIP_KINDS = [h.value for h in Hardship if h is not Hardship.NONE]
HARDSHIP_HEAD = [
    "服务站",
    "在档户数",
    *(label("Hardship", k) for k in HARDSHIP_KINDS),
    "本月新建档",
    "脱困",
    "注销",
    "返困",
    "在读受助子女",
]


def hardship_rows(m: Monthly) -> list[list[Any]]:
    """困难职工档案 per station (issue 16's figures), then the district's sum."""
    rows = [[s.name, *_hardship(s.figures)] for s in m.stations]
    if not m.station_id:
        rows.append(["合计", *_hardship(m.total)])
    return rows


def _hardship(f: Figures) -> list[int]:
    h = f.hardship
    kinds = [h.by_category.get(k, 0) for k in HARDSHIP_KINDS]
    return [sum(h.by_category.values()), *kinds, h.new, h.recovered, h.cancelled, h.reopened,
            h.studying]  # fmt: skip


def _cases(f: Figures) -> list[int]:
    c = f.cases
    return [c.accepted, c.concluded, c.agreed, c.arbitration, c.workers, c.recovered_fen]


def monthly_xlsx(m: Monthly) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    book = Workbook()
    head_font, fill = Font(bold=True), PatternFill("solid", fgColor="E6E6E6")

    def sheet(ws: Any, title: str, head: Sequence[str], rows: list[list[Any]], money: set[int]):
        ws.append([title])
        ws["A1"].font = Font(bold=True, size=14)
        ws.append(list(head))
        for cell in ws[2]:
            cell.font, cell.fill = head_font, fill
            cell.alignment = Alignment(horizontal="center")
        for row in rows:
            ws.append([fen_to_decimal(v) if i in money else v for i, v in enumerate(row)])
            for i in money:
                ws.cell(ws.max_row, i + 1).number_format = "#,##0.00"
        for i, name in enumerate(head):
            letter = ws.cell(2, i + 1).column_letter
            ws.column_dimensions[letter].width = max(10, 2 * len(name) + 2)

    ws = book.active
    ws.title = "服务站"
    sheet(ws, title_of(m), STATION_HEAD, station_rows(m), MONEY_COLUMNS)
    sheet(
        book.create_sheet("帮扶项目"), title_of(m), PROGRAM_HEAD, program_rows(m.total), {3, 4, 5}
    )
    visits, members = counted_rows(m.total)
    sheet(book.create_sheet("走访"), title_of(m), ["走访类型", "次数"], visits, set())
    sheet(book.create_sheet("新会员"), title_of(m), MEMBER_HEAD, members, set())
    sheet(book.create_sheet("维权个案"), title_of(m), CASE_HEAD, case_rows(m), CASE_MONEY)
    sheet(book.create_sheet("困难职工档案"), title_of(m), HARDSHIP_HEAD, hardship_rows(m), set())
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def monthly_pdf(m: Monthly) -> bytes:
    from .export_pdf import render

    return render(m)


def yuan_cells(row: list[Any], money: set[int]) -> list[str]:
    return [fen_to_yuan_text(v, symbol=False) if i in money else str(v) for i, v in enumerate(row)]
