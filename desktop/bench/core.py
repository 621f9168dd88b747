"""Core benchmark: member search per keystroke, relief issues, roster import, database size.

Each figure stands beside a floor measured in the same run on the same data:
- search: the same SQL statements run through the bare sqlite3 module (no SQLAlchemy, no
  ranking in Python), so the ratio is the cost of the service layer;
- relief: bare sqlite3 inserting the same rows (distribution, receipt, counter, two outbox
  entries, audit) in one transaction per issue;
- import: bare sqlite3 executemany of the same member rows (pre-cleaned) in one transaction.
"""

from __future__ import annotations

import json
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..models import new_id
from ..services import demo, programs, relief, roster, search, staff
from ..services.context import Actor
from ..services.fakedata import fake_members
from ..store import open_store

# What people type, keystroke by keystroke: pinyin initials, full pinyin, names, ID/phone tails.
QUERIES = [
    "zs",
    "wf",
    "lxm",
    "zhang",
    "wangfang",
    "chen",
    "张",
    "张伟",
    "王芳",
    "李秀英",
    "陈",
    "0014",
    "1234",
    "138",
    "1390",
    "顺丰",
    "美团",
    "芳",
    "秀英",
    "huang",
]


def keystrokes() -> list[str]:
    out = []
    for query in QUERIES:
        out += [query[:i] for i in range(1, len(query) + 1)]
    return out


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def bench_core(
    *, members: int = 100_000, runs: int = 3, say: Callable[[str], None] = print
) -> dict[str, Any]:
    tmp = Path(tempfile.mkdtemp(prefix="sd-bench-"))
    db = tmp / "bench.sqlite3"
    engine = open_store(db)
    base = staff.init_station(engine, code="4401069999", name="基准测试服务站")
    head = staff.add_staff(
        base, username="head", display_name="站长", role="station_head", password="bench123"
    )
    ctx = base.as_actor(Actor.of(head))
    t0 = time.perf_counter()
    demo.add_fake_members(ctx, members, seed=11)
    say(f"准备：{members} 名虚构会员 {time.perf_counter() - t0:.1f} s")
    out: dict[str, Any] = {"members": members}
    out["search"] = _bench_search(ctx, db, runs, say)
    out["relief"] = _bench_relief(ctx, tmp, say)
    out["import"] = _bench_import(tmp, min(members, 100_000), say)
    engine.dispose()
    size = db.stat().st_size + (
        db.with_suffix(".sqlite3-wal").stat().st_size
        if db.with_suffix(".sqlite3-wal").exists()
        else 0
    )
    out["db_bytes"] = size
    say(f"数据库大小：{size / 1e6:.1f} MB（{members} 名会员，含索引与待同步队列）")
    return out


def _bench_search(ctx: Any, db: Path, runs: int, say: Callable[[str], None]) -> dict[str, Any]:
    strokes = keystrokes()
    for q in strokes:  # warm the page cache
        search.search_members(ctx, q)
    times: list[float] = []
    for _ in range(runs):
        for q in strokes:
            start = time.perf_counter()
            search.search_members(ctx, q)
            times.append(time.perf_counter() - start)
    statements = _captured_sql(ctx, strokes)
    con = sqlite3.connect(db)
    floor: list[float] = []
    for _ in range(runs):
        for group in statements:
            start = time.perf_counter()
            for sql, params in group:
                con.execute(sql, params).fetchall()
            floor.append(time.perf_counter() - start)
    con.close()
    p50, p95 = _pct(times, 0.5) * 1000, _pct(times, 0.95) * 1000
    f50, f95 = _pct(floor, 0.5) * 1000, _pct(floor, 0.95) * 1000
    say(
        f"会员搜索（每次按键，{len(strokes)} 次 x {runs}）：p50 {p50:.2f} ms，p95 {p95:.2f} ms；"
        f"底线（同样 SQL 直连 sqlite3）p50 {f50:.2f} ms，p95 {f95:.2f} ms；"
        f"比值 p95 x{p95 / f95:.2f}"
    )
    return {
        "p50_ms": p50,
        "p95_ms": p95,
        "floor_p50_ms": f50,
        "floor_p95_ms": f95,
        "ratio_p95": p95 / f95,
        "keystrokes": len(strokes) * runs,
    }


def _captured_sql(ctx: Any, strokes: list[str]) -> list[list[tuple[str, Any]]]:
    """The statements each keystroke's search sends to SQLite, with their parameters."""
    from sqlalchemy import event

    groups: list[list[tuple[str, Any]]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_a: Any) -> None:
        if not statement.startswith(("BEGIN", "COMMIT", "ROLLBACK")):
            groups[-1].append((statement, parameters))

    event.listen(ctx.engine, "before_cursor_execute", capture)
    try:
        for q in strokes:
            groups.append([])
            search.search_members(ctx, q)
    finally:
        event.remove(ctx.engine, "before_cursor_execute", capture)
    return groups


def _bench_relief(ctx: Any, tmp: Path, say: Callable[[str], None]) -> dict[str, Any]:
    year = ctx.today.year
    program = programs.add_program(
        ctx,
        programs.ProgramInput(
            "BENCH",
            year,
            "基准测试项目",
            "living",
            max_times_per_year=12,
            annual_cap_fen=10_000_000,
            budget_fen=10_000_000_000,
        ),
    )
    rows = search.list_members(ctx, None, limit=1000)
    start = time.perf_counter()
    for row in rows:
        relief.issue(ctx, relief.ReliefInput(row.id, program.id, cash_fen=50000))
    seconds = time.perf_counter() - start
    floor = _relief_floor(tmp, len(rows))
    say(
        f"帮扶发放 {len(rows)} 次：{seconds:.2f} s（{len(rows) / seconds:.0f} 次/秒）；"
        f"底线（直连 sqlite3 写同样的行）{floor:.2f} s；比值 x{seconds / floor:.2f}"
    )
    return {
        "count": len(rows),
        "seconds": seconds,
        "per_second": len(rows) / seconds,
        "floor_seconds": floor,
        "ratio": seconds / floor,
    }


def _relief_floor(tmp: Path, count: int) -> float:
    con = sqlite3.connect(tmp / "floor-relief.sqlite3", isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    con.execute(
        "CREATE TABLE relief (id TEXT PRIMARY KEY, member_id TEXT, program_id TEXT, "
        "cash_fen INT, period TEXT, receipt_id TEXT)"
    )
    con.execute("CREATE INDEX ix_r ON relief(member_id, program_id)")
    con.execute(
        "CREATE TABLE receipt (id TEXT PRIMARY KEY, number TEXT UNIQUE, serial INT, "
        "content TEXT, hash TEXT)"
    )
    con.execute("CREATE TABLE counter (year INT PRIMARY KEY, last INT)")
    con.execute(
        "CREATE TABLE outbox (seq INTEGER PRIMARY KEY, mutation_id TEXT UNIQUE, "
        "row_id TEXT, payload TEXT)"
    )
    con.execute("CREATE TABLE audit (seq INTEGER PRIMARY KEY, action TEXT, hash TEXT)")
    con.execute("INSERT INTO counter VALUES (2026, 0)")
    payload = json.dumps({"record": {"x": "y" * 400}})
    start = time.perf_counter()
    for i in range(count):
        con.execute("BEGIN IMMEDIATE")
        con.execute(
            "SELECT count(*), sum(cash_fen) FROM relief WHERE member_id=? AND program_id=?",
            (str(i), "p"),
        ).fetchone()
        con.execute("UPDATE counter SET last = last + 1 WHERE year = 2026")
        rid, cid = new_id(), new_id()
        con.execute(
            "INSERT INTO relief VALUES (?,?,?,?,?,?)", (rid, str(i), "p", 50000, "2026-11", cid)
        )
        con.execute("INSERT INTO receipt VALUES (?,?,?,?,?)", (cid, f"N-{i}", i, payload, "h"))
        for row in (rid, cid):
            con.execute(
                "INSERT INTO outbox (mutation_id, row_id, payload) VALUES (?,?,?)",
                (new_id(), row, payload),
            )
        con.execute("INSERT INTO audit (action, hash) VALUES ('relief.issue', 'h')")
        con.execute("COMMIT")
    seconds = time.perf_counter() - start
    con.close()
    return seconds


def _bench_import(tmp: Path, count: int, say: Callable[[str], None]) -> dict[str, Any]:
    from openpyxl import Workbook

    path = tmp / "roster.xlsx"
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(["姓名", "性别", "身份证号", "手机号", "工作单位", "职业群体"])
    people = list(fake_members(count, seed=99))
    for p in people:
        sheet.append(
            [
                p["name"],
                "男" if p["gender"] == "male" else "女",
                p["id_number"],
                p["phone"],
                p["employer"],
                p["job_group"],
            ]
        )
    workbook.save(path)
    engine = open_store(tmp / "import.sqlite3")
    ctx = staff.init_station(engine, code="4401069998", name="导入基准服务站")
    start = time.perf_counter()
    preview = roster.preview_import(ctx, path)
    preview_s = time.perf_counter() - start
    roster.apply_import(ctx, preview)
    seconds = time.perf_counter() - start
    assert search.count_members(ctx) == count - len(preview.bad)
    engine.dispose()
    floor = _import_floor(tmp, people)
    say(
        f"花名册导入 {count} 行（.xlsx）：{seconds:.1f} s（其中预览与校验 {preview_s:.1f} s）；"
        f"底线（直连 sqlite3 批量插入已校验的行）{floor:.2f} s；比值 x{seconds / floor:.1f}"
    )
    return {
        "rows": count,
        "seconds": seconds,
        "preview_seconds": preview_s,
        "floor_seconds": floor,
        "ratio": seconds / floor,
        "bad_rows": len(preview.bad),
    }


def _import_floor(tmp: Path, people: list[dict[str, Any]]) -> float:
    con = sqlite3.connect(tmp / "floor-import.sqlite3", isolation_level=None)
    con.execute(
        "CREATE TABLE member (id TEXT PRIMARY KEY, name TEXT, id_number TEXT UNIQUE, "
        "gender TEXT, birth_date TEXT, phone TEXT, employer TEXT, job_group TEXT)"
    )
    con.execute("CREATE INDEX ix_n ON member(name)")
    start = time.perf_counter()
    con.execute("BEGIN")
    con.executemany(
        "INSERT INTO member VALUES (?,?,?,?,?,?,?,?)",
        [
            (
                new_id(),
                p["name"],
                p["id_number"],
                p["gender"],
                str(p["birth_date"]),
                p["phone"],
                p["employer"],
                p["job_group"],
            )
            for p in people
        ],
    )
    con.execute("COMMIT")
    seconds = time.perf_counter() - start
    con.close()
    return seconds


def median(values: list[float]) -> float:
    return statistics.median(values)
