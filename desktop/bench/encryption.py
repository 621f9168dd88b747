"""Encryption benchmark (`stationdesk bench encryption`): the same station built twice, once
as a plain SQLite file and once encrypted with SQLCipher (as every station now is), then
member search per keystroke and 1,000 relief issues timed on both in the same run.

The encrypted side takes the production path: a random data key, the key file beside the
database, the audit head written after each action. Target: within 1.3x of plain.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .. import keys
from ..services import demo, programs, relief, search, staff
from ..services.context import Actor, Ctx
from ..store import open_store
from .core import _pct, keystrokes

TARGET = 1.3


def _station(db: Path, key: bytes | None, members: int) -> Ctx:
    engine = open_store(db, key)
    base = staff.init_station(engine, code="4401069997", name="加密基准服务站")
    head = staff.add_staff(
        base, username="head", display_name="站长", role="station_head", password="bench123"
    )
    ctx = base.as_actor(Actor.of(head))
    demo.add_fake_members(ctx, members, seed=13)
    return ctx


def _search_sweep(ctx: Ctx, strokes: list[str], times: list[float]) -> None:
    for q in strokes:
        start = time.perf_counter()
        search.search_members(ctx, q)
        times.append(time.perf_counter() - start)


def _program(ctx: Ctx) -> str:
    program = programs.add_program(
        ctx,
        programs.ProgramInput(
            "ENC",
            ctx.today.year,
            "加密基准项目",
            "living",
            max_times_per_year=12,
            annual_cap_fen=10_000_000,
            budget_fen=10_000_000_000,
        ),
    )
    return program.id


def _relief_batch(ctx: Ctx, program_id: str, member_ids: list[str]) -> float:
    start = time.perf_counter()
    for member_id in member_ids:
        relief.issue(ctx, relief.ReliefInput(member_id, program_id, cash_fen=50000))
    return time.perf_counter() - start


def bench_encryption(
    *, members: int = 100_000, runs: int = 3, say: Callable[[str], None] = print
) -> dict[str, Any]:
    """Both files are built first; then the two sides take turns (a search sweep each, a
    hundred relief issues each), so a busy machine slows both alike."""
    tmp = Path(tempfile.mkdtemp(prefix="sd-bench-enc-"))
    sides = (("plain", None), ("encrypted", keys.new_data_key()))
    try:
        ctxs, built = {}, {}
        for name, key in sides:
            t0 = time.perf_counter()
            ctxs[name] = _station(tmp / f"{name}.sqlite3", key, members)
            built[name] = time.perf_counter() - t0
        strokes = keystrokes()
        times: dict[str, list[float]] = {name: [] for name in ctxs}
        for ctx in ctxs.values():  # warm each page cache
            _search_sweep(ctx, strokes, [])
        for _ in range(runs):
            for name, ctx in ctxs.items():
                _search_sweep(ctx, strokes, times[name])
        relief_s = dict.fromkeys(ctxs, 0.0)
        programs_ = {name: _program(ctx) for name, ctx in ctxs.items()}
        ids = {
            name: [r.id for r in search.list_members(c, None, limit=1000)]
            for name, c in ctxs.items()
        }
        for batch in range(10):
            for name, ctx in ctxs.items():
                chunk = ids[name][batch * 100 : (batch + 1) * 100]
                relief_s[name] += _relief_batch(ctx, programs_[name], chunk)
        results = {
            name: {
                "build_s": built[name],
                "p50_ms": _pct(times[name], 0.5) * 1000,
                "p95_ms": _pct(times[name], 0.95) * 1000,
                "relief_s": relief_s[name],
                "relief_count": len(ids[name]),
            }
            for name in ctxs
        }
        for ctx in ctxs.values():
            ctx.engine.dispose()
        return _report(results, members, runs, say)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _report(
    results: dict[str, dict[str, float]], members: int, runs: int, say: Callable[[str], None]
) -> dict[str, Any]:
    plain, enc = results["plain"], results["encrypted"]
    ratios = {
        "search_p50": enc["p50_ms"] / plain["p50_ms"],
        "search_p95": enc["p95_ms"] / plain["p95_ms"],
        "relief": enc["relief_s"] / plain["relief_s"],
    }
    say(f"加密对比（{members} 名会员，同一次运行；目标 x{TARGET} 以内）")
    say(
        f"会员搜索（每次按键 x {runs}）：明文 p50 {plain['p50_ms']:.2f} ms / p95 "
        f"{plain['p95_ms']:.2f} ms；加密 p50 {enc['p50_ms']:.2f} ms / p95 {enc['p95_ms']:.2f} ms；"
        f"比值 p50 x{ratios['search_p50']:.2f}，p95 x{ratios['search_p95']:.2f}"
    )
    say(
        f"帮扶发放 1000 次：明文 {plain['relief_s']:.2f} s；加密 {enc['relief_s']:.2f} s；"
        f"比值 x{ratios['relief']:.2f}"
    )
    say(f"建库（{members} 名会员）：明文 {plain['build_s']:.1f} s；加密 {enc['build_s']:.1f} s")
    return {
        "members": members,
        "plain": plain,
        "encrypted": enc,
        "ratios": ratios,
        "within_target": all(r <= TARGET for r in ratios.values()),
    }
