"""Rules of rights cases (劳动争议调解) and membership intake (入会登记), for both sides.

Deadlines follow 调解仲裁法 arts. 12-14 as the station applies them: a written-down
application is accepted or refused within 3 working days, and a case is mediated within 15
days of its acceptance, plus any extension the parties agreed to (recorded on the case).
Working days skip Saturdays and Sundays only: the app holds no public-holiday calendar
(offline stations could not keep one current), so a deadline across a holiday falls early,
never late. The record checks run on the district server for every pushed case or intake.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from typing import TYPE_CHECKING, Any

from .enums import (
    CaseSource,
    CaseStatus,
    DisputeType,
    Education,
    Hukou,
    IntakeKind,
    JobGroup,
    PoliticalStatus,
)

if TYPE_CHECKING:
    from .rules import Rules

ACCEPT_WORKING_DAYS = 3
MEDIATION_DAYS = 15
MAX_EXTENSION_DAYS = 30  # one extension
MAX_CASE_FEN = 10**11  # ¥1,000,000,000.00 claimed or recovered in one case
MAX_WORKERS = 100_000
MAX_NAMED_WORKERS = 200
DUE_SOON_DAYS = 2  # a deadline this close shows on the dashboard as due

# status -> the statuses it may move to
TRANSITIONS: dict[str, frozenset[str]] = {
    "applied": frozenset({"accepted", "refused", "withdrawn"}),
    "accepted": frozenset({"mediating", "agreed", "arbitration", "withdrawn"}),
    "mediating": frozenset({"agreed", "arbitration", "withdrawn"}),
    "agreed": frozenset({"closed"}),
    "arbitration": frozenset({"closed"}),
    "withdrawn": frozenset({"closed"}),
    "refused": frozenset({"closed"}),
    "closed": frozenset(),
}
OPEN = frozenset({"applied", "accepted", "mediating"})  # deadlines run
OUTCOMES = frozenset({"agreed", "arbitration", "withdrawn", "refused"})  # closed_on is set

SOURCES = frozenset(item.value for item in CaseSource)
DISPUTES = frozenset(item.value for item in DisputeType)
STATUSES = frozenset(item.value for item in CaseStatus)
KINDS = frozenset(item.value for item in IntakeKind)
EDUCATION = frozenset(item.value for item in Education)
POLITICAL = frozenset(item.value for item in PoliticalStatus)
HUKOU = frozenset(item.value for item in Hukou)
JOBS = frozenset(item.value for item in JobGroup)


def add_working_days(start: dt.date, days: int) -> dt.date:
    """The day `days` working days (Monday-Friday) after start."""
    day = start
    left = days
    while left > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            left -= 1
    return day


def accept_by(received_on: dt.date) -> dt.date:
    """Last day to accept or refuse an application received on received_on."""
    return add_working_days(received_on, ACCEPT_WORKING_DAYS)


def mediate_by(accepted_on: dt.date, extensions: list[dict[str, Any]] | None = None) -> dt.date:
    """Last day of mediation: 15 days after acceptance plus the recorded extensions."""
    extra = sum(int(e.get("days") or 0) for e in extensions or [])
    return accepted_on + dt.timedelta(days=MEDIATION_DAYS + extra)


def deadline(
    status: str,
    received_on: dt.date,
    accepted_on: dt.date | None,
    extensions: list[dict[str, Any]] | None = None,
) -> dt.date | None:
    """The deadline a case in this status runs against (None once it has an outcome)."""
    if status == "applied":
        return accept_by(received_on)
    if status in ("accepted", "mediating"):
        return mediate_by(accepted_on or received_on, extensions)
    return None


def urgency(due: dt.date | None, today: dt.date) -> str:
    """ "overdue", "due" (within DUE_SOON_DAYS) or "" for a case's deadline."""
    if due is None:
        return ""
    if due < today:
        return "overdue"
    if (due - today).days <= DUE_SOON_DAYS:
        return "due"
    return ""


CONCLUDED = ("agreed", "arbitration", "withdrawn")  # a mediation's outcomes (办结)


def concluded(history: list[dict[str, Any]]) -> tuple[str, str] | None:
    """(outcome, ISO day) of the first mediation outcome in a case's history, or None: a case
    counts as concluded in that month (a later 结案 does not move it)."""
    for step in history or []:
        if isinstance(step, dict) and step.get("status") in CONCLUDED:
            return str(step["status"]), str(step.get("on") or "")
    return None


def may_move(current: str, target: str) -> bool:
    return target in TRANSITIONS.get(current, frozenset())


def check_case(r: Rules) -> None:
    """A pushed rights case: enumerations, dates in order, counts and amounts in range."""
    data = r.data
    r.choice("source", SOURCES)
    r.choice("dispute_type", DISPUTES)
    r.choice("status", STATUSES)
    received = r.date("received_on")
    accepted = r.date("accepted_on", required=False)
    r.date("closed_on", required=False)
    if accepted is not None and received is not None and accepted < received:
        raise r.fail("accepted_on", "受理日期不能早于登记日期")
    if data.get("source") == "hotline" and not str(data.get("ticket_no") or "").strip():
        raise r.fail("ticket_no", "12351 工单应填写工单号")
    workers = data.get("workers") or []
    if not isinstance(workers, list) or len(workers) > MAX_NAMED_WORKERS:
        raise r.fail("workers", f"一件案件最多列 {MAX_NAMED_WORKERS} 名职工")
    for worker in workers:
        if not isinstance(worker, dict) or not (worker.get("member_id") or worker.get("name")):
            raise r.fail("workers", "每名职工应有会员编号或姓名")
    count = r.amount("worker_count", 1, MAX_WORKERS)
    if count < len(workers):
        raise r.fail("worker_count", "涉及人数不能少于所列职工人数")
    r.amount("claimed_fen", 0, MAX_CASE_FEN)
    r.amount("recovered_fen", 0, MAX_CASE_FEN)
    for name in DATED_LISTS:
        entries = data.get(name) or []
        if not isinstance(entries, list):
            raise r.fail(name, "格式不对")
        for entry in entries:  # each dated as the month lock reads it (changed_days)
            day = entry.get("on") if isinstance(entry, dict) else None
            try:
                type(r)(r.entity, {"on": day}, r.today).date("on")
            except ValueError:
                problem = f"每条记录应注明日期 YYYY-MM-DD，且在合理范围内（收到 {str(day)[:20]!r}）"
                raise r.fail(name, problem) from None


def check_intake(r: Rules) -> None:
    """A pushed intake or transfer record."""
    data = r.data
    r.choice("kind", KINDS)
    r.date("on_date")
    r.choice("education", EDUCATION, blank=True)
    r.choice("political_status", POLITICAL, blank=True)
    r.choice("hukou", HUKOU, blank=True)
    r.choice("job_group", JOBS, blank=True)
    if not str(data.get("member_id") or ""):
        raise r.fail("member_id", "应指明会员")
    if data.get("kind") != "join" and not str(data.get("other_union") or "").strip():
        raise r.fail("other_union", "会籍接转应写明转出或转入的工会")


# The month lock of a case (the district re-checks what the station's services refuse): a case
# is one row that moves on, so its month is not one date but the day of each of its parts.
# Fields the case is written down with (登记), dated by its received_on; the station never
# changes them afterwards.
REGISTRATION = (
    "case_no", "source", "ticket_no", "received_on", "employer", "dispute_type", "matter",
    "workers", "worker_count", "claimed_fen", "mediator_id",
)  # fmt: skip
DATED_LISTS = ("history", "notes", "extensions")  # each entry carries its day ("on")
STEP_FIELDS = ("status", "agreement_terms")  # set by the status step they came with


def _day_of(value: Any) -> str:
    return value[:10] if isinstance(value, str) else ""


def _parts(data: dict[str, Any] | None) -> Counter[tuple[str, str, str]]:
    """(field, content, ISO day) of every dated part of a stored or pushed case."""
    out: Counter[tuple[str, str, str]] = Counter()
    if not data or data.get("deleted"):
        return out
    written = {name: data.get(name) for name in REGISTRATION}
    out[("received_on", _canon(written), _day_of(data.get("received_on")))] += 1
    for name in DATED_LISTS:
        entries = data.get(name)
        for entry in entries if isinstance(entries, list) else ():
            day = _day_of(entry.get("on")) if isinstance(entry, dict) else ""
            out[(name, _canon(entry), day)] += 1
    for name in ("accepted_on", "closed_on"):
        if data.get(name):
            out[(name, _canon(data[name]), _day_of(data[name]))] += 1
    return out


def _canon(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def _last_step_day(data: dict[str, Any]) -> str:
    history = data.get("history")
    steps = [s for s in history if isinstance(s, dict)] if isinstance(history, list) else []
    return _day_of(steps[-1].get("on")) if steps else _day_of(data.get("received_on"))


def changed_days(
    old: dict[str, Any] | None, new: dict[str, Any], today: dt.date
) -> list[tuple[str, str]]:
    """(field, ISO day) of each part of a case that a change adds, alters or removes, as the
    station's services date them: registration by received_on, each step, contact note and
    extension by its own day, the status (with the agreement's terms) by the step that set
    it, the amount recovered by the day it is recorded (today). A new case adds all its
    parts; a deleted one removes them. A day that is not a date counts as ""."""
    before, after = _parts(old), _parts(new)
    order = ("received_on", "accepted_on", *DATED_LISTS, "closed_on")
    changed = sorted((before - after) + (after - before), key=lambda p: (p[2], order.index(p[0])))
    days = [(name, day) for name, _content, day in changed]
    old = old or {}
    if not new.get("deleted") and any(old.get(k) != new.get(k) for k in STEP_FIELDS):
        days.append(("status", _last_step_day(new)))
    if old and old.get("recovered_fen") != new.get("recovered_fen"):
        days.append(("recovered_fen", today.isoformat()))
    return days
