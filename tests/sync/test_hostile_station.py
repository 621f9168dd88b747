"""A hostile station (a stolen token, a buggy old version, a hand-edited file) against a real
district server, on SQLite and on PostgreSQL.

Station A is enrolled for real and pushes, with its real token over HTTP, each record of
issue 18 and a few more: every one is refused, the refusal names the record's field in
Chinese, and the server holds afterwards exactly what it held before. The rest of a batch
still goes through. Then the requests that are not records: bodies too large or too deep,
an enrolment with a quote in its station id, a record forced into the server behind its back
(a station sets it aside and syncs on; the district withdraws it), and the admin commands.
"""

from __future__ import annotations

import copy
import datetime as dt
import gzip
import json
import re
import socket
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from contract import receipt_code
from contract.protocol import body_cap
from contract.rules import canonical_hash
from desktop.models import Member, MonthClose, Receipt, ReliefDistribution, StationLog, Visit
from desktop.services import monthclose
from desktop.services import relief as relief_service
from desktop.services.uow import record_payload
from desktop.sync import commands, local
from server import admin
from server import cli as server_cli
from server.rows import Row, flush

from .harness import (
    DISTRICT,
    District,
    StationHandle,
    add_member,
    add_relief,
    drop_pg_schema,
    fresh_pg_url,
    make_id_number,
    postgres_answers,
)

CJK = re.compile("[\u4e00-\u9fff]")


@dataclass
class World:
    district: District
    a: StationHandle
    b: StationHandle
    token: str
    program: str
    member_a: dict[str, Any]  # A's member, with a hand-out
    member_b: dict[str, Any]  # B's member, as A pulled it
    relief: dict[str, Any]  # A's November hand-out
    receipt: dict[str, Any]  # its receipt
    october_relief: dict[str, Any]  # A's hand-out in October, a month the district confirmed
    key: str  # A's receipt key (a hostile station holds its own)


def _payload(st: StationHandle, cls: Any, row_id: str) -> dict[str, Any]:
    return st.snapshot(cls)[row_id]


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[World]:
    root = tmp_path_factory.mktemp("hostile")
    schema = None
    if request.param == "postgres":
        if not postgres_answers():
            pytest.skip("PostgreSQL does not answer on 127.0.0.1:5432")
        url, schema = fresh_pg_url()
    else:
        url = f"sqlite:///{root / 'server.sqlite3'}"
    district = District(url, root)
    program = admin.create_program(
        district.engine, DISTRICT, code="SHJZ", year=2026, name="生活救助", program_type="living"
    )
    a, b = district.station(1), district.station(2)
    admin.create_budget(district.engine, program, a.code, 10_000_000)
    member_b = add_member(b, 2)
    b.sync()
    a.sync()
    member_a = add_member(a, 1)
    october = add_relief(a, member_a.id, program, cash_fen=20000, issued_on=dt.date(2026, 10, 5))
    monthclose.close(a.ctx, "2026-10")
    relief, receipt = relief_service.issue(
        a.ctx,
        relief_service.ReliefInput(
            member_id=member_a.id,
            program_id=program,
            cash_fen=50000,
            issued_on=dt.date(2026, 11, 5),
        ),
    )
    result = a.sync()
    assert set(result.statuses) == {"applied"}, result.statuses
    assert a.rows(MonthClose)[0].server_status == "confirmed"
    yield World(
        district=district,
        a=a,
        b=b,
        token=commands.load_token(a.engine)["token"],
        program=program,
        member_a=_payload(a, Member, member_a.id),
        member_b=_payload(a, Member, member_b.id),
        relief=_payload(a, ReliefDistribution, relief.id),
        receipt=_payload(a, Receipt, receipt.id),
        october_relief=_payload(a, ReliefDistribution, october.id),
        key=local.read_setting(a.engine, "receipt_key"),
    )
    district.close()
    if schema:
        drop_pg_schema(schema)


# -- helpers ----------------------------------------------------------------------------------


def _post(w: World, path: str, body: Any, **headers: str) -> httpx.Response:
    content = body if isinstance(body, bytes) else json.dumps(body).encode()
    return httpx.post(
        f"{w.district.live.url}{path}",
        content=content,
        headers={
            "Authorization": f"Bearer {w.token}",
            "Content-Type": "application/json",
            **headers,
        },
        timeout=60,
    )


def _mutation(entity: str, record: dict[str, Any], op: str = "upsert", base: int = 0) -> dict:
    return {
        "mutation_id": uuid.uuid4().hex,
        "entity": entity,
        "row_id": record["id"],
        "op": op,
        "base_version": base,
        "payload": {"record": record},
    }


def _push(w: World, *mutations: dict[str, Any]) -> list[dict[str, Any]]:
    response = _post(w, "/v1/push", {"mutations": list(mutations)})
    assert response.status_code == 200, response.text
    return list(response.json()["results"])


def _stored(w: World, entity: str, row_id: str) -> tuple[Any, ...] | None:
    """What the server holds for a record (content, version, deletion), or None."""
    with w.district.engine.connect() as conn:
        from sqlalchemy import select

        from server.db import record

        row = conn.execute(
            select(record.c.data, record.c.version, record.c.deleted, record.c.owner).where(
                record.c.entity == entity, record.c.id == row_id
            )
        ).first()
    return None if row is None else (json.loads(row[0]), row[1], bool(row[2]), row[3])


def _new(data: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """A copy under a new id (a new record), with changes."""
    return {**copy.deepcopy(data), "id": str(uuid.uuid4()), **changes}


def _signed(
    w: World, receipt: dict[str, Any], *, key: str | None = None, **content: Any
) -> dict[str, Any]:
    """A receipt whose content was changed and whose verification code and hash were made
    again with the station's own key: what a station holding its file can forge."""
    body = {**copy.deepcopy(receipt["content"]), **content}
    body["verify"] = receipt_code.make(
        key or w.key,
        number=body["number"],
        station_code=body["station_code"],
        total_fen=body["total_fen"],
        issued_on=body["issued_on"],
    )
    return {**receipt, "content": body, "content_hash": canonical_hash(body)}


def _visit(w: World, **changes: Any) -> dict[str, Any]:
    visit = Visit(
        station_id=w.a.ctx.station_id,
        visit_type="home",
        visited_on=dt.date(2026, 11, 6),
        staff_id="",
        member_ids=[w.member_a["id"]],
    )
    return {**record_payload(visit), **changes}


def _log(w: World, **changes: Any) -> dict[str, Any]:
    entry = StationLog(
        station_id=w.a.ctx.station_id, log_date=dt.date(2026, 11, 6), staff_id="", category="other"
    )
    return {**record_payload(entry), **changes}


def _number(w: World, serial: int, code: str | None = None) -> str:
    return f"{code or w.a.code}-2026-{serial:06d}"


def _born_2999() -> str:
    body = "44010629990101001"
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return body + "10X98765432"[sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11]


def _wrong_check_digit() -> str:
    good = make_id_number(31)
    return good[:17] + ("0" if good[17] != "0" else "1")


# -- the records: (entity, record, op, base version) and the field the refusal names --------

Case = Callable[[World], tuple[str, dict[str, Any], str, int]]


def _relief(**changes: Any) -> Case:
    return lambda w: ("relief", _new(w.relief, receipt_id=None, **changes), "upsert", 0)


CASES: dict[str, tuple[Case, str]] = {
    # receipts
    "a second receipt with an existing number": (
        lambda w: ("receipt", _new(w.receipt), "upsert", 0),
        "number",
    ),
    "a receipt with serial 999999 (a gap)": (
        lambda w: (
            "receipt",
            _signed(
                w,
                _new(w.receipt, serial=999999, number=_number(w, 999999)),
                number=_number(w, 999999),
            ),
            "upsert",
            0,
        ),
        "serial",
    ),
    "a receipt with serial -1": (
        lambda w: ("receipt", _new(w.receipt, serial=-1), "upsert", 0),
        "serial",
    ),
    "a receipt with a bogus hash and a negative total": (
        lambda w: (
            "receipt",
            _new(
                w.receipt,
                serial=2,
                number=_number(w, 2),
                content={**w.receipt["content"], "number": _number(w, 2), "total_fen": -100},
                content_hash="0" * 64,
            ),
            "upsert",
            0,
        ),
        "content_hash",
    ),
    "a receipt with a negative total and a matching hash": (
        lambda w: (
            "receipt",
            _signed(
                w,
                _new(w.receipt, serial=2, number=_number(w, 2)),
                number=_number(w, 2),
                cash_fen=-100,
                total_fen=-100,
            ),
            "upsert",
            0,
        ),
        "content",
    ),
    "a receipt whose figures and capitals disagree": (
        lambda w: (
            "receipt",
            _signed(
                w,
                _new(w.receipt, serial=2, number=_number(w, 2)),
                number=_number(w, 2),
                cash_fen=5_000_000,
                total_fen=5_000_000,
            ),
            "upsert",
            0,
        ),
        "content",
    ),
    "a new receipt re-using another station's number": (
        lambda w: (
            "receipt",
            _signed(
                w,
                _new(w.receipt, number=_number(w, 1, w.b.code)),
                number=_number(w, 1, w.b.code),
                station_code=w.b.code,
            ),
            "upsert",
            0,
        ),
        "number",
    ),
    "a receipt signed with another key": (
        lambda w: (
            "receipt",
            _signed(
                w,
                _new(w.receipt, serial=2, number=_number(w, 2)),
                key="ab" * 32,
                number=_number(w, 2),
            ),
            "upsert",
            0,
        ),
        "content",
    ),
    "a receipt for another total than its hand-out": (
        lambda w: (
            "receipt",
            _signed(
                w,
                _new(w.receipt, serial=2, number=_number(w, 2)),
                number=_number(w, 2),
                cash_fen=40000,
                total_fen=40000,
                amount_capitals="人民币肆佰元整",
            ),
            "upsert",
            0,
        ),
        "content",
    ),
    # relief
    "relief of 10^15 fen": (_relief(cash_fen=10**15), "cash_fen"),
    "relief with goods worth -10^12": (
        _relief(
            goods=[{"item": "米", "quantity": 1, "unit": "袋", "value_fen": -(10**12)}],
            goods_value_fen=-(10**12),
        ),
        "goods_value_fen",
    ),
    "relief with goods of negative quantity": (
        _relief(
            goods=[{"item": "米", "quantity": -2, "unit": "袋", "value_fen": 100}],
            goods_value_fen=100,
        ),
        "goods",
    ),
    "relief with status whatever": (_relief(status="whatever"), "status"),
    "relief dated 9999-12-31": (_relief(issued_on="9999-12-31", period="9999-12"), "issued_on"),
    "relief dated 0001-01-01": (_relief(issued_on="0001-01-01", period="0001-01"), "issued_on"),
    "relief whose period disagrees with its date": (_relief(period="2026-12"), "period"),
    "relief with a garbage period": (_relief(period="garbage"), "period"),
    "relief for a member that does not exist": (_relief(member_id=str(uuid.uuid4())), "member_id"),
    "relief under a program that does not exist": (
        _relief(program_id=str(uuid.uuid4())),
        "program_id",
    ),
    "relief with version -5": (_relief(version=-5), "version"),
    "relief of only an id and a station (the poison record)": (
        lambda w: (
            "relief",
            {"id": str(uuid.uuid4()), "station_id": w.a.ctx.station_id},
            "upsert",
            0,
        ),
        "cash_fen",
    ),
    "an adjustment that adjusts nothing": (
        _relief(status="adjustment", cash_fen=-50000),
        "adjusts_id",
    ),
    "an adjustment of a hand-out that does not exist": (
        lambda w: (
            "relief",
            _new(
                w.relief,
                receipt_id=None,
                status="adjustment",
                cash_fen=-100,
                adjusts_id=str(uuid.uuid4()),
            ),
            "upsert",
            0,
        ),
        "adjusts_id",
    ),
    # visits and the log
    "a visit dated 9999-12-31": (
        lambda w: ("visit", _visit(w, visited_on="9999-12-31"), "upsert", 0),
        "visited_on",
    ),
    "a visit of an unknown type": (
        lambda w: ("visit", _visit(w, visit_type="party"), "upsert", 0),
        "visit_type",
    ),
    "a visit naming 5,000 members": (
        lambda w: (
            "visit",
            _visit(w, member_ids=[str(uuid.uuid4()) for _ in range(5000)]),
            "upsert",
            0,
        ),
        "member_ids",
    ),
    "a visit naming members that do not exist": (
        lambda w: (
            "visit",
            _visit(w, member_ids=[str(uuid.uuid4()) for _ in range(3)]),
            "upsert",
            0,
        ),
        "member_ids",
    ),
    "a log entry of an unknown category": (
        lambda w: ("station_log", _log(w, category="party"), "upsert", 0),
        "category",
    ),
    "a log entry recovering negative wages": (
        lambda w: ("station_log", _log(w, amount_recovered_fen=-1), "upsert", 0),
        "amount_recovered_fen",
    ),
    # members
    "a member with a wrong check digit": (
        lambda w: ("member", _new(w.member_a, id_number=_wrong_check_digit()), "upsert", 0),
        "id_number",
    ),
    "a member whose ID number says born in 2999": (
        lambda w: ("member", _new(w.member_a, id_number=_born_2999()), "upsert", 0),
        "id_number",
    ),
    "a member born in 2999": (
        lambda w: (
            "member",
            _new(w.member_a, id_number=make_id_number(32), birth_date="2999-01-01"),
            "upsert",
            0,
        ),
        "birth_date",
    ),
    "a member of an unknown job group": (
        lambda w: (
            "member",
            _new(w.member_a, id_number=make_id_number(33), job_group="pilot"),
            "upsert",
            0,
        ),
        "job_group",
    ),
    "station A deleting station B's member": (
        lambda w: ("member", {**w.member_b, "deleted": True}, "delete", 1),
        "deleted",
    ),
    "station A taking over station B's member": (
        lambda w: (
            "member",
            {**w.member_b, "station_id": w.a.ctx.station_id, "phone": "13911112222"},
            "upsert",
            1,
        ),
        "station_id",
    ),
    "deleting a member with hand-outs": (
        lambda w: ("member", {**w.member_a, "deleted": True}, "delete", 1),
        "deleted",
    ),
    # the month lock (A's October is confirmed closed by the district)
    "relief in the closed month": (_relief(issued_on="2026-10-15", period="2026-10"), "issued_on"),
    "relief in the closed month written 20261015": (
        _relief(issued_on="20261015", period="2026-10"),
        "issued_on",
    ),
    "relief in the closed month written 2026-W42-3": (
        _relief(issued_on="2026-W42-3", period="2026-10"),
        "issued_on",
    ),
    "a visit in the closed month written 20261016": (
        lambda w: ("visit", _visit(w, visited_on="20261016"), "upsert", 0),
        "visited_on",
    ),
    "a log entry in the closed month": (
        lambda w: ("station_log", _log(w, log_date="2026-10-16"), "upsert", 0),
        "log_date",
    ),
    "an October hand-out moved out of the closed month": (
        lambda w: (
            "relief",
            {**w.october_relief, "issued_on": "2026-11-16", "period": "2026-11", "version": 2},
            "upsert",
            1,
        ),
        "issued_on",
    ),
    "an October hand-out voided after the close": (
        lambda w: (
            "relief",
            {**w.october_relief, "status": "void", "void_reason": "改", "version": 2},
            "upsert",
            1,
        ),
        "issued_on",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_hostile_record_is_refused_by_name_and_nothing_is_stored(world: World, case: str) -> None:
    build, field = CASES[case]
    entity, record, op, base = build(world)
    before = _stored(world, entity, record["id"])
    (result,) = _push(world, _mutation(entity, record, op, base))
    assert result["status"] == "rejected", (case, result)
    error = result["error"] or ""
    assert field in error and CJK.search(error), (case, error)
    assert _stored(world, entity, record["id"]) == before


def test_a_refused_record_does_not_hold_back_the_rest_of_its_batch(world: World) -> None:
    poison = {"id": str(uuid.uuid4()), "station_id": world.a.ctx.station_id}
    fine = _visit(world, findings="批次中的正常记录")
    bad, good = _push(world, _mutation("relief", poison), _mutation("visit", fine))
    assert bad["status"] == "rejected" and good["status"] == "applied", (bad, good)
    assert _stored(world, "relief", poison["id"]) is None
    stored = _stored(world, "visit", fine["id"])
    assert stored is not None and stored[0]["findings"] == "批次中的正常记录"


def test_a_forged_receipt_is_refused_and_raised_for_the_district(world: World) -> None:
    """The receipt's content edited in the station file, its capitals, verification code and
    hash made again: consistent in itself, but not what was issued."""
    receipt = world.receipt
    forged = _signed(
        world,
        {**receipt, "version": int(receipt["version"]) + 2},
        cash_fen=5_000_000,
        total_fen=5_000_000,
        amount_capitals="人民币伍万元整",
    )
    before = _stored(world, "receipt", receipt["id"])
    (result,) = _push(world, _mutation("receipt", forged, base=1))
    assert result["status"] == "rejected" and "content" in (result["error"] or "")
    assert _stored(world, "receipt", receipt["id"]) == before
    flags = admin.list_findings(world.district.engine, "integrity_flag")
    assert [
        (f["entity"], f["row_id"], f["field"]) for f in flags if f["row_id"] == receipt["id"]
    ] == [("receipt", receipt["id"], "content")]
    # a genuine change (the receipt voided) still goes through
    voided = {
        **receipt,
        "voided": True,
        "void_reason": "作废",
        "version": int(receipt["version"]) + 1,
    }
    (ok,) = _push(world, _mutation("receipt", voided, base=1))
    assert ok["status"] == "applied", ok


# -- requests that are not records ------------------------------------------------------------


def test_bodies_too_large_are_refused_before_they_are_read(world: World) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(100):  # 100 MB, sent without a length
            yield b" " * (1024 * 1024)

    for path in ("/v1/enrol", "/v1/pull"):
        response = httpx.post(
            f"{world.district.live.url}{path}",
            content=chunks(),
            headers={"Content-Type": "application/json"},
            timeout=60,
        )
        assert response.status_code == 413, (path, response.text)
    bomb = gzip.compress(b" " * (200 * 1024 * 1024))  # 200 MB of spaces in 200 KB
    for path in ("/v1/enrol", "/v1/pull", "/v1/push"):
        response = _post(world, path, bomb, **{"Content-Encoding": "gzip"})
        assert response.status_code == 413, (path, response.text)


def test_a_declared_gigabyte_is_answered_at_once(world: World) -> None:
    host, port = world.district.live.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(
            b"POST /v1/enrol HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: 1073741824\r\n\r\n{"
        )
        answer = sock.recv(4096)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:100]


@pytest.mark.parametrize("path", ["/v1/enrol", "/v1/pull", "/v1/push"])
def test_deep_nesting_is_a_4xx(world: World, path: str) -> None:
    for depth in (50, 990, 100_000):
        body = b"[" * depth + b"]" * depth
        response = _post(world, path, body)
        # past its 64 KB cap an enrolment or a pull is too large before it is too deep
        expected = 413 if len(body) > body_cap(path) else 422
        assert response.status_code == expected, (path, depth, response.text)
    record = {"id": str(uuid.uuid4()), "goods": json.loads("[" * 500 + "]" * 500)}
    response = _post(world, "/v1/push", {"mutations": [_mutation("relief", record)]})
    assert response.status_code in (200, 422), response.text
    if response.status_code == 200:
        assert response.json()["results"][0]["status"] == "rejected"


def test_enrol_with_a_quote_in_the_station_id_is_a_4xx(world: World) -> None:
    _sid, code = admin.create_station(world.district.engine, DISTRICT, f"{DISTRICT}0077", "引号站")
    response = _post(
        world,
        "/v1/enrol",
        {"code": code, "station_code": f"{DISTRICT}0077", "station_id": 'ab"cd'},
    )
    assert response.status_code == 422, response.text


def test_a_record_forced_into_the_server_cannot_stop_a_pull_and_can_be_withdrawn(
    world: World,
) -> None:
    """As if stored by an older server: station B sets it aside, syncs on, and the district
    withdraws it with stationdesk-server."""
    poison = {"id": str(uuid.uuid4()), "station_id": world.a.ctx.station_id}
    with world.district.engine.begin() as conn:
        district_id = conn.exec_driver_sql("SELECT district_id FROM station LIMIT 1").scalar()
        flush(
            conn,
            [
                Row(
                    entity="relief",
                    id=poison["id"],
                    district_id=str(district_id),
                    owner=world.a.ctx.station_id,
                    version=1,
                    deleted=False,
                    data=poison,
                    dirty=True,
                )
            ],
        )
    before = int(local.read_setting(world.b.engine, local.CURSOR, "0"))
    result = world.b.sync()
    assert "已搁置" in result.summary()
    after = int(local.read_setting(world.b.engine, local.CURSOR, "0"))
    assert after > before
    aside = local.set_aside(world.b.engine)
    assert [(item["entity"], item["id"]) for item in aside][-1:] == [("relief", poison["id"])]
    assert CJK.search(aside[-1]["reason"])
    code = server_cli.main(
        ["--db", world.district.url, "withdraw", "relief", poison["id"], "--reason", "不完整的记录"]
    )
    assert code == 0
    stored = _stored(world, "relief", poison["id"])
    assert stored is not None and stored[2] is True  # a tombstone every station pulls
    world.b.sync()
    assert int(local.read_setting(world.b.engine, local.CURSOR, "0")) > after
    flags = admin.list_findings(world.district.engine, "integrity_flag")
    assert any(f["row_id"] == poison["id"] and "撤回" in f["reason"] for f in flags)


def test_admin_input_is_judged_by_the_same_rules(world: World) -> None:
    engine = world.district.engine
    made = admin.create_program(
        engine, DISTRICT, code="YLJZ", year=2026, name="医疗救助", program_type="医疗救助"
    )
    stored = _stored(world, "fund_program", made)
    assert stored is not None and stored[0]["program_type"] == "medical"  # the label is mapped
    for kwargs, named in (
        ({"program_type": "whatever"}, "项目类型"),
        ({"program_type": "living", "year": 1999}, "year"),
        ({"program_type": "living", "amount_rules": {"x": -1}}, "amount_rules"),
        ({"program_type": "living", "annual_cap_fen": -5}, "annual_cap_fen"),
    ):
        args: dict[str, Any] = {"code": "BAD", "year": 2026, "name": "坏项目", **kwargs}
        with pytest.raises(SystemExit, match=named):
            admin.create_program(engine, DISTRICT, **args)
    with pytest.raises(SystemExit, match="budget_fen"):
        admin.create_budget(engine, made, world.a.code, -1)
    with pytest.raises(SystemExit, match="program_id"):
        admin.create_budget(engine, str(uuid.uuid4()), world.a.code, 100)


def test_the_sync_token_belongs_to_its_database(world: World, tmp_path: Path) -> None:
    a_db = Path(world.a.engine.url.database or "")
    token_file = commands.token_path(world.a.engine)
    assert token_file == a_db.with_name(a_db.name + ".sync-token.json") and token_file.exists()
    # an old per-folder token goes only to the station it was issued to
    legacy_a = a_db.parent / "sync-token.json"
    token_file.rename(legacy_a)
    b_db = Path(world.b.engine.url.database or "")
    b_token = commands.token_path(world.b.engine)
    b_token.rename(b_db.parent / "kept-aside.json")
    (b_db.parent / "sync-token.json").write_bytes(legacy_a.read_bytes())  # A's, in B's folder
    try:
        with pytest.raises(commands.SyncError):
            commands.load_token(world.b.engine)
        assert (b_db.parent / "sync-token.json").exists()  # not taken
        assert commands.load_token(world.a.engine)["station_id"] == world.a.ctx.station_id
        assert token_file.exists() and not legacy_a.exists()  # adopted and renamed
    finally:
        (b_db.parent / "sync-token.json").unlink()
        (b_db.parent / "kept-aside.json").rename(b_token)
