"""Fixtures: a fresh migrated SQLite file per test, a station, and staff of each role."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import datetime as dt  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from contract.enums import Role  # noqa: E402
from desktop import keys  # noqa: E402
from desktop.services import staff as staff_service  # noqa: E402
from desktop.services.context import Actor, Ctx  # noqa: E402
from desktop.store import open_store  # noqa: E402

# Tests only: a fixed data key and a cheap argon2 cost for key wraps. The production path
# (random key, keys.KdfCost() defaults) is the same code with other numbers.
TEST_KEY = bytes(range(32))
keys.set_kdf_cost(keys.KdfCost(time_cost=1, memory_kib=8, parallelism=1))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "station.sqlite3"


@pytest.fixture
def engine(db_path: Path):
    """The station file, encrypted as in production (with the fixed test key)."""
    engine = open_store(db_path, TEST_KEY)
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


@pytest.fixture(scope="session")
def cups_pdf():
    """A real spooler: CUPS with a cups-pdf queue (tests/print_queue.py)."""
    from print_queue import cups_pdf_queue

    return cups_pdf_queue()
