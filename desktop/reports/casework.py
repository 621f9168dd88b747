"""The monthly report's lines on rights cases and new members, from the records (issue 17).

A case counts in the month it was accepted (受理) and in the month it reached its outcome
(办结: agreement, referral to arbitration or withdrawal); its workers and the amount
recovered count in the month of its outcome, so a case is never counted twice across months.
New members are the month's 入会登记 records by job group; transfers in and out are shown
beside them. The work log's typed counts (walk-in advice that needed no case) are shown
apart, never added in.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle
from sqlmodel import Session, col, select

from contract import cases as rules
from contract.enums import DisputeType, JobGroup
from contract.money import fen_to_yuan_text

from ..models import MemberIntake, RightsCase
from .common import table_style


def _in(day: dt.date | None, start: dt.date, end: dt.date) -> bool:
    return day is not None and start <= day < end


def case_figures(session: Session, station_id: str, start: dt.date, end: dt.date) -> dict[str, Any]:
    """Cases accepted and concluded in [start, end), workers and amounts of the concluded."""
    cases = session.exec(
        select(RightsCase).where(
            RightsCase.station_id == station_id,
            RightsCase.deleted == False,  # noqa: E712
            col(RightsCase.received_on) < end,
        )
    ).all()
    out: dict[str, Any] = {"accepted": 0, "concluded": 0, "agreed": 0, "arbitration": 0,
                           "workers": 0, "recovered_fen": 0}  # fmt: skip
    by_type: Counter[str] = Counter()
    for case in cases:
        if _in(case.accepted_on, start, end):
            out["accepted"] += 1
        outcome = rules.concluded(case.history)
        if outcome is None or not _in(dt.date.fromisoformat(outcome[1]), start, end):
            continue
        out[outcome[0]] = out.get(outcome[0], 0) + 1
        out["concluded"] += 1
        out["workers"] += case.worker_count
        out["recovered_fen"] += case.recovered_fen
        by_type[case.dispute_type] += 1
    out["by_type"] = [
        {"type": t.value, "label": t.label, "count": by_type[t.value]}
        for t in DisputeType
        if by_type[t.value]
    ]
    return out


def intake_figures(
    session: Session, station_id: str, start: dt.date, end: dt.date
) -> dict[str, Any]:
    """The month's joinings by job group, and the transfers in and out."""
    rows = session.exec(
        select(MemberIntake).where(
            MemberIntake.station_id == station_id,
            MemberIntake.deleted == False,  # noqa: E712
            col(MemberIntake.on_date) >= start,
            col(MemberIntake.on_date) < end,
        )
    ).all()
    joined = Counter(r.job_group or "other" for r in rows if r.kind == "join")
    return {
        "rows": [
            {"job_group": g.value, "label": g.label, "count": joined[g.value]}
            for g in JobGroup
            if joined[g.value]
        ],
        "total": sum(joined.values()),
        "transfer_in": sum(1 for r in rows if r.kind == "transfer_in"),
        "transfer_out": sum(1 for r in rows if r.kind == "transfer_out"),
    }


def _table(header: list[str], rows: list[list[str]], widths: list[float]) -> Table:
    table = Table([header, *rows], colWidths=[w * mm for w in widths], repeatRows=1)
    table.setStyle(TableStyle(table_style([("ALIGN", (1, 1), (-1, -1), "RIGHT")])))
    return table


def mediation_section(summary: dict[str, Any], st: dict[str, Any]) -> list[Flowable]:
    """四、劳动争议调解: the case records, then the work log's typed counts apart."""
    c = summary.get("cases") or case_figures_empty()
    logged = summary["mediations"]
    yuan = fen_to_yuan_text(c["recovered_fen"], symbol=False)
    story: list[Flowable] = [
        _table(
            [
                "受理（件）",
                "办结（件）",
                "其中达成协议",
                "转仲裁",
                "涉及职工（人）",
                "追回金额（元）",
            ],
            [
                [
                    str(c["accepted"]),
                    str(c["concluded"]),
                    str(c["agreed"]),
                    str(c["arbitration"]),
                    str(c["workers"]),
                    yuan,
                ]
            ],
            [26, 26, 30, 22, 34, 42],
        ),  # fmt: skip
    ]
    if c["by_type"]:
        text = "；".join(f"{x['label']} {x['count']} 件" for x in c["by_type"])
        story.append(Paragraph(f"办结案件按争议类型：{text}。", st["base"]))
    story.append(Spacer(1, 2 * mm))
    story.append(
        Paragraph(
            f"另：工作日志登记的来访调解（未立个案）{logged['cases']} 件，涉及职工 "
            f"{logged['workers']} 人，追回 {fen_to_yuan_text(logged['recovered_fen'])}；"
            "未计入上表。",
            st["base"],
        )
    )
    return story


def members_section(summary: dict[str, Any], st: dict[str, Any]) -> list[Flowable]:
    """五、新发展会员: the intake records by job group, then the log's typed count apart."""
    n = summary.get("intake") or {"rows": [], "total": 0, "transfer_in": 0, "transfer_out": 0}
    rows = [[x["label"], str(x["count"])] for x in n["rows"]]
    rows.append(["合计", str(n["total"])])
    logged = summary["new_members"]
    by_group = "、".join(f"{x['label']} {x['count']} 人" for x in logged["rows"])
    return [
        _table(["职业群体（入会登记）", "人数"], rows, [70, 50]),
        Spacer(1, 2 * mm),
        Paragraph(
            f"会籍转入 {n['transfer_in']} 人，转出 {n['transfer_out']} 人。"
            f"另：工作日志登记的新发展会员 {logged['total']} 人"
            f"{'（' + by_group + '）' if by_group else ''}，未计入上表。",
            st["base"],
        ),
    ]


def case_figures_empty() -> dict[str, Any]:
    return {"accepted": 0, "concluded": 0, "agreed": 0, "arbitration": 0, "workers": 0,
            "recovered_fen": 0, "by_type": []}  # fmt: skip
