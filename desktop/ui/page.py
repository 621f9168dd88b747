"""Base of every screen: a title, a refresh on data change, and a way to ask for another page."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from .state import AppState
from .widgets import page_title


class Page(QWidget):
    """watches names the entities whose change makes this page stale (see services.events)."""

    navigate = Signal(str)
    watches: frozenset[str] = frozenset()
    title_text = ""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.dirty = True
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(16, 10, 16, 10)
        self.title = page_title(
            QCoreApplication.translate("nav", self.title_text) if self.title_text else ""
        )
        self.layout_.addWidget(self.title)
        state.bridge.changed.connect(self._changed)

    def _changed(self, entities: Any) -> None:
        self.on_changed(entities, self.isVisible())

    def on_changed(self, entities: Any, visible: bool) -> None:
        if self.watches and not (self.watches & set(entities)):
            return
        if visible:
            self.refresh()
        else:
            self.dirty = True

    def refresh(self) -> None:
        self.dirty = False
