"""Field checks shared by forms, imports and the command line. Messages name the field."""

from __future__ import annotations

import datetime as dt
import re

PHONE_MOBILE = re.compile(r"^1[3-9]\d{9}$")
PHONE_LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}(-\d{1,6})?$")


def normalise_phone(raw: str) -> str:
    text = "".join((raw or "").split()).replace("－", "-")
    if text.startswith("+86"):
        text = text[3:]
    elif text.startswith("0086"):
        text = text[4:]
    return text


def phone_error(raw: str) -> str | None:
    """None when the phone is empty or valid; else a Chinese message naming the field."""
    phone = normalise_phone(raw)
    if not phone:
        return None
    if PHONE_MOBILE.match(phone) or PHONE_LANDLINE.match(phone):
        return None
    return f"手机号“{raw}”格式不正确（应为 11 位手机号或带区号的固定电话）"


def parse_date(raw: str | dt.date | None, *, field: str) -> dt.date | None:
    """Accept 2026-11-22, 2026/11/22, 20261122, 2026年11月22日; None for empty."""
    if raw is None or raw == "":
        return None
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    text = (
        str(raw).strip().replace("年", "-").replace("月", "-").replace("日", "").replace("/", "-")
    )
    text = text.replace(".", "-")
    try:
        if re.fullmatch(r"\d{8}", text):
            return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
        y, m, d = (int(part) for part in text.split("-"))
        return dt.date(y, m, d)
    except (ValueError, TypeError):
        raise ValueError(f"{field}“{raw}”不是有效日期（例：2026-11-22）") from None


def period_of(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def parse_period(text: str) -> str:
    match = re.fullmatch(r"(\d{4})-?(\d{1,2})", (text or "").strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise ValueError(f"月份“{text}”格式不正确（例：2026-11）")
    return f"{int(match.group(1)):04d}-{int(match.group(2)):02d}"
