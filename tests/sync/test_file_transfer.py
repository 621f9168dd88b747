"""Sync by file (no network): export, district import, reply import; twice each; refusals."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from sqlalchemy import select, text

from contract.syncfile import SyncFileError
from desktop.models import FundProgram, Member, ReliefDistribution, Station
from desktop.sync import local
from desktop.sync.filetransfer import MAGIC, export_file, import_reply
from server import admin
from server import cli as server_cli
from server.db import record
from server.filetransfer import import_station_file

from .harness import DISTRICT, add_member, add_relief


def server_state(district):
    """The district's records, less the audit chain it anchors: that travels only with an
    online sync (server/audit.py), so a station's first online sync after files adds it."""
    with district.engine.connect() as conn:
        rows = conn.execute(
            select(
                record.c.entity, record.c.id, record.c.version, record.c.seq, record.c.data
            ).where(record.c.entity.not_in(["audit_event", "audit_anchor"]))
        ).all()
        mutations = conn.execute(text("SELECT count(*) FROM mutation")).scalar()
    return sorted(tuple(r) for r in rows), mutations


def station_state(st):
    return (
        st.snapshot(Member),
        st.snapshot(ReliefDistribution),
        st.snapshot(Station),
        st.snapshot(FundProgram),
        st.outbox_states(),
        local.read_setting(st.engine, local.CURSOR),
    )


def test_file_round_trip_twice_each_way_matches_http(district, tmp_path):
    program = admin.create_program(
        district.engine,
        DISTRICT,
        code="SWN",
        year=2026,
        name="两节送温暖",
        program_type="festival",
        max_times_per_year=1,
    )
    a = district.station(1)  # works offline: files only
    admin.create_budget(district.engine, program, a.code, 1_000_000)
    b = district.station(2)  # online: HTTP
    m1 = add_member(a, 1)
    add_relief(a, m1.id, program)
    m2 = add_member(b, 2, name="李四")
    b.sync()

    up = tmp_path / "a.sdsync"
    exported = export_file(a.engine, up)
    assert exported.mutations >= 4 and up.read_bytes().startswith(MAGIC)
    assert a.outbox_states() == {"pending": exported.mutations}  # exporting confirms nothing

    first = import_station_file(district.engine, up, tmp_path / "reply1.sdsync")
    assert first.statuses == {"applied": exported.mutations}
    after_first = server_state(district)
    second = import_station_file(district.engine, up, tmp_path / "reply2.sdsync")
    assert second.statuses == {"duplicate": exported.mutations}
    assert server_state(district) == after_first  # the second import changed nothing

    done = import_reply(a.engine, tmp_path / "reply1.sdsync")
    assert done.statuses == {"applied": exported.mutations}
    assert done.pages_applied >= 1 and done.pulled >= 1
    assert a.outbox_states() == {"done": exported.mutations}
    assert set(a.snapshot(Member)) == {m1.id, m2.id}
    assert [p.id for p in a.rows(FundProgram)] == [program]
    settled = station_state(a)
    for reply in ("reply1.sdsync", "reply2.sdsync"):  # the same reply again, and the twin
        again = import_reply(a.engine, tmp_path / reply)
        assert again.statuses == {} and again.pages_applied == 0
        assert again.results_skipped == exported.mutations and again.pages_skipped >= 1
        assert station_state(a) == settled  # no doubles, nothing moved back
    rows = a.rows(Member)
    assert all(r.sync_state == "synced" and r.server_version == 1 for r in rows)

    # the same data as an HTTP sync: b sees what a sent, and a has nothing left to exchange
    b.sync()
    assert b.snapshot(Member) == a.snapshot(Member)
    assert [r.id for r in b.rows(ReliefDistribution)] == [r.id for r in a.rows(ReliefDistribution)]
    online = a.sync()
    assert online.pushed == 0 and online.pulled == 0
    assert server_state(district) == after_first

    # later edits go by file again and only the new ones travel
    m3 = add_member(a, 3, name="王五")
    later = export_file(a.engine, tmp_path / "a2.sdsync")
    assert later.mutations == 1
    res = import_station_file(district.engine, tmp_path / "a2.sdsync", tmp_path / "r3.sdsync")
    assert res.statuses == {"applied": 1}
    import_reply(a.engine, tmp_path / "r3.sdsync")
    b.sync()
    assert m3.id in b.snapshot(Member) and a.outbox_states() == {"done": exported.mutations + 1}


def test_tampered_foreign_and_misdirected_files_are_refused(district, tmp_path):
    a = district.station(1)
    b = district.station(2)
    b.sync()
    add_member(a, 1)
    up = tmp_path / "a.sdsync"
    export_file(a.engine, up)
    data = up.read_bytes()
    clean = server_state(district)

    bad = tmp_path / "bad.sdsync"
    for forged in (
        data[:-5] + bytes([data[-5] ^ 1]) + data[-4:],  # one bit of the body
        data.replace(a.code.encode(), b.code.encode(), 1),  # header claims another code
        data.replace(a.ctx.station_id.encode(), b.ctx.station_id.encode(), 1),  # another id
        data.replace(a.ctx.station_id.encode(), b.ctx.station_id.encode(), 1).replace(
            a.code.encode(), b.code.encode(), 1
        ),  # passed off as b's file: b's key does not open it
        b"not a sync file",
    ):
        bad.write_bytes(forged)
        with pytest.raises(SyncFileError, match="未导入任何数据"):
            import_station_file(district.engine, bad, tmp_path / "never.sdsync")
        assert server_state(district) == clean
        assert not (tmp_path / "never.sdsync").exists()

    # the server's CLI says it in Chinese and exits 1
    bad.write_bytes(data[:-5] + bytes([data[-5] ^ 1]) + data[-4:])
    code = server_cli.main(["--db", district.url, "sync", "import", str(bad)])
    assert code == 1 and server_state(district) == clean

    reply = tmp_path / "reply.sdsync"
    import_station_file(district.engine, up, reply)
    before_b = station_state(b)
    with pytest.raises(SyncFileError, match="不是本站"):
        import_reply(b.engine, reply)  # a's reply at station b
    assert station_state(b) == before_b

    before_a = station_state(a)
    raw = reply.read_bytes()
    bad.write_bytes(raw[:-20] + bytes([raw[-20] ^ 0x40]) + raw[-19:])
    with pytest.raises(SyncFileError, match="改动"):
        import_reply(a.engine, bad)
    with pytest.raises(SyncFileError, match="区服务器上导入"):
        import_reply(a.engine, up)  # its own upload, wrong direction
    with pytest.raises(SyncFileError, match="应在服务站导入"):
        import_station_file(district.engine, reply, tmp_path / "never.sdsync")
    assert station_state(a) == before_a and a.outbox_states() == {"pending": 3}

    # a revoked station's files are refused too
    admin.revoke(district.engine, a.code)
    with pytest.raises(SyncFileError, match="停用"):
        import_station_file(district.engine, up, tmp_path / "never.sdsync")


def _station_cli(tmp_path, db, *args):
    env = dict(
        os.environ, STATIONDESK_HOME=str(tmp_path / "home"), STATIONDESK_PASSWORD="secret123"
    )
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", "--json", "--db", str(db), "--user", "head1", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.mark.parametrize("district", ["sqlite"], indirect=True)
def test_file_transfer_from_the_command_lines(district, tmp_path, capsys):
    a = district.station(1)
    add_member(a, 1)
    db = a.engine.url.database
    up, reply = tmp_path / "up.sdsync", tmp_path / "reply.sdsync"
    exported = _station_cli(tmp_path, db, "sync", "export", str(up))
    assert exported.returncode == 0, exported.stderr
    assert json.loads(exported.stdout)["mutations"] == 3  # station, staff, member
    capsys.readouterr()
    assert (
        server_cli.main(["--db", district.url, "sync", "import", str(up), "--out", str(reply)]) == 0
    )
    assert json.loads(capsys.readouterr().out)["statuses"] == {"applied": 3}
    imported = _station_cli(tmp_path, db, "sync", "import", str(reply))
    assert imported.returncode == 0, imported.stderr
    assert json.loads(imported.stdout)["statuses"] == {"applied": 3}
    twice = _station_cli(tmp_path, db, "sync", "import", str(reply))
    assert json.loads(twice.stdout)["results_skipped"] == 3
    wrong = _station_cli(tmp_path, db, "sync", "import", str(up))
    assert wrong.returncode == 1 and wrong.stderr.startswith("错误：")
    assert a.outbox_states() == {"done": 3}
