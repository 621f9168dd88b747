"""The district anchors each station's audit chain: after every sync it holds the station's
head; deleting the station's last audit rows (with its head file rewound too, which the
station's own check cannot then see) or rewriting one is caught at the next sync and raised
on the district's integrity list; the events reach the district (a reveal included)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from desktop.services import members
from server import admin

from .harness import DISTRICT, District


@pytest.fixture
def district(tmp_path):
    d = District(f"sqlite:///{tmp_path / 'server.sqlite3'}", tmp_path)
    yield d
    d.close()


def _add(station, number: str, name: str):
    return members.add_member(station.ctx, members.MemberInput(name=name, id_number=number))


def _head(engine):
    with engine.connect() as conn:
        return tuple(
            conn.execute(text("SELECT seq, hash FROM auditevent ORDER BY seq DESC")).first()
        )


def _breaks(district):
    return [
        f
        for f in admin.list_findings(district.engine, "integrity_flag")
        if f.get("entity") == "audit_event"
    ]


def test_the_district_holds_the_head_and_the_events(district):
    station = district.station(1)
    member = _add(station, "11010519491231002X", "张三")
    members.reveal_sensitive(station.ctx, member.id, "id_number")
    result = station.sync()
    assert not [w for w in result.warnings if "审计" in w], result.warnings
    events = admin.list_findings(district.engine, "audit_event")
    seq, digest = _head(station.engine)
    assert max(e["seq"] for e in events) == seq
    assert any(e["action"] == "member.reveal" for e in events)  # a reveal is on record
    assert _breaks(district) == []
    _add(station, "440524188001010014", "李四")
    station.sync()
    assert max(e["seq"] for e in admin.list_findings(district.engine, "audit_event")) == seq + 1
    assert _breaks(district) == []


def test_deleting_the_last_rows_is_caught_at_the_next_sync(district):
    station = district.station(2)
    for number, name in (("11010519491231002X", "张三"), ("440524188001010014", "李四")):
        _add(station, number, name)
    station.sync()
    seq, _digest = _head(station.engine)
    with station.engine.begin() as conn:  # someone at the PC removes the last audit rows
        conn.execute(text("DELETE FROM auditevent WHERE seq > :s"), {"s": seq - 2})
    _add(station, "110101199003074477", "王五")  # the chain goes on from the shortened head
    result = station.sync()
    assert any("审计记录不连续" in w for w in result.warnings), result.warnings
    (flag,) = _breaks(district)
    assert flag["station"] == f"{DISTRICT}0002"
    assert "接不上" in flag["reason"] or "被删除" in flag["reason"]
    station.sync()  # reported once: the district now holds the new head
    assert len(_breaks(district)) == 1


def test_a_rewritten_row_is_caught(district):
    station = district.station(3)
    _add(station, "11010519491231002X", "张三")
    station.sync()
    _add(station, "440524188001010014", "李四")
    with station.engine.begin() as conn:  # the new, not yet sent event is altered in place
        conn.execute(
            text(
                "UPDATE auditevent SET action = 'member.view' WHERE seq = (SELECT max(seq) FROM auditevent)"
            )
        )
    station.sync()
    (flag,) = _breaks(district)
    assert "改写" in flag["reason"]
