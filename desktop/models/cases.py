"""Rights cases (维权个案 / 劳动争议调解) and membership intake records (入会登记, 会籍接转).

A case is owned by the station that accepted it and changes as it moves on (status, notes,
extensions, amount recovered), so it is one row with its history in JSON lists rather than a
fact per step: every step is dated and names who took it. An intake record is a fact: one
joining or one transfer, never edited after it is written (a mistake is voided).
Money is integer fen.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Column, UniqueConstraint
from sqlmodel import Field

from .base import Synced


class RightsCase(Synced, table=True):
    """维权个案: one dispute, its workers, its steps and its deadlines."""

    __table_args__ = (UniqueConstraint("station_id", "case_no"),)

    case_no: str  # e.g. 4401060001-2026-T0003: station code, year, serial
    source: str  # CaseSource value
    ticket_no: str = ""  # the 12351 hotline ticket number
    received_on: dt.date = Field(index=True)  # the application was written down
    accepted_on: dt.date | None = None
    closed_on: dt.date | None = None  # the day it reached an outcome
    employer: str
    dispute_type: str  # DisputeType value
    matter: str = ""  # 申请事项 and reasons, as the applicant said them
    # [{"member_id": str | None, "name": str, "phone": str}]: members by id, others by name
    workers: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON))
    worker_count: int = 1  # may exceed the named workers (a group names 3-5 representatives)
    claimed_fen: int = 0
    recovered_fen: int = 0
    status: str = Field(default="applied", index=True)  # CaseStatus value
    # [{"status", "on", "by", "by_name", "note"}]: every status change, oldest first
    history: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON))
    # [{"on", "by", "by_name", "text"}]: notes of each contact with the parties
    notes: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON))
    # [{"days", "reason", "on", "by", "by_name"}]: agreed extensions of the 15-day mediation
    extensions: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON))
    mediator_id: str = ""
    agreement_terms: str = ""  # 协议内容, printed on the 调解协议书


class MemberIntake(Synced, table=True):
    """入会登记 or 会籍接转 of one member: the fields of the member registration form."""

    member_id: str = Field(index=True)
    kind: str  # IntakeKind value
    on_date: dt.date = Field(index=True)  # joined / transferred
    card_no: str = ""  # 会员证号
    ethnicity: str = ""
    education: str = ""  # Education value
    political_status: str = ""  # PoliticalStatus value
    hukou: str = ""  # Hukou value (户籍类型)
    employer: str = ""
    joint_union: str = ""  # 联合工会 the worker joins when the employer has no union
    job_group: str = ""  # JobGroup value
    other_union: str = ""  # 会籍接转: the union transferred from or to
    staff_id: str = ""
    note: str = ""
    void_reason: str | None = None  # set with deleted: voided in an open month, and why
