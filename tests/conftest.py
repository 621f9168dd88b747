"""Fixtures: a fresh migrated SQLite file per test, a station, and staff of each role."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import datetime as dt  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from contract.enums import Role  # noqa: E402
from desktop.services import staff as staff_service  # noqa: E402
from desktop.services.context import Actor, Ctx  # noqa: E402
from desktop.store import open_store  # noqa: E402


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "station.sqlite3"


@pytest.fixture
def engine(db_path: Path):
    engine = open_store(db_path)
    yield engine
    engine.dispose()


@pytest.fixture
def station_ctx(engine) -> Ctx:
    """A station with no staff yet, acting as the system."""
    ctx = staff_service.init_station(
        engine,
        code="4401060001",
        name="测试街道工会服务站",
        district_code="440106",
        district_name="天河区",
        union_name="测试街道总工会",
    )
    ctx.today_fn = lambda: dt.date(2026, 11, 20)
    return ctx


def _make_staff(ctx: Ctx, username: str, name: str, role: Role) -> Actor:
    staff = staff_service.add_staff(
        ctx, username=username, display_name=name, role=role, password="secret123"
    )
    return Actor.of(staff)


@pytest.fixture
def ctx(station_ctx: Ctx) -> Ctx:
    """Acting as a social worker of the test station (today is 2026-11-20)."""
    head = _make_staff(station_ctx, "head", "李站长", Role.STATION_HEAD)
    head_ctx = station_ctx.as_actor(head)
    worker = _make_staff(head_ctx, "worker", "王社工", Role.SOCIAL_WORKER)
    _make_staff(head_ctx, "reviewer", "赵审核", Role.REVIEWER)
    _make_staff(head_ctx, "auditor", "钱审计", Role.AUDITOR)
    return station_ctx.as_actor(worker)


@pytest.fixture
def head_ctx(ctx: Ctx) -> Ctx:
    staff = next(s for s in staff_service.list_staff(ctx) if s.username == "head")
    return ctx.as_actor(Actor.of(staff))


@pytest.fixture
def auditor_ctx(ctx: Ctx) -> Ctx:
    staff = next(s for s in staff_service.list_staff(ctx) if s.username == "auditor")
    return ctx.as_actor(Actor.of(staff))
