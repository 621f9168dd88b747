from __future__ import annotations

import pytest

from desktop.models.enums import Role
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
