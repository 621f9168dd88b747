"""Issue 17 follow-up: the district re-checks a rights case as it re-checks relief, on SQLite
and on PostgreSQL, through a live server and station A's real token.

The workers a case names as members must be members of the district (a member of another
district, or none at all, is refused naming `workers`), and once A's October is closed and
confirmed, no part of a case dated in October may be added, changed or removed: a step, a
contact note, an extension, the registration, the case itself. The station's own next steps
in November still go through.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import msgspec
import pytest
from sqlalchemy import event, select

from contract.wire import Mutation, Payload
from desktop.models import MonthClose, RightsCase
from desktop.services import cases, monthclose
from desktop.sync import commands
from server import admin
from server.db import record
from server.judge import Judge
from server.rows import Row, flush

from .harness import (
    DISTRICT,
    District,
    StationHandle,
    add_member,
    drop_pg_schema,
    fresh_pg_url,
    postgres_answers,
)

OTHER_DISTRICT = "440107"


@dataclass
class World:
    district: District
    a: StationHandle
    token: str
    member: str  # A's member, a worker of both cases
    stranger: str  # a member of another district
    october: dict[str, Any]  # A's case received and accepted in October (closed)
    november: dict[str, Any]  # A's case received in November (open)


def _case(st: StationHandle, member_id: str, received_on: str) -> RightsCase:
    return cases.open_case(
        st.ctx,
        cases.CaseInput(
            source="来访",
            employer="某某建筑劳务有限公司",
            dispute_type="欠薪",
            workers=[cases.WorkerInput(member_id=member_id), cases.WorkerInput(name="李娜")],
            claimed="30000.00",
            received_on=received_on,
        ),
    )


def _stranger(district: District) -> str:
    """A member the server holds in another district (written straight into the server)."""
    admin.create_district(district.engine, OTHER_DISTRICT, "越秀区")
    member_id = str(uuid.uuid4())
    with district.engine.begin() as conn:
        flush(
            conn,
            [
                Row(
                    entity="member",
                    id=member_id,
                    district_id=OTHER_DISTRICT,
                    owner=str(uuid.uuid4()),
                    version=1,
                    deleted=False,
                    data={"id": member_id, "name": "外区会员"},
                    dirty=True,
                )
            ],
        )
    return member_id


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[World]:
    root = tmp_path_factory.mktemp("hostile-cases")
    schema = None
    if request.param == "postgres":
        if not postgres_answers():
            pytest.skip("PostgreSQL does not answer on 127.0.0.1:5432")
        url, schema = fresh_pg_url()
    else:
        url = f"sqlite:///{root / 'server.sqlite3'}"
    district = District(url, root)
    a = district.station(1)
    member = add_member(a, 41, name="张伟")
    october = _case(a, member.id, "2026-10-12")
    cases.move(a.ctx, october.id, "受理", on="2026-10-13")
    cases.add_note(a.ctx, october.id, "电话联系用人单位，约定调解时间", on="2026-10-14")
    monthclose.close(a.ctx, "2026-10")
    november = _case(a, member.id, "2026-11-16")
    result = a.sync()
    assert set(result.statuses) == {"applied"}, result.statuses
    assert a.rows(MonthClose)[0].server_status == "confirmed"
    yield World(
        district=district,
        a=a,
        token=commands.load_token(a.engine)["token"],
        member=member.id,
        stranger=_stranger(district),
        october=a.snapshot(RightsCase)[october.id],
        november=a.snapshot(RightsCase)[november.id],
    )
    district.close()
    if schema:
        drop_pg_schema(schema)


def _push(w: World, entity: str, data: dict[str, Any], base: int = 0) -> dict[str, Any]:
    body = {
        "mutations": [
            {
                "mutation_id": uuid.uuid4().hex,
                "entity": entity,
                "row_id": data["id"],
                "op": "delete" if data.get("deleted") else "upsert",
                "base_version": base,
                "payload": {"record": data},
            }
        ]
    }
    response = httpx.post(
        f"{w.district.live.url}/v1/push",
        content=json.dumps(body).encode(),
        headers={"Authorization": f"Bearer {w.token}", "Content-Type": "application/json"},
        timeout=60,
    )
    assert response.status_code == 200, response.text
    (result,) = response.json()["results"]
    return dict(result)


def _held(w: World, row_id: str) -> tuple[Any, ...] | None:
    with w.district.engine.connect() as conn:
        row = conn.execute(
            select(record.c.data, record.c.version, record.c.deleted).where(
                record.c.entity == "rights_case", record.c.id == row_id
            )
        ).first()
    return None if row is None else (json.loads(row[0]), row[1], bool(row[2]))


def _step(status: str, on: str) -> dict[str, Any]:
    return {"status": status, "on": on, "by": "", "by_name": "李站长", "note": ""}


def _edit(case: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """The stored case, one version on, with changes."""
    return {**copy.deepcopy(case), "version": int(case["version"]) + 1, **changes}


def _new(case: dict[str, Any], **changes: Any) -> dict[str, Any]:
    return {**copy.deepcopy(case), "id": str(uuid.uuid4()), "version": 1, **changes}


def _refused(w: World, data: dict[str, Any], field: str) -> str:
    before = _held(w, data["id"])
    result = _push(w, "rights_case", data)
    assert result["status"] == "rejected", result
    error = result["error"] or ""
    assert f"维权个案 字段 {field}：" in error, error
    assert _held(w, data["id"]) == before
    return error


WORKERS = {
    "a worker who is no member at all": lambda w: str(uuid.uuid4()),
    "a worker who is a member of another district": lambda w: w.stranger,
}


@pytest.mark.parametrize("who", sorted(WORKERS))
def test_a_case_naming_a_member_the_district_does_not_hold_is_refused(world: World, who: str):
    stranger = WORKERS[who](world)
    workers = [{"member_id": world.member, "name": "", "phone": ""},
               {"member_id": stranger, "name": "", "phone": ""}]  # fmt: skip
    error = _refused(world, _new(world.november, case_no="X-1", workers=workers), "workers")
    assert "引用的会员不存在" in error
    _refused(world, _edit(world.november, workers=workers), "workers")


def test_a_case_whose_workers_are_the_districts_members_or_named_people_is_kept(world: World):
    workers = [{"member_id": world.member, "name": "", "phone": ""},
               {"member_id": None, "name": "王芳", "phone": "13800138000"}]  # fmt: skip
    data = _new(world.november, case_no=f"{world.a.code}-2026-T0901", workers=workers)
    assert _push(world, "rights_case", data)["status"] == "applied"
    held = _held(world, data["id"])
    assert held is not None and held[0]["workers"] == workers


OCTOBER: dict[str, tuple[Any, str]] = {
    "an October step added after the close": (
        lambda c: _edit(
            c, status="mediating", history=[*c["history"], _step("mediating", "2026-10-20")]
        ),
        "history",
    ),
    "an October step rewritten": (
        lambda c: _edit(c, history=[c["history"][0], _step("accepted", "2026-10-15")]),
        "history",
    ),
    "an October step removed": (lambda c: _edit(c, history=c["history"][:1]), "history"),
    "an October contact note added": (
        lambda c: _edit(
            c, notes=[*c["notes"], {"on": "2026-10-28", "by": "", "by_name": "", "text": "补记"}]
        ),
        "notes",
    ),
    "the October contact note removed": (lambda c: _edit(c, notes=[]), "notes"),
    "an extension dated in October": (
        lambda c: _edit(
            c,
            extensions=[
                {"days": 10, "reason": "双方同意", "on": "2026-10-30", "by": "", "by_name": ""}
            ],
        ),
        "extensions",
    ),
    "the claim of an October case changed": (
        lambda c: _edit(c, claimed_fen=9_000_000),
        "received_on",
    ),
    "the acceptance moved into November": (
        lambda c: _edit(c, accepted_on="2026-11-02"),
        "accepted_on",
    ),
    "the status changed without a step": (lambda c: _edit(c, status="withdrawn"), "status"),
    "the October case deleted": (lambda c: _edit(c, deleted=True), "received_on"),
    "a new case received in October": (
        lambda c: _new(c, case_no="X-2", notes=[], history=[_step("applied", "2026-10-12")]),
        "received_on",
    ),
    "a step dated 20261020 (not ISO)": (
        lambda c: _edit(
            c, status="mediating", history=[*c["history"], _step("mediating", "20261020")]
        ),
        "history",
    ),
}


@pytest.mark.parametrize("case", sorted(OCTOBER))
def test_a_change_dated_in_the_closed_month_is_refused_by_name(world: World, case: str):
    build, field = OCTOBER[case]
    data = build(world.october)
    _refused(world, data, field)
    if data.get("deleted"):
        held = _held(world, data["id"])
        assert held is not None and held[2] is False


def test_the_stations_own_november_steps_on_an_october_case_go_through(world: World):
    """As the station's services allow: a step, a note and the amount recovered today, on a
    case received and accepted in the closed month."""
    a, case_id = world.a, world.october["id"]
    cases.move(a.ctx, case_id, "调解中", on="2026-11-02")
    cases.add_note(a.ctx, case_id, "调解会：双方同意分两期支付", on="2026-11-03")
    cases.record_recovered(a.ctx, case_id, "15000")
    result = a.sync()
    assert set(result.statuses) == {"applied"}, result.statuses
    held = _held(world, case_id)
    assert held is not None
    assert held[0]["status"] == "mediating" and held[0]["recovered_fen"] == 1_500_000
    assert held[0]["history"] == a.snapshot(RightsCase)[case_id]["history"]
    # and the station itself still refuses a step dated in October
    from desktop.services.errors import UserFacingError

    with pytest.raises(UserFacingError):
        cases.add_note(a.ctx, case_id, "补记十月的电话", on=dt.date(2026, 10, 29))


def test_the_check_costs_one_query_per_batch(world: World) -> None:
    """Forty cases each naming a different member: the workers are looked up together."""
    statements: list[str] = []
    members = [world.member] * 40
    work = []
    for n, member_id in enumerate(members):
        data = _new(world.november, case_no=f"Q-{n}")
        data["workers"] = [{"member_id": member_id, "name": "", "phone": ""},
                           {"member_id": str(uuid.uuid4()), "name": "", "phone": ""}]  # fmt: skip
        work.append(data)

    class Auth:
        district_id = DISTRICT
        station_id = world.a.ctx.station_id
        code = world.a.code

    mutations = [
        (
            Mutation(
                mutation_id=uuid.uuid4().hex,
                entity="rights_case",
                row_id=d["id"],
                op="upsert",
                payload=Payload(record=msgspec.Raw(json.dumps(d).encode())),
            ),
            d,
        )
        for d in work
    ]

    def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    engine = world.district.engine
    with engine.connect() as conn:
        event.listen(engine, "before_cursor_execute", seen)
        try:
            Judge(conn, Auth(), mutations, {}, set())
        finally:
            event.remove(engine, "before_cursor_execute", seen)
    member_lookups = [s for s in statements if "FROM record" in s and "IN (" in s]
    assert len(member_lookups) == 1, statements
