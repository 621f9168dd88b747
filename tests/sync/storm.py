"""Month-end storm: many stations push their month at once to one district server.

Run: .venv/bin/python -m tests.sync.storm [--stations 200] [--changes 500] [--concurrency 48]
     [--batch 2000] [--workers 1] [--db URL]

Without --db a fresh schema on the local PostgreSQL (127.0.0.1:5432, database `test`) is used
and dropped afterwards. The server is a real uvicorn process (`--workers` of them); stations
are enrolled with real one-time codes through /v1/enrol. Their outboxes are not 200 desktop
databases: push bodies are built directly from the station's record models (record_payload,
as the unit of work writes them) and gzip-compressed before the clock starts, then sent the
way SyncClient sends them: one station's batches one after another, at most `concurrency`
requests in flight, 5xx and dropped connections retried with back-off.

Measured: changes/s over the whole storm, batch latency (p50/p95/max), retries. Checked:
every change applied exactly once (server mutation and record counts), and re-sending every
batch afterwards answers `duplicate` for all of them and writes nothing (cursor unchanged).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import statistics
import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import func, select

from contract import receipt_code
from contract.money import capitals
from contract.protocol import PROTOCOL, SCHEMA, gzip_bytes
from contract.rules import canonical_hash
from desktop.models import Member, Receipt, ReliefDistribution, Visit, new_id
from desktop.services.uow import record_payload
from desktop.sync.headers import client_headers
from server import admin
from server.db import counter, make_engine, migrate, mutation, record

from .procs import ServerProcess

DISTRICT = "440199"
AREA = "440106"
WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def id_number(n: int) -> str:
    """A valid resident ID number, distinct for every n below 30 million."""
    born = dt.date(1960, 1, 1) + dt.timedelta(days=n // 1000)
    body = f"{AREA}{born:%Y%m%d}{n % 1000:03d}"
    total = sum(int(d) * w for d, w in zip(body, WEIGHTS, strict=True))
    return body + "10X98765432"[total % 11]


@dataclass
class Station:
    code: str
    station_id: str
    token: str
    bodies: list[bytes] = field(default_factory=list)  # gzip push bodies, in order
    changes: int = 0


@dataclass
class StormResult:
    stations: int
    changes_per_station: int
    batch: int
    concurrency: int
    workers: int
    database: str
    requests: int = 0
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    retries: int = 0
    applied: int = 0
    statuses: dict[str, int] = field(default_factory=dict)
    resend_statuses: dict[str, int] = field(default_factory=dict)
    resend_seconds: float = 0.0
    server_records: dict[str, int] = field(default_factory=dict)
    server_mutations: int = 0
    mutations_per_station: set[int] = field(default_factory=set)  # distinct counts
    max_version: int = 0  # of the stations' records: 1 unless something was applied twice
    cursor_before_resend: int = 0
    cursor_after_resend: int = 0
    setup_seconds: float = 0.0

    @property
    def total_changes(self) -> int:
        return self.stations * self.changes_per_station

    @property
    def throughput(self) -> float:
        return self.total_changes / self.seconds if self.seconds else 0.0

    def percentile(self, q: float) -> float:
        data = sorted(self.latencies)
        if not data:
            return 0.0
        index = min(len(data) - 1, max(0, round(q * len(data) + 0.5) - 1))
        return data[index]

    def report(self) -> str:
        lat = self.latencies
        return "\n".join(
            [
                f"month-end storm on {self.database}: {self.stations} stations x "
                f"{self.changes_per_station} changes = {self.total_changes} changes, "
                f"batch {self.batch}, {self.concurrency} concurrent, {self.workers} server "
                f"worker(s)",
                f"  storm        {self.seconds:7.2f} s  {self.throughput:8.0f} changes/s  "
                f"{self.requests} requests  {self.retries} retries",
                f"  batch time   p50 {statistics.median(lat) * 1000:7.0f} ms  "
                f"p95 {self.percentile(0.95) * 1000:7.0f} ms  max {max(lat) * 1000:7.0f} ms",
                f"  statuses     {dict(self.statuses)}",
                f"  re-send all  {self.resend_seconds:7.2f} s  {dict(self.resend_statuses)}  "
                f"cursor {self.cursor_before_resend} -> {self.cursor_after_resend}",
                f"  server       {self.server_mutations} mutations, records {self.server_records}, "
                f"highest record version {self.max_version}",
                f"  (set-up: enrolment and body building {self.setup_seconds:.1f} s)",
            ]
        )


def _templates(station_id: str) -> dict[str, dict[str, Any]]:
    """One record of each kind as the unit of work would push it; copied per change."""
    day = dt.date(2026, 11, 28)
    member = record_payload(
        Member(station_id=station_id, name="张三", id_number=id_number(0), phone="13800000000")
    )
    relief = record_payload(
        ReliefDistribution(
            station_id=station_id,
            member_id="m",
            program_id="p",
            cash_fen=50000,
            issued_on=day,
            period="2026-11",
            handler_id="",
        )
    )
    receipt = record_payload(
        Receipt(
            station_id=station_id,
            number="x",
            year=2026,
            serial=1,
            distribution_id="r",
            issued_on=day,
            content={"schema": 1, "title": "帮扶资金发放收据", "cash_fen": 50000},
            content_hash="0" * 64,
        )
    )
    visit = record_payload(
        Visit(
            station_id=station_id,
            visit_type="home",
            visited_on=day,
            staff_id="",
            purpose="月末走访",
            findings="家中情况稳定，已送去慰问品",
            member_ids=[],
        )
    )
    return {"member": member, "relief": relief, "receipt": receipt, "visit": visit}


def _receipt_content(code: str, number: str, day: str) -> dict[str, Any]:
    """A receipt's frozen content as the relief service writes it (the parts the server
    checks), signed as a station without a receipt key signs it."""
    return {
        "schema": 1,
        "number": number,
        "title": "帮扶资金发放收据",
        "issued_on": day,
        "station_code": code,
        "cash_fen": 50000,
        "goods_value_fen": 0,
        "total_fen": 50000,
        "amount_capitals": capitals(50000),
        "verify": receipt_code.make(
            "00", number=number, station_code=code, total_fen=50000, issued_on=day
        ),
    }


def _mutation(entity: str, record: dict[str, Any]) -> dict[str, Any]:
    return {
        "mutation_id": uuid.uuid4().hex,
        "entity": entity,
        "row_id": record["id"],
        "op": "upsert",
        "base_version": 0,
        "payload": {"record": record},
    }


def station_mutations(
    st: Station, number: int, changes: int, programs: list[str]
) -> list[dict[str, Any]]:
    """A month's outbox: 1/5 new members, 3/10 relief with 3/10 receipts, the rest visits."""
    t = _templates(st.station_id)
    out: list[dict[str, Any]] = []
    n_members = max(1, changes // 5)
    n_relief = (changes * 3) // 10
    members = []
    for i in range(n_members):
        rec = {
            **t["member"],
            "id": new_id(),
            "id_number": id_number(number * 10_000 + i),
            "phone": f"138{number:04d}{i:04d}",
            "name": f"会员{number}-{i}",
        }
        members.append(rec["id"])
        out.append(_mutation("member", rec))
    for i in range(n_relief):
        if len(out) >= changes:
            break
        relief_id, receipt_id = new_id(), new_id()
        member = members[i % len(members)]
        program = programs[i % len(programs)]
        out.append(
            _mutation(
                "relief",
                {
                    **t["relief"],
                    "id": relief_id,
                    "member_id": member,
                    "program_id": program,
                    "receipt_id": receipt_id,
                },
            )
        )
        if len(out) >= changes:
            break
        number = f"{st.code}-2026-{i + 1:06d}"
        content = _receipt_content(st.code, number, t["receipt"]["issued_on"])
        out.append(
            _mutation(
                "receipt",
                {
                    **t["receipt"],
                    "id": receipt_id,
                    "number": number,
                    "serial": i + 1,
                    "distribution_id": relief_id,
                    "content": content,
                    "content_hash": canonical_hash(content),
                },
            )
        )
    while len(out) < changes:
        out.append(
            _mutation(
                "visit",
                {**t["visit"], "id": new_id(), "member_ids": [members[len(out) % len(members)]]},
            )
        )
    return out


def _bodies(muts: list[dict[str, Any]], batch: int) -> list[bytes]:
    out = []
    for start in range(0, len(muts), batch):
        body = {
            "protocol": PROTOCOL,
            "schema_version": SCHEMA,
            "mutations": muts[start : start + batch],
        }
        raw = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
        out.append(gzip_bytes(raw))
    return out


def enrol(http: httpx.Client, engine: Any, number: int) -> Station:
    code = f"{DISTRICT}{number:04d}"
    station_id, one_time = admin.create_station(engine, DISTRICT, code, f"第{number}服务站")
    reply = http.post(
        "/v1/enrol",
        json={"code": one_time, "station_code": code, "station_id": station_id},
    )
    reply.raise_for_status()
    return Station(code, station_id, reply.json()["token"])


class Pusher:
    """Sends one station's batches in order, retrying like SyncClient (5xx, dropped links)."""

    def __init__(self, url: str, concurrency: int) -> None:
        self.http = httpx.Client(
            base_url=url,
            timeout=300,
            limits=httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency),
            headers={
                **client_headers(),
                "Content-Type": "application/json",
                "Content-Encoding": "gzip",
                "Accept-Encoding": "gzip",
            },
        )
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.statuses: Counter[str] = Counter()
        self.retries = 0

    def push(self, body: bytes, token: str) -> list[dict[str, Any]]:
        delay = 0.25
        for attempt in range(8):
            started = time.perf_counter()
            try:
                response = self.http.post(
                    "/v1/push", content=body, headers={"Authorization": f"Bearer {token}"}
                )
            except httpx.TransportError:
                if attempt == 7:
                    raise
            else:
                if response.status_code == 200:
                    elapsed = time.perf_counter() - started
                    results = response.json()["results"]
                    with self.lock:
                        self.latencies.append(elapsed)
                        self.statuses.update(r["status"] for r in results)
                    return list(results)
                if response.status_code < 500 and response.status_code != 429:
                    raise RuntimeError(f"push refused: {response.status_code} {response.text}")
            with self.lock:
                self.retries += 1
            time.sleep(delay)
            delay = min(delay * 2, 5)
        raise RuntimeError("push failed after retries")

    def station(self, st: Station) -> None:
        for body in st.bodies:
            results = self.push(body, st.token)
            sent = len(json.loads(gzip.decompress(body))["mutations"])
            if len(results) != sent:
                raise RuntimeError(f"{st.code}: {sent} sent, {len(results)} answered")

    def close(self) -> None:
        self.http.close()


def _cursor(engine: Any) -> int:
    with engine.connect() as conn:
        return int(
            conn.execute(select(counter.c.value).where(counter.c.name == "seq")).scalar_one()
        )


def run_storm(
    db_url: str,
    *,
    stations: int = 200,
    changes: int = 500,
    concurrency: int = 48,
    batch: int = 2000,
    workers: int = 1,
    log: Path | None = None,
    echo: bool = False,
) -> StormResult:
    """Set up a district on db_url (migrated here), run the storm against a server process."""
    say = print if echo else (lambda *_a, **_k: None)
    result = StormResult(
        stations,
        changes,
        batch,
        concurrency,
        workers,
        "PostgreSQL" if db_url.startswith("postgres") else "SQLite",
    )
    started = time.perf_counter()
    migrate(db_url)
    engine = make_engine(db_url)
    admin.create_district(engine, DISTRICT, "月末区")
    programs = [
        admin.create_program(
            engine, DISTRICT, code=f"P{i}", year=2026, name=f"生活救助{i}", program_type="living"
        )
        for i in range(3)
    ]
    server = ServerProcess(db_url, workers=workers, log=log)
    try:
        with httpx.Client(base_url=server.url, timeout=60, headers=client_headers()) as http:
            roster = [enrol(http, engine, n + 1) for n in range(stations)]
        for n, st in enumerate(roster):
            muts = station_mutations(st, n + 1, changes, programs)
            st.changes = len(muts)
            st.bodies = _bodies(muts, batch)
        result.setup_seconds = time.perf_counter() - started
        say(f"set-up {result.setup_seconds:.1f} s; storm of {stations * changes} changes ...")

        pusher = Pusher(server.url, concurrency)
        t0 = time.perf_counter()
        with ThreadPoolExecutor(concurrency) as pool:
            list(pool.map(pusher.station, roster))
        result.seconds = time.perf_counter() - t0
        result.latencies = pusher.latencies
        result.requests = len(pusher.latencies)
        result.retries = pusher.retries
        result.statuses = dict(pusher.statuses)
        result.applied = pusher.statuses.get("applied", 0)
        pusher.close()

        result.cursor_before_resend = _cursor(engine)
        again = Pusher(server.url, concurrency)
        t0 = time.perf_counter()
        with ThreadPoolExecutor(concurrency) as pool:
            list(pool.map(again.station, roster))
        result.resend_seconds = time.perf_counter() - t0
        result.resend_statuses = dict(again.statuses)
        again.close()
        result.cursor_after_resend = _cursor(engine)
        with engine.connect() as conn:
            result.server_records = dict(
                conn.execute(select(record.c.entity, func.count()).group_by(record.c.entity)).all()
            )
            result.server_mutations = int(
                conn.execute(select(func.count()).select_from(mutation)).scalar_one()
            )
            result.mutations_per_station = set(
                conn.execute(
                    select(func.count()).select_from(mutation).group_by(mutation.c.station_id)
                ).scalars()
            )
            result.max_version = int(
                conn.execute(
                    select(func.max(record.c.version)).where(record.c.entity != "fund_program")
                ).scalar_one()
            )
    finally:
        server.stop()
        engine.dispose()
    return result


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m tests.sync.storm", description=__doc__)
    p.add_argument("--stations", type=int, default=200)
    p.add_argument("--changes", type=int, default=500)
    p.add_argument("--concurrency", type=int, default=48)
    p.add_argument("--batch", type=int, default=2000, help="mutations per request (client: 2000)")
    p.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    p.add_argument("--db", help="database URL (default: a fresh schema on local PostgreSQL)")
    p.add_argument("--log", type=Path, help="server log file")
    args = p.parse_args(argv)
    schema = None
    url = args.db
    if url is None:
        from .harness import fresh_pg_url, postgres_answers

        if not postgres_answers():
            p.error("PostgreSQL does not answer on 127.0.0.1:5432; pass --db")
        url, schema = fresh_pg_url()
    try:
        result = run_storm(
            url,
            stations=args.stations,
            changes=args.changes,
            concurrency=args.concurrency,
            batch=args.batch,
            workers=args.workers,
            log=args.log,
            echo=True,
        )
    finally:
        if schema:
            from .harness import drop_pg_schema

            drop_pg_schema(schema)
    print(result.report())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
