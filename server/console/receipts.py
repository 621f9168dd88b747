"""收据核验: a receipt number, or the text of its scanned QR code, checked against what the
stations synced: 有效 / 内容被改动 / 已作废 / 查无此票, with the content as issued.

The QR text carries number, station, total and date, signed with the station's receipt key
(contract/receipt_code.py; the key reached the server at enrolment). A signature that does
not match, fields that differ from the stored receipt, or a stored receipt whose content no
longer matches its hash all mean 内容被改动.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlalchemy import Connection, select

from contract import receipt_code
from contract.rules import canonical_hash

from ..db import record, station
from ..rows import query_rows
from .accounts import User, audit
from .web import Viewer, engine_of, needs, render

router = APIRouter()
VALID, ALTERED, VOIDED, UNKNOWN = "有效", "内容被改动", "已作废", "查无此票"


@dataclass
class Verdict:
    status: str
    reasons: list[str] = field(default_factory=list)
    content: dict[str, Any] = field(default_factory=dict)
    void_reason: str = ""

    @property
    def css(self) -> str:
        return {VALID: "ok", VOIDED: "off"}.get(self.status, "bad")


def _stored(conn: Connection, district_id: str, number: str) -> dict[str, Any] | None:
    rows = query_rows(
        conn,
        record.c.entity == "receipt",
        record.c.district_id == district_id,
        record.c.natural_key == number,
    )
    return rows[0].data | {"deleted": rows[0].deleted} if rows else None


def _key_of(conn: Connection, district_id: str, code: str) -> str | None:
    return conn.execute(
        select(station.c.receipt_key).where(
            station.c.code == code, station.c.district_id == district_id
        )
    ).scalar()


def _from_qr(conn: Connection, user: User, text: str) -> Verdict:
    try:
        fields = receipt_code.parse(text)
    except ValueError as exc:
        return Verdict(UNKNOWN, [str(exc)])
    key = _key_of(conn, user.district_id, fields["station_code"])
    if key is None:
        return Verdict(UNKNOWN, [f"本区没有编码为 {fields['station_code']} 的服务站"])
    try:
        signed = bool(key) and receipt_code.verify(key, text)
    except ValueError:
        signed = False
    if not signed:
        return Verdict(ALTERED, ["二维码签名与服务站的收据密钥不符：票面号码、金额或日期被改动"])
    stored = _stored(conn, user.district_id, fields["number"])
    if stored is None:
        return Verdict(UNKNOWN, ["签名有效，但区里还没有这张收据（服务站可能尚未同步）"])
    verdict = _judge(stored)
    content = verdict.content
    differs = [
        label
        for name, label in (("total_fen", "金额"), ("issued_on", "日期"))
        if str(content.get(name)) != fields[name]
    ]
    if differs and verdict.status == VALID:
        verdict.status = ALTERED
    verdict.reasons += [f"二维码的{label}与区里保存的收据不同" for label in differs]
    return verdict


def _judge(stored: dict[str, Any]) -> Verdict:
    content = stored.get("content") or {}
    verdict = Verdict(VALID, content=content if isinstance(content, dict) else {})
    if canonical_hash(content) != stored.get("content_hash"):
        verdict.status = ALTERED
        verdict.reasons.append("收据内容与开具时的校验值不符")
    if stored.get("voided") or stored.get("deleted"):
        verdict.status = VOIDED
        verdict.void_reason = str(stored.get("void_reason") or "")
    return verdict


def verify(conn: Connection, user: User, text: str) -> Verdict:
    text = text.strip()
    if text.upper().startswith(receipt_code.PREFIX + "|"):
        return _from_qr(conn, user, text)
    stored = _stored(conn, user.district_id, text)
    if stored is None:
        return Verdict(UNKNOWN, [f"本区没有号码为 {text} 的收据"])
    return _judge(stored)


@router.get("/receipts")
def receipts_page(request: Request, user: Viewer) -> Response:
    return render(request, "receipts.html", user, "receipts", verdict=None, query="")


@router.post("/receipts")
async def check_receipt(request: Request, user: Viewer) -> Response:
    await needs("viewer")(request, user)
    form = await request.form()
    query = str(form.get("query") or "").strip()[:500]
    if not query:
        return render(
            request,
            "receipts.html",
            user,
            "receipts",
            verdict=None,
            query="",
            failure="收据号码或二维码内容：不能为空",
        )
    with engine_of(request).begin() as conn:
        verdict = verify(conn, user, query)
        audit(conn, user, "receipt.verify", query[:64], verdict.status)
    return render(request, "receipts.html", user, "receipts", verdict=verdict, query=query)
