"""The station's tables. Money is integer fen; dates are dates; ids are UUIDv7 strings."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Column, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from .base import Synced, new_id, utcnow
from .cases import MemberIntake, RightsCase
from .hardship import DibaoStandard, HardshipFile, Student


class Station(Synced, table=True):
    """服务站. code is globally unique: district code + number."""

    code: str = Field(unique=True, max_length=32)
    name: str
    district_code: str = ""
    district_name: str = ""
    union_name: str = ""  # issuing union printed on receipts, e.g. 某某街道总工会
    address: str = ""
    phone: str = ""


class Staff(Synced, table=True):
    """工作人员: a local account; password_hash is argon2id."""

    username: str = Field(unique=True, max_length=64)
    display_name: str
    role: str
    password_hash: str
    active: bool = True
    failed_logins: int = 0
    locked_until: dt.datetime | None = None


class Member(Synced, table=True):
    """会员/职工: shared across the stations of a district (the one record two stations edit)."""

    __table_args__ = (
        Index("ix_member_pinyin", "pinyin_full"),
        Index("ix_member_initials", "pinyin_initials"),
        Index("ix_member_id_rev", "id_rev"),
        Index("ix_member_phone_rev", "phone_rev"),
        Index("ix_member_employer", "employer"),
    )

    name: str = Field(index=True)
    id_type: str = "resident"
    id_number: str = Field(unique=True, max_length=18)
    gender: str = ""
    birth_date: dt.date | None = None
    phone: str = ""
    employer: str = ""
    job_group: str = "other"
    membership_status: str = "active"
    hardship_category: str = "none"
    hardship_file_no: str = ""
    hardship_review_date: dt.date | None = None
    bank_account: str = ""
    address: str = ""
    consent_sensitive_on: dt.date | None = None
    consent_disclosure_on: dt.date | None = None
    notes: str = ""
    # search helpers, derived locally and never synced
    pinyin_full: str = ""
    pinyin_initials: str = ""
    id_rev: str = ""
    phone_rev: str = ""


class FundProgram(Synced, table=True):
    """帮扶项目: rules are data from the district, never code."""

    __table_args__ = (UniqueConstraint("code", "year"),)

    code: str
    year: int
    name: str
    program_type: str
    funding_source: str = ""
    receipt_title: str = ""
    # named standard amounts, e.g. {"higher_education": 500000, "high_school": 300000}
    amount_rules: dict[str, int] = Field(default_factory=dict, sa_column=Column(JSON))
    max_times_per_year: int | None = None
    annual_cap_fen: int | None = None
    max_amount_fen: int | None = None  # the largest single hand-out (cash plus goods)
    excludes: list[str] = Field(default_factory=list, sa_column=Column(JSON))  # program codes
    active: bool = True
    # hardship categories whose active file a recipient must hold (empty: anyone); issue 16
    requires_file: list[str] = Field(default_factory=list, sa_column=Column(JSON))


class ProgramBudget(Synced, table=True):
    """A program's budget for one station."""

    __table_args__ = (UniqueConstraint("program_id", "budget_station_id"),)

    program_id: str = Field(index=True)
    budget_station_id: str
    budget_fen: int


class ReliefDistribution(Synced, table=True):
    """帮扶发放: append-only; corrected by voiding or by an adjustment that references it."""

    __table_args__ = (
        Index("ix_relief_member_program", "member_id", "program_id"),
        Index("ix_relief_program_station", "program_id", "station_id"),
        Index("ix_relief_hardship_file", "hardship_file_id"),
        Index("ix_relief_student", "student_id"),
    )

    member_id: str = Field(index=True)
    program_id: str
    cash_fen: int = 0
    goods: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON))
    goods_value_fen: int = 0
    issued_on: dt.date = Field(index=True)
    period: str = Field(index=True)  # YYYY-MM of issued_on
    handler_id: str
    reviewer_id: str | None = None
    receipt_id: str | None = None
    status: str = "issued"
    void_reason: str = ""
    voided_at: dt.datetime | None = None
    voided_by: str | None = None
    override_reason: str = ""
    campaign: str = ""
    visit_id: str | None = None
    adjusts_id: str | None = None
    note: str = ""
    hardship_file_id: str | None = None  # the household's file (issue 16)
    student_id: str | None = None  # 金秋助学: the child and the school year granted
    school_year: str | None = None  # e.g. 2026-2027


class Receipt(Synced, table=True):
    """收据: number = station code + year + serial, gapless; content frozen and hashed."""

    __table_args__ = (UniqueConstraint("station_id", "year", "serial"),)

    number: str = Field(unique=True)
    year: int
    serial: int
    distribution_id: str = Field(index=True)
    issued_on: dt.date
    content: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))
    content_hash: str
    print_count: int = 0  # first print + reprints (补打)
    voided: bool = False
    void_reason: str = ""


class ReceiptCounter(SQLModel, table=True):
    """Last serial used per station and year: local bookkeeping for gapless allocation."""

    station_id: str = Field(primary_key=True)
    year: int = Field(primary_key=True)
    last_serial: int = 0


class Visit(Synced, table=True):
    """走访记录."""

    visit_type: str
    visited_on: dt.date = Field(index=True)
    staff_id: str
    purpose: str = ""
    findings: str = ""
    followup_needed: bool = False
    followup_due: dt.date | None = Field(default=None, index=True)
    followup_done_on: dt.date | None = None
    member_ids: list[str] = Field(default_factory=list, sa_column=Column(JSON))
    void_reason: str | None = None  # set with deleted: voided in an open month, and why


class VisitMember(SQLModel, table=True):
    """Index of visit members for timelines; rebuilt from Visit.member_ids (the synced truth)."""

    visit_id: str = Field(primary_key=True)
    member_id: str = Field(primary_key=True, index=True)


class StationLog(Synced, table=True):
    """工作日志 entry."""

    log_date: dt.date = Field(index=True)
    staff_id: str
    category: str
    topic: str = ""  # consultation topic
    job_group: str = ""  # recruited members' job group
    visitors: int = 0
    consultations: int = 0
    mediations: int = 0
    workers_involved: int = 0
    amount_recovered_fen: int = 0
    new_members: int = 0
    services: int = 0  # rest-station service count
    text: str = ""
    void_reason: str | None = None  # set with deleted: voided in an open month, and why


class MonthClose(Synced, table=True):
    """月结 of one period; a closed period is read-only."""

    __table_args__ = (UniqueConstraint("station_id", "period"),)

    period: str
    totals: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))
    receipt_first: str = ""
    receipt_last: str = ""
    voided_numbers: list[str] = Field(default_factory=list, sa_column=Column(JSON))
    closed_by: str
    closed_at: dt.datetime = Field(default_factory=utcnow)
    server_status: str = ""  # "", "confirmed", "mismatch"
    server_message: str = ""


class DuplicateFlag(SQLModel, table=True):
    """A duplicate-aid flag raised by the district server (synced down)."""

    id: str = Field(default_factory=new_id, primary_key=True)
    member_id: str = Field(index=True)
    program_id: str
    period: str
    reason: str
    distribution_ids: list[str] = Field(default_factory=list, sa_column=Column(JSON))
    created_at: dt.datetime = Field(default_factory=utcnow)


class Conflict(SQLModel, table=True):
    """A field changed on both sides: shown to a person and resolved with a new version."""

    id: str = Field(default_factory=new_id, primary_key=True)
    entity: str
    row_id: str = Field(index=True)
    field: str
    local_value: str | None = None
    server_value: str | None = None
    server_version: int = 0
    created_at: dt.datetime = Field(default_factory=utcnow)
    resolved_at: dt.datetime | None = None


class Outbox(SQLModel, table=True):
    """Local changes waiting for push; written in the same transaction as the row."""

    seq: int | None = Field(default=None, primary_key=True)
    mutation_id: str = Field(default_factory=new_id, unique=True)
    entity: str
    row_id: str = Field(index=True)
    op: str  # "upsert" or "delete"
    base_version: int = 0
    payload: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))
    created_at: dt.datetime = Field(default_factory=utcnow)
    state: str = Field(default="pending", index=True)  # pending / done / rejected
    attempts: int = 0
    last_error: str | None = None


class AuditEvent(SQLModel, table=True):
    """Who did what to which record; hash-chained so tampering shows. No personal values."""

    seq: int | None = Field(default=None, primary_key=True)
    at: dt.datetime = Field(default_factory=utcnow)
    staff_id: str | None = None
    action: str
    entity: str = ""
    row_id: str = ""
    detail: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))
    prev_hash: str = ""
    hash: str = ""


class Setting(SQLModel, table=True):
    """Key-value settings of this device (station id, sync cursor, receipt format...)."""

    key: str = Field(primary_key=True)
    value: str = ""


SYNCED_TABLES: dict[str, type[Synced]] = {
    "station": Station,
    "staff": Staff,
    "member": Member,
    "fund_program": FundProgram,
    "program_budget": ProgramBudget,
    "relief": ReliefDistribution,
    "receipt": Receipt,
    "visit": Visit,
    "station_log": StationLog,
    "month_close": MonthClose,
    "rights_case": RightsCase,
    "member_intake": MemberIntake,
    "hardship_file": HardshipFile,
    "student": Student,
    "dibao_standard": DibaoStandard,
}
