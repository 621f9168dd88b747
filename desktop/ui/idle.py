"""The idle lock's clock: emits idle after `minutes` without a key, click or wheel.

It watches each top-level QWindow (the main window, and every dialog once it has focus)
rather than installing an application-wide filter: input reaches a window before its
widgets, and an application-wide Python filter is called for every event of every object
(and makes PySide wrap each internal Qt object it meets, ~30 ms of type set-up when the
first screens are built).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QWindow

INPUT = (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel)


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(self, minutes: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle.emit)
        self.timer.setInterval(int(minutes * 60_000))

    def set_minutes(self, minutes: float) -> None:
        self.timer.setInterval(int(minutes * 60_000))
        self.timer.start()

    def watch(self, app: QGuiApplication, window: QWindow | None) -> None:
        """Start counting: the given window now, every window that gets focus later."""
        app.focusWindowChanged.connect(self._watch)
        self._watch(window)
        self._watch(app.focusWindow())
        self.timer.start()

    def _watch(self, window: QWindow | None) -> None:
        if window is not None and not window.property("idle_watched"):
            window.setProperty("idle_watched", True)
            window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in INPUT:
            self.timer.start()
        return False
