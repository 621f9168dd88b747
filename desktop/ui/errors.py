"""Showing errors (Electrum's on_error): a UserFacingError as it is, Cancelled never,
anything else logged with its traceback and shown as "something went wrong" with details.
The domain's Chinese messages are shown in the interface language (service_text)."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from .service_text import translate

log = logging.getLogger(__name__)


def user_message(exc: BaseException) -> str | None:
    """The text to show, or None for a cancellation."""
    from desktop.services.errors import Cancelled, UserFacingError

    if isinstance(exc, Cancelled):
        return None
    if isinstance(exc, UserFacingError):
        return translate(exc.message)
    return None


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    from PySide6.QtWidgets import QMessageBox  # not needed for the first frame

    from desktop.services.errors import Cancelled, UserFacingError

    if isinstance(exc, Cancelled):
        return
    box = QMessageBox(parent)
    box.setWindowTitle(QCoreApplication.translate("errors", "提示"))
    if isinstance(exc, UserFacingError):
        box.setIcon(QMessageBox.Icon.Warning)
        box.setText(translate(exc.message))
    else:
        details = getattr(exc, "__traceback_text__", repr(exc))
        log.error("unexpected error: %s", details)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setText(
            QCoreApplication.translate(
                "errors", "出错了，操作没有完成。请把详细信息复制给技术支持。"
            )
        )
        box.setDetailedText(details)
    box.open()  # non-blocking: tests and the event loop keep running


def show_form_error(parent: QWidget | None, form: Any, exc: BaseException) -> None:
    """Field errors (ValidationError.errors) go beside their fields; anything else to a box."""
    errors = getattr(exc, "errors", None)
    if errors:
        form.show_errors(errors)
    else:
        show_error(parent, exc)
