"""`python -m server.readmodel.bench`: 总览 and 月度汇总 on a district of 1,600 stations x 12
months, timed against the 500 ms target.

    python -m server.readmodel.bench [--stations 1600] [--months 12] [--runs 7]
        [--database-url postgresql://postgres@127.0.0.1:5432/test] [--keep]

The data goes into a fresh PostgreSQL schema (dropped afterwards unless --keep), or with
--database-url sqlite:///FILE into a new SQLite file. It is written in bulk (COPY) straight
into the record table and the typed tables, then ANALYZEd; each query is timed N times in a
fresh read transaction and the median printed with its ratio to the target.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine, text

from ..db import make_engine, migrate, reader
from .bench_data import generate
from .queries import monthly, overview

TARGET_MS = 500.0
DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/test"


def _median_ms(engine: Engine, runs: int, query: Callable[[Any], object]) -> float:
    times = []
    for _ in range(runs):
        with reader(engine).connect() as conn:
            started = time.perf_counter()
            query(conn)
            times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def _fresh(url: str) -> tuple[str, str | None]:
    """A new schema on PostgreSQL (returned to be dropped), or the SQLite url as given."""
    if not url.startswith(("postgresql", "postgres")):
        return url, None
    schema = "sd_bench_" + uuid.uuid4().hex[:10]
    admin = make_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    admin.dispose()
    joiner = "&" if "?" in url else "?"
    return f"{url}{joiner}options=-csearch_path%3D{schema}", schema


def _drop(url: str, schema: str) -> None:
    admin = make_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
    admin.dispose()


def run(stations: int, months: int, runs: int, url: str, keep: bool = False) -> dict[str, float]:
    target, schema = _fresh(url)
    try:
        migrate(target)
        engine = make_engine(target)
        started = time.perf_counter()
        with engine.begin() as conn:
            made = generate(conn, stations=stations, months=months)
        with engine.begin() as conn:
            conn.execute(text("ANALYZE"))
        print(
            f"数据：{stations} 个服务站 x {months} 个月，生成 {time.perf_counter() - started:.1f} 秒"
        )
        did, period, one = made.district_id, made.periods[-2], made.station_ids[stations // 2]
        results = {
            "总览": _median_ms(engine, runs, lambda c: overview(c, did)),
            "月度汇总（全区）": _median_ms(engine, runs, lambda c: monthly(c, did, period)),
            "月度汇总（单站）": _median_ms(engine, runs, lambda c: monthly(c, did, period, one)),
        }
        engine.dispose()
    finally:
        if schema and not keep:
            _drop(url, schema)
    for name, ms in results.items():
        verdict = "达标" if ms < TARGET_MS else "未达标"
        print(
            f"{name}：中位数 {ms:.1f} ms，目标 {TARGET_MS:.0f} ms，{ms / TARGET_MS:.2f} 倍（{verdict}）"
        )
    return results


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m server.readmodel.bench", description=__doc__)
    p.add_argument("--stations", type=int, default=1600)
    p.add_argument("--months", type=int, default=12)
    p.add_argument("--runs", type=int, default=7)
    p.add_argument("--database-url", default=DEFAULT_PG)
    p.add_argument("--keep", action="store_true", help="PostgreSQL：保留生成的 schema")
    args = p.parse_args(argv)
    results = run(args.stations, args.months, args.runs, args.database_url, args.keep)
    return 0 if all(ms < TARGET_MS for ms in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
