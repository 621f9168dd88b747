"""Issue 14: the station file and its backups are SQLCipher-encrypted; only a login opens them;
a plain file from before is converted (backups too); the audit chain's head is anchored."""

from __future__ import annotations

import os
import shutil
import stat

import pytest
from conftest import TEST_KEY
from release_fixture import FIXTURE, PASSWORD
from sqlalchemy import text

from desktop import keys, store
from desktop.services import auditchain, search, staff, unlock
from desktop.services.members import MemberInput, add_member

ID_NUMBERS = ("440524188001010014", "11010519491231002X")
PHONE = "13812345678"


def _on_disk(db_path) -> list:
    """The database and everything beside it or in its backups folder."""
    folder = db_path.parent
    return [p for p in list(folder.iterdir()) + list(folder.glob("backups/*")) if p.is_file()]


def _leaks(paths) -> list[str]:
    found = []
    for path in paths:
        data = path.read_bytes()
        for secret in (*ID_NUMBERS, PHONE, "张三"):
            if secret.encode() in data:
                found.append(f"{path.name}: {secret}")
    return found


def test_file_wal_and_backups_hold_no_id_number_in_the_clear(ctx, db_path):
    add_member(ctx, MemberInput(name="张三", id_number=ID_NUMBERS[0], phone=PHONE))
    add_member(ctx, MemberInput(name="李四", id_number=ID_NUMBERS[1]))
    # the write-ahead log holds recent pages before a checkpoint: it is encrypted too
    assert (db_path.parent / (db_path.name + "-wal")).stat().st_size > 0
    copy = store.backup(db_path, reason="manual")
    assert _leaks(_on_disk(db_path)) == []
    assert copy.read_bytes()[:16] != store.SQLITE_MAGIC
    assert keys.key_path(copy).exists()  # a backup opens on another PC with a login
    # the same check is not vacuous: a plain copy of the same data shows them
    plain = db_path.parent / "plain" / "p.sqlite3"
    plain.parent.mkdir()
    ctx.engine.dispose()
    con = store._connect(db_path, TEST_KEY)
    con.execute("ATTACH DATABASE ? AS p KEY ''", (str(plain),))
    con.execute("SELECT sqlcipher_export('p')")
    con.close()
    assert _leaks([plain])


def test_opening_without_a_valid_login_fails_with_a_clear_message(ctx, db_path):
    ctx.engine.dispose()
    with pytest.raises(store.StoreError, match="已加密，需要用工作人员的登录名和密码才能打开"):
        store.open_store(db_path)
    with pytest.raises(store.StoreError, match="无法用本站密钥打开"):
        store.open_store(db_path, os.urandom(32))
    with pytest.raises(keys.UnlockError, match="登录名或密码错误，无法打开本站数据"):
        unlock.open_with_login(db_path, "worker", "wrong-password", sleep=False)
    with pytest.raises(keys.UnlockError, match="登录名或密码错误"):
        unlock.open_with_login(db_path, "nobody", "secret123", sleep=False)
    keys.key_path(db_path).unlink()
    with pytest.raises(keys.UnlockError, match="找不到数据库的密钥文件"):
        unlock.open_with_login(db_path, "worker", "secret123", sleep=False)


def test_the_key_file_is_private_and_each_wrap_is_bound_to_its_login(ctx, db_path):
    keyfile = keys.KeyFile.load(db_path)
    mode = stat.S_IMODE(keys.key_path(db_path).stat().st_mode)
    assert mode == 0o600
    assert TEST_KEY.hex() not in keys.key_path(db_path).read_text()
    assert keyfile.usernames() == ["auditor", "head", "reviewer", "worker"]
    assert keyfile.unlock("worker", "secret123") == TEST_KEY
    keyfile.wraps["auditor"] = keyfile.wraps["worker"]  # moved to another name: refused
    with pytest.raises(keys.UnlockError):
        keyfile.unlock("auditor", "secret123")


def test_the_production_kdf_is_argon2id_at_real_cost(tmp_path):
    """Tests run with a cheap cost (conftest); the default a station gets is the real one."""
    cost = keys.KdfCost()
    assert cost.memory_kib >= 64 * 1024 and cost.time_cost >= 3
    previous = keys.set_kdf_cost(cost)
    try:
        data_key, code = keys.create_key_file(tmp_path / "x.sqlite3", "head", "secret123")
    finally:
        keys.set_kdf_cost(previous)
    entry = keys.KeyFile.load(tmp_path / "x.sqlite3").wraps["head"]
    assert (entry["kdf"], entry["m"], entry["t"]) == ("argon2id", 64 * 1024, 3)
    assert keys.KeyFile.load(tmp_path / "x.sqlite3").unlock_recovery(code) == data_key


def test_login_opens_the_file_as_that_member(ctx, db_path):
    ctx.engine.dispose()
    opened = unlock.open_with_login(db_path, "worker", "secret123", sleep=False)
    try:
        assert opened.actor.display_name == "王社工"
        assert search.count_members(opened.ctx) == 0
    finally:
        opened.engine.dispose()


def test_a_backup_is_restored_and_a_foreign_one_refused(ctx, db_path, tmp_path):
    add_member(ctx, MemberInput(name="张三", id_number=ID_NUMBERS[0]))
    copy = store.backup(db_path, reason="manual")
    add_member(ctx, MemberInput(name="李四", id_number=ID_NUMBERS[1]))
    foreign = tmp_path / "foreign.sqlite3"
    store.open_store(foreign, os.urandom(32)).dispose()
    with pytest.raises(store.StoreError, match="不是用本站密钥加密的数据库"):
        store.restore(foreign, db_path)
    store.restore(copy, db_path)
    assert [r.name for r in search.list_members(ctx, None)] == ["张三"]
    assert auditchain.verify(ctx).ok  # a restore re-anchors the (shorter) chain
    before = sorted((db_path.parent / "backups").glob("*before-restore*.sqlite3"))
    assert before and not store.is_plain(before[0])


def test_a_plain_file_is_converted_on_the_first_login(tmp_path):
    path = tmp_path / "station" / "stationdesk.sqlite3"
    path.parent.mkdir()
    shutil.copyfile(FIXTURE, path)
    store.migrate(path)  # an older plain backup beside it, as the previous release left
    old_backups = list((path.parent / "backups").glob("*.sqlite3"))
    assert old_backups and store.is_plain(old_backups[0])
    assert unlock.probe(path).kind == "plain"
    with pytest.raises(keys.UnlockError, match="登录名或密码错误"):
        unlock.open_with_login(path, "head", "not-it", sleep=False)
    assert store.is_plain(path)  # a wrong login changes nothing
    opened = unlock.open_with_login(path, "head", PASSWORD, sleep=False)
    try:
        assert opened.recovery_code and opened.converted_backup is not None
        assert not store.is_plain(path) and not store.is_plain(opened.converted_backup)
        assert not any(store.is_plain(p) for p in (path.parent / "backups").glob("*.sqlite3"))
        assert b"440111196603277329" not in path.read_bytes()  # the fixture's first member
        assert search.count_members(opened.ctx) == 12
        assert auditchain.verify(opened.ctx).ok
    finally:
        opened.engine.dispose()
    assert unlock.probe(path).kind == "encrypted"
    keyfile = keys.KeyFile.load(path)
    assert keyfile.usernames() == ["head"]  # the others get theirs at their next login
    assert keyfile.unlock_recovery(opened.recovery_code) == keyfile.unlock("head", PASSWORD)


def _delete_last(engine, n: int) -> None:
    with engine.begin() as conn:
        last = conn.execute(text("SELECT max(seq) FROM auditevent")).scalar()
        conn.execute(text("DELETE FROM auditevent WHERE seq > :s"), {"s": last - n})


def test_audit_verify_catches_deleting_the_last_rows(ctx, head_ctx):
    for n in range(6):
        add_member(ctx, MemberInput(name=f"会员{n}", id_number=_id(n)))
    report = auditchain.verify(ctx)
    assert report.ok and report.anchor == report.head
    _delete_last(ctx.engine, 5)
    report = auditchain.verify(ctx)
    assert not report.ok
    assert "最后的审计记录被删除" in report.problems[0]


def test_audit_verify_catches_rows_deleted_then_rewritten(ctx, head_ctx):
    for n in range(3):
        add_member(ctx, MemberInput(name=f"会员{n}", id_number=_id(n)))
    anchored = auditchain.verify(ctx).anchor
    _delete_last(ctx.engine, 2)
    for n in range(3, 6):  # new actions reuse the deleted sequence numbers
        add_member(ctx, MemberInput(name=f"会员{n}", id_number=_id(n)))
    report = auditchain.verify(ctx)
    assert report.anchor == anchored  # the head did not move onto the rewritten chain
    assert any("与链头记录不符" in p for p in report.problems)


def test_audit_verify_catches_an_edited_row_and_a_forged_head(ctx, db_path):
    add_member(ctx, MemberInput(name="张三", id_number=ID_NUMBERS[0]))
    with ctx.engine.begin() as conn:
        conn.execute(text("UPDATE auditevent SET action = 'x' WHERE seq = 2"))
    assert "第 2 条被修改" in auditchain.verify(ctx).problems[0]
    head_file = auditchain.head_path(db_path)
    head_file.write_text(head_file.read_text().replace('"seq": ', '"seq": 1'))
    assert any("校验码不符" in p for p in auditchain.verify(ctx).problems)
    head_file.unlink()
    assert any("缺失" in p for p in auditchain.verify(ctx).problems)


def test_audit_head_is_what_sync_sends(ctx):
    seq, digest = auditchain.audit_head(ctx)
    with ctx.engine.connect() as conn:
        row = conn.execute(text("SELECT max(seq) FROM auditevent")).scalar()
    assert seq == row and len(digest) == 64


def _id(n: int) -> str:
    body = f"44010619{60 + n:02d}0101{n:03d}"
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    total = sum(int(d) * w for d, w in zip(body, weights, strict=True))
    return body + "10X98765432"[total % 11]


def test_staff_names_are_all_a_key_file_reveals(ctx, db_path):
    text_ = keys.key_path(db_path).read_text()
    assert "王社工" not in text_ and "secret123" not in text_
    assert staff.login(ctx, "head", "secret123", sleep=False).display_name == "李站长"


def test_a_set_up_left_before_its_first_account_is_set_aside(tmp_path):
    path = tmp_path / "new" / "stationdesk.sqlite3"
    path.parent.mkdir()
    engine = unlock.new_store(path)
    staff.init_station(engine, code="4401060001", name="未完成服务站")
    engine.dispose()  # the wizard was closed before the head's account existed
    assert unlock.probe(path).kind == "new"
    assert not path.exists() and not keys.key_path(path).exists()
    (kept,) = (path.parent / "backups").glob("*unfinished-setup*.sqlite3")
    assert not store.is_plain(kept)
    engine = unlock.new_store(path)  # and the set-up starts again
    ctx = staff.init_station(engine, code="4401060001", name="新服务站")
    staff.add_staff(ctx, username="head", display_name="李站长", role="站长", password="secret123")
    engine.dispose()
    assert unlock.probe(path).usernames == ["head"]
