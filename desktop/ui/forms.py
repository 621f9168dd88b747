"""Saving a form that either adds a record or edits the one it was loaded with."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .state import AppState


def save_form(
    state: AppState,
    form: Any,
    read: Callable[[], Any],
    add: Callable[..., Any],
    edit: Callable[..., Any],
    editing_id: str | None,
    done: Callable[[Any], object],
    failed: Callable[[BaseException], None],
) -> None:
    """read() the form (its ValidationError goes beside the fields, nothing is sent), then
    add(ctx, data) or edit(ctx, editing_id, data) on the ops helper."""
    from desktop.services.errors import ValidationError

    try:
        data = read()
    except ValidationError as exc:
        form.show_errors(exc.errors)
        return
    if editing_id is None:
        op = state.ops.query(add, state.ctx, data)
    else:
        op = state.ops.query(edit, state.ctx, editing_id, data)
    op.success(done).failure(failed).run()
