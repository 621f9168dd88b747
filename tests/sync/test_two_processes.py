"""Two server processes on one PostgreSQL database (sync.md principle 11: the server is
stateless, so several processes behind a load balancer must be correct).

Stations talk to one process each, or alternate between them request by request. Checked:
no change committed by one process while another serves a pull is ever skipped by a cursor,
nothing arrives or is stored twice, and member conflicts and duplicate aid are still
detected when the two sides of the story went through different processes at the same time.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from sqlalchemy import select, text

from contract.protocol import PushRequest
from desktop.models import Conflict, DuplicateFlag, Member
from desktop.services import members as member_service
from desktop.sync import local
from server import admin
from server.db import station as station_table
from server.push import StationAuth, apply_push

from .harness import DISTRICT, District, StationHandle, add_member, add_relief
from .procs import ServerProcess

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


@pytest.fixture
def two(district, tmp_path) -> Iterator[tuple[District, ServerProcess, ServerProcess]]:
    """A PostgreSQL district (the in-thread server enrols) and two uvicorn processes on it."""
    one = ServerProcess(district.url, log=tmp_path / "server1.log")
    try:
        other = ServerProcess(district.url, log=tmp_path / "server2.log")
    except Exception:
        one.stop()
        raise
    yield district, one, other
    one.stop()
    other.stop()


def _use(st: StationHandle, server: ServerProcess) -> StationHandle:
    with st.engine.begin() as conn:
        local.write_setting(conn, local.SERVER_URL, server.url)
    return st


class Alternate(httpx.HTTPTransport):
    """Sends each request to the next of the given ports (a round-robin load balancer)."""

    def __init__(self, ports: list[int]) -> None:
        super().__init__()
        self.ports = ports
        self.count = 0
        self.lock = threading.Lock()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        with self.lock:
            port = self.ports[self.count % len(self.ports)]
            self.count += 1
        request.url = request.url.copy_with(port=port)
        return super().handle_request(request)


def _server_count(district: District, sql: str, **params: Any) -> int:
    with district.engine.connect() as conn:
        return int(conn.execute(text(sql), params).scalar_one())


def _auth(district: District, st: StationHandle) -> StationAuth:
    with district.engine.connect() as conn:
        row = conn.execute(
            select(station_table).where(station_table.c.id == st.ctx.station_id)
        ).one()
    return StationAuth(station_id=row.id, district_id=row.district_id, code=row.code)


class HeldPush:
    """A push through the real apply_push (a third server, in this process) that stops just
    before COMMIT until released: its cursors are taken and its rows written, not committed."""

    def __init__(self, district: District, st: StationHandle) -> None:
        self.st = st
        self.entered, self.release = threading.Event(), threading.Event()
        self.seqs, body = local.pending_batch(st.engine, 1000)
        assert self.seqs
        request = PushRequest.model_validate_json(body)
        auth = _auth(district, st)
        self.error: BaseException | None = None

        def hold() -> None:
            self.entered.set()
            assert self.release.wait(60)

        def run() -> None:
            try:
                self.reply = apply_push(district.engine, auth, request, before_commit=hold)
            except BaseException as exc:  # noqa: BLE001 - re-raised in finish()
                self.error = exc
                self.entered.set()

        self.thread = threading.Thread(target=run, daemon=True)
        self.thread.start()
        assert self.entered.wait(30)

    def finish(self) -> None:
        self.release.set()
        self.thread.join(60)
        if self.error is not None:
            raise self.error
        local.record_results(self.st.engine, self.seqs, self.reply.results)


def _in_thread(fn: Any, *args: Any, **kwargs: Any) -> tuple[threading.Thread, list[Any]]:
    out: list[Any] = []

    def run() -> None:
        try:
            out.append(fn(*args, **kwargs))
        except BaseException as exc:  # noqa: BLE001 - the test looks at it
            out.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, out


def _sync_together(a: StationHandle, b: StationHandle) -> tuple[Any, Any]:
    """Both stations sync at the same moment, one change per request; their results."""
    barrier = threading.Barrier(2)

    def push(st: StationHandle) -> Any:
        barrier.wait(10)
        return st.sync(batch_size=1)

    ta, ra = _in_thread(push, a)
    tb, rb = _in_thread(push, b)
    ta.join(120)
    tb.join(120)
    assert not isinstance(ra[0], BaseException), ra
    assert not isinstance(rb[0], BaseException), rb
    return ra[0], rb[0]


@pytest.mark.parametrize("district", ["postgres"], indirect=True)
def test_stations_on_two_processes_converge_without_loss_or_doubles(district, two):
    district, one, other = two
    ports = [one.port, other.port]
    a = _use(district.station(1), one)
    b = _use(district.station(2), other)
    c = _use(district.station(3), one)  # switches process on every request
    reader = _use(district.station(4), other)
    rounds, per_round = 6, 5
    writers_done = threading.Event()
    errors: list[BaseException] = []
    reader_pulled: list[int] = []

    def write(st: StationHandle, base: int, transport: httpx.BaseTransport | None) -> None:
        try:
            for r in range(rounds):
                for i in range(per_round):
                    add_member(st, base + r * per_round + i, name=f"会员{base + r}")
                kwargs: dict[str, Any] = {"batch_size": 2, "page_size": 3}
                if transport is not None:
                    kwargs["transport"] = transport
                st.sync(**kwargs)
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    def read() -> None:
        # a station that only pulls, small pages, round-robin, all the time the others write
        transport = Alternate(ports)
        try:
            while not writers_done.is_set():
                result = reader.sync(transport=transport, page_size=2)
                reader_pulled.append(result.pulled_by_entity.get("member", 0))
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [
        threading.Thread(target=write, args=(a, 0, None)),
        threading.Thread(target=write, args=(b, 100, None)),
        threading.Thread(target=write, args=(c, 200, Alternate(ports))),
    ]
    reading = threading.Thread(target=read)
    for t in [*threads, reading]:
        t.start()
    for t in threads:
        t.join(300)
    writers_done.set()
    reading.join(120)
    assert not errors, errors
    total = 3 * rounds * per_round

    # the reader's cursor never passed a row it had not seen: one last pull completes it
    final = reader.sync(transport=Alternate(ports), page_size=2)
    reader_pulled.append(final.pulled_by_entity.get("member", 0))
    assert len(reader.snapshot(Member)) == total
    assert sum(reader_pulled) == total  # each new member arrived exactly once
    assert len(reader_pulled) > 3  # it really did pull while the others were writing

    assert _server_count(district, "SELECT count(*) FROM record WHERE entity='member'") == total
    for st in (a, b, c):
        st.sync(transport=Alternate(ports))
        assert st.outbox_states() == {"done": sum(st.outbox_states().values())}
        with st.engine.connect() as conn:
            sent = {r[0] for r in conn.execute(text("SELECT mutation_id FROM outbox"))}
        stored = _server_count(
            district, "SELECT count(*) FROM mutation WHERE station_id=:s", s=st.ctx.station_id
        )
        assert stored == len(sent)
        assert st.snapshot(Member) == reader.snapshot(Member)
    assert _server_count(district, "SELECT count(*) FROM mutation WHERE status <> 'applied'") == 0
    # every server version is 1: no member was applied twice
    assert _server_count(district, "SELECT max(version) FROM record WHERE entity='member'") == 1


@pytest.mark.parametrize("district", ["postgres"], indirect=True)
def test_change_committed_while_another_process_serves_a_pull_is_not_skipped(district, two):
    district, one, other = two
    a = _use(district.station(1), one)
    b = _use(district.station(2), other)
    reader = _use(district.station(3), one)
    for st in (a, b, reader):
        st.sync()
    held_member = add_member(a, 1, name="甲")
    held = HeldPush(district, a)  # holds its cursors, uncommitted
    late_member = add_member(b, 2, name="乙")
    pushing, result = _in_thread(b.sync)  # through process 2: waits for the held push
    pushing.join(1.0)
    page = reader.sync(transport=Alternate([one.port, other.port]), page_size=1)
    assert page.pulled_by_entity.get("member", 0) == 0  # nothing uncommitted, nothing beyond
    held.finish()
    pushing.join(30)
    assert not pushing.is_alive() and not isinstance(result[0], BaseException), result
    assert reader.sync().pulled_by_entity.get("member") == 2
    assert set(reader.snapshot(Member)) == {held_member.id, late_member.id}
    assert reader.sync().pulled == 0


def _edit(st: StationHandle, member_id: str, **changes: str) -> None:
    data = member_service.MemberInput.from_member(member_service.get_member(st.ctx, member_id))
    for key, value in changes.items():
        setattr(data, key, value)
    member_service.update_member(st.ctx, member_id, data)


@pytest.mark.parametrize("district", ["postgres"], indirect=True)
def test_concurrent_edits_through_two_processes_are_merged_and_conflicts_recorded(district, two):
    district, one, other = two
    a = _use(district.station(1), one)
    b = _use(district.station(2), other)
    members = [add_member(a, n, name=f"会员{n}") for n in range(6)]
    a.sync()
    b.sync()
    for n, m in enumerate(members):
        _edit(a, m.id, phone=f"139000000{n:02d}", employer="甲公司")
        _edit(b, m.id, phone=f"139111111{n:02d}", address="天河路 1 号")
    ra, rb = _sync_together(a, b)
    applied = ra.statuses.get("applied", 0) + rb.statuses.get("applied", 0)
    conflicts = ra.statuses.get("conflict", 0) + rb.statuses.get("conflict", 0)
    assert (applied, conflicts) == (len(members), len(members))  # first one in wins, per member
    for _ in range(2):
        a.sync()
        b.sync()
    sa, sb = a.snapshot(Member), b.snapshot(Member)
    assert sa == sb
    for m in members:
        merged = sa[m.id]
        assert merged["employer"] == "甲公司" and merged["address"] == "天河路 1 号"
        assert merged["version"] >= 2
    for st in (a, b):
        rows = st.rows(Conflict)
        assert sorted((c.row_id, c.field) for c in rows) == sorted((m.id, "phone") for m in members)
    assert _server_count(
        district, "SELECT count(*) FROM record WHERE entity='conflict'"
    ) == 2 * len(members)


def _festival(district: District) -> str:
    return admin.create_program(
        district.engine,
        DISTRICT,
        code="SWN",
        year=2026,
        name="两节送温暖",
        program_type="festival",
        max_times_per_year=1,
    )


@pytest.mark.parametrize("district", ["postgres"], indirect=True)
def test_same_grant_pushed_at_the_same_moment_through_two_processes_is_flagged(district, two):
    """Station A's push is still in flight (uncommitted) when station B pushes the same
    festival grant for the same member through another process: the duplicate must still be
    flagged at both stations."""
    district, one, other = two
    program = _festival(district)
    a = _use(district.station(1), one)
    b = _use(district.station(2), other)
    m = add_member(a, 9)
    a.sync()
    b.sync()
    ra = add_relief(a, m.id, program, issued_on=dt.date(2026, 11, 5))
    rb = add_relief(b, m.id, program, issued_on=dt.date(2026, 11, 6))
    held = HeldPush(district, a)
    pushing, result = _in_thread(b.sync)
    pushing.join(1.0)
    held.finish()
    pushing.join(30)
    assert not pushing.is_alive() and not isinstance(result[0], BaseException), result
    for _ in range(2):
        a.sync()
        b.sync()
    for st in (a, b):
        flags = st.rows(DuplicateFlag)
        assert flags, f"no duplicate-aid flag reached station {st.code}"
        assert {tuple(sorted(f.distribution_ids)) for f in flags} == {tuple(sorted([ra.id, rb.id]))}


@pytest.mark.parametrize("district", ["postgres"], indirect=True)
def test_same_grants_racing_through_two_processes_are_all_flagged(district, two):
    """The same, without a forced interleaving: 8 members each get the grant at both stations,
    pushed concurrently one grant per request through the two processes."""
    district, one, other = two
    program = _festival(district)
    a = _use(district.station(1), one)
    b = _use(district.station(2), other)
    members = [add_member(a, n, name=f"会员{n}") for n in range(8)]
    a.sync()
    b.sync()
    for m in members:
        add_relief(a, m.id, program)
        add_relief(b, m.id, program)
    _sync_together(a, b)
    for _ in range(2):
        a.sync()
        b.sync()
    for st in (a, b):
        flagged = {f.member_id for f in st.rows(DuplicateFlag)}
        assert flagged == {m.id for m in members}, st.code


@pytest.mark.parametrize("district", ["postgres"], indirect=True)
def test_same_id_number_registered_at_the_same_moment_is_stored_once(district, two):
    """Two stations register the same person at the same moment through two processes: the
    district must end with one member for the ID number, and the later push is linked to it
    (one person, one member: issue 13), not refused."""
    district, one, other = two
    a = _use(district.station(1), one)
    b = _use(district.station(2), other)
    a.sync()
    b.sync()
    first = add_member(a, 5, name="甲")
    second = add_member(b, 5, name="乙")  # same ID number, another row id
    held = HeldPush(district, a)
    pushing, result = _in_thread(b.sync)
    pushing.join(1.0)
    held.finish()
    pushing.join(60)
    assert not pushing.is_alive() and not isinstance(result[0], BaseException), result
    assert result[0].statuses == {"linked": 1}
    stored = _server_count(
        district,
        "SELECT count(*) FROM record WHERE entity='member' AND natural_key=:n",
        n=first.id_number,
    )
    assert stored == 1
    assert [m.id for m in b.rows(Member)] == [first.id]  # b's row re-pointed to the district's
    assert second.id not in {m.id for m in b.rows(Member)}
