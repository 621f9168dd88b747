"""Sync benchmark on loopback, against the embedded SQLite server.

Station A pushes 10,000 member records (the heaviest entity: ID checks on the server, field
merge, search keys rebuilt on the receiving side); station B, freshly installed and enrolled,
pulls them; then a no-op sync, and a sync after A changes 1% (A pushes, B pulls). Each step is
timed with its request count; the figures are medians over --runs fresh districts.

The server is a real `uvicorn --factory server.app:app_from_env` process on 127.0.0.1, as a
district runs it (and as the peers in ../shared/peers were measured); --in-process serves it
from a thread of the bench instead. Besides the wall clock each step prints the CPU time of
the station (this process) and of the server process: the parts that other load on the
machine cannot inflate. A line of plain-Python arithmetic is timed first, so figures from
different machines or sessions can be compared.

With --anki PYTHON (a venv with `pip install anki`), Anki's sync server is measured in the
same run and its ratio printed beside the README's figures (desktop/sync/peers.py).

Run: .venv/bin/python -m desktop.sync.bench [--records N] [--runs R] [--in-process] [--anki PY]
 or: stationdesk bench sync
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import select

from ..models import Member
from ..services.demo import add_fake_members
from ..services.uow import transaction

STEPS = ("push", "pull", "no-op", "push 1%", "pull 1%")
TARGETS = {"push": 0.6, "pull": 0.5}  # seconds, issue 4 (SQLite server)
PEERS = {  # ../shared/peers/README.md, same machine, 10,000 records
    "CouchDB (pouchdb-server)": {"push": 4.3, "pull": 3.2},
    "Anki sync server": {"push": 0.18, "pull": 0.16},
}


def _process_cpu(pid: int | None) -> float:
    """CPU seconds (user + system) used so far by another process; 0 where /proc is missing."""
    if pid is None:
        return 0.0
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def calibrate() -> float:
    """Seconds for 10 million additions in a Python loop: how fast this machine is today."""
    started = time.perf_counter()
    total = 0
    for i in range(10_000_000):
        total += i
    return time.perf_counter() - started


Step = tuple[float, int, float, float]  # wall seconds, requests, station CPU, server CPU


def _one_run(n: int, say: Any, in_process: bool = False) -> dict[str, Step]:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from tests.sync.harness import District  # the same harness the tests use

    root = Path(tempfile.mkdtemp(prefix="sd-bench-"))
    district = District(f"sqlite:///{root / 'server.sqlite3'}", root, process=not in_process)
    pid = district.server_pid
    try:
        a, b = district.station(1), district.station(2)
        a.sync()
        b.sync()
        add_fake_members(a.ctx, n, seed=11)
        # what a long-running app has done after start: its start-up heap is out of the
        # collector's way (the server does the same in app_from_env)
        gc.collect()
        gc.freeze()
        out: dict[str, Step] = {}

        def step(label: str, station: Any) -> None:
            started, cpu, server_cpu = time.perf_counter(), time.process_time(), _process_cpu(pid)
            result = station.sync()
            out[label] = (
                time.perf_counter() - started,
                result.requests,
                time.process_time() - cpu,
                _process_cpu(pid) - server_cpu,
            )
            say(
                f"  {label:<8} {out[label][0]:7.3f} s  (cpu: station {out[label][2]:.3f} s, "
                f"server {out[label][3]:.3f} s)  {result.requests:3d} requests  "
                f"pushed {result.pushed} pulled {result.pulled}"
            )

        step("push", a)
        step("pull", b)
        step("no-op", b)
        with a.engine.connect() as conn:
            ids = list(conn.execute(select(Member.id).limit(n // 100)).scalars())  # type: ignore[call-overload]
        with transaction(a.ctx) as unit:
            for row_id in ids:
                member = unit.session.get(Member, row_id)
                assert member is not None
                before = member.employer
                member.employer = "广州市天河区某某有限公司"
                unit.save(member, base={"employer": before})
        step("push 1%", a)
        step("pull 1%", b)
        return out
    finally:
        gc.unfreeze()
        district.close()


def bench_sync(
    n: int = 10_000,
    runs: int = 3,
    say: Any = print,
    in_process: bool = False,
    anki_python: str | None = None,
) -> dict[str, Any]:
    """anki_python: the interpreter of a venv with `anki` installed; Anki's sync server is
    then measured in this run too (desktop/sync/peers.py) and the ratio printed beside the
    README's figures."""
    speed = calibrate()
    say(f"this machine: 10 million Python additions in {speed:.2f} s")
    peer_figures: dict[str, dict[str, float]] = {k: dict(v) for k, v in PEERS.items()}
    if anki_python:
        from .peers import anki_figures

        peer_figures["Anki, measured now"] = anki_figures(anki_python)
        say(
            f"Anki sync server in this run: push {peer_figures['Anki, measured now']['push']:.2f}"
            f" s, pull {peer_figures['Anki, measured now']['pull']:.2f} s"
        )
    where = "in this process" if in_process else "its own process"
    per_run = []
    for i in range(runs):
        say(f"run {i + 1}/{runs}: {n} member records, SQLite server ({where}) on 127.0.0.1")
        per_run.append(_one_run(n, say, in_process))
    result: dict[str, Any] = {"records": n, "runs": runs, "calibration_s": speed, "steps": {}}
    say(f"median of {runs} runs")
    for label in STEPS:
        seconds = statistics.median(r[label][0] for r in per_run)
        requests = max(r[label][1] for r in per_run)
        cpu = statistics.median(r[label][2] for r in per_run)
        server_cpu = statistics.median(r[label][3] for r in per_run)
        result["steps"][label] = {
            "seconds": seconds,
            "requests": requests,
            "cpu_seconds": cpu,
            "server_cpu_seconds": server_cpu,
        }
        target = TARGETS.get(label)
        note = f"  target < {target} s: {'met' if seconds < target else 'MISSED'}" if target else ""
        peers = "  ".join(
            f"{name} x{seconds / figures[label]:.2f}"
            for name, figures in peer_figures.items()
            if label in figures
        )
        say(
            f"  {label:<8} {seconds:7.3f} s  (cpu: station {cpu:.3f} s, server {server_cpu:.3f} s)"
            f"  {requests:3d} requests{note}  {peers}"
        )
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.sync.bench")
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--in-process", action="store_true", help="serve from a thread of this process"
    )
    parser.add_argument(
        "--anki",
        metavar="PYTHON",
        help="python of a venv with `anki` installed: measure Anki's sync server in this run",
    )
    args = parser.parse_args(argv)
    bench_sync(args.records, args.runs, in_process=args.in_process, anki_python=args.anki)
    return 0


if __name__ == "__main__":
    sys.exit(main())
