"""The longest main-thread stall while the app syncs 10,000 records (part of desktop.ui.bench).

The parent sets up a district (tests/sync/harness.py: a SQLite server on 127.0.0.1, in the
parent's process, as a real district server is on another machine) and an enrolled station
with N new members; the child is the real app on that station's file, logged in, which
presses 立即同步 on the sync page (the sync runs on the ops helper, as for a user) and
reports the stall watchdog's longest stall from the click until the page is idle again.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

USER, PASSWORD = "head1", "secret123"  # the harness's station head of station 1


def child(db: str) -> None:
    """Runs in its own process: the real app, auto-logged in, syncing from the sync page."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from desktop.ui import app as ui_app

    qapp = ui_app.make_app()
    controller = ui_app.Controller(Path(db), auto_login=(USER, PASSWORD), watchdog=True)

    def wait(predicate: Any, timeout: float = 60.0) -> None:
        end = time.time() + timeout
        while not predicate() and time.time() < end:
            qapp.processEvents()
            time.sleep(0.001)

    controller.start()
    wait(lambda: controller.state is not None)
    page: Any = controller.window.show_page("sync")
    wait(lambda: not controller.ops.busy(), 30)
    assert controller.watchdog is not None
    controller.watchdog.reset()
    started = time.time()
    page.sync_now()
    wait(lambda: page.sync_button.isEnabled(), 600)
    wait(lambda: not controller.ops.busy(), 30)
    out = {
        "sync_s": time.time() - started,
        "sync_stall_ms": controller.watchdog.longest_ms,
        "sync_stalls_over_100ms": len(controller.watchdog.stalls),
        "summary": page.history.item(0).text(),
    }
    import json

    print(json.dumps(out, ensure_ascii=False))
    sys.stdout.flush()
    QApplication.quit()


def bench_sync_stall(records: int, run: Any) -> dict[str, Any]:
    """One district, one station with `records` unsynced members, one app run syncing them.
    `run` is desktop.ui.bench._run (starts a child process, returns its JSON line)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from desktop.services.demo import add_fake_members
    from tests.sync.harness import District  # the same harness the sync tests use

    root = Path(tempfile.mkdtemp(prefix="sd-ui-sync-bench-"))
    district = District(f"sqlite:///{root / 'server.sqlite3'}", root)
    try:
        station = district.station(1)
        station.sync()
        add_fake_members(station.ctx, records, seed=11)
        db = str(station.engine.url.database)
        station.engine.dispose()
        _start, out = run([sys.executable, "-m", "desktop.ui.bench", "--sync-child", db])
    finally:
        district.close()
    if f"上传 {records} 条" not in out["summary"]:
        print(f"  the sync did not push all records: {out['summary']}", file=sys.stderr)
    return out
