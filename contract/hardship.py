"""The hardship category rule (困难职工档案 类别认定), one module for the station and the server.

per-head monthly figure = (household annual income − rigid expenses) ÷ 12 ÷ household size.
Below the local 低保 standard (monthly, per head): 深度困难; below twice it: 相对困难; 意外致困
for a recorded accident or disaster, or when hardship costs exceed 80% of the annual income.

Money is integer fen. The comparison is done on exact fractions (never a rounded figure): the
per-head figure is compared as net < standard × 12 × size. The figure shown is rounded half up
to the fen and says so when it is not exact.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

from .money import fen_to_yuan_text

DEEP, RELATIVE, ACCIDENT, NONE = "deep", "relative", "accident", "none"
CATEGORIES = (DEEP, RELATIVE, ACCIDENT)
CATEGORY_LABELS = {DEEP: "深度困难", RELATIVE: "相对困难", ACCIDENT: "意外致困", NONE: "无"}

# 致困原因 (fixed list)
CAUSES = {
    "illness": "疾病",
    "disability": "残疾",
    "schooling": "子女就学",
    "unemployment": "失业下岗",
    "disaster": "灾害",
    "accident": "意外事故",
    "other": "其他",
}
ACCIDENT_CAUSES = frozenset({"disaster", "accident"})

# the file's life
APPLIED, VERIFIED, PUBLISHED, ESTABLISHED = "applied", "verified", "published", "established"
RECOVERED, CANCELLED = "recovered", "cancelled"
STATUSES = (APPLIED, VERIFIED, PUBLISHED, ESTABLISHED, RECOVERED, CANCELLED)
STATUS_LABELS = {
    APPLIED: "已申请",
    VERIFIED: "已入户核实",
    PUBLISHED: "公示中",
    ESTABLISHED: "已建档",
    RECOVERED: "已脱困",
    CANCELLED: "已注销",
}
ACTIVE = frozenset({ESTABLISHED})
STEP_LABELS = {
    "apply": "申请",
    "verify": "入户核实",
    "publish": "公示",
    "establish": "建档",
    "review": "年审",
    "recover": "脱困",
    "cancel": "注销",
    "reopen": "返困",
}
CANCEL_REASONS = {"retired": "退休", "moved": "迁出", "deceased": "去世", "other": "其他"}

# student aid (金秋助学): stages as stored, with their labels; amount_rules keys by stage
STAGES = {
    "primary": "小学",
    "junior_high": "初中",
    "high_school": "高中",
    "vocational": "中职",
    "higher_education": "大学",
}
STUDENT_STATUSES = {"studying": "在读", "graduated": "已毕业"}


@dataclass(frozen=True)
class Figures:
    """What the rule reads from a file, all integer fen (annual except the standard)."""

    annual_income_fen: int
    rigid_fen: int  # rigid expenses: medical and schooling, per year
    size: int  # household size, the head included
    standard_fen: int  # local 低保, per head per month
    hardship_costs_fen: int = 0  # rigid expenses plus accident or disaster losses, per year
    accident: bool = False


@dataclass(frozen=True)
class Assessment:
    category: str
    per_head: Fraction  # fen per head per month, exact
    lines: tuple[str, ...]  # the arithmetic, shown to the user

    @property
    def label(self) -> str:
        return CATEGORY_LABELS[self.category]


def shown_fen(value: Fraction) -> str:
    """A fraction of fen as yuan, rounded half up to the fen, saying so when inexact."""
    rounded = int((value * 2 + 1) // 2)
    text = fen_to_yuan_text(rounded)
    return text if value == rounded else f"约 {text}（四舍五入到分）"


def assess(f: Figures) -> Assessment:
    """The category and the arithmetic behind it. size must be at least 1."""
    if f.size < 1:
        raise ValueError("家庭人口至少 1 人")
    net = f.annual_income_fen - f.rigid_fen
    per_head = Fraction(net, 12 * f.size)
    line = (
        f"人均月收入 =（家庭年收入 {fen_to_yuan_text(f.annual_income_fen)} - 刚性支出 "
        f"{fen_to_yuan_text(f.rigid_fen)}）÷ 12 ÷ {f.size} 人 = {shown_fen(per_head)}"
    )
    bar = f.standard_fen * 12 * f.size  # compare net < standard × 12 × size, exactly
    lines = [line, f"当地低保标准 {fen_to_yuan_text(f.standard_fen)}/人·月"]
    costly = f.hardship_costs_fen * 5 > f.annual_income_fen * 4
    if f.standard_fen > 0 and net < bar:
        lines.append("低于低保标准：深度困难")
        return Assessment(DEEP, per_head, tuple(lines))
    if f.standard_fen > 0 and net < 2 * bar:
        lines.append(f"低于低保标准的 2 倍（{fen_to_yuan_text(2 * f.standard_fen)}）：相对困难")
        return Assessment(RELATIVE, per_head, tuple(lines))
    if f.accident or costly:
        why = "有意外事故或灾害记录" if f.accident else "致困支出超过家庭年收入的 80%"
        lines.append(f"不低于低保标准的 2 倍，但{why}：意外致困")
        return Assessment(ACCIDENT, per_head, tuple(lines))
    lines.append("不低于低保标准的 2 倍，且无意外致困情形：不符合建档条件")
    return Assessment(NONE, per_head, tuple(lines))


STATUS_AFTER = {
    "apply": APPLIED,
    "verify": VERIFIED,
    "publish": PUBLISHED,
    "establish": ESTABLISHED,
    "recover": RECOVERED,
    "cancel": CANCELLED,
    "reopen": ESTABLISHED,
}


def standing(steps: list[dict[str, object]], until: dt.date) -> tuple[str, str] | None:
    """(status, category) of a file after its steps dated before until; None before any.
    The station's monthly report and the district's check of a hand-out both replay it."""
    status: str | None = None
    category = NONE
    for step in steps:
        if not isinstance(step, dict) or str(step.get("on", "9999"))[:10] >= until.isoformat():
            continue
        status = STATUS_AFTER.get(str(step.get("step")), status)
        category = str(step.get("category") or category)
    return (status, category) if status else None


def file_refusal(
    program: dict[str, object], file: dict[str, object] | None, relief: dict[str, object]
) -> str | None:
    """Why a hand-out under a program requiring an active file of given categories breaks
    it (the file as the district holds it, its standing on the hand-out's day), or None."""
    wanted = [c for c in program.get("requires_file") or [] if c in CATEGORY_LABELS]  # type: ignore[attr-defined]
    if not wanted:
        return None
    labels = "、".join(CATEGORY_LABELS[c] for c in wanted)
    name = program.get("name", "")
    if file is None or file.get("member_id") != relief.get("member_id"):
        return f"“{name}”只发给{labels}的建档职工，发放未关联其困难职工档案"
    day = dt.date.fromisoformat(str(relief.get("issued_on")))
    steps = list(file.get("steps") or [])  # type: ignore[call-overload]
    if not any(s[0] == ESTABLISHED and s[1] in wanted for s in standings_on(steps, day)):
        return f"“{name}”只发给{labels}的建档职工，发放当日该档案不在册或类别不符"
    return None


def standings_on(steps: list[dict[str, object]], day: dt.date) -> list[tuple[str, str]]:
    """Every (status, category) a file held at some moment of a day: steps carry dates, not
    times, so a hand-out and a later 脱困 of the same day cannot be ordered otherwise."""
    first = standing(steps, day)
    out = [first] if first else []
    status, category = first or ("", NONE)
    for step in steps:
        if isinstance(step, dict) and str(step.get("on", ""))[:10] == day.isoformat():
            status = STATUS_AFTER.get(str(step.get("step")), status)
            category = str(step.get("category") or category)
            out.append((status, category))
    return out


def school_year_of(day: dt.date) -> str:
    """The school year a day falls in: from September, e.g. 2026-09-01 -> 2026-2027."""
    start = day.year if day.month >= 9 else day.year - 1
    return f"{start}-{start + 1}"
