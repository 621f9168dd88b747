from __future__ import annotations

import pytest

from contract.enums import Role
from desktop.services import staff
from desktop.services.errors import PermissionDenied, UserFacingError, ValidationError


def test_login_checks_argon2id_and_locks_after_repeated_failures(ctx):
    account = next(s for s in staff.list_staff(ctx) if s.username == "worker")
    assert account.password_hash.startswith("$argon2id$")
    actor = staff.login(ctx, "worker", "secret123", sleep=False)
    assert actor.role == Role.SOCIAL_WORKER
    for _ in range(staff.LOCK_AFTER):
        with pytest.raises(UserFacingError, match="登录名或密码错误"):
            staff.login(ctx, "worker", "wrong-password", sleep=False)
    with pytest.raises(UserFacingError, match="秒后再试"):
        staff.login(ctx, "worker", "secret123", sleep=False)  # even the right password waits
    with pytest.raises(UserFacingError, match="登录名或密码错误"):
        staff.login(ctx, "nobody", "secret123", sleep=False)


def test_only_the_station_head_adds_staff(ctx, head_ctx):
    with pytest.raises(PermissionDenied, match="站长"):
        staff.add_staff(
            ctx, username="x1", display_name="新社工", role="社工", password="secret123"
        )
    with pytest.raises(ValidationError) as err:
        staff.add_staff(
            head_ctx, username="worker", display_name="重名", role="社工", password="123"
        )
    assert set(err.value.errors) == {"password"}
    with pytest.raises(ValidationError) as err:
        staff.add_staff(
            head_ctx, username="worker", display_name="重名", role="社工", password="secret123"
        )
    assert "已存在" in err.value.errors["username"]
    added = staff.add_staff(
        head_ctx, username="x1", display_name="新社工", role="社工", password="secret123"
    )
    assert added.role == "social_worker"


def test_station_head_edits_station_details_audited_and_queued(ctx, head_ctx):
    from sqlmodel import select

    from desktop.models import AuditEvent, Outbox
    from desktop.services.uow import verify_audit_chain

    with pytest.raises(PermissionDenied, match="站长"):
        staff.update_station(ctx, address="新地址")
    with pytest.raises(ValidationError) as err:
        staff.update_station(head_ctx, name=" ", phone="12345")
    assert set(err.value.errors) == {"name", "phone"}
    station = staff.update_station(
        head_ctx, name="测试街道工会服务站", address="天河路 1 号", phone="020-87654321"
    )
    assert (station.address, station.phone, station.version) == ("天河路 1 号", "020-87654321", 2)
    with head_ctx.read() as session:
        event = session.exec(select(AuditEvent).where(AuditEvent.action == "station.edit")).one()
        outbox = session.exec(select(Outbox).where(Outbox.entity == "station")).all()
    assert event.detail == {"fields": ["address", "phone"]}  # the name did not change
    assert outbox[-1].payload["base"] == {"address": "", "phone": ""}
    assert verify_audit_chain(head_ctx) is None
