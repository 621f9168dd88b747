"""Phone numbers: an 11-digit mobile number or a landline with its area code (domain.md).

Station forms, imports and the district server all check with these, so a number the window
refuses is also refused from a hostile station or typed into the district console."""

from __future__ import annotations

import re

PHONE_MOBILE = re.compile(r"^1[3-9]\d{9}$")
PHONE_LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}(-\d{1,6})?$")


def normalise_phone(raw: str) -> str:
    """The stored spelling: no spaces, ASCII hyphen, no +86 / 0086 prefix."""
    text = "".join((raw or "").split()).replace("－", "-")
    if text.startswith("+86"):
        text = text[3:]
    elif text.startswith("0086"):
        text = text[4:]
    return text


def valid_stored_phone(phone: str) -> bool:
    """A phone as stored (already normalised): empty, a mobile or a landline number."""
    return not phone or bool(PHONE_MOBILE.match(phone) or PHONE_LANDLINE.match(phone))


def phone_error(raw: str) -> str | None:
    """None when the phone is empty or valid; else a Chinese message naming the field."""
    if valid_stored_phone(normalise_phone(raw)):
        return None
    return f"手机号“{raw}”格式不正确（应为 11 位手机号或带区号的固定电话）"
