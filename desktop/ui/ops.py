"""The one helper for background work (after Anki's CollectionOp/QueryOp).

Screens never start threads: they build an Op, chain .success()/.failure()/.with_progress(),
and run it. The function runs on a worker thread; callbacks come back on the GUI thread.
In tests the same helper runs synchronously, so the same code paths are exercised.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class Job:
    """Handed to a task: report progress, and ask whether the user cancelled."""

    def __init__(self, emit_progress: Callable[[int, int, str], None]) -> None:
        self._cancel = threading.Event()
        self._emit = emit_progress

    def progress(self, done: int, total: int, text: str = "") -> None:
        self._emit(done, total, text)

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()


class _Relay(QObject):
    """Lives on the GUI thread; signals emitted from the worker arrive there queued."""

    done = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int, str)


class Op:
    """One piece of background work and what to do with its result."""

    def __init__(self, ops: Ops, fn: Callable[[Job], Any]) -> None:
        self._ops = ops
        self._fn = fn
        self._success: Callable[[Any], object] | None = None
        self._failure: Callable[[BaseException], None] | None = None
        self._progress: Callable[[int, int, str], None] | None = None
        self._relay = _Relay()
        self.job = Job(self._relay.progressed.emit)
        self.finished = False

    def success(self, callback: Callable[[Any], object]) -> Op:
        self._success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> Op:
        self._failure = callback
        return self

    def with_progress(self, callback: Callable[[int, int, str], None]) -> Op:
        self._progress = callback
        return self

    def cancel(self) -> None:
        self.job.cancel()

    def run(self) -> Op:
        relay = self._relay
        relay.done.connect(self._on_done)
        relay.failed.connect(self._on_failed)
        if self._progress:
            relay.progressed.connect(self._progress)
        self._ops.start(self)
        return self

    def _work(self) -> None:
        try:
            result = self._fn(self.job)
        except BaseException as exc:  # noqa: BLE001 - every error goes back to the GUI thread
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self._relay.failed.emit(exc)
        else:
            self._relay.done.emit(result)

    def _on_done(self, result: Any) -> None:
        self.finished = True
        self._ops.forget(self)
        if self._success:
            self._success(result)

    def _on_failed(self, exc: BaseException) -> None:
        self.finished = True
        self._ops.forget(self)
        if self._failure:
            self._failure(exc)
        else:
            self._ops.report(exc)


class _Runnable(QRunnable):
    def __init__(self, op: Op) -> None:
        super().__init__()
        self.op = op

    def run(self) -> None:
        self.op._work()


class Ops:
    """Runs Ops on a small private pool (or inline when synchronous, in tests).

    report is called with errors no failure callback handled (shown by the main window).
    """

    def __init__(
        self, *, synchronous: bool = False, report: Callable[[BaseException], None] | None = None
    ) -> None:
        self.synchronous = synchronous
        self.report = report or (lambda exc: log.error("unhandled op error: %r", exc))
        self._pool = QThreadPool()
        self._pool.setMaxThreadCount(2)  # a read can run while a long write is going
        self._running: set[Op] = set()

    def query(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Op:
        """A call that ignores the job (most reads and short writes)."""
        return Op(self, lambda _job: fn(*args, **kwargs))

    def task(self, fn: Callable[[Job], Any]) -> Op:
        """A long call that reports progress and checks job.cancelled()."""
        return Op(self, fn)

    def start(self, op: Op) -> None:
        self._running.add(op)
        if self.synchronous:
            op._work()
        else:
            self._pool.start(_Runnable(op))

    def forget(self, op: Op) -> None:
        self._running.discard(op)

    def busy(self) -> bool:
        return bool(self._running)

    def wait(self, msecs: int = 30000) -> bool:
        return self._pool.waitForDone(msecs)
