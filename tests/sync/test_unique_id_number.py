"""One member per ID number in a district, even when two stations add the same person at the
same moment: the application check cannot see an uncommitted row, the unique index can."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError

from contract.protocol import PushRequest
from desktop.sync import local
from server.db import record, station
from server.push import StationAuth, apply_push
from server.rows import now

from .harness import District, add_member, make_id_number


def _auth(district: District, code: str) -> StationAuth:
    with district.engine.connect() as conn:
        row = conn.execute(select(station).where(station.c.code == code)).one()
    return StationAuth(row.id, row.district_id, row.code)


def _members_with(district: District, number: str) -> int:
    with district.engine.connect() as conn:
        return int(
            conn.execute(
                select(func.count())
                .select_from(record)
                .where(record.c.entity == "member", record.c.natural_key == number)
            ).scalar_one()
        )


def test_the_database_refuses_a_second_member_with_the_same_id_number(district: District) -> None:
    a = district.station(1)
    member = add_member(a, 7)
    a.sync()
    row = {
        "entity": "member",
        "id": "someone-else",
        "district_id": _auth(district, a.code).district_id,
        "owner": "x",
        "seq": 10**9,
        "version": 1,
        "deleted": False,
        "natural_key": member.id_number,
        "data": "{}",
        "updated_at": now(),
    }
    with pytest.raises(IntegrityError), district.engine.begin() as conn:
        conn.execute(insert(record).values(row))
    # a station code may equal nothing else; only members are constrained
    with district.engine.begin() as conn:
        conn.execute(insert(record).values({**row, "entity": "visit", "id": "v-1"}))


def test_two_stations_adding_the_same_person_at_once_end_with_one_member(
    district: District,
) -> None:
    a, b = district.station(1), district.station(2)
    number = make_id_number(42)
    add_member(a, 42, name="王五")
    add_member(b, 42, name="王五")  # both hold the person locally; neither has synced
    bodies = {}
    for st in (a, b):
        _seqs, body = local.pending_batch(st.engine, 100)
        bodies[st.code] = PushRequest.model_validate_json(body)

    inside = threading.Event()
    release = threading.Event()

    def hold() -> None:  # A's transaction has written its member and waits before COMMIT
        inside.set()
        assert release.wait(20)

    results: dict[str, object] = {}

    def push_a() -> None:
        results["a"] = apply_push(
            district.engine, _auth(district, a.code), bodies[a.code], before_commit=hold
        )

    def push_b() -> None:
        # what the server's push endpoint does: a batch that hits a constraint is retried
        for _attempt in range(4):
            try:
                results["b"] = apply_push(district.engine, _auth(district, b.code), bodies[b.code])
                return
            except IntegrityError:
                results["b_retried"] = True

    ta = threading.Thread(target=push_a)
    ta.start()
    assert inside.wait(20)
    tb = threading.Thread(target=push_b)
    tb.start()
    tb.join(1.0)  # B is blocked (SQLite: the write lock; PostgreSQL: the unique index)
    release.set()
    ta.join(20)
    tb.join(20)
    assert not ta.is_alive() and not tb.is_alive()

    statuses_a = {r.status for r in results["a"].results}  # type: ignore[attr-defined]
    member_results_b = [
        r
        for r, m in zip(results["b"].results, bodies[b.code].mutations, strict=True)  # type: ignore[attr-defined]
        if m.entity == "member"
    ]
    assert "rejected" not in statuses_a
    # protocol 3: B's new record is linked to A's member, not refused
    assert [r.status for r in member_results_b] == ["linked"]
    a_member = next(m.row_id for m in bodies[a.code].mutations if m.entity == "member")
    assert member_results_b[0].member_id == a_member
    assert member_results_b[0].record["id_number"] == number  # type: ignore[index]
    assert _members_with(district, number) == 1
    if district.engine.dialect.name == "postgresql":
        # B's check could not see A's uncommitted member: the unique index caught it
        assert results.get("b_retried") is True


@pytest.mark.parametrize(
    ("spelling", "reason"),
    [
        (lambda n: n[:-1] + n[-1].lower(), "标准写法"),  # lower-case x
        (lambda n: n[:6] + n[8:17], "标准写法"),  # the 15-digit form of the same person
        (lambda n: n[:-1] + "ｘ", "标准写法"),  # a full-width x
    ],
)
def test_the_server_takes_only_the_canonical_spelling_of_an_id_number(
    district: District, spelling: object, reason: str
) -> None:
    a = district.station(1)
    add_member(a, 11)  # make_id_number(11) ends in X
    number = make_id_number(11)
    assert number.endswith("X")
    _seqs, body = local.pending_batch(a.engine, 100)
    other = spelling(number)  # type: ignore[operator]
    req = PushRequest.model_validate_json(body.replace(number.encode(), other.encode()))
    result = apply_push(district.engine, _auth(district, a.code), req)
    by_entity = {m.entity: r for m, r in zip(req.mutations, result.results, strict=True)}
    assert by_entity["member"].status == "rejected"
    assert reason in (by_entity["member"].error or "")
    assert _members_with(district, number) == 0 and _members_with(district, other) == 0


def test_a_station_of_the_previous_protocol_is_still_refused_plainly(district: District) -> None:
    """Protocol 2 knows no "linked": such a station gets the refusal it always got, and an
    answer without the fields it does not know."""
    a, b = district.station(1), district.station(2)
    add_member(a, 43)
    a.sync()
    add_member(b, 43)
    _seqs, body = local.pending_batch(b.engine, 100)
    req = PushRequest.model_validate_json(body)
    req.protocol = 2
    reply = apply_push(district.engine, _auth(district, b.code), req)
    member = next(
        r for m, r in zip(req.mutations, reply.results, strict=True) if m.entity == "member"
    )
    assert member.status == "rejected"
    assert "身份证号已由其他服务站登记" in (member.error or "")
    assert b"member_id" not in reply.to_json() and b"record" not in reply.to_json()
