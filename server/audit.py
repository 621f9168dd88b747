"""The district anchors each station's audit chain (issue 14).

A station sends, after its sync, the audit events the district has not seen and its chain's
head. The district recomputes every hash from the last head it holds: events that do not
continue it (the station's last rows deleted, or rows rewritten) raise an integrity flag for the
district's list, and the district then anchors the head the station has now, so the break is
reported once. The events are kept (district-owned records, never pulled by a station): a
reveal or an export of personal data at a station is thus on record at the district too.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from sqlalchemy import Connection, Engine

from contract.audit import AuditAnswer, AuditEventWire, AuditHead, AuditUpload, event_hash

from .derived import stable_id
from .push import StationAuth
from .rows import Row, flush, load, now


def _anchor_id(station_id: str) -> str:
    return stable_id("audit-anchor", station_id)


def _row(auth: StationAuth, entity: str, row_id: str, data: dict[str, Any]) -> Row:
    return Row(
        entity=entity,
        id=row_id,
        district_id=auth.district_id,
        owner=auth.district_id,  # the district's: no station pulls it
        version=1,
        deleted=False,
        data={"id": row_id, "station_id": auth.station_id, **data},
        dirty=True,
    )


def held_head(conn: Connection, auth: StationAuth) -> tuple[int, str, Row | None]:
    key = ("audit_anchor", _anchor_id(auth.station_id))
    row = load(conn, [key], lock=True).get(key)
    if row is None:
        return 0, "", None
    return int(row.data["seq"]), str(row.data["hash"]), row


def _break_in(seq: int, digest: str, upload: AuditUpload) -> str:
    """Why the upload does not continue the held head (seq, digest); "" when it does."""
    if upload.head_seq < seq:
        return f"审计记录被删除：区里已记到第 {seq} 条，服务站现在只到第 {upload.head_seq} 条"
    for event in sorted(upload.events, key=lambda e: e.seq):
        if event.seq != seq + 1 or event.prev_hash != digest:
            return f"审计链在第 {event.seq} 条接不上区里记的第 {seq} 条（之前的记录被删除或改写）"
        if event_hash(digest, event) != event.hash:
            return f"第 {event.seq} 条审计记录与它的哈希不符（内容被改写）"
        seq, digest = event.seq, event.hash
    if (
        upload.events
        and (seq, digest) != (upload.head_seq, upload.head_hash)
        and (seq == upload.head_seq)
    ):
        return f"服务站报的链头与第 {seq} 条审计记录不符"
    return ""


def _event_row(auth: StationAuth, event: AuditEventWire) -> Row:
    data = event.model_dump()
    return _row(auth, "audit_event", stable_id("audit", auth.station_id, str(event.seq)), data)


def accept(engine: Engine, auth: StationAuth, upload: AuditUpload) -> AuditAnswer:
    """Check and keep the events; move the held head (after a break too: it is flagged once)."""
    with engine.begin() as conn:
        seq, digest, anchor = held_head(conn, auth)
        reason = _break_in(seq, digest, upload)
        rows = [_event_row(auth, e) for e in upload.events]
        last = max(upload.events, key=lambda e: e.seq) if upload.events else None
        new_seq, new_hash = (last.seq, last.hash) if last else (seq, digest)
        if reason:
            new_seq, new_hash = upload.head_seq, upload.head_hash
            flag = {
                "entity": "audit_event",
                "row_id": "",
                "field": "hash",
                "reason": reason,
                "held": {"seq": seq, "hash": digest},
                "reported": {"seq": upload.head_seq, "hash": upload.head_hash},
                "created_at": now().isoformat(),
            }
            key = stable_id("audit-break", auth.station_id, str(seq), upload.head_hash)
            rows.append(_row(auth, "integrity_flag", key, flag))
        held = {"seq": new_seq, "hash": new_hash, "updated_at": now().isoformat()}
        if anchor is None:
            rows.append(_row(auth, "audit_anchor", _anchor_id(auth.station_id), held))
        else:
            anchor.data.update(held)
            anchor.version += 1
            anchor.dirty = True
            rows.append(anchor)
        # an event or a break already kept (a retried upload) is not written twice
        existing = load(conn, [(r.entity, r.id) for r in rows if r.entity != "audit_anchor"])
        flush(
            conn,
            [r for r in rows if r.entity == "audit_anchor" or (r.entity, r.id) not in existing],
        )
    return AuditAnswer(
        status="broken" if reason else "ok", seq=new_seq, hash=new_hash, reason=reason
    )


def head_of(engine: Engine, auth: StationAuth) -> AuditHead:
    with engine.connect() as conn:
        seq, digest, _row_ = held_head(conn, auth)
    return AuditHead(seq=seq, hash=digest)


def router(current_station: Any, errors: dict[int | str, dict[str, Any]]) -> APIRouter:
    """/v1/audit routes, authenticated like push and pull and answering errors in the same
    documented shape (current_station and the error responses from server.app)."""
    routes = APIRouter()
    station_dep = Depends(current_station)  # a default, not an Annotated alias: this module's
    # annotations are strings, resolved in its globals where a local alias is not

    @routes.get("/v1/audit/head", response_model=AuditHead, responses=errors)
    def audit_head(request: Request, station: StationAuth = station_dep) -> AuditHead:
        return head_of(request.app.state.engine, station)

    @routes.post("/v1/audit", response_model=AuditAnswer, responses=errors)
    def audit_upload(
        body: AuditUpload, request: Request, station: StationAuth = station_dep
    ) -> AuditAnswer:
        if "\\u0000" in body.model_dump_json():  # PostgreSQL text cannot hold NUL
            raise HTTPException(422, "审计记录含有不允许的字符")
        return accept(request.app.state.engine, station, body)

    return routes


__all__ = ["accept", "head_of", "router"]
