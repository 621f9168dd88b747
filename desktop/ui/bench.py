"""bench_ui(): start-up, member list, keystroke, memory and stalls on a 100,000-member demo,
each beside a floor (a bare PySide6 window with an empty table) measured in the same run.

    .venv/bin/python -m desktop.ui.bench [--members 100000] [--db PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

FLOOR = r"""
import os, sys, time, resource, json
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
            print(json.dumps({"painted": time.time(),
                              "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
            sys.stdout.flush(); QTimer.singleShot(0, app.quit)
        return False
f = F(); w.installEventFilter(f); w.resize(1366, 768); w.show(); app.exec()
"""


def child(db: str) -> None:
    """Runs in its own process: the real app, auto-logged in, measured from the inside."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import resource

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
    for _ in range(30):  # scroll the table: fetch-more pages
        view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
        wait(lambda: not model.loading, 5)
    out["rows_after_scroll"] = model.rowCount()
    out["typing_scroll_stall_ms"] = controller.watchdog.longest_ms
    controller.watchdog.reset()
    for key, *_rest in __import__("desktop.ui.main_window", fromlist=["PAGES"]).PAGES:
        window.show_page(key)
        wait(lambda: not controller.ops.busy(), 10)
    out["first_open_pages_stall_ms"] = controller.watchdog.longest_ms
    out["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(out))
    sys.stdout.flush()
    QApplication.quit()


def _run(args: list[str]) -> tuple[float, dict[str, float]]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    start = time.time()
    proc = subprocess.run(args, capture_output=True, text=True, env=env, timeout=600)
    line = [x for x in proc.stdout.splitlines() if x.startswith("{")]
    if not line:
        raise RuntimeError(proc.stderr[-3000:])
    return start, json.loads(line[-1])


def bench_ui(members: int = 100_000, db: Path | None = None) -> dict[str, float]:
    db = db or Path(os.environ.get("TMPDIR", "/tmp")) / f"stationdesk-bench-{members}.sqlite3"
    if not db.exists():
        from desktop.services.demo import create_demo

        print(f"creating a {members}-member demo at {db} …", file=sys.stderr)
        create_demo(db, members=members)
    floor_start, floor = _run([sys.executable, "-c", FLOOR])
    app_start, app = _run([sys.executable, "-m", "desktop.ui.bench", "--child", str(db)])
    return {
        "floor_window_s": floor["painted"] - floor_start,
        "floor_rss_mb": floor["rss_mb"],
        "window_painted_s": app["painted"] - app_start,
        "member_list_usable_s": app["list_usable"] - app_start,
        "keystroke_ms_max": app["keystroke_ms_max"],
        "keystroke_ms_median": app["keystroke_ms_median"],
        "rows_after_scroll": app["rows_after_scroll"],
        "startup_stall_ms": app["startup_stall_ms"],
        "typing_scroll_stall_ms": app["typing_scroll_stall_ms"],
        "first_open_pages_stall_ms": app["first_open_pages_stall_ms"],
        "peak_rss_mb": app["rss_mb"],
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--child")
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    result = bench_ui(args.members, args.db)
    for key, value in result.items():
        print(f"{key:24s} {value:10.3f}")
    print(
        f"{'window / floor':24s} {result['window_painted_s'] / result['floor_window_s']:10.2f}"
        "  (target ≤ 1.5)"
    )


if __name__ == "__main__":
    main()
