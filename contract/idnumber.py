"""ID numbers: 居民身份证 (GB 11643-1999) and 港澳台居民居住证 (81/82/83 region prefix).

Pure functions, no database: the same checks serve forms, imports and sync.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"

# First two digits of valid province-level region codes (GB/T 2260), plus 81/82/83 for the
# residence permits of Hong Kong, Macao and Taiwan residents.
PROVINCES = {
    "11",
    "12",
    "13",
    "14",
    "15",
    "21",
    "22",
    "23",
    "31",
    "32",
    "33",
    "34",
    "35",
    "36",
    "37",
    "41",
    "42",
    "43",
    "44",
    "45",
    "46",
    "50",
    "51",
    "52",
    "53",
    "54",
    "61",
    "62",
    "63",
    "64",
    "65",
    "71",
    "81",
    "82",
    "83",
    "91",
}
PERMIT_PREFIXES = {"810000": "hk", "820000": "mo", "830000": "tw"}


class IdNumberError(ValueError):
    """A blocking problem with an ID number; the message is Chinese and shown as it is."""


@dataclass(frozen=True)
class IdInfo:
    number: str  # normalised 18-character form
    id_type: str  # "resident" (居民身份证) or "permit_hk" / "permit_mo" / "permit_tw"
    birth_date: dt.date
    gender: str  # "male" / "female"
    warnings: tuple[str, ...] = ()


def check_char(first17: str) -> str:
    """The GB 11643 check character for the first 17 digits."""
    total = sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True))
    return CHECK_CHARS[total % 11]


_ASCII_DIGITS = re.compile(r"[0-9]+", re.ASCII)
_SHAPE = re.compile(r"[0-9]{17}[0-9X]", re.ASCII)
_FULL_WIDTH = re.compile("[\uff10-\uff19\uff38\uff58]")  # ０-９, Ｘ, ｘ


def upgrade15(number: str) -> str:
    """Upgrade a legacy 15-digit number (YYMMDD, no check) to 18 characters."""
    if len(number) != 15 or not _ASCII_DIGITS.fullmatch(number):
        raise IdNumberError("15 位身份证号码应全部为数字")
    first17 = number[:6] + "19" + number[6:]
    return first17 + check_char(first17)


def normalise(raw: str) -> str:
    """Strip surrounding spaces, upper-case the x, upgrade 15 digits; no validity check."""
    text = (raw or "").strip().upper()
    if len(text) == 15 and _ASCII_DIGITS.fullmatch(text):
        return upgrade15(text)
    return text


def _shape_problem(number: str) -> str | None:
    """What is wrong with the characters of a stripped number, before any arithmetic."""
    if not number:
        return "身份证号码不能为空"
    if _FULL_WIDTH.search(number):
        return "身份证号码含全角数字或字母，请改用半角（英文输入法）输入"
    if any(ch.isspace() for ch in number):
        return "身份证号码中间不能有空格"
    if len(number) != 18:
        return f"身份证号码应为 18 位，现为 {len(number)} 位"
    if not _SHAPE.fullmatch(number):
        return "身份证号码前 17 位应为数字，最后一位为数字或 X"
    return None


def parse(raw: str, *, today: dt.date | None = None) -> IdInfo:
    """Validate and decode an ID number, raising IdNumberError with a Chinese reason.

    An unknown region code is not a block: it comes back in IdInfo.warnings, which every
    place a number is entered shows (form, import preview, command output).
    """
    number = normalise(raw or "")
    problem = _shape_problem(number)
    if problem:
        raise IdNumberError(problem)
    try:
        birth = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise IdNumberError(f"身份证号码中的出生日期 {number[6:14]} 不存在") from None
    today = today or dt.date.today()
    if birth > today or birth.year < 1800:
        raise IdNumberError(f"身份证号码中的出生日期 {birth.isoformat()} 不合理")
    if number[17] != check_char(number[:17]):
        raise IdNumberError("身份证号码校验位错误，请核对号码")
    warnings: list[str] = []
    id_type = "resident"
    prefix = number[:6]
    if prefix in PERMIT_PREFIXES:
        id_type = "permit_" + PERMIT_PREFIXES[prefix]
    elif number[:2] not in PROVINCES:
        warnings.append(f"身份证号码的地区码 {prefix} 未知，请核对号码")
    gender = "male" if int(number[16]) % 2 == 1 else "female"
    return IdInfo(number, id_type, birth, gender, tuple(warnings))


def is_valid(raw: str) -> bool:
    try:
        parse(raw)
    except IdNumberError:
        return False
    return True


def mask(number: str | None, *, head: int = 6, tail: int = 4) -> str:
    """Mask an ID number for lists and printouts: first 6 and last 4 characters kept."""
    if not number:
        return ""
    if len(number) <= head + tail:
        return "*" * len(number)
    return number[:head] + "*" * (len(number) - head - tail) + number[-tail:]
