"""Sync benchmark on loopback: push 10,000 records, pull them into a fresh station, a no-op
sync, and a sync after changing 1%. Run: .venv/bin/python -m desktop.sync.bench [N]."""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import update

from ..models import Visit
from ..services.uow import transaction
from . import local


def bench_sync(n: int = 10_000) -> dict[str, tuple[float, int]]:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from tests.sync.harness import District  # the same harness the tests use

    root = Path(tempfile.mkdtemp(prefix="sd-bench-"))
    district = District(f"sqlite:///{root / 'server.sqlite3'}", root)
    try:
        a, b = district.station(1), district.station(2)
        a.sync()
        b.sync()
        with transaction(a.ctx) as unit:
            for i in range(n):
                unit.save(
                    Visit(
                        station_id=a.ctx.station_id,
                        visit_type="home",
                        visited_on=dt.date(2026, 11, 1 + i % 28),
                        staff_id="s",
                        purpose="入户走访",
                        findings="家中情况说明" * 20,
                        member_ids=[f"m-{i}"],
                    )
                )
        out: dict[str, tuple[float, int]] = {}

        def run(label: str, station: object) -> None:
            started = time.perf_counter()
            result = station.sync()  # type: ignore[attr-defined]
            out[label] = (time.perf_counter() - started, result.requests)
            print(
                f"{label:<28} {out[label][0]:6.3f} s  {result.requests:3d} requests  "
                f"pushed {result.pushed} pulled {result.pulled}"
            )

        run(f"push {n} (station A)", a)
        # station B pulls its own scope only: the same records as a fresh install of A would
        with a.engine.begin() as conn:
            local.write_setting(conn, local.CURSOR, "0")
        run(f"pull {n} (fresh cursor)", a)
        run("no-op sync", a)
        table = local.table_of("visit")
        with a.engine.connect() as conn:
            ids = [
                r[0]
                for r in conn.execute(table.select().with_only_columns(table.c.id).limit(n // 100))
            ]
        with transaction(a.ctx) as unit:
            for row_id in ids:
                visit = unit.session.get(Visit, row_id)
                assert visit is not None
                visit.findings = "已回访"
                unit.save(visit, base={"findings": "x"})
        run("sync after 1% changed", a)
        with a.engine.begin() as conn:
            conn.execute(update(table).values(sync_error=None))
        return out
    finally:
        district.close()


if __name__ == "__main__":
    bench_sync(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
