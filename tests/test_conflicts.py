"""Resolving member conflicts: the choice becomes an ordinary edit (with its base), then resolved."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlmodel import Session, col, select

from desktop.models import AuditEvent, Conflict, Member, Outbox
from desktop.services import members, ui_queries
from desktop.services.conflicts import resolve_conflicts
from desktop.services.errors import NotFound, UserFacingError, ValidationError

ID = "11010519491231002X"


@pytest.fixture
def member(ctx) -> Member:
    data = members.MemberInput(name="张三", id_number=ID, phone="13800000001", employer="甲厂")
    return members.add_member(ctx, data)


def _conflict(engine, member_id: str, field: str, local: str | None, server: str | None) -> str:
    row = Conflict(
        entity="member",
        row_id=member_id,
        field=field,
        local_value=local,
        server_value=server,
        server_version=3,
    )
    with Session(engine) as session:
        session.add(row)
        session.commit()
        return row.id


def _set_conflict_state(engine, member_id: str) -> None:
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE member SET sync_state='conflict', sync_error='x' WHERE id=:id"),
            {"id": member_id},
        )


def _outbox(engine, member_id: str) -> list[Outbox]:
    with Session(engine) as session:
        query = select(Outbox).where(Outbox.row_id == member_id).order_by(col(Outbox.seq))
        return list(session.exec(query).all())


def test_choices_become_one_edit_with_base_and_resolve(ctx, engine, member):
    # the station holds its own values; the other station's are on the server
    phone = _conflict(engine, member.id, "phone", "13800000001", "13900000002")
    employer = _conflict(engine, member.id, "employer", "甲厂", "乙公司")
    address = _conflict(engine, member.id, "address", "", "东路1号")
    before = len(_outbox(engine, member.id))
    assert len(ui_queries.open_conflicts(ctx)) == 3

    done = resolve_conflicts(ctx, {phone: "server", employer: "local", address: "server"})

    assert done == 3
    stored = members.get_member(ctx, member.id)
    assert (stored.phone, stored.employer, stored.address) == ("13900000002", "甲厂", "东路1号")
    assert stored.sync_state == "pending"
    entries = _outbox(engine, member.id)
    assert len(entries) == before + 1  # one ordinary edit, not one per field
    assert entries[-1].payload["base"] == {"phone": "13800000001", "address": ""}
    assert ui_queries.open_conflicts(ctx) == []
    with Session(engine) as session:
        rows = session.exec(select(Conflict)).all()
        assert all(r.resolved_at is not None for r in rows)
        audit = session.exec(select(AuditEvent).where(AuditEvent.action == "conflict.resolve"))
        event = audit.one()
    assert event.detail["fields"] == {"phone": "server", "employer": "local", "address": "server"}
    assert "139" not in str(event.detail)  # no personal values in the audit


def test_keeping_what_the_row_holds_writes_nothing_and_clears_the_mark(ctx, engine, member):
    cid = _conflict(engine, member.id, "employer", "丙厂", "甲厂")  # row already has 甲厂
    _set_conflict_state(engine, member.id)
    before = len(_outbox(engine, member.id))
    assert resolve_conflicts(ctx, {cid: "server"}) == 1
    assert len(_outbox(engine, member.id)) == before
    stored = members.get_member(ctx, member.id)
    assert (stored.employer, stored.sync_state, stored.sync_error) == ("甲厂", "synced", None)


def test_mark_stays_while_another_conflict_is_open(ctx, engine, member):
    first = _conflict(engine, member.id, "employer", "丙厂", "甲厂")
    _conflict(engine, member.id, "address", "西路", "东路")
    _set_conflict_state(engine, member.id)
    resolve_conflicts(ctx, {first: "server"})
    assert members.get_member(ctx, member.id).sync_state == "conflict"
    assert len(ui_queries.open_conflicts(ctx)) == 1


def test_bad_choice_unknown_id_and_repeat_are_refused(ctx, engine, member):
    cid = _conflict(engine, member.id, "employer", "甲厂", "乙公司")
    with pytest.raises(ValidationError):
        resolve_conflicts(ctx, {cid: "both"})
    with pytest.raises(NotFound):
        resolve_conflicts(ctx, {"no-such-id": "local"})
    resolve_conflicts(ctx, {cid: "local"})
    with pytest.raises(UserFacingError, match="已经处理过"):
        resolve_conflicts(ctx, {cid: "server"})
    assert resolve_conflicts(ctx, {}) == 0


def test_invalid_chosen_value_is_a_field_error_and_nothing_is_resolved(ctx, engine, member):
    cid = _conflict(engine, member.id, "phone", "12345", "13900000002")
    with pytest.raises(ValidationError) as caught:
        resolve_conflicts(ctx, {cid: "local"})
    assert "phone" in caught.value.errors
    assert len(ui_queries.open_conflicts(ctx)) == 1


def test_derived_field_can_only_keep_the_server_version(ctx, engine, member):
    cid = _conflict(engine, member.id, "gender", "female", "male")
    with pytest.raises(UserFacingError, match="只能保留服务器版本"):
        resolve_conflicts(ctx, {cid: "local"})
    assert resolve_conflicts(ctx, {cid: "server"}) == 1


def test_auditor_cannot_resolve(auditor_ctx, engine, member):
    cid = _conflict(engine, member.id, "employer", "甲厂", "乙公司")
    with pytest.raises(UserFacingError):
        resolve_conflicts(auditor_ctx, {cid: "server"})
