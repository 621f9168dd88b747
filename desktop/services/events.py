"""The one "data changed" broadcast of the domain (Qt-free).

Services call notify() after a commit with the entities that changed; the UI subscribes once
and re-emits on the GUI thread as a Qt signal. Writers never reach into screens.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

Listener = Callable[[frozenset[str]], None]
_listeners: list[Listener] = []


def subscribe(listener: Listener) -> Callable[[], None]:
    _listeners.append(listener)
    return lambda: _listeners.remove(listener)


def notify(entities: Iterable[str]) -> None:
    changed = frozenset(entities)
    if not changed:
        return
    for listener in list(_listeners):
        listener(changed)
