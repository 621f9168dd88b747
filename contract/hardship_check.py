"""The district's checks of a pushed hardship file and student (issue 16), run by
contract/rules.py: the server trusts no station, so it re-runs the category rule on the
file's own figures and refuses a category that differs without the head's reason."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from . import hardship as hr
from . import idnumber

if TYPE_CHECKING:
    from .rules import Rules

MAX_FEN = 10**11
MAX_PEOPLE = 20
MAX_STEPS = 500
FUTURE = dt.timedelta(days=366)  # a district announces next year's standard ahead


def _household(r: Rules) -> int:
    people = r.data.get("household") or []
    if not isinstance(people, list) or not 1 <= len(people) <= MAX_PEOPLE:
        raise r.fail("household", f"家庭成员应为 1 至 {MAX_PEOPLE} 人")
    monthly = 0
    for person in people:
        income = person.get("monthly_income_fen") if isinstance(person, dict) else None
        if isinstance(income, bool) or not isinstance(income, int) or not 0 <= income <= MAX_FEN:
            raise r.fail("household", "家庭成员的月收入应为非负整数（分）")
        number = person.get("id_number") or ""
        if number and not idnumber.is_valid(str(number)):
            raise r.fail("household", "家庭成员的身份证号不正确")
        monthly += income
    return monthly


def check_file(r: Rules) -> None:
    data = r.data
    r.choice("status", frozenset(hr.STATUSES))
    r.choice("category", frozenset(hr.CATEGORY_LABELS))
    r.choice("computed_category", frozenset(hr.CATEGORY_LABELS))
    r.choice("cause_main", frozenset(hr.CAUSES))
    r.choice("cause_secondary", frozenset(hr.CAUSES), blank=True)
    money = [r.amount(n, 0, MAX_FEN) for n in ("other_income_fen", "medical_fen", "schooling_fen")]
    loss, standard = r.amount("loss_fen", 0, MAX_FEN), r.amount("standard_fen", 0, MAX_FEN)
    monthly = _household(r)
    r.date("applied_on")
    for name in ("established_on", "closed_on"):
        r.date(name, required=False)
    steps = data.get("steps") or []
    if not isinstance(steps, list) or len(steps) > MAX_STEPS:
        raise r.fail("steps", "办理记录格式不对")
    if data.get("status") == hr.ESTABLISHED and not data.get("file_no"):
        raise r.fail("file_no", "已建档的档案应有档案编号")
    if standard:
        causes = {data.get("cause_main"), data.get("cause_secondary")}
        figures = hr.Figures(
            annual_income_fen=monthly * 12 + money[0],
            rigid_fen=money[1] + money[2],
            size=len(data.get("household") or []),
            standard_fen=standard,
            hardship_costs_fen=money[1] + money[2] + loss,
            accident=bool(data.get("accident")) or bool(causes & hr.ACCIDENT_CAUSES),
        )
        computed = hr.assess(figures).category
        if data.get("computed_category") != computed:
            raise r.fail("computed_category", f"按档案数据计算应为{hr.CATEGORY_LABELS[computed]}")
        if data.get("category") != computed and not str(data.get("category_reason") or "").strip():
            raise r.fail("category_reason", "困难类别与计算结果不同，应写明站长确定的理由")


def check_standard(r: Rules) -> None:
    r.amount("standard_fen", 1, MAX_FEN)
    r.date("effective_on", ahead=FUTURE)


def check_student(r: Rules) -> None:
    data = r.data
    r.choice("stage", frozenset(hr.STAGES))
    r.choice("status", frozenset(hr.STUDENT_STATUSES))
    number = data.get("id_number") or ""
    if number and not idnumber.is_valid(str(number)):
        raise r.fail("id_number", "身份证号不正确")
    entry, until = data.get("entry_year"), data.get("expected_graduation")
    if not isinstance(entry, int) or not isinstance(until, int) or not entry <= until:
        raise r.fail("expected_graduation", "预计毕业年份应不早于入学年份")
    r.date("graduated_on", required=False)
