"""Faults (dropped links before and after commit, replays, clock off) and scope enforcement."""

from __future__ import annotations

import json
import time

import httpx
import pytest
from sqlalchemy import text

from desktop.models import Member, ReliefDistribution, Visit
from desktop.services.uow import transaction
from desktop.sync import commands
from server import admin

from .harness import DISTRICT, add_member, add_relief


class Flaky(httpx.HTTPTransport):
    """Fails chosen requests: 'before' never reaches the server, 'after' is lost on the way back."""

    def __init__(self, plan: dict[int, str]) -> None:
        super().__init__()
        self.plan = plan
        self.count = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.count += 1
        mode = self.plan.get(self.count)
        if mode == "before":
            raise httpx.ConnectError("dropped before sending")
        response = super().handle_request(request)
        if mode == "after":
            response.read()
            raise httpx.ReadError("dropped after the server answered")
        return response


def _server_counts(district) -> dict[str, int]:
    with district.engine.connect() as conn:
        return dict(conn.execute(text("SELECT entity, count(*) FROM record GROUP BY entity")).all())


@pytest.mark.parametrize(
    "plan",
    [
        {1: "before"},
        {1: "after"},
        {2: "after", 3: "after"},
        {1: "after", 2: "before", 4: "after", 5: "after"},
    ],
)
def test_dropped_connections_lose_and_double_nothing(district, plan):
    program = admin.create_program(
        district.engine, DISTRICT, code="X", year=2026, name="生活救助", program_type="living"
    )
    a, b = district.station(1), district.station(2)
    members = [add_member(a, n) for n in range(30)]
    for m in members[:10]:
        add_relief(a, m.id, program)
    result = a.sync(transport=Flaky(plan), batch_size=7, page_size=4)
    assert result.pushed >= 42
    assert a.outbox_states() == {"done": 42 + 0} or a.outbox_states().get("pending", 0) == 0
    counts = _server_counts(district)
    assert counts["member"] == 30 and counts["relief"] == 10
    b.sync(transport=Flaky(plan), page_size=4)
    assert b.snapshot(Member) == a.snapshot(Member)
    assert set(b.snapshot(ReliefDistribution)) == set(a.snapshot(ReliefDistribution))
    assert a.sync().pushed == 0 and b.sync().pulled == 0


def test_replayed_and_reordered_requests_are_harmless(district):
    a = district.station(1)
    m = add_member(a, 1)
    token = commands.load_token(a.engine)["token"]
    from desktop.sync import local

    seqs, body = local.pending_batch(a.engine, 100)
    http = httpx.Client(
        base_url=district.live.url,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    first = http.post("/v1/push", content=body).json()["results"]
    again = http.post("/v1/push", content=body).json()["results"]
    assert {r["status"] for r in first} == {"applied"}
    assert {r["status"] for r in again} == {"duplicate"}
    # an older version of a station-owned row arriving late does not overwrite the newer one
    station_mut = json.loads(body)["mutations"][0]
    newer = json.loads(json.dumps(station_mut))
    newer["mutation_id"] += "-2"
    newer["payload"]["record"]["version"] = 5
    newer["payload"]["record"]["phone"] = "新电话"
    older = json.loads(json.dumps(station_mut))
    older["mutation_id"] += "-1"
    older["payload"]["record"]["version"] = 4
    for mut in (newer, older):
        r = http.post("/v1/push", json={"mutations": [mut]})
        assert r.status_code == 200, r.text
    rows = _server_counts(district)
    assert rows["member"] == 1
    with district.engine.connect() as conn:
        data = json.loads(
            conn.execute(
                text("SELECT data FROM record WHERE entity='station' AND id=:i"),
                {"i": a.ctx.station_id},
            ).scalar_one()
        )
    assert data["phone"] == "新电话"
    assert m.id


def test_clock_hours_off_warns_but_syncs(district):
    a = district.station(1)
    add_member(a, 1)
    result = a.sync(clock=lambda: time.time() + 5 * 3600)
    assert result.statuses == {"applied": 3}
    assert result.warnings and "时钟" in result.warnings[0]
    assert abs(result.clock_offset_s + 5 * 3600) < 60


def _client(district, station) -> httpx.Client:
    token = commands.load_token(station.engine)["token"]
    return httpx.Client(
        base_url=district.live.url,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )


def test_scope_is_enforced_whatever_the_request_claims(district):
    program = admin.create_program(
        district.engine, DISTRICT, code="X", year=2026, name="生活救助", program_type="living"
    )
    a, b = district.station(1), district.station(2)
    m = add_member(a, 1)
    relief = add_relief(a, m.id, program)
    with transaction(a.ctx) as unit:
        unit.save(
            Visit(
                station_id=a.ctx.station_id,
                visit_type="home",
                visited_on=relief.issued_on,
                staff_id="s",
                member_ids=[m.id],
                findings="家中困难",
            )
        )
    a.sync()
    b.sync()
    assert b.rows(Visit) == []
    http = _client(district, b)
    record = a.snapshot(ReliefDistribution)[relief.id]
    forged = [
        {**record, "cash_fen": 1},  # a's row, claimed as a's
        {**record, "station_id": b.ctx.station_id, "cash_fen": 1},  # a's row, claimed as b's
        {**record, "id": "new-1", "station_id": a.ctx.station_id},  # new row in a's name
    ]
    for n, rec in enumerate(forged):
        mut = {
            "mutation_id": f"forge-{n}",
            "entity": "relief",
            "row_id": rec["id"],
            "op": "upsert",
            "base_version": 0,
            "payload": {"record": {**rec, "version": 9}},
        }
        result = http.post("/v1/push", json={"mutations": [mut]}).json()["results"][0]
        assert result["status"] == "rejected", rec
    program_mut = {
        "mutation_id": "p",
        "entity": "fund_program",
        "row_id": program,
        "op": "upsert",
        "base_version": 1,
        "payload": {"record": {"id": program}},
    }
    assert (
        http.post("/v1/push", json={"mutations": [program_mut]}).json()["results"][0]["status"]
        == "rejected"
    )
    assert a.snapshot(ReliefDistribution)[relief.id]["cash_fen"] == 50000
    pulled = http.post("/v1/pull", json={"cursor": 0, "limit": 1000}).json()["changes"]
    assert {c["entity"] for c in pulled} <= {"member", "fund_program", "station", "relief", "staff"}
    assert all(c["station_id"] == b.ctx.station_id for c in pulled if c["entity"] == "staff")
    other_relief = [c for c in pulled if c["entity"] == "relief"]
    assert other_relief and "note" not in other_relief[0]["data"]


@pytest.mark.parametrize(
    "body,headers,status",
    [
        (b"{not json", {}, 422),
        (b'{"mutations": [{"mutation_id": 5}]}', {}, 422),
        (b'{"mutations": []}', {"Authorization": "Bearer nope"}, 401),
        (b"\x1f\x8bgarbage", {"Content-Encoding": "gzip"}, 400),
        (b'{"protocol": 99, "mutations": []}', {}, 426),
    ],
)
def test_hostile_input_gets_4xx(district, body, headers, status):
    a = district.station(1)
    http = _client(district, a)
    response = http.post("/v1/push", content=body, headers=headers)
    assert response.status_code == status, response.text


def test_zip_bomb_is_refused(district):
    import gzip

    a = district.station(1)
    bomb = gzip.compress(b" " * (80 * 1024 * 1024))
    response = _client(district, a).post(
        "/v1/push", content=bomb, headers={"Content-Encoding": "gzip"}
    )
    assert response.status_code == 413


def test_revoked_station_is_refused(district):
    a = district.station(1)
    admin.revoke(district.engine, a.code)
    add_member(a, 1)
    with pytest.raises(commands.SyncError):
        a.sync()
