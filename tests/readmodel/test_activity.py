"""A station that syncs only by file (a USB stick to the district office) shows in 总览 with
its last sync, and its records reach the typed tables as a push's do."""

from __future__ import annotations

from sqlalchemy import select
from sync.harness import add_member

from desktop.sync.filetransfer import export_file
from server.filetransfer import import_station_file
from server.readmodel import tables as t
from server.readmodel.queries import overview

from .scenario import district_id


def test_a_sync_by_file_is_the_station_s_last_sync(district, tmp_path):
    a = district.station(1)
    member = add_member(a, 5)
    did = district_id(district)
    with district.engine.connect() as conn:
        (before,) = overview(conn, did).stations
    assert before.enrolled and before.last_sync_at is None
    export_file(a.engine, tmp_path / "a.sdsync")
    import_station_file(district.engine, tmp_path / "a.sdsync", tmp_path / "reply.sdsync")
    with district.engine.connect() as conn:
        (after,) = overview(conn, did).stations
        typed = conn.execute(select(t.member.c.id, t.member.c.station_id)).all()
    assert after.last_push_at is not None and after.last_pull_at is not None
    assert after.app_version is None and after.clock_offset_s is None  # a file tells neither
    assert [tuple(r) for r in typed] == [(member.id, a.ctx.station_id)]
