"""A model-based test of a whole district (issue 13): a real server on 127.0.0.1 and three
stations, driven by hypothesis through random sequences of what stations do.

Rules: add a person drawn from a small pool of ID numbers (so stations collide), import a
roster overlapping the other stations', edit one field, issue relief, void one, sync (with the link
dropped before or after the server answered a push or a pull), resolve a conflict. After every
full sync round (every station syncs twice without faults):

- the server and every station hold the same members, and one member per ID number;
- every edit ever made is the current value, or is recorded in a conflict, or was replaced by a
  later edit made where it had been seen (the same station, or one that pulled it first), or
  another edit changed the field from exactly this value (the three-way merge's base);
- every hand-out exists exactly once, with its receipt number, at the server and its station;
- each station shows open exactly the conflicts the district holds open for it;
- a duplicate-aid flag exists (at the server and at its station) if and only if the rule holds:
  the same program in the same month at two stations, or more times a year than it allows.

Each example is a new district on one shared server. CI runs a bounded number of examples
(tests/sync/test_model.py); the long form is `python -m tests.sync.model --examples 2000`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, rule
from sqlalchemy import select
from sqlmodel import Session

from contract.enums import Role
from desktop.models import Conflict, DuplicateFlag, Member, Receipt, ReliefDistribution
from desktop.services import conflicts as conflict_service
from desktop.services import members as member_service
from desktop.services import relief as relief_service
from desktop.services import staff as staff_service
from desktop.services.context import Actor
from desktop.services.errors import UserFacingError
from desktop.store import open_store
from desktop.sync import commands
from desktop.sync.client import SyncError
from server import admin
from server.db import district, record

from .harness import District, StationHandle, drop_pg_schema, fresh_pg_url, make_id_number

POOL = 6  # ID numbers the stations draw from
PHONES = [f"1390000{k:04d}" for k in range(4)]
EMPLOYERS = ["甲厂", "乙厂", "丙厂"]
FIELDS = {"phone": PHONES, "employer": EMPLOYERS}
DAY = dt.date(2026, 11, 5)


class Flaky(httpx.HTTPTransport):
    """Drops request number `at`: before it reaches the server, or after the server answered."""

    def __init__(self, at: int, mode: str) -> None:
        super().__init__()
        self.at, self.mode, self.count = at, mode, 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.count += 1
        if self.count == self.at and self.mode == "before":
            raise httpx.ConnectError("dropped before sending")
        response = super().handle_request(request)
        if self.count == self.at and self.mode == "after":
            response.read()
            raise httpx.ReadError("dropped after the server answered")
        return response


@dataclass
class Edit:
    idx: int
    station: int
    number: str
    field: str
    value: str
    step: int  # when it was made
    before: str | None = None  # the station's value of the field when it made the edit


class Shared:
    """One server for a whole run; each example gets its own district on it."""

    server: District | None = None
    root: Path | None = None
    postgres = False  # the server on PostgreSQL (a fresh schema per run) instead of SQLite
    process = False  # the server as a real uvicorn process (tests/sync/killer.py kills it)
    schema: str | None = None
    examples = 0
    seen: Counter[str] = Counter()  # what the runs exercised, printed by main()

    @classmethod
    def district(cls) -> tuple[District, str]:
        if cls.server is None:
            cls.root = Path(tempfile.mkdtemp(prefix="sd-model-"))
            url = f"sqlite:///{cls.root / 'server.sqlite3'}"
            if cls.postgres:
                url, cls.schema = fresh_pg_url()
            cls.server = District(url, cls.root, process=cls.process)
        cls.examples += 1
        code = f"{450000 + cls.examples:06d}"
        admin.create_district(cls.server.engine, code, f"模型区{cls.examples}")
        return cls.server, code

    @classmethod
    def close(cls) -> None:
        if cls.server is not None:
            cls.server.close()
            shutil.rmtree(cls.root or "", ignore_errors=True)
            cls.server = None
        if cls.schema is not None:
            drop_pg_schema(cls.schema)
            cls.schema = None


def make_station(server: District, district_code: str, number: int) -> StationHandle:
    """A station of the example's district, enrolled, acting as its head (as harness.station)."""
    code = f"{district_code}{number:04d}"
    _sid, enrol_code = admin.create_station(server.engine, district_code, code, f"第{number}站")
    path = server.root / code / "station.sqlite3"
    path.parent.mkdir(parents=True)
    engine = open_store(path, bytes(range(32)))
    ctx = staff_service.init_station(
        engine, code=code, name=f"第{number}站", district_code=district_code, district_name="模型区"
    )
    head = staff_service.add_staff(
        ctx, username=f"head{number}", display_name="李站长", role=Role.STATION_HEAD,
        password="secret123",
    )  # fmt: skip
    ctx = ctx.as_actor(Actor.of(head))
    ctx.today_fn = lambda: dt.date(2026, 11, 20)
    commands.enrol(engine, server.live.url, enrol_code)
    return StationHandle(code, engine, ctx)


class DistrictModel(RuleBasedStateMachine):
    @initialize()
    def start(self) -> None:
        self.server, code = Shared.district()
        engine = self.server.engine
        self.program = admin.create_program(
            engine, code, code="SHJZ", year=2026, name="生活救助", program_type="living",
            max_times_per_year=1,
        )  # fmt: skip
        self.stations = [make_station(self.server, code, n) for n in (1, 2, 3)]
        for s in self.stations:
            admin.create_budget(engine, self.program, s.code, 100_000_000)
        self.step = 0
        self.edits: list[Edit] = []
        self.published: dict[int, int] = {}  # edit idx -> step its station's sync began
        self.syncs: dict[int, list[int]] = defaultdict(list)  # station -> steps syncs began
        self.handouts: list[tuple[int, str, str]] = []  # (station, relief id, receipt number)
        self.district_code = code
        for i, first in ((0, 0), (1, 1)):  # two overlapping rosters: people at every station
            self.import_roster(i, first, 3)
        self._full_round()

    # -- rules -------------------------------------------------------------------------------

    def _local(self, i: int, number: str) -> Member | None:
        with Session(self.stations[i].engine) as session:
            return session.exec(select(Member).where(Member.id_number == number)).scalars().first()  # type: ignore[call-overload,no-any-return]

    def _note(self, i: int, number: str, field: str, value: str, before: str | None = None) -> None:
        self.step += 1
        self.edits.append(Edit(len(self.edits), i, number, field, value, self.step, before))

    @rule(i=st.integers(0, 2), n=st.integers(0, POOL - 1), phone=st.sampled_from(PHONES))
    def add_person(self, i: int, n: int, phone: str) -> None:
        number = make_id_number(n)
        data = member_service.MemberInput(name=f"会员{n}", id_number=number, phone=phone)
        try:
            member_service.add_member(self.stations[i].ctx, data)
        except UserFacingError:
            return  # this station already has the person
        self._note(i, number, "phone", phone)

    @rule(i=st.integers(0, 2), first=st.integers(0, POOL - 1), size=st.integers(2, 4))
    def import_roster(self, i: int, first: int, size: int) -> None:
        for n in range(first, first + size):
            self.add_person(i, n % POOL, PHONES[n % len(PHONES)])

    @rule(
        i=st.integers(0, 2),
        n=st.integers(0, POOL - 1),
        field=st.sampled_from(sorted(FIELDS)),
        k=st.integers(0, 3),
    )
    def edit_one_field(self, i: int, n: int, field: str, k: int) -> None:
        values = FIELDS[field]
        self._edit_to(i, n, field, values[k % len(values)])

    def _edit_to(self, i: int, n: int, field: str, value: str) -> None:
        number = make_id_number(n)
        member = self._local(i, number)
        if member is None:
            return
        data = member_service.MemberInput.from_member(member)
        before = getattr(data, field)
        setattr(data, field, value)
        member_service.update_member(self.stations[i].ctx, member.id, data)
        self._note(i, number, field, value, before)

    @rule(
        i=st.integers(0, 2),
        j=st.integers(0, 2),
        n=st.integers(0, POOL - 1),
        field=st.sampled_from(sorted(FIELDS)),
        k=st.integers(0, 3),
    )
    def same_field_at_two_stations(self, i: int, j: int, n: int, field: str, k: int) -> None:
        """The collision the issue was about: one field, two stations, different values."""
        member = self._local(i, make_id_number(n))
        if i == j or member is None:
            return
        others = [v for v in FIELDS[field] if v != getattr(member, field)]
        self._edit_to(i, n, field, others[k % len(others)])
        self._edit_to(j, n, field, others[(k + 1) % len(others)])

    @rule(i=st.integers(0, 2), n=st.integers(0, POOL - 1))
    def issue_relief(self, i: int, n: int) -> None:
        member = self._local(i, make_id_number(n))
        if member is None:
            return
        data = relief_service.ReliefInput(
            member_id=member.id,
            program_id=self.program,
            cash_fen=10000,
            issued_on=DAY,
            override_reason="模型测试：有意重复发放",
        )
        try:
            relief, receipt = relief_service.issue(self.stations[i].ctx, data)
        except UserFacingError:
            return
        self.handouts.append((i, relief.id, receipt.number))

    @rule(i=st.integers(0, 2), k=st.integers(0, 7))
    def void_a_hand_out(self, i: int, k: int) -> None:
        """A mistake voided with its reason: the hand-out no longer counts for any flag."""
        mine = [h for h in self.handouts if h[0] == i]
        if not mine:
            return
        _i, relief_id, _number = mine[k % len(mine)]
        try:
            relief_service.void(self.stations[i].ctx, relief_id, "模型测试：作废")
        except UserFacingError:
            return  # already voided
        Shared.seen["voids"] += 1

    @rule(
        i=st.integers(0, 2),
        at=st.integers(1, 4),
        mode=st.sampled_from(["before", "after", None]),
    )
    def sync(self, i: int, at: int, mode: str | None) -> None:
        self.step += 1
        began = self.step
        for e in self.edits:  # perhaps published (kept lenient: a dropped link may have)
            if e.station == i:
                self.published.setdefault(e.idx, began)
        self.syncs[i].append(began)
        kwargs: dict[str, Any] = {"sleep": lambda _s: None, "batch_size": 3, "page_size": 4}
        if mode is not None:
            kwargs.update(transport=Flaky(at, mode), retries=0)
        try:
            result = commands.sync_now(self.stations[i].engine, **kwargs)
        except SyncError:
            Shared.seen["syncs cut"] += 1
            return
        Shared.seen.update({f"pushes {k}": v for k, v in result.statuses.items()})

    @rule(i=st.integers(0, 2), take=st.sampled_from(["local", "server"]))
    def resolve_a_conflict(self, i: int, take: str) -> None:
        rows = [c for c in self.stations[i].rows(Conflict) if c.resolved_at is None]
        rows = [c for c in rows if c.field != "__record__"]
        if rows:
            conflict_service.resolve_conflicts(self.stations[i].ctx, {rows[0].id: take})
            self._note_resolution(i, rows[0], take)

    def _note_resolution(self, i: int, conflict: Conflict, take: str) -> None:
        value = conflict.local_value if take == "local" else conflict.server_value
        member = next((m for m in self.stations[i].rows(Member) if m.id == conflict.row_id), None)
        if member is not None and value is not None:
            before = getattr(member, conflict.field, None)
            self._note(i, member.id_number, conflict.field, value, before)

    @rule()
    def full_round(self) -> None:
        self._full_round()

    # -- a full round and what must hold after it ------------------------------------------------

    def _full_round(self) -> None:
        for _ in range(2):
            for i in range(3):
                self.sync(i, 1, None)
        self.check()

    def _server(self, entity: str) -> list[tuple[str, str, dict[str, Any]]]:
        with self.server.engine.connect() as conn:
            rows = conn.execute(
                select(record.c.id, record.c.owner, record.c.data).where(
                    record.c.entity == entity,
                    record.c.district_id == self._district_id(),
                    record.c.deleted.is_(False),
                )
            ).all()
        return [(r.id, r.owner, json.loads(r.data)) for r in rows]

    def _district_id(self) -> str:
        with self.server.engine.connect() as conn:
            return str(
                conn.execute(
                    select(district.c.id).where(district.c.code == self.district_code)
                ).scalar_one()
            )

    def check(self) -> None:
        members = self._server("member")
        self._same_members(members)
        by_number = {d["id_number"]: (mid, d) for mid, _o, d in members}
        self._no_edit_lost(by_number)
        self._hand_outs_once()
        self._flags_iff_rule()
        self._conflicts_open_alike()
        Shared.seen["checks"] += 1
        Shared.seen["conflict records"] += len(self._server("conflict"))
        Shared.seen["flags"] += len(self._server("dup_flag"))
        Shared.seen["hand-outs"] += len(self.handouts)
        Shared.seen["edits"] += len(self.edits)

    def _same_members(self, members: list[tuple[str, str, dict[str, Any]]]) -> None:
        numbers = [d["id_number"] for _i, _o, d in members]
        assert len(numbers) == len(set(numbers)), "one member per ID number"
        held = {mid: (d["id_number"], d.get("phone"), d.get("employer")) for mid, _o, d in members}
        for s in self.stations:
            local = {m.id: (m.id_number, m.phone, m.employer) for m in s.rows(Member)}
            assert local == held, f"{s.code} holds other members than the district"
            assert s.outbox_states().get("pending", 0) == 0, f"{s.code} has unpushed edits"

    def _no_edit_lost(self, by_number: dict[str, tuple[str, dict[str, Any]]]) -> None:
        recorded: dict[tuple[str, str], set[Any]] = defaultdict(set)
        for _cid, _owner, d in self._server("conflict"):
            recorded[(d["row_id"], d["field"])].update(
                [d.get("local_value"), d.get("server_value")]
            )
        for e in self.edits:
            member_id, data = by_number[e.number]
            if data.get(e.field) == e.value or e.value in recorded[(member_id, e.field)]:
                continue
            assert self._replaced(e), f"edit lost: {e} (held {data.get(e.field)!r})"

    def _replaced(self, e: Edit) -> bool:
        """A later edit of the same field made where this one had been seen, or an edit that
        changed the field from this very value (three-way merge: the value this edit says is
        that edit's base, so only the other side changed it)."""
        if any(
            (o.number, o.field, o.before) == (e.number, e.field, e.value) and o.idx != e.idx
            for o in self.edits
        ):
            return True
        seen_at = self.published.get(e.idx)
        for later in self.edits[e.idx + 1 :]:
            if (later.number, later.field) != (e.number, e.field):
                continue
            if later.station == e.station:
                return True
            if seen_at is not None and self.pulled_at_before(later, seen_at):
                return True
        return False

    def pulled_at_before(self, later: Edit, published: int) -> bool:
        """Whether `later`'s station had begun a sync after `published` before it edited."""
        return any(published < s < later.step for s in self.syncs[later.station])

    def _conflicts_open_alike(self) -> None:
        """A station shows open exactly the conflicts the district holds open for it: one
        resolution anywhere closed it at every party."""
        held = self._server("conflict")
        for s, handle in enumerate(self.stations):
            sid = handle.ctx.station_id
            server_open = {c for c, owner, d in held if owner == sid and not d.get("resolved_at")}
            local_open = {
                c.id
                for c in handle.rows(Conflict)
                if c.resolved_at is None and c.field != "__record__"
            }
            assert local_open == server_open, f"station {s} open conflicts differ"

    def _hand_outs_once(self) -> None:
        relief = {rid: (owner, d) for rid, owner, d in self._server("relief")}
        numbers = [d["number"] for _rid, _o, d in self._server("receipt")]
        assert len(numbers) == len(set(numbers)), "a receipt number twice"
        for i, relief_id, number in self.handouts:
            assert relief_id in relief, f"hand-out {relief_id} missing at the server"
            assert numbers.count(number) == 1, f"receipt {number} not exactly once"
            local = [r.id for r in self.stations[i].rows(ReliefDistribution)]
            assert local.count(relief_id) == 1
            assert number in {r.number for r in self.stations[i].rows(Receipt)}

    def _flags_iff_rule(self) -> None:
        expected: set[tuple[str, str, str]] = set()  # (member, period, station)
        by_person: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for _rid, owner, d in self._server("relief"):
            if d.get("status") == "issued":  # voided hand-outs count for nothing
                by_person[d["member_id"]].append((owner, d["period"]))
        for member_id, items in by_person.items():
            owners = {o for o, _p in items}
            if len(items) > 1:  # max_times_per_year = 1
                expected |= {(member_id, "2026", o) for o in owners}
            for month in {p for _o, p in items}:
                there = {o for o, p in items if p == month}
                if len(there) > 1:
                    expected |= {(member_id, month, o) for o in there}
        flags = self._server("dup_flag")
        found = {(d["member_id"], d["period"], owner) for _f, owner, d in flags}
        assert found == expected, f"flags {found} but the rule says {expected}"
        for s, handle in enumerate(self.stations):
            sid = handle.ctx.station_id
            mine = {f for f, owner, _d in flags if owner == sid}
            assert {f.id for f in handle.rows(DuplicateFlag)} == mine, f"station {s} flags"

    def teardown(self) -> None:
        for s in getattr(self, "stations", []):
            s.engine.dispose()


def run(
    examples: int, steps: int = 20, seed: int | None = None, *, postgres: bool = False
) -> float:
    """Run the machine for `examples` examples; returns the seconds it took."""
    Shared.postgres = postgres
    from hypothesis import seed as with_seed
    from hypothesis.stateful import run_state_machine_as_test

    started = time.perf_counter()
    config = settings(
        max_examples=examples,
        stateful_step_count=steps,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        database=None,
        print_blob=True,
    )
    machine = DistrictModel if seed is None else with_seed(seed)(DistrictModel)
    try:
        run_state_machine_as_test(machine, settings=config)
    finally:
        Shared.close()
    Shared.examples = 0
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="区级同步的模型测试（hypothesis 状态机）")
    parser.add_argument("--examples", type=int, default=100)
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--seed", type=int)
    parser.add_argument(
        "--postgres", action="store_true", help="服务器用 127.0.0.1:5432 的 PostgreSQL"
    )
    args = parser.parse_args(argv)
    took = run(args.examples, args.steps, args.seed, postgres=args.postgres)
    print(f"{args.examples} examples of up to {args.steps} steps passed in {took:.1f} s")
    print("exercised (summed over full-round checks):", dict(sorted(Shared.seen.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
