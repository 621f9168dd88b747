"""bench_ui(): start-up, member list, keystroke, memory and stalls on a 100,000-member demo,
each beside a floor (a bare PySide6 window with an empty table) measured in the same run.

    .venv/bin/python -m desktop.ui.bench [--members 100000] [--db PATH] [--runs 5]
                                         [--sync-records 10000]

sync_stall_ms: the longest main-thread stall while the app syncs that many records from
the sync page (desktop/ui/bench_sync.py; a loopback district server in the parent).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

# The child (the measured app) imports only what `python -m desktop` would before its window:
# argparse, json, subprocess and statistics are imported by the parent side only.

TARGETS = {
    "window_over_floor": "(target <= 1.5)",
    "keystroke_ms_median": "(target < 50)",
    "keystroke_ms_max": "(target < 50)",
    "startup_stall_ms": "(target < 100)",
    "first_open_pages_stall_ms": "(target < 100)",
    "typing_scroll_stall_ms": "(target < 100)",
    "sync_stall_ms": "(target < 100)",
}

FLOOR = r"""
import os, sys, time, json
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QEvent, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication([])
class Empty(QAbstractTableModel):
    def rowCount(self, p=QModelIndex()): return 0
    def columnCount(self, p=QModelIndex()): return 7
    def data(self, i, r=0): return None
w = QMainWindow(); t = QTableView(); t.setModel(Empty()); w.setCentralWidget(t)
class F(QObject):
    def eventFilter(self, o, e):
        if e.type() == QEvent.Type.Paint and o is w:
            painted = time.time()
            from desktop.ui.bench import peak_rss_mb
            print(json.dumps({"painted": painted, "rss_mb": peak_rss_mb()}))
            sys.stdout.flush(); QTimer.singleShot(0, app.quit)
        return False
f = F(); w.installEventFilter(f); w.resize(1366, 768); w.show(); app.exec()
"""


def peak_rss_mb() -> float:
    """VmHWM of this process image (ru_maxrss would carry the parent's peak over fork+exec)."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(db: str) -> None:
    """Runs in its own process: the real app, auto-logged in, measured from the inside."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    from desktop.ui import app as ui_app

    out: dict[str, float] = {}
    qapp = ui_app.make_app()
    controller = ui_app.Controller(Path(db), auto_login=("head", "demo1234"), watchdog=True)
    window = controller.window

    class Painted(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and obj is window and "painted" not in out:
                out["painted"] = time.time()
            return False

    painted = Painted()
    window.installEventFilter(painted)

    def wait(predicate, timeout: float = 30.0) -> None:  # type: ignore[no-untyped-def]
        end = time.time() + timeout
        while not predicate() and time.time() < end:
            qapp.processEvents()
            time.sleep(0.001)

    controller.start()
    wait(lambda: controller.state is not None)
    page = window.show_page("members")
    wait(lambda: page is not None and page.model.rowCount() > 0)  # type: ignore[union-attr]
    out["list_usable"] = time.time()
    assert controller.watchdog is not None
    out["startup_stall_ms"] = controller.watchdog.longest_ms
    controller.watchdog.reset()
    assert page is not None
    model = page.model  # type: ignore[attr-defined]
    times = []
    for text in ("z", "zh", "zha", "zhan", "zhang", "", "1234", "王", "王芳", ""):
        generation = model.generation
        start = time.perf_counter()
        page.search.setText(text)  # type: ignore[attr-defined]
        wait(lambda g=generation: model.generation > g and not model.loading)
        times.append((time.perf_counter() - start) * 1000)
    out["keystroke_ms_max"] = max(times)
    out["keystroke_ms_median"] = sorted(times)[len(times) // 2]
    view = page.table  # type: ignore[attr-defined]
    bar = view.verticalScrollBar()
    for _ in range(30):  # scroll to the end 30 times: each fetches the next page
        rows, end = model.rowCount(), bar.maximum()
        bar.setValue(end)
        wait(lambda r=rows: model.rowCount() > r or model.exhausted, 5)
        wait(lambda e=end: bar.maximum() > e or model.exhausted, 2)  # the view caught up
    out["rows_after_scroll"] = model.rowCount()
    out["typing_scroll_stall_ms"] = controller.watchdog.longest_ms
    controller.watchdog.reset()
    for key, *_rest in __import__("desktop.ui.main_window", fromlist=["PAGES"]).PAGES:
        window.show_page(key)
        wait(lambda: not controller.ops.busy(), 10)
    out["first_open_pages_stall_ms"] = controller.watchdog.longest_ms
    out["rss_mb"] = peak_rss_mb()
    import json

    print(json.dumps(out))
    sys.stdout.flush()
    QApplication.quit()


def child_env() -> dict[str, str]:
    """The measured processes load cached bytecode, as the packaged app does (PyInstaller
    ships .pyc): a private PYTHONPYCACHEPREFIX, so a PYTHONDONTWRITEBYTECODE development
    shell neither compiles every module at each start nor gets __pycache__ in its tree."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(
        Path(os.environ.get("TMPDIR", "/tmp")) / "stationdesk-bench-pyc"
    )
    return env


def warm_up(db: Path) -> None:
    """One unmeasured run fills the bytecode cache (this package and every library the app
    and the floor import), like the first start after an install."""
    bench_once(db)


def _run(args: list[str]) -> tuple[float, dict[str, float]]:
    import json
    import subprocess

    env = child_env()
    start = time.time()
    proc = subprocess.run(args, capture_output=True, text=True, env=env, timeout=600)
    line = [x for x in proc.stdout.splitlines() if x.startswith("{")]
    if not line:
        raise RuntimeError(proc.stderr[-3000:])
    return start, json.loads(line[-1])


def bench_once(db: Path) -> dict[str, float]:
    floor_start, floor = _run([sys.executable, "-c", FLOOR])
    app_start, app = _run([sys.executable, "-m", "desktop.ui.bench", "--child", str(db)])
    return {
        "floor_window_s": floor["painted"] - floor_start,
        "floor_rss_mb": floor["rss_mb"],
        "window_painted_s": app["painted"] - app_start,
        "window_over_floor": (app["painted"] - app_start) / (floor["painted"] - floor_start),
        "member_list_usable_s": app["list_usable"] - app_start,
        "keystroke_ms_max": app["keystroke_ms_max"],
        "keystroke_ms_median": app["keystroke_ms_median"],
        "rows_after_scroll": app["rows_after_scroll"],
        "startup_stall_ms": app["startup_stall_ms"],
        "typing_scroll_stall_ms": app["typing_scroll_stall_ms"],
        "first_open_pages_stall_ms": app["first_open_pages_stall_ms"],
        "peak_rss_mb": app["rss_mb"],
    }


def bench_ui(
    members: int = 100_000, db: Path | None = None, runs: int = 1, sync_records: int = 10_000
) -> dict[str, float]:
    """Each figure is the median over `runs` runs (floor and app measured in each run)."""
    db = db or Path(os.environ.get("TMPDIR", "/tmp")) / f"stationdesk-bench-{members}.sqlite3"
    if not db.exists():
        from desktop.services.demo import create_demo

        print(f"creating a {members}-member demo at {db} …", file=sys.stderr)
        create_demo(db, members=members)
    import statistics

    warm_up(db)
    results = []
    for _ in range(runs):
        result = bench_once(db)
        if sync_records:
            from .bench_sync import bench_sync_stall

            synced = bench_sync_stall(sync_records, _run)
            result["sync_s"] = synced["sync_s"]
            result["sync_stall_ms"] = synced["sync_stall_ms"]
        results.append(result)
        print("  run " + "  ".join(f"{k}={v:.3f}" for k, v in result.items()), file=sys.stderr)
    return {key: statistics.median(r[key] for r in results) for key in results[0]}


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        child(sys.argv[2])
        return
    if len(sys.argv) == 3 and sys.argv[1] == "--sync-child":
        from .bench_sync import child as sync_child

        sync_child(sys.argv[2])
        return
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--runs", type=int, default=5, help="report the median of N runs")
    parser.add_argument(
        "--sync-records", type=int, default=10_000, help="records synced for the stall (0: skip)"
    )
    args = parser.parse_args()
    result = bench_ui(args.members, args.db, args.runs, args.sync_records)
    print(f"median of {args.runs} runs")
    for key, value in result.items():
        note = TARGETS.get(key, "")
        print(f"{key:26s} {value:10.3f}  {note}")


if __name__ == "__main__":
    main()
