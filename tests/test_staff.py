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


def _account(ctx, username):
    return next(s for s in staff.list_staff(ctx) if s.username == username)


def _outbox_staff(ctx, staff_id):
    from sqlmodel import select

    from desktop.models import Outbox

    with ctx.read() as session:
        return session.exec(
            select(Outbox).where(Outbox.entity == "staff", Outbox.row_id == staff_id)
        ).all()


def test_head_resets_a_password_which_unlocks_and_syncs(ctx, head_ctx, db_path):
    from desktop import keys

    worker = _account(ctx, "worker")
    with pytest.raises(PermissionDenied, match="重置密码需要站长权限"):
        staff.reset_password(ctx, worker.id, "fresh5678")
    with pytest.raises(ValidationError) as err:
        staff.reset_password(head_ctx, worker.id, "12")
    assert err.value.errors == {"password": "密码至少 6 位"}
    for _ in range(staff.LOCK_AFTER):  # locked out...
        with pytest.raises(UserFacingError):
            staff.login(ctx, "worker", "wrong-password", sleep=False)
    staff.reset_password(head_ctx, worker.id, "fresh5678")  # ...and unlocked by the reset
    assert staff.login(ctx, "worker", "fresh5678", sleep=False).display_name == "王社工"
    with pytest.raises(UserFacingError, match="登录名或密码错误"):
        staff.login(ctx, "worker", "secret123", sleep=False)
    keyfile = keys.KeyFile.load(db_path)
    assert keyfile.unlock("worker", "fresh5678") == keys.ring_of(ctx.engine).data_key
    with pytest.raises(keys.UnlockError):
        keyfile.unlock("worker", "secret123")
    pushed = _outbox_staff(ctx, worker.id)[-1].payload
    assert pushed["record"]["password_hash"].startswith("$argon2id$")
    assert set(pushed["base"]) == {"password_hash"}


def test_deactivated_accounts_cannot_log_in_and_lose_their_wrap(ctx, head_ctx, db_path):
    from desktop import keys

    worker = _account(ctx, "worker")
    with pytest.raises(PermissionDenied, match="停用工作人员需要站长权限"):
        staff.deactivate(ctx, worker.id)
    staff.deactivate(head_ctx, worker.id)
    assert not _account(ctx, "worker").active
    assert "worker" not in keys.KeyFile.load(db_path).usernames()
    with pytest.raises(UserFacingError, match="登录名或密码错误"):
        staff.login(ctx, "worker", "secret123", sleep=False)
    with pytest.raises(UserFacingError, match="已经停用"):
        staff.deactivate(head_ctx, worker.id)
    with pytest.raises(UserFacingError, match="不能停用自己"):
        staff.deactivate(head_ctx, head_ctx.actor.staff_id)
    assert _outbox_staff(ctx, worker.id)[-1].payload["record"]["active"] is False


def test_the_last_active_head_cannot_be_deactivated(ctx, head_ctx):
    from desktop.services.context import Actor

    second = staff.add_staff(
        head_ctx, username="head2", display_name="副站长", role="站长", password="secret123"
    )
    other = head_ctx.as_actor(Actor.of(second))
    staff.deactivate(other, head_ctx.actor.staff_id)
    with pytest.raises(UserFacingError, match="唯一的站长"):  # from a session left open
        staff.deactivate(head_ctx, second.id)


def test_a_wrap_follows_a_password_synced_from_elsewhere(ctx, db_path):
    """A member whose password was changed at another station (or who came by sync) gets
    a wrap for it on their first login while the file is open."""
    from sqlmodel import Session

    from desktop import keys
    from desktop.models import Staff

    worker = _account(ctx, "worker")
    with Session(ctx.engine) as session:  # as a pulled record would land
        row = session.get(Staff, worker.id)
        row.password_hash = staff.hash_password("elsewhere1")
        session.add(row)
        session.commit()
    staff.login(ctx, "worker", "elsewhere1", sleep=False)
    assert keys.KeyFile.load(db_path).unlock("worker", "elsewhere1")
