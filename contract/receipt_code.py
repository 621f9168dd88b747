"""The text in a receipt's QR code, signed with the station's receipt key.

SD1|<number>|<station code>|<total fen>|<YYYY-MM-DD>|<signature>
The signature is HMAC-SHA256 over the first five fields with the station's key (kept in the
station's settings and given to the district server at enrolment), base32, 16 characters. The
district server recomputes it to tell a genuine receipt from a forged or altered one.
"""

from __future__ import annotations

import base64
import hashlib
import hmac

PREFIX = "SD1"


def _mac(key_hex: str, text: str) -> str:
    digest = hmac.new(bytes.fromhex(key_hex), text.encode(), hashlib.sha256).digest()
    return base64.b32encode(digest[:10]).decode()


def make(key_hex: str, *, number: str, station_code: str, total_fen: int, issued_on: str) -> str:
    body = "|".join([PREFIX, number, station_code, str(total_fen), issued_on])
    return f"{body}|{_mac(key_hex, body)}"


def parse(text: str) -> dict[str, str]:
    parts = text.strip().split("|")
    if len(parts) != 6 or parts[0] != PREFIX:
        raise ValueError("不是工作台收据二维码")
    keys = ("prefix", "number", "station_code", "total_fen", "issued_on", "signature")
    return dict(zip(keys, parts, strict=True))


def verify(key_hex: str, text: str) -> bool:
    fields = parse(text)
    body = text.rsplit("|", 1)[0]
    return hmac.compare_digest(_mac(key_hex, body), fields["signature"])
