"""The one bridge from the domain's "data changed" broadcast to Qt (Electrum's QtEventListener).

services.events.notify() may run on a worker thread; emitting a Qt signal from there reaches
the GUI thread queued, so screens refresh themselves on the GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal


class EventBridge(QObject):
    changed = Signal(object)  # frozenset[str] of entity names
    sync_state = Signal(object)  # a dict from the sync worker: state, pending, last_sync, error

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unsubscribe: Callable[[], None] | None = None

    def attach(self) -> None:
        from desktop.services import events

        if self._unsubscribe is None:
            self._unsubscribe = events.subscribe(self.changed.emit)

    def detach(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
