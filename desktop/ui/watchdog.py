"""Reports main-thread stalls (debug and bench runs): a 10 ms timer that notices when it is late."""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)


class StallWatchdog(QObject):
    """Ticks every 10 ms on the GUI thread; a late tick means the event loop was blocked."""

    def __init__(self, threshold_ms: float = 100.0, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.threshold_ms = threshold_ms
        self.longest_ms = 0.0
        self.stalls: list[float] = []
        self._last = time.perf_counter()
        self._timer = QTimer(self)
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def reset(self) -> None:
        self.longest_ms = 0.0
        self.stalls.clear()
        self._last = time.perf_counter()

    def _tick(self) -> None:
        now = time.perf_counter()
        late = (now - self._last) * 1000 - self._timer.interval()
        self._last = now
        self.longest_ms = max(self.longest_ms, late)
        if late > self.threshold_ms:
            self.stalls.append(late)
            log.warning("main thread stalled for %.0f ms", late)
