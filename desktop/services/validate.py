"""Field checks shared by forms, imports and the command line. Messages name the field."""

from __future__ import annotations

import datetime as dt
import re

from contract.phone import PHONE_LANDLINE, PHONE_MOBILE, normalise_phone, phone_error

__all__ = [
    "PHONE_LANDLINE",
    "PHONE_MOBILE",
    "normalise_phone",
    "parse_date",
    "parse_period",
    "period_of",
    "phone_error",
]


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
