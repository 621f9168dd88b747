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
