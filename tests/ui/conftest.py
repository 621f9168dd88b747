"""UI fixtures: one QApplication (pytest-qt), the bundled font, synchronous ops on a fresh DB."""

from __future__ import annotations

import pytest

from desktop.ui.bridge import EventBridge
from desktop.ui.ops import Ops
from desktop.ui.state import AppState


@pytest.fixture(autouse=True)
def _app(qapp):
    from desktop.ui.theme import apply_style, load_font

    if not getattr(qapp, "_stationdesk_ready", False):
        load_font(qapp)
        apply_style(qapp)
        qapp._stationdesk_ready = True
    return qapp


@pytest.fixture
def errors_seen(monkeypatch):
    """Errors the UI would have shown in a message box."""
    seen: list[BaseException] = []
    monkeypatch.setattr("desktop.ui.errors.show_error", lambda _parent, exc: seen.append(exc))
    return seen


def make_state(ctx, db_path) -> AppState:
    bridge = EventBridge()
    bridge.attach()
    ops = Ops(synchronous=True, report=lambda exc: (_ for _ in ()).throw(exc))
    return AppState(
        db_path,
        ctx.engine,
        ctx,
        ops,
        bridge,
        extra={"station_name": "测试街道工会服务站", "role_label": "社工"},
    )


@pytest.fixture
def state(ctx, db_path):
    state = make_state(ctx, db_path)
    yield state
    state.bridge.detach()


@pytest.fixture
def head_state(head_ctx, db_path):
    state = make_state(head_ctx, db_path)
    yield state
    state.bridge.detach()
