"""Printed papers of a rights case: the mediation agreement (调解协议书) and the case record
sheet (维权个案登记表), in the receipts' embedded font.

The agreement carries what 调解仲裁法 art. 14 asks of it: its number, the parties, the matter,
the terms, the signatures of both parties and of the mediator, and the seal of the mediating
body. Personal fields print masked (ID first 6 and last 4, phone 138****5678): the paper
identifies the parties without carrying more than it needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.graphics.shapes import Circle, Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from contract import cases as rules
from contract import idnumber as idn
from contract.enums import CaseSource, CaseStatus, DisputeType
from contract.money import capitals, fen_to_yuan_text

from ..models import Member, RightsCase, Station
from ..receipts.fonts import register
from ..services.case_queries import step_text, timeline
from ..services.context import Ctx
from ..services.errors import NotFound, UserFacingError
from ..services.search import mask_phone
from .common import build_pdf, cn_date, styles, table_style


@dataclass(frozen=True)
class Party:
    name: str
    id_masked: str
    phone_masked: str


def _load(ctx: Ctx, case_id: str) -> tuple[RightsCase, Station, list[Party]]:
    with ctx.read() as session:
        case = session.get(RightsCase, case_id)
        if case is None or case.deleted:
            raise NotFound("维权个案不存在")
        station = session.get(Station, case.station_id)
        assert station is not None, "station row missing"
        parties = []
        for worker in case.workers:
            member = session.get(Member, worker["member_id"]) if worker.get("member_id") else None
            name = member.name if member else str(worker.get("name") or "")
            phone = (member.phone if member else "") or str(worker.get("phone") or "")
            parties.append(
                Party(name, idn.mask(member.id_number) if member else "", mask_phone(phone))
            )
    return case, station, parties


def _body(union: str) -> str:
    return f"{union}劳动争议调解委员会" if union else "劳动争议调解委员会"


def _para(text: str, style: Any) -> Paragraph:
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return Paragraph(escaped.replace("\n", "<br/>"), style)


def _parties(case: RightsCase, parties: list[Party], st: dict[str, Any]) -> Table:
    rows: list[list[Any]] = [["", "姓名 / 名称", "身份证号", "联系电话"]]
    for i, party in enumerate(parties):
        rows.append(["申请人" if i == 0 else "", party.name, party.id_masked, party.phone_masked])
    others = case.worker_count - len(parties)
    if others > 0:
        rows.append(["", _para(f"（另有职工 {others} 人，名单附后）", st["cell"]), "", ""])
    rows.append(["被申请人", _para(case.employer, st["cell"]), "", ""])
    last = len(rows) - 1
    table = Table(rows, colWidths=[24 * mm, 62 * mm, 52 * mm, 42 * mm])
    table.setStyle(
        table_style([("SPAN", (1, last), (3, last)), ("FONTSIZE", (0, 0), (-1, -1), 10)])
    )
    return table


def _seal() -> Drawing:
    """A dashed circle where the mediating body's seal goes."""
    font = register()
    drawing = Drawing(42 * mm, 42 * mm)
    drawing.add(
        Circle(21 * mm, 21 * mm, 19 * mm, strokeDashArray=[3, 3],
               strokeColor=colors.Color(0.6, 0.1, 0.1), fillColor=None)
    )  # fmt: skip
    drawing.add(String(21 * mm, 20 * mm, "（印章）", fontName=font, fontSize=10,
                       textAnchor="middle", fillColor=colors.Color(0.6, 0.1, 0.1)))  # fmt: skip
    return drawing


def _signatures(st: dict[str, Any], union: str, day: str) -> Flowable:
    line = "＿" * 9
    rows = [
        [
            _para(f"申请人（签字）：{line}", st["base"]),
            _para(f"被申请人（盖章）：{line}", st["base"]),
        ],
        [_para(f"日期：{line}", st["base"]), _para(f"日期：{line}", st["base"])],
        [_para(f"调解员（签名）：{line}", st["base"]), _seal()],
        [_para(_body(union), st["base"]), _para(day, st["base"])],
    ]
    table = Table(
        rows, colWidths=[95 * mm, 85 * mm], rowHeights=[14 * mm, 10 * mm, 44 * mm, 9 * mm]
    )
    table.setStyle(table_style([("GRID", (0, 0), (-1, -1), 0, colors.white),
                                ("BACKGROUND", (0, 0), (-1, 0), colors.white),
                                ("ALIGN", (1, 2), (1, 2), "CENTER")]))  # fmt: skip
    return KeepTogether([table])


def agreement_story(case: RightsCase, station: Station, parties: list[Party]) -> list[Flowable]:
    if case.status not in ("agreed", "closed") or not case.agreement_terms:
        raise UserFacingError("案件尚未达成协议，不能打印调解协议书")
    st = styles()
    union = station.union_name or station.name
    agreed = next((h["on"] for h in case.history if h["status"] == "agreed"), None)
    story: list[Flowable] = [
        _para(_body(union), st["sub"]),
        _para("劳动争议调解协议书", st["title"]),
        Spacer(1, 2 * mm),
        _para(f"编号：{case.case_no}", st["right"]),
        Spacer(1, 3 * mm),
        _parties(case, parties, st),
        Spacer(1, 4 * mm),
        _para("一、争议事项", st["h2"]),
        _para(
            f"{DisputeType(case.dispute_type).label}。{case.matter or ''}".rstrip("。") + "。",
            st["base"],
        ),
        _para("二、调解达成的协议", st["h2"]),
        _para(case.agreement_terms, st["base"]),
    ]
    if case.recovered_fen:
        amount = fen_to_yuan_text(case.recovered_fen)
        story.append(
            _para(
                f"被申请人支付申请人款项合计 {amount}（{capitals(case.recovered_fen)}）。",
                st["base"],
            )
        )
    story += [
        _para("三、其他", st["h2"]),
        _para(
            "本协议经双方当事人签字或盖章、调解员签名并加盖调解组织印章后生效，对双方当事人具有"
            "约束力，当事人应当履行。本协议一式三份，双方当事人和调解组织各执一份。",
            st["base"],
        ),
        Spacer(1, 8 * mm),
        _signatures(st, union, cn_date(agreed)),
    ]
    return story


def agreement_pdf(ctx: Ctx, case_id: str) -> bytes:
    """调解协议书 of an agreed case, as PDF bytes."""
    case, station, parties = _load(ctx, case_id)
    story = agreement_story(case, station, parties)
    return build_pdf(story, title=f"调解协议书 {case.case_no}", footer_note=case.case_no)


def _facts(case: RightsCase, st: dict[str, Any]) -> Table:
    accept_by = rules.accept_by(case.received_on)
    mediate = rules.mediate_by(case.accepted_on, case.extensions) if case.accepted_on else None
    source = CaseSource(case.source).label + (f"（{case.ticket_no}）" if case.ticket_no else "")
    pairs = [
        ("案件编号", case.case_no, "当前状态", CaseStatus(case.status).label),
        ("案件来源", source, "争议类型", DisputeType(case.dispute_type).label),
        ("登记日期", cn_date(case.received_on), "受理期限", cn_date(accept_by)),
        ("受理日期", cn_date(case.accepted_on), "调解期限", cn_date(mediate)),
        ("涉及人数", f"{case.worker_count} 人", "办结日期", cn_date(case.closed_on)),
        ("请求金额", fen_to_yuan_text(case.claimed_fen), "追回金额",
         fen_to_yuan_text(case.recovered_fen)),
    ]  # fmt: skip
    rows: list[list[Any]] = [
        [a, _para(b, st["cell"]), c, _para(d, st["cell"])] for a, b, c, d in pairs
    ]
    rows.append(["用人单位", _para(case.employer, st["cell"]), "", ""])
    rows.append(["申请事项", _para(case.matter or "", st["cell"]), "", ""])
    n = len(rows)
    table = Table(rows, colWidths=[24 * mm, 66 * mm, 24 * mm, 66 * mm])
    shade = colors.Color(0.93, 0.93, 0.93)
    style: list[tuple[Any, ...]] = [("SPAN", (1, i), (3, i)) for i in (n - 2, n - 1)]
    style += [("BACKGROUND", (0, 0), (0, -1), shade), ("BACKGROUND", (2, 0), (2, n - 3), shade)]
    white = [("BACKGROUND", (i, 0), (i, 0), colors.white) for i in (1, 3)]
    table.setStyle(table_style([*style, *white]))
    return table


def _steps(case: RightsCase, st: dict[str, Any]) -> Table:
    rows: list[list[Any]] = [["日期", "办理事项", "经办人"]]
    for item in timeline(case):
        text = step_text(item)
        rows.append([item.on, _para(text, st["cell"]), item.by_name])
    table = Table(rows, colWidths=[26 * mm, 124 * mm, 30 * mm], repeatRows=1)
    table.setStyle(table_style())
    return table


def record_sheet_pdf(ctx: Ctx, case_id: str) -> bytes:
    """维权个案登记表: the case, its workers and every step, as PDF bytes."""
    case, station, parties = _load(ctx, case_id)
    st = styles()
    workers: list[list[Any]] = [["序号", "姓名", "身份证号", "联系电话"]]
    workers += [[str(i), p.name, p.id_masked, p.phone_masked] for i, p in enumerate(parties, 1)]
    table = Table(workers, colWidths=[16 * mm, 50 * mm, 64 * mm, 50 * mm], repeatRows=1)
    table.setStyle(table_style())
    story: list[Flowable] = [
        _para(station.union_name or station.name, st["sub"]),
        _para("维权个案登记表", st["title"]),
        Spacer(1, 4 * mm),
        _facts(case, st),
        _para("涉及职工", st["h2"]),
        table,
        _para("办理经过", st["h2"]),
        _steps(case, st),
    ]
    return build_pdf(story, title=f"维权个案登记表 {case.case_no}", footer_note=case.case_no)
