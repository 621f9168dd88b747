"""The domain's rules on a record's values, one set for both sides.

contract/records.py checks a record's shape (its columns and their JSON types); this module
checks what the values say: dates in ISO form only and within a sane window, the period equal
to the month of its date, enumerations, money in fen within range, ID numbers. The district
server runs it on every pushed record (server/judge.py adds the checks that need the district's
rows: references, receipt numbers, ownership, the month lock); the station uses the same
functions for what it receives. Every refusal is a RecordError naming the record and the field
in Chinese.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable
from typing import Any

from . import cases, idnumber, receipt_code
from .enums import (
    Gender,
    Hardship,
    IdType,
    JobGroup,
    LogCategory,
    MembershipStatus,
    ProgramType,
    ReliefStatus,
    Role,
    Topic,
    VisitType,
)
from .hardship_check import check_file, check_standard, check_student
from .money import capitals
from .phone import phone_error, valid_stored_phone
from .records import RecordError

EARLIEST = dt.date(2000, 1, 1)  # no fact of a station is older than the system
CLOCK_MARGIN = dt.timedelta(days=2)  # a station's date may run ahead of the server's UTC date
FUTURE_PLAN = dt.timedelta(days=3 * 366)  # follow-ups and hardship reviews are planned ahead
MAX_HANDOUT_FEN = 10_000_000  # one hand-out: at most ¥100,000.00
MAX_RECOVERED_FEN = 10**11  # wages recovered in one log entry: at most ¥1,000,000,000.00
MAX_COUNT = 100_000  # people or cases counted in one log entry
MAX_GOODS = 100  # goods lines of one hand-out
MAX_VISIT_MEMBERS = 200  # members named by one visit
MAX_SERIAL = 999_999  # receipt serials are six digits

ENTITY_LABELS = {
    "station": "服务站资料",
    "staff": "工作人员",
    "member": "会员",
    "fund_program": "帮扶项目",
    "program_budget": "项目预算",
    "relief": "帮扶发放",
    "receipt": "收据",
    "visit": "走访记录",
    "station_log": "工作日志",
    "month_close": "月结",
    "rights_case": "维权个案",
    "member_intake": "入会登记",
    "hardship_file": "困难职工档案",
    "student": "助学学生",
    "dibao_standard": "低保标准",
}

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)
_TIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}", re.ASCII)
_PERIOD = re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])", re.ASCII)


def refuse(entity: str, name: str, problem: str) -> RecordError:
    """The refusal of one field: 帮扶发放 字段 cash_fen：不能为负数."""
    return RecordError(f"{ENTITY_LABELS.get(entity, entity)} 字段 {name}：{problem}")


def canonical_hash(data: Any) -> str:
    """The content hash of a receipt (and of audit entries): SHA-256 of canonical JSON."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode()).hexdigest()


class Rules:
    """The checks of one record; today is the checking side's UTC date."""

    def __init__(self, entity: str, data: dict[str, Any], today: dt.date) -> None:
        self.entity = entity
        self.data = data
        self.today = today

    def fail(self, name: str, problem: str) -> RecordError:
        return refuse(self.entity, name, problem)

    def date(
        self,
        name: str,
        *,
        earliest: dt.date = EARLIEST,
        ahead: dt.timedelta = CLOCK_MARGIN,
        required: bool = True,
    ) -> dt.date | None:
        value = self.data.get(name)
        if value is None and not required:
            return None
        if not isinstance(value, str) or not _DATE.fullmatch(value):
            raise self.fail(name, f"日期应写作 YYYY-MM-DD（收到 {str(value)[:20]!r}）")
        day = dt.date.fromisoformat(value)
        if day < earliest or day > self.today + ahead:
            raise self.fail(name, f"日期 {value} 不在合理范围内（{earliest.isoformat()} 至今）")
        return day

    def time(self, name: str) -> None:
        value = self.data.get(name)
        if value is not None and not (isinstance(value, str) and _TIME.match(value)):
            raise self.fail(name, "时间应写作 ISO 格式（YYYY-MM-DDTHH:MM:SS）")

    def choice(self, name: str, allowed: frozenset[str], *, blank: bool = False) -> None:
        value = self.data.get(name)
        if value in allowed or (blank and value == ""):
            return
        raise self.fail(name, f"取值 {str(value)[:20]!r} 不在允许的范围内")

    def amount(self, name: str, low: int, high: int) -> int:
        value = self.data.get(name, 0)
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.fail(name, "金额应为整数（分）")
        if value < low:
            raise self.fail(name, "不能为负数" if low == 0 else f"不能小于 {low}")
        if value > high:
            raise self.fail(name, f"超出上限 {high}")
        return value

    def common(self) -> None:
        data = self.data
        version, created, updated = (
            data.get("version", 1),
            data.get("created_at"),
            data.get("updated_at"),
        )
        if (
            (version.__class__ is not int or version >= 1)
            and (created is None or (created.__class__ is str and _TIME.match(created)))
            and (updated is None or (updated.__class__ is str and _TIME.match(updated)))
        ):
            return  # the common case, in one test; below, the field at fault is named
        if isinstance(version, int) and version < 1:
            raise self.fail("version", "版本号应从 1 开始")
        self.time("created_at")
        self.time("updated_at")


def _values(kind: type[Any]) -> frozenset[str]:
    return frozenset(item.value for item in kind)


STATUSES = _values(ReliefStatus)
VISIT_TYPES = _values(VisitType)
PROGRAM_TYPES = _values(ProgramType)
JOB_GROUPS = _values(JobGroup)
ID_TYPES = _values(IdType)
GENDERS = _values(Gender)
MEMBERSHIP = _values(MembershipStatus)
HARDSHIP = _values(Hardship)
LOG_CATEGORIES = _values(LogCategory)
TOPICS = _values(Topic)
ROLES = _values(Role)


def _member(r: Rules) -> None:
    data = r.data
    get = data.get
    if not (
        get("id_type") in ID_TYPES
        and (get("gender") in GENDERS or get("gender") == "")
        and get("job_group") in JOB_GROUPS
        and get("membership_status") in MEMBERSHIP
        and get("hardship_category") in HARDSHIP
    ):  # one test for the common case; the field at fault is named below
        r.choice("id_type", ID_TYPES)
        r.choice("gender", GENDERS, blank=True)
        r.choice("job_group", JOB_GROUPS)
        r.choice("membership_status", MEMBERSHIP)
        r.choice("hardship_category", HARDSHIP)
    number = data.get("id_number")
    if not isinstance(number, str):
        raise r.fail("id_number", "身份证号不能为空")
    if not valid_id_number(number, r.today):
        try:
            idnumber.parse(number, today=r.today)
        except idnumber.IdNumberError as exc:
            raise r.fail("id_number", str(exc)) from None
    phone = get("phone")
    if phone and not (isinstance(phone, str) and valid_stored_phone(phone)):
        raise r.fail("phone", phone_error(str(phone)[:20]) or "")
    if get("birth_date") is not None:
        r.date("birth_date", earliest=dt.date(1900, 1, 1), ahead=dt.timedelta(0))
    if get("consent_sensitive_on") is not None:
        r.date("consent_sensitive_on")
    if get("consent_disclosure_on") is not None:
        r.date("consent_disclosure_on")
    if get("hardship_review_date") is not None:
        r.date("hardship_review_date", ahead=FUTURE_PLAN)


_CANONICAL_ID = re.compile(r"[0-9]{17}[0-9X]", re.ASCII)
_EARLIEST_BIRTH = dt.date(1800, 1, 1)


def valid_id_number(number: str, today: dt.date) -> bool:
    """True for an ID number in its stored spelling that idnumber.parse accepts (check
    character, a birth date that exists and is not in the future), without building what
    parse returns: the server checks thousands per push. False means "ask parse", whose
    refusal names the problem (tests/sync/test_contract.py holds the two equal)."""
    if not _CANONICAL_ID.fullmatch(number):
        return False
    d = number.encode()
    total = (
        (d[0] - 48) * 7
        + (d[1] - 48) * 9
        + (d[2] - 48) * 10
        + (d[3] - 48) * 5
        + (d[4] - 48) * 8
        + (d[5] - 48) * 4
        + (d[6] - 48) * 2
        + (d[7] - 48)
        + (d[8] - 48) * 6
        + (d[9] - 48) * 3
        + (d[10] - 48) * 7
        + (d[11] - 48) * 9
        + (d[12] - 48) * 10
        + (d[13] - 48) * 5
        + (d[14] - 48) * 8
        + (d[15] - 48) * 4
        + (d[16] - 48) * 2
    )
    if "10X98765432"[total % 11] != number[17]:
        return False
    try:
        birth = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    return _EARLIEST_BIRTH <= birth <= today


def _goods(r: Rules) -> int:
    goods = r.data.get("goods") or []
    if not isinstance(goods, list) or len(goods) > MAX_GOODS:
        raise r.fail("goods", f"物资清单应为最多 {MAX_GOODS} 行的列表")
    total = 0
    for line in goods:
        if not isinstance(line, dict) or not isinstance(line.get("item"), str):
            raise r.fail("goods", "物资行应写明物品名称")
        quantity, value = line.get("quantity"), line.get("value_fen")
        if isinstance(quantity, bool) or not isinstance(quantity, int | float) or quantity <= 0:
            raise r.fail("goods", f"物资“{line['item'][:20]}”的数量应为正数")
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise r.fail("goods", f"物资“{line['item'][:20]}”的金额应为非负整数（分）")
        total += value
    return total


def _relief(r: Rules) -> None:
    data = r.data
    r.choice("status", STATUSES)
    adjustment = data.get("status") == "adjustment"
    low, high = (-MAX_HANDOUT_FEN, 0) if adjustment else (0, MAX_HANDOUT_FEN)
    r.amount("cash_fen", low, high)
    goods_value = r.amount("goods_value_fen", low, high)
    if _goods(r) != abs(goods_value):
        raise r.fail("goods_value_fen", "与物资清单各行金额之和不符")
    if adjustment and not data.get("adjusts_id"):
        raise r.fail("adjusts_id", "调整记录应指明所调整的发放")
    if data.get("status") == "void" and not str(data.get("void_reason") or "").strip():
        raise r.fail("void_reason", "作废应写明原因")
    day = r.date("issued_on")
    assert day is not None
    if data.get("period") != day.isoformat()[:7]:
        raise r.fail("period", f"应为发放日期所在月份 {day.isoformat()[:7]}")


def _visit(r: Rules) -> None:
    r.choice("visit_type", VISIT_TYPES)
    r.date("visited_on")
    r.date("followup_due", ahead=FUTURE_PLAN, required=False)
    r.date("followup_done_on", required=False)
    members = r.data.get("member_ids") or []
    if not isinstance(members, list) or len(members) > MAX_VISIT_MEMBERS:
        raise r.fail("member_ids", f"一次走访最多记 {MAX_VISIT_MEMBERS} 名会员")
    if not all(isinstance(m, str) and 0 < len(m) <= 64 for m in members):
        raise r.fail("member_ids", "会员编号格式不对")
    if len(set(members)) != len(members):
        raise r.fail("member_ids", "同一会员重复出现")


def _station_log(r: Rules) -> None:
    r.date("log_date")
    r.choice("category", LOG_CATEGORIES)
    r.choice("topic", TOPICS, blank=True)
    r.choice("job_group", JOB_GROUPS, blank=True)
    for name in ("visitors", "consultations", "mediations", "workers_involved"):
        r.amount(name, 0, MAX_COUNT)
    for name in ("new_members", "services"):
        r.amount(name, 0, MAX_COUNT)
    r.amount("amount_recovered_fen", 0, MAX_RECOVERED_FEN)


def _month_close(r: Rules) -> None:
    period = r.data.get("period")
    if not isinstance(period, str) or not _PERIOD.fullmatch(period):
        raise r.fail("period", "月份应写作 YYYY-MM")
    first = dt.date.fromisoformat(period + "-01")
    if first < EARLIEST or first > r.today + CLOCK_MARGIN:
        raise r.fail("period", f"月份 {period} 不在合理范围内")
    r.time("closed_at")


def _staff(r: Rules) -> None:
    r.choice("role", ROLES)
    r.amount("failed_logins", 0, MAX_COUNT)


def _program(r: Rules) -> None:
    r.choice("program_type", PROGRAM_TYPES)
    year = r.data.get("year")
    if not isinstance(year, int) or not EARLIEST.year <= year <= r.today.year + 1:
        raise r.fail("year", f"年度应在 {EARLIEST.year} 至 {r.today.year + 1} 之间")
    for name in ("annual_cap_fen",):
        if r.data.get(name) is not None:
            r.amount(name, 0, MAX_HANDOUT_FEN * 100)
    rules = r.data.get("amount_rules") or {}
    if not isinstance(rules, dict) or not all(
        isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= MAX_HANDOUT_FEN
        for v in rules.values()
    ):
        raise r.fail("amount_rules", f"标准金额应为 0 至 {MAX_HANDOUT_FEN} 分的整数")


def receipt_number(station_code: str, year: int, serial: int) -> str:
    """A receipt's number: station code + year + six-digit serial."""
    return f"{station_code}-{year}-{serial:06d}"


def _receipt(r: Rules) -> None:
    data = r.data
    day = r.date("issued_on")
    assert day is not None
    if data.get("year") != day.year:
        raise r.fail("year", f"应为开具日期所在年度 {day.year}")
    serial = data.get("serial")
    if not isinstance(serial, int) or not 1 <= serial <= MAX_SERIAL:
        raise r.fail("serial", f"流水号应在 1 至 {MAX_SERIAL} 之间")
    r.amount("print_count", 0, MAX_COUNT)


def check_receipt_content(data: dict[str, Any]) -> None:
    """A receipt's frozen content agrees with itself: hash, number, date, figures, capitals."""
    content = data.get("content")
    if not isinstance(content, dict):
        raise refuse("receipt", "content", "收据内容缺失")
    if canonical_hash(content) != data.get("content_hash"):
        raise refuse("receipt", "content_hash", "与收据内容不符")
    for name in ("number", "issued_on"):
        if content.get(name) != data.get(name):
            raise refuse("receipt", "content", f"内容中的 {name} 与收据不符")
    figures = {}
    for name in ("cash_fen", "goods_value_fen", "total_fen"):
        value = content.get(name)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise refuse("receipt", "content", f"内容中的 {name} 应为非负整数（分）")
        if value > MAX_HANDOUT_FEN:
            raise refuse("receipt", "content", f"内容中的 {name} 超出上限 {MAX_HANDOUT_FEN}")
        figures[name] = value
    if figures["total_fen"] != figures["cash_fen"] + figures["goods_value_fen"]:
        raise refuse("receipt", "content", "合计金额不等于现金与物资之和")
    if content.get("amount_capitals") != capitals(figures["total_fen"]):
        raise refuse("receipt", "content", "大写金额与合计金额不符")


def check_receipt_owner(data: dict[str, Any], station_code: str, key_hex: str) -> None:
    """The number is this station's (code + year + serial) and the verification code in the
    content is signed with this station's receipt key (when the district holds one)."""
    year, serial = data.get("year"), data.get("serial")
    expected = receipt_number(station_code, int(year or 0), int(serial or 0))
    if data.get("number") != expected:
        raise refuse("receipt", "number", f"收据号应为 {expected}（服务站编码-年度-流水号）")
    content = data.get("content") or {}
    text = content.get("verify")
    try:
        fields = receipt_code.parse(text) if isinstance(text, str) else None
        # a station enrolled before it sent its key: its codes cannot be checked, only read
        genuine = fields is not None and (not key_hex or receipt_code.verify(key_hex, text or ""))
    except ValueError:
        genuine = False
    if not genuine or fields is None:
        raise refuse("receipt", "content", "防伪码与本站收据密钥不符")
    if (
        fields["number"] != expected
        or fields["station_code"] != station_code
        or fields["total_fen"] != str(content.get("total_fen"))
        or fields["issued_on"] != data.get("issued_on")
    ):
        raise refuse("receipt", "content", "防伪码与收据号、金额或日期不符")


CHECKS: dict[str, Callable[[Rules], None]] = {
    "member": _member,
    "relief": _relief,
    "receipt": _receipt,
    "visit": _visit,
    "station_log": _station_log,
    "month_close": _month_close,
    "staff": _staff,
    "fund_program": _program,
    "rights_case": cases.check_case,
    "member_intake": cases.check_intake,
    "hardship_file": check_file,
    "student": check_student,
    "dibao_standard": check_standard,
}


def check(
    entity: str,
    data: dict[str, Any],
    *,
    today: dt.date | None = None,
    receipt_content: bool = True,
) -> None:
    """Raise RecordError naming the record and the field where a value breaks a rule.

    receipt_content=False leaves a receipt's frozen content to the caller: the server checks
    it against the stored content first (a changed one is an integrity matter, not a typo)."""
    rules = Rules(entity, data, today or dt.datetime.now(dt.UTC).date())
    rules.common()
    extra = CHECKS.get(entity)
    if extra is not None:
        extra(rules)
    if entity == "receipt" and receipt_content:
        check_receipt_content(data)
