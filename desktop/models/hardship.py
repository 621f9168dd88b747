"""Hardship files (困难职工档案) and students followed by 金秋助学 (issue 16).

A file is one household: the household members live in a JSON column (they are never looked
up alone), and so does the file's history of steps (each dated and by whom). A student is a
child of a member, followed from school year to school year until graduation; each year's
grant is a relief hand-out naming the student and the school year.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Column
from sqlmodel import Field

from .base import Synced


class HardshipFile(Synced, table=True):
    """困难职工档案: one per household, headed by a member."""

    member_id: str = Field(index=True)
    file_no: str = ""  # issued at 建档
    status: str = "applied"  # contract/hardship.py STATUSES
    category: str = "none"  # the category in force (computed, or chosen by the head)
    computed_category: str = "none"  # what the rule gave at the last assessment
    category_reason: str = ""  # the head's reason when category differs from the rule
    cause_main: str = "other"
    cause_secondary: str = ""
    household: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON))
    income_sources: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON))
    other_income_fen: int = 0  # per year, besides the members' monthly income
    medical_fen: int = 0  # rigid expenses per year
    schooling_fen: int = 0
    loss_fen: int = 0  # accident or disaster losses per year
    accident: bool = False
    standard_fen: int = 0  # the 低保 standard the last assessment used
    applied_on: dt.date
    visit_id: str | None = None
    publish_period: str = ""  # YYYY-MM of the 公示
    established_on: dt.date | None = None
    review_due: dt.date | None = Field(default=None, index=True)
    closed_on: dt.date | None = None
    close_reason: str = ""
    steps: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON))
    note: str = ""


class DibaoStandard(Synced, table=True):
    """The local minimum living standard (低保), per person per month, as the district sets it
    (synced down); a station not enrolled keeps its own in a setting instead."""

    standard_fen: int
    effective_on: dt.date
    note: str = ""


class Student(Synced, table=True):
    """A child followed by student aid (金秋助学) until graduation."""

    member_id: str = Field(index=True)
    hardship_file_id: str | None = None
    name: str
    id_number: str = ""
    school: str = ""
    stage: str  # contract/hardship.py STAGES
    entry_year: int
    expected_graduation: int
    status: str = "studying"
    graduated_on: dt.date | None = None
