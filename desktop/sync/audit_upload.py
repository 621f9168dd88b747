"""After a sync: the audit events the district has not seen yet, and the chain's head
(server/audit.py checks they continue the head it holds). A break is the district's to see:
the station only reports that it was told."""

from __future__ import annotations

import httpx
from sqlalchemy import Engine, text

from contract.audit import MAX_EVENTS, AuditAnswer, AuditEventWire, AuditHead, AuditUpload

HEAD_SQL = text("SELECT seq, hash FROM auditevent ORDER BY seq DESC LIMIT 1")


def _events(engine: Engine, after: int) -> list[AuditEventWire]:
    """The next events after `after`, read as services.uow.verify_audit_chain reads them (so
    each one's time is the text its hash covers)."""
    from sqlmodel import Session, col, select

    from desktop.models import AuditEvent

    with Session(engine) as session:
        rows = session.exec(
            select(AuditEvent)
            .where(col(AuditEvent.seq) > after)
            .order_by(col(AuditEvent.seq))
            .limit(MAX_EVENTS)
        ).all()
    return [
        AuditEventWire(
            seq=row.seq or 0,
            at=row.at.isoformat(),
            staff_id=row.staff_id,
            action=row.action,
            entity=row.entity,
            row_id=row.row_id,
            detail=row.detail,
            prev_hash=row.prev_hash,
            hash=row.hash,
        )
        for row in rows
    ]


def send(engine: Engine, http: httpx.Client) -> AuditAnswer | None:
    """Send what the district lacks, a batch at a time; the last answer (None: nothing to do)."""
    with engine.connect() as conn:
        head = conn.execute(HEAD_SQL).first()
    head_seq, head_hash = (int(head[0]), str(head[1])) if head else (0, "")
    held = AuditHead.model_validate(http.get("/v1/audit/head").raise_for_status().json())
    if (held.seq, held.hash) == (head_seq, head_hash):
        return None  # the district holds this head already: nothing to send
    after, answer = held.seq, None
    while answer is None or (answer.status == "ok" and answer.seq < head_seq):
        events = _events(engine, after) if head_seq > after else []
        if answer is not None and not events:
            break
        body = AuditUpload(head_seq=head_seq, head_hash=head_hash, events=events)
        reply = http.post("/v1/audit", content=body.model_dump_json(), headers=JSON)
        answer = AuditAnswer.model_validate(reply.raise_for_status().json())
        after = answer.seq
    return answer


JSON = {"Content-Type": "application/json"}
