"""What a hardship file's form holds, checked field by field, and the file's figures for the
category rule (contract/hardship.py). No database here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from contract import hardship as hr
from contract import idnumber as idn
from contract.money import MAX_FEN, MAX_TEXT

from ..models.hardship import HardshipFile
from .errors import ValidationError

STANDARD_KEY = "hardship.dibao_fen"  # the local 低保 standard, fen per head per month
MAX_PEOPLE = 20


@dataclass
class Person:
    relation: str
    name: str
    id_number: str = ""
    monthly_income_fen: int = 0
    health: str = ""
    work_status: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "relation": self.relation.strip(),
            "name": self.name.strip(),
            "id_number": self.id_number,
            "monthly_income_fen": self.monthly_income_fen,
            "health": self.health.strip(),
            "work_status": self.work_status.strip(),
        }


@dataclass
class FileInput:
    """The household and its money, as the application and each review state them."""

    member_id: str
    household: list[Person]
    income_sources: list[dict[str, Any]] = field(default_factory=list)  # {source, annual_fen}
    medical_fen: int = 0
    schooling_fen: int = 0
    loss_fen: int = 0
    accident: bool = False
    cause_main: str = "other"
    cause_secondary: str = ""
    applied_on: dt.date | None = None
    note: str = ""


def _cause(value: str, label: str, key: str, errors: dict[str, str], *, blank: bool) -> str:
    text = (value or "").strip()
    if blank and not text:
        return ""
    for code, name in hr.CAUSES.items():
        if text in (code, name):
            return code
    errors[key] = f"{label}“{value}”不是可选项（{'、'.join(hr.CAUSES.values())}）"
    return ""


def _money(value: int, label: str, key: str, errors: dict[str, str]) -> None:
    if value < 0:
        errors[key] = f"{label}不能为负数"
    elif value > MAX_FEN:
        errors[key] = f"{label}超过金额上限 {MAX_TEXT}"


def _people(people: list[Person], errors: dict[str, str], today: dt.date) -> list[dict[str, Any]]:
    if not people:
        errors["household"] = "家庭成员至少 1 人（含本人）"
    if len(people) > MAX_PEOPLE:
        errors["household"] = f"家庭成员最多 {MAX_PEOPLE} 人"
    out = []
    for n, person in enumerate(people, start=1):
        row = person.as_dict()
        if not row["relation"] or not row["name"]:
            errors[f"household.{n}"] = f"家庭成员第 {n} 行：关系和姓名不能为空"
        if person.id_number.strip():
            try:
                row["id_number"] = idn.parse(person.id_number, today=today).number
            except idn.IdNumberError as exc:
                errors[f"household.{n}"] = f"家庭成员第 {n} 行：{exc}"
        _money(person.monthly_income_fen, f"家庭成员第 {n} 行月收入", f"household.{n}", errors)
        out.append(row)
    return out


def clean(data: FileInput, today: dt.date) -> dict[str, Any]:
    """The file's columns from a form; ValidationError naming every bad field."""
    errors: dict[str, str] = {}
    household = _people(data.household, errors, today)
    sources = []
    for n, item in enumerate(data.income_sources, start=1):
        name, fen = str(item.get("source", "")).strip(), int(item.get("annual_fen", 0))
        if not name:
            errors[f"income_sources.{n}"] = f"收入来源第 {n} 行：来源不能为空"
        _money(fen, f"收入来源第 {n} 行年收入", f"income_sources.{n}", errors)
        sources.append({"source": name, "annual_fen": fen})
    for key, label in (("medical_fen", "医疗支出"), ("schooling_fen", "就学支出")):
        _money(getattr(data, key), label, key, errors)
    _money(data.loss_fen, "事故或灾害损失", "loss_fen", errors)
    main = _cause(data.cause_main, "主要致困原因", "cause_main", errors, blank=False)
    second = _cause(data.cause_secondary, "次要致困原因", "cause_secondary", errors, blank=True)
    day = data.applied_on or today
    if day > today:
        errors["applied_on"] = "申请日期不能晚于今天"
    if len(data.note) > 2000:
        errors["note"] = "备注过长"
    if errors:
        raise ValidationError(errors)
    return dict(
        household=household,
        income_sources=sources,
        other_income_fen=sum(s["annual_fen"] for s in sources),
        medical_fen=data.medical_fen,
        schooling_fen=data.schooling_fen,
        loss_fen=data.loss_fen,
        accident=data.accident,
        cause_main=main,
        cause_secondary=second,
        note=data.note.strip(),
    )


def figures(file: HardshipFile, standard_fen: int) -> hr.Figures:
    """The rule's inputs from a file's household, sources and expenses."""
    monthly = sum(int(p.get("monthly_income_fen", 0)) for p in file.household)
    rigid = file.medical_fen + file.schooling_fen
    causes = {file.cause_main, file.cause_secondary}
    return hr.Figures(
        annual_income_fen=monthly * 12 + file.other_income_fen,
        rigid_fen=rigid,
        size=max(len(file.household), 1),
        standard_fen=standard_fen,
        hardship_costs_fen=rigid + file.loss_fen,
        accident=file.accident or bool(causes & hr.ACCIDENT_CAUSES),
    )


def assess(file: HardshipFile, standard_fen: int) -> hr.Assessment:
    return hr.assess(figures(file, standard_fen))


def next_year(day: dt.date) -> dt.date:
    """The same day a year later (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)
