"""The monthly report's lines on hardship files and student aid (issue 16).

A file's standing at the month's end is replayed from its dated steps (申请 … 建档, 年审,
脱困/注销, 返困), so a closed month's figures do not move when the file moves on later. New
files are the month's 建档 steps; 脱困, 注销 and 返困 the month's steps of those kinds. Student
grants are the month's hand-outs naming a student (voids left out).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table
from sqlmodel import Session, col, select

from contract import hardship as hr
from contract.money import fen_to_yuan_text

from ..models import ReliefDistribution
from ..models.hardship import HardshipFile, Student
from .common import table_style


def hardship_figures(
    session: Session, station_id: str, start: dt.date, end: dt.date
) -> dict[str, Any]:
    files = session.exec(
        select(HardshipFile).where(
            HardshipFile.station_id == station_id, col(HardshipFile.deleted).is_(False)
        )
    ).all()
    by_status: Counter[str] = Counter()
    by_category: Counter[str] = Counter()
    moves: Counter[str] = Counter()
    for file in files:
        now = hr.standing(file.steps, end)
        if now is None:
            continue
        by_status[now[0]] += 1
        if now[0] == hr.ESTABLISHED:
            by_category[now[1]] += 1
        for step in file.steps:
            if start <= dt.date.fromisoformat(step["on"]) < end:
                moves[step["step"]] += 1
    grants = session.exec(
        select(ReliefDistribution).where(
            ReliefDistribution.station_id == station_id,
            col(ReliefDistribution.student_id).is_not(None),
            col(ReliefDistribution.issued_on) >= start,
            col(ReliefDistribution.issued_on) < end,
            ReliefDistribution.status == "issued",
        )
    ).all()
    studying = session.exec(
        select(Student.id).where(
            Student.station_id == station_id,
            Student.status == "studying",
            col(Student.deleted).is_(False),
        )
    ).all()
    return {
        "by_status": {s: by_status[s] for s in hr.STATUSES if by_status[s]},
        "by_category": {c: by_category[c] for c in hr.CATEGORY_LABELS if by_category[c]},
        "in_force": by_status[hr.ESTABLISHED],
        "new": moves["establish"],
        "reviewed": moves["review"],
        "recovered": moves["recover"],
        "cancelled": moves["cancel"],
        "reopened": moves["reopen"],
        "grants": len(grants),
        "grants_fen": sum(g.cash_fen + g.goods_value_fen for g in grants),
        "studying": len(studying),
    }


def hardship_section(summary: dict[str, Any], st: dict[str, Any]) -> list[Flowable]:
    h = summary.get("hardship")
    if not h:
        return []
    rows = [[hr.CATEGORY_LABELS[c], str(n)] for c, n in h["by_category"].items()]
    rows.append(["在册合计", str(h["in_force"])])
    table = Table([["困难类别（月末在册）", "户数"], *rows], colWidths=[70 * mm, 50 * mm])
    table.setStyle(table_style([("ALIGN", (1, 1), (1, -1), "RIGHT")]))
    others = "，".join(
        f"{hr.STATUS_LABELS[s]} {n} 户" for s, n in h["by_status"].items() if s != hr.ESTABLISHED
    )
    text = (
        f"困难职工档案：本月新建档 {h['new']} 户，年审 {h['reviewed']} 户，脱困 {h['recovered']} 户，"
        f"注销 {h['cancelled']} 户，返困 {h['reopened']} 户；月末其他状态：{others or '无'}。"
        f"金秋助学：本月发放 {h['grants']} 人次，{fen_to_yuan_text(h['grants_fen'])}；"
        f"在读受助学生 {h['studying']} 人。"
    )
    return [Spacer(1, 2 * mm), Paragraph(text, st["base"]), Spacer(1, 1 * mm), table]
