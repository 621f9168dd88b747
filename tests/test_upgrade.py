"""Data safety across upgrades: a file the previous release made (schema 0001, see
scripts/make_release_fixture.py) opened by today's store is backed up, migrated, and intact."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from release_fixture import (
    COUNTS,
    FIRST_MEMBER,
    FIXTURE,
    PASSWORD,
    RECEIPT_KEY,
    REVISION,
    copy_fixture,
    dump,
    dump_upgraded,
)
from sqlmodel import Session, select

from contract import receipt_code
from desktop import store
from desktop.models import Member, Outbox, Receipt, ReliefDistribution
from desktop.services import members, relief, staff
from desktop.services.uow import canonical_hash, verify_audit_chain


@pytest.fixture
def upgraded(tmp_path):
    path = copy_fixture(tmp_path / "station")
    engine = store.open_store(path)
    yield path, engine
    engine.dispose()


def test_fixture_is_the_previous_release_schema_with_data():
    assert FIXTURE.stat().st_size < 200_000
    assert store.current_revision(FIXTURE) == REVISION != store.head_revision()
    assert {table: len(rows) for table, rows in dump(FIXTURE).items() if rows} == COUNTS


def test_opening_takes_a_backup_of_the_old_file_first(upgraded):
    path, _engine = upgraded
    backups = list((path.parent / "backups").iterdir())
    assert len(backups) == 1
    assert f"before-migrate-{REVISION}" in backups[0].name
    assert store.current_revision(backups[0]) == REVISION
    assert dump(backups[0]) == dump(FIXTURE)
    assert store.migrate(path) is None  # already current: no second backup
    assert len(list((path.parent / "backups").iterdir())) == 1


def test_every_row_survives_the_migration_to_head(upgraded):
    path, _engine = upgraded
    assert store.current_revision(path) == store.head_revision()
    assert dump_upgraded(path) == dump(FIXTURE)
    con = sqlite3.connect(path)
    indexes = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    con.close()
    assert "ix_relief_program_station" in indexes  # 0002 ran


def test_upgraded_records_read_back_through_the_services(upgraded):
    _path, engine = upgraded
    ctx = staff.local_context(engine)
    member = members.get_member(ctx, FIRST_MEMBER["id"])
    assert (member.name, member.id_number) == (FIRST_MEMBER["name"], FIRST_MEMBER["id_number"])
    assert member.birth_date == dt.date(1966, 3, 27)
    assert member.created_at.tzinfo is not None
    receipt = relief.get_receipt(ctx, "4401060001-2025-000002")
    assert receipt.content["total_fen"] == 92000
    assert receipt.content["amount_capitals"] == "人民币玖佰贰拾元整"
    assert receipt.print_count == 2
    assert relief.get_receipt(ctx, "4401060001-2025-000004").voided
    with Session(engine) as session:
        for row in session.exec(select(Receipt)):
            assert canonical_hash(row.content) == row.content_hash, row.number
            assert receipt_code.verify(RECEIPT_KEY, row.content["verify"]), row.number
        pending = session.exec(select(Outbox).where(Outbox.state == "pending")).all()
        assert len(pending) == 2
        assert len(session.exec(select(Member)).all()) == COUNTS["member"]
    assert verify_audit_chain(ctx) is None  # the hash chain holds across the upgrade


def test_work_goes_on_after_the_upgrade(upgraded):
    _path, engine = upgraded
    ctx = staff.local_context(engine)
    head = staff.login(ctx, "head", PASSWORD, sleep=False)  # old argon2 hashes still verify
    ctx = ctx.as_actor(head)
    ctx.today_fn = lambda: dt.date(2025, 10, 28)
    first = relief.get_receipt(ctx, "4401060001-2025-000001")
    with Session(engine) as session:
        issued = session.get(ReliefDistribution, first.distribution_id)
        assert issued is not None
        program_id = issued.program_id
    _, receipt = relief.issue(
        ctx, relief.ReliefInput(FIRST_MEMBER["id"], program_id, cash_fen=30000)
    )
    assert receipt.number == "4401060001-2025-000006"  # gapless numbering continues
    assert verify_audit_chain(ctx) is None
