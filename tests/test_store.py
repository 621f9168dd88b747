"""The local file: migrations with a backup, refusal of a newer schema, atomic actions."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest
from conftest import TEST_KEY
from sqlmodel import select

from desktop import store
from desktop.models import Outbox, Receipt, ReliefDistribution
from desktop.services.staff import local_context
from desktop.services.uow import verify_audit_chain


def test_fresh_file_is_migrated_to_head_in_wal(db_path):
    engine = store.open_store(db_path)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    assert store.current_revision(db_path) == store.head_revision()
    assert not (db_path.parent / "backups").exists()


def test_older_database_is_backed_up_then_migrated_with_data_intact(db_path):
    from alembic import command

    command.upgrade(store._alembic_config(f"sqlite:///{db_path}"), "0001")
    con = sqlite3.connect(db_path)
    con.execute("INSERT INTO setting (key, value) VALUES ('marker', 'kept')")
    con.commit()
    con.close()
    taken = store.migrate(db_path)
    assert taken is not None and taken.exists()
    assert store.current_revision(taken) == "0001"
    assert store.current_revision(db_path) == store.head_revision() != "0001"
    con = sqlite3.connect(db_path)
    assert con.execute("SELECT value FROM setting WHERE key='marker'").fetchone()[0] == "kept"
    con.close()
    assert store.migrate(db_path) is None  # already current: no second backup


def test_a_file_that_is_not_ours_is_refused(db_path):
    con = sqlite3.connect(db_path)
    con.execute("CREATE TABLE other (x)")
    con.commit()
    con.close()
    with pytest.raises(store.StoreError, match="不是工作台数据库"):
        store.migrate(db_path)


def test_newer_database_is_refused_with_a_clear_message(db_path):
    store.open_store(db_path).dispose()
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = 'ffff_from_the_future'")
    con.commit()
    con.close()
    with pytest.raises(store.StoreError, match="更新版本"):
        store.open_store(db_path)
    con = sqlite3.connect(db_path)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == (
        "ffff_from_the_future"
    )
    con.close()


def test_backup_and_restore_round_trip(ctx, db_path):
    from desktop.services.members import MemberInput, add_member

    add_member(ctx, MemberInput(name="张三", id_number="440524188001010014"))
    copy = store.backup(db_path, reason="manual")
    add_member(ctx, MemberInput(name="李四", id_number="11010519491231002X"))
    ctx.engine.dispose()
    store.restore(copy, db_path)
    from desktop.services import search

    assert [r.name for r in search.list_members(ctx, None)] == ["张三"]


WRITER = textwrap.dedent("""
    import sys
    from desktop.store import open_store
    from desktop.services.staff import local_context
    from desktop.services import relief, search, programs
    ctx = local_context(open_store(sys.argv[1], bytes(range(32))))  # conftest.TEST_KEY
    from desktop.services.context import Actor
    from desktop.services import staff
    head = next(s for s in staff.list_staff(ctx) if s.username == "head")
    ctx = ctx.as_actor(Actor.of(head))
    program = programs.find_program(ctx, "KILL")
    members = search.list_members(ctx, None, limit=50)
    print("ready", flush=True)
    i = 0
    while True:
        relief.issue(ctx, relief.ReliefInput(members[i % len(members)].id, program.id,
                                             cash_fen=100 + i))
        i += 1
""")


@pytest.mark.slow
def test_killing_the_process_mid_writes_leaves_whole_actions(ctx, head_ctx, db_path):
    from desktop.services import demo, programs

    demo.add_fake_members(head_ctx, 50)
    programs.add_program(head_ctx, programs.ProgramInput("KILL", 2026, "测试项目", "living"))
    ctx.engine.dispose()
    env = dict(os.environ)
    for delay in (0.3, 0.55, 0.8, 1.1):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db_path)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == b"ready"
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    engine = store.open_store(db_path, TEST_KEY)
    check = local_context(engine)
    with check.read() as s:
        reliefs = s.exec(select(ReliefDistribution)).all()
        receipts = s.exec(select(Receipt)).all()
        outbox = s.exec(select(Outbox).where(Outbox.entity.in_(["relief", "receipt"]))).all()
    assert len(reliefs) > 10, "the writer should have committed some actions"
    assert len(receipts) == len(reliefs)
    assert {r.receipt_id for r in reliefs} == {r.id for r in receipts}
    assert sorted(r.serial for r in receipts) == list(range(1, len(receipts) + 1))
    assert len(outbox) == 2 * len(reliefs)
    assert verify_audit_chain(check) is None
