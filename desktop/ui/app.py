"""Start-up: paint the window first, look at the store in the background, then set-up or login.

The station file is encrypted: only a login can open it. So the ops helper first probes the
path (new, encrypted with its key file, or a plain file from before encryption) while the
first frame is on screen; the login then unwraps the key, opens and migrates the store, and
checks the account, all on the helper (services.unlock). A new file gets a fresh key and the
set-up wizard. The window shell imports no services (sqlmodel costs ~0.3 s).
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from .bridge import EventBridge
from .errors import show_error
from .idle import IdleWatcher
from .labels import enum_label
from .main_window import MainWindow
from .ops import Ops
from .service_text import translate
from .state import AppState
from .theme import apply_style, install_language, load_font
from .watchdog import StallWatchdog

log = logging.getLogger(__name__)


# imported on the GUI thread right after the first frame (see Controller._warm_up)
WARM_UP = ("desktop.ui.login", "desktop.ui.page", "desktop.ui.dashboard", "desktop.ui.members")


def settings() -> QSettings:
    return QSettings("StationDesk", "StationDesk")


def make_app(argv: list[str] | None = None, lang: str | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("StationDesk")
    load_font(app)
    apply_style(app)
    install_language(app, lang or str(settings().value("language", "zh_CN")))
    return app


def _open(db_path: Path) -> dict[str, Any]:
    """Runs on the ops helper: what is at the path (nothing is decrypted before a login).
    A new file is created encrypted, for the set-up wizard."""
    from desktop.services import unlock

    found = unlock.probe(db_path)
    info: dict[str, Any] = {
        "configured": found.kind != "new",
        "usernames": found.usernames,
        "station_name": found.label,
    }
    if found.kind == "new":
        info["engine"] = unlock.new_store(db_path)
    return info


class Controller:
    """Owns the window, the ops helper and the bridge; moves between set-up, login and work."""

    def __init__(
        self,
        db_path: Path,
        *,
        synchronous: bool = False,
        auto_login: tuple[str, str] | None = None,
        watchdog: bool = False,
    ) -> None:
        self.db_path = db_path
        self.window = MainWindow()
        self.ops = Ops(synchronous=synchronous, report=lambda e: show_error(self.window, e))
        self.bridge = EventBridge()
        self.auto_login = auto_login
        self.info: dict[str, Any] = {}
        self.state: AppState | None = None
        self.on_ready: list[Callable[[AppState], None]] = []
        self.dialog: Any = None
        self.recovery_dialog: Any = None
        self._opening = False
        self.watchdog = StallWatchdog(parent=self.window) if watchdog else None
        self.idle = IdleWatcher(float(str(settings().value("idle_minutes", 10))), self.window)
        self.idle.idle.connect(self.lock)
        self.window.lock_requested.connect(self.lock)
        self.window.idle_minutes_changed.connect(self.idle.set_minutes)
        self.window.switch_user_requested.connect(lambda: self.lock(switch=True))

    def start(self) -> None:
        """Show the window; open the store only once it has painted, so the worker's imports
        (sqlmodel, alembic: ~0.3 s of mostly GIL-holding Python) never delay the first frame."""
        self.window.first_painted.connect(self._open_store)
        QTimer.singleShot(1000, self._open_store)  # a window that never paints (minimised)
        self.window.show_fitted()
        if self.watchdog:
            self.watchdog.start()

    def _open_store(self) -> None:
        if self._opening:
            return
        self._opening = True
        self.ops.query(_open, self.db_path).success(self._opened).failure(self._open_failed).run()
        QTimer.singleShot(0, lambda: self._warm_up(list(WARM_UP)))

    def _warm_up(self, modules: list[str]) -> None:
        """While the worker opens the store (~0.5 s) the GUI thread is idle: import what the
        login and the first screens need, one module per event-loop turn, so that cost (and
        PySide's set-up of the Qt types they use, ~14 ms for the Qt namespace alone) is not
        paid inside the login or the first page."""
        if modules:
            importlib.import_module(modules.pop(0))
            QTimer.singleShot(0, lambda: self._warm_up(modules))

    def _open_failed(self, exc: BaseException) -> None:
        show_error(self.window, exc)
        self.window.placeholder.setText(translate(getattr(exc, "message", str(exc))))

    def _opened(self, info: dict[str, Any]) -> None:
        self.info = info
        if not info["configured"]:
            self.bridge.attach()
            from .wizard import SetupWizard

            self.dialog = SetupWizard(self.ops, info["engine"], self.db_path, self.window)
            self.dialog.done_setup.connect(self._setup_done)
            self.dialog.open()
            return
        self._ask_login()

    def _setup_done(self, ctx: Any, username: str) -> None:
        from desktop.services import staff

        self.info.update(
            configured=True,
            ctx=ctx,
            station_name=ctx.station().name,
            station_code=ctx.station().code,
            usernames=[s.username for s in staff.list_staff(ctx)],
        )
        self.info["suggest"] = username
        self._ask_login()

    def _attempt(self) -> Callable[..., Any]:
        """How a login is checked: against the open store, or (before it is open) by
        unwrapping its key, opening it and then checking (answers an unlock.Opened)."""
        from desktop.services import staff, unlock

        if "ctx" in self.info:
            return partial(staff.login, self.info["ctx"])
        return partial(unlock.open_with_login, self.db_path)

    def _recover(self, code: str, username: str, password: str) -> Any:
        """Runs on the ops helper: the recovery code opens the file (answers unlock.Opened)."""
        from desktop.services import unlock

        return unlock.open_with_recovery(self.db_path, code, username, password)

    def _ask_login(self, locked_to: str | None = None, lock: bool = False) -> None:
        if self.auto_login and not lock:
            user, password = self.auto_login
            op = self.ops.query(self._attempt(), user, password, sleep=False)
            op.success(self._logged_in).failure(self._open_failed).run()
            return
        from .login import LoginDialog

        self.dialog = LoginDialog(
            self.ops,
            self.info.get("ctx"),
            self.info.get("station_name", ""),
            self.info.get("usernames", []),
            locked_to=locked_to,
            lock=lock,
            parent=self.window,
            attempt=self._attempt(),
            recover=None if "ctx" in self.info else self._recover,
        )
        if self.info.get("suggest") and not lock:
            self.dialog.username.setCurrentText(self.info["suggest"])
        self.dialog.logged_in.connect(self._logged_in)
        self.dialog.open()

    def _unlocked(self, opened: Any) -> Any:
        """The first login opened the store: keep it, and show a new recovery code once."""
        ctx = opened.ctx
        station = ctx.station()
        self.info.update(
            engine=opened.engine,
            ctx=ctx,
            station_name=station.name,
            station_code=station.code,
        )
        self.bridge.attach()
        if opened.recovery_code:
            from .login import show_recovery_code

            self.recovery_dialog = show_recovery_code(self.window, opened.recovery_code)
        return opened.actor

    def _logged_in(self, result: Any) -> None:
        actor = self._unlocked(result) if hasattr(result, "engine") else result
        if self.state is not None and self.state.actor.staff_id == actor.staff_id:
            self.window.set_locked(False)
            return  # unlocked by the same person: keep the screens as they were
        ctx = self.info["ctx"].as_actor(actor)
        self.state = AppState(
            self.db_path,
            self.info["engine"],
            ctx,
            self.ops,
            self.bridge,
            extra={
                "station_name": self.info.get("station_name", ""),
                "station_code": self.info.get("station_code", ""),
                "role_label": enum_label(actor.role),
            },
        )
        self.window.setEnabled(True)
        self.window.set_state(self.state)
        self.idle.watch(QApplication.instance(), self.window.windowHandle())  # type: ignore[arg-type]
        for callback in self.on_ready:
            callback(self.state)

    def lock(self, switch: bool = False) -> None:
        """Idle lock, the lock button and switch user: cover the screens, then ask who it is.
        Only a login (the same user: back where they were; another: fresh screens) ends it."""
        if self.state is None or (self.dialog is not None and self.dialog.isVisible()):
            return
        username = "" if switch else self._username()
        self.window.set_locked(True)
        self._ask_login(locked_to=username, lock=True)

    def _username(self) -> str:
        from desktop.services import staff

        assert self.state is not None
        staff_id = self.state.actor.staff_id
        return next((s.username for s in staff.list_staff(self.state.ctx) if s.id == staff_id), "")


def smoke_db() -> Path:
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="stationdesk-smoke-"))
    return folder / "smoke.sqlite3"


def prepare_smoke(db_path: Path) -> None:
    """A throwaway station, encrypted as any (the window then logs in as smoke/smoke123)."""
    from desktop.services import staff, unlock

    engine = unlock.new_store(db_path)
    ctx = staff.init_station(engine, code="0000000001", name="冒烟测试服务站")
    staff.add_staff(
        ctx, username="smoke", display_name="测试", role="station_head", password="smoke123"
    )
    engine.dispose()


def run(
    db_path: Path,
    *,
    lang: str | None,
    smoke: bool = False,
    auto_login: tuple[str, str] | None = None,
) -> int:
    app = make_app(lang=lang)
    if smoke:
        prepare_smoke(db_path)
        auto_login = ("smoke", "smoke123")
    debug = bool(os.environ.get("STATIONDESK_DEBUG"))
    controller = Controller(db_path, auto_login=auto_login, watchdog=debug)
    if smoke:

        def done(_state: AppState) -> None:
            QTimer.singleShot(300, app.quit)

        controller.on_ready.append(done)
        QTimer.singleShot(20_000, lambda: app.exit(1))
    controller.start()
    code = app.exec()
    controller.ops.wait(5000)
    return code
