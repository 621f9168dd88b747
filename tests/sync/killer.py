"""Faults at random moments (issue 13, item 6): SIGKILL the station in the middle of a push or a
pull, and the district server at any time, then sync to the end and check the model's invariants.

A run is a new district on a real uvicorn process (tests/sync/procs.py) with three stations.
Between station actions (the model's: add a person from a small pool, import a roster, edit one
field, the same field at two stations, issue relief, void one, resolve a conflict) a station syncs in a
child process of its own, which is killed with SIGKILL after a random delay, not at a hook
point; or the server process is killed at a random moment while a station syncs and started
again on the same database and port. The delay is drawn up to the longest sync seen so far, so
kills land anywhere in the push and the pull; the child reports each finished batch, which
tells where each kill landed (printed at the end).

After the faults, the server is up and every station syncs in this process until quiet; then
the invariants of tests/sync/model.py are checked: the same members everywhere, one member per
ID number, no edit lost, every hand-out once with its receipt number, each station's open
conflicts those the district holds for it, duplicate-aid flags iff the rule holds.

Run: .venv/bin/python -m tests.sync.killer --runs 100 [--steps 14] [--seed N] [--postgres]
CI runs two short runs (tests/sync/test_killer.py).
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from desktop.sync import commands

from .model import POOL, DistrictModel, Shared
from .procs import ROOT, ServerProcess

CHILD = "tests.sync.killer"
LOCAL_ACTIONS = (
    "add_person",
    "import_roster",
    "edit_one_field",
    "same_field_at_two_stations",
    "issue_relief",
    "void_a_hand_out",
    "resolve_a_conflict",
)


def _child(db: str) -> int:
    """A station's sync in a process of its own; each finished batch printed and flushed."""
    from desktop.store import open_store

    engine = open_store(Path(db), bytes(range(32)))
    print("ready", flush=True)
    began = time.monotonic()

    def report(p: commands.Progress) -> None:
        print(f"{p.phase} {p.requests}", flush=True)

    try:
        commands.sync_now(
            engine, progress=report, batch_size=3, page_size=4, retries=0, sleep=lambda _s: None
        )
    except commands.SyncError:
        print("failed", flush=True)
        return 1
    print(f"done {time.monotonic() - began:.3f}", flush=True)
    return 0


class KillRun:
    """One run: a fresh district, random station actions and kills, then the invariants."""

    def __init__(self, rng: random.Random, seen: Counter[str]) -> None:
        self.rng, self.seen = rng, seen
        self.model = DistrictModel()
        self.model.start()  # stations enrolled, two rosters, one full round checked
        self.durations = [0.1]  # seconds the child syncs took when left alone

    @property
    def server(self) -> ServerProcess:
        live = self.model.server.live
        assert isinstance(live, ServerProcess)
        return live

    def step(self) -> None:
        roll = self.rng.random()
        if roll < 0.45:
            self._local_action()
        elif roll < 0.85:
            self._killed_sync(self.rng.randrange(3), kill_server=False)
        else:
            self._killed_sync(self.rng.randrange(3), kill_server=True)

    def _local_action(self) -> None:
        r, name = self.rng, self.rng.choice(LOCAL_ACTIONS)
        m = self.model
        if name == "add_person":
            m.add_person(
                r.randrange(3), r.randrange(POOL), r.choice(["13900000000", "13900000001"])
            )
        elif name == "import_roster":
            m.import_roster(r.randrange(3), r.randrange(POOL), r.randint(2, 4))
        elif name == "edit_one_field":
            m.edit_one_field(
                r.randrange(3), r.randrange(POOL), r.choice(["phone", "employer"]), r.randrange(4)
            )
        elif name == "same_field_at_two_stations":
            m.same_field_at_two_stations(
                r.randrange(3),
                r.randrange(3),
                r.randrange(POOL),
                r.choice(["phone", "employer"]),
                r.randrange(4),
            )
        elif name == "issue_relief":
            m.issue_relief(r.randrange(3), r.randrange(POOL))
        elif name == "void_a_hand_out":
            m.void_a_hand_out(r.randrange(3), r.randrange(8))
        else:
            m.resolve_a_conflict(r.randrange(3), r.choice(["local", "server"]))
        self.seen[f"action {name}"] += 1

    def _note_sync_began(self, i: int) -> None:
        """The model's bookkeeping for a sync that may have published and pulled anything."""
        m = self.model
        m.step += 1
        for e in m.edits:
            if e.station == i:
                m.published.setdefault(e.idx, m.step)
        m.syncs[i].append(m.step)

    def _killed_sync(self, i: int, *, kill_server: bool) -> None:
        self._note_sync_began(i)
        db = self.model.server.root / self.model.stations[i].code / "station.sqlite3"
        child = subprocess.Popen(
            [sys.executable, "-m", CHILD, "--child", str(db)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        # the kills' horizon: the longest of the recent syncs left alone
        time.sleep(self.rng.uniform(0, 0.8 * max(self.durations[-6:])))
        if kill_server:
            self._kill_server()
            child.wait(60)
        elif child.poll() is None:
            child.send_signal(signal.SIGKILL)
            child.wait(10)
        lines = [line.strip() for line in child.stdout.read().splitlines()]
        child.stdout.close()
        self._classify(lines, kill_server)

    def _classify(self, lines: list[str], kill_server: bool) -> None:
        phases = [line.split()[0] for line in lines if line.split()[0] in ("push", "pull")]
        ended = lines[-1].split() if lines else [""]
        if ended[0] == "done":
            self.durations.append(float(ended[1]))
            where = "finished before the kill"
        else:
            where = f"after a {phases[-1]} batch" if phases else "before the first batch"
        who = "server" if kill_server else "station"
        self.seen[f"{who} killed: {where}"] += 1

    def _kill_server(self) -> None:
        proc = self.server.proc
        assert proc is not None
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
        self.server.start()

    def finish(self) -> None:
        """Server up, every station syncs until nothing moves, then the invariants."""
        if not self.server.alive():
            self.server.start()
        for _ in range(3):
            for i in range(3):
                self.model.sync(i, 1, None)
        self.model.check()
        self.model.teardown()


def run(
    runs: int, steps: int = 14, seed: int | None = None, *, postgres: bool = False
) -> Counter[str]:
    """`runs` runs of `steps` random steps each; raises AssertionError on a broken invariant."""
    seed = random.randrange(1 << 30) if seed is None else seed
    seen: Counter[str] = Counter()
    Shared.postgres, Shared.process = postgres, True
    try:
        for n in range(runs):
            rng = random.Random(seed + n)
            one = KillRun(rng, seen)
            for _ in range(steps):
                one.step()
            try:
                one.finish()
            except AssertionError as exc:
                raise AssertionError(f"run {n} (seed {seed + n}): {exc}") from exc
            seen["runs passed"] += 1
    finally:
        Shared.close()
        Shared.examples, Shared.process = 0, False
    return seen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="随机时刻强杀服务站与区服务器，再同步并校验不变式")
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--steps", type=int, default=14)
    parser.add_argument("--seed", type=int)
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return _child(args.child)
    started = time.perf_counter()
    seen = run(args.runs, args.steps, args.seed, postgres=args.postgres)
    print(f"{args.runs} runs of {args.steps} steps passed in {time.perf_counter() - started:.0f} s")
    for key, count in sorted(seen.items()):
        print(f"  {key}: {count}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
