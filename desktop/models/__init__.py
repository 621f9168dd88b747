"""Tables and value rules of a station. No Qt here."""

from .base import LOCAL_COLUMNS, Synced, new_id, utcnow
from .cases import MemberIntake, RightsCase
from .hardship import HardshipFile, Student
from .tables import (
    SYNCED_TABLES,
    AuditEvent,
    Conflict,
    DuplicateFlag,
    FundProgram,
    Member,
    MonthClose,
    Outbox,
    ProgramBudget,
    Receipt,
    ReceiptCounter,
    ReliefDistribution,
    Setting,
    Staff,
    Station,
    StationLog,
    Visit,
    VisitMember,
)

__all__ = [
    "LOCAL_COLUMNS",
    "SYNCED_TABLES",
    "AuditEvent",
    "Conflict",
    "DuplicateFlag",
    "FundProgram",
    "HardshipFile",
    "Member",
    "MemberIntake",
    "MonthClose",
    "Outbox",
    "ProgramBudget",
    "Receipt",
    "ReceiptCounter",
    "ReliefDistribution",
    "RightsCase",
    "Setting",
    "Staff",
    "Station",
    "StationLog",
    "Student",
    "Synced",
    "Visit",
    "VisitMember",
    "new_id",
    "utcnow",
]
