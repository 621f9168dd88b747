"""A district deactivation races the station's own writes to the same staff record."""

from __future__ import annotations

import re

import pytest

from desktop.services import staff as staff_service
from desktop.services.errors import UserFacingError

from .test_flow import District, console, district  # noqa: F401  (fixture)


def test_deactivation_survives_failed_logins_made_at_the_station_before_its_pull(
    district: District,  # noqa: F811
) -> None:
    a = district.station(1)
    staff_service.add_staff(
        a.ctx, username="worker1", display_name="王社工", role="social_worker",
        password="secret123",
    )  # fmt: skip
    a.sync()
    c = console(district)
    page = c.get(f"/console/stations/{a.code}").text
    found = re.search(
        r'/staff/([^/]+)/deactivate"[^>]*>\s*<input[^>]*>\s*<button[^>]*data-user="worker1"', page
    )
    assert found
    c.post(f"/console/stations/{a.code}/staff/{found.group(1)}/deactivate")
    # offline, the worker mistypes (fewer times than lock the account): the station writes
    # the staff record before it pulls the deactivation
    for _ in range(2):
        with pytest.raises(UserFacingError):
            staff_service.login(a.ctx, "worker1", "wrong-pass", sleep=False)
    a.sync()
    a.sync()
    from desktop.models import Staff

    mine = next(s for s in a.rows(Staff) if s.username == "worker1")
    assert mine.active is False and mine.failed_logins < staff_service.LOCK_AFTER
    with pytest.raises(UserFacingError, match="登录名或密码错误"):
        staff_service.login(a.ctx, "worker1", "secret123", sleep=False)


def test_a_login_the_district_deactivates_no_longer_unlocks_the_station_file(
    district: District,  # noqa: F811
) -> None:
    """The key wrap of a deactivated login goes at the pull that brings the change: the old
    password opens neither the window nor a copy of the file."""
    from desktop import keys

    a = district.station(1)
    db = district.root / a.code / "station.sqlite3"
    ring = keys.Keyring(db, bytes(range(32)))  # the harness's station key
    keys.attach(a.engine, ring)
    staff_service.add_staff(
        a.ctx, username="worker1", display_name="王社工", role="social_worker",
        password="secret123",
    )  # fmt: skip
    assert "worker1" in ring.keyfile().usernames()
    assert keys.KeyFile.load(db).unlock("worker1", "secret123") == bytes(range(32))
    a.sync()
    c = console(district)
    page = c.get(f"/console/stations/{a.code}").text
    found = re.search(
        r'/staff/([^/]+)/deactivate"[^>]*>\s*<input[^>]*>\s*<button[^>]*data-user="worker1"', page
    )
    assert found
    c.post(f"/console/stations/{a.code}/staff/{found.group(1)}/deactivate")
    a.sync()
    assert "worker1" not in ring.keyfile().usernames()
    with pytest.raises(keys.UnlockError):
        keys.KeyFile.load(db).unlock("worker1", "secret123")
