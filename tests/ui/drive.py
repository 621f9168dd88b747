"""Driving the window as a person does: clicks, typing, answering dialogs.

A modal dialog (a question, the void reason, the print dialog) runs its own event loop, so the
answer is queued before the click that opens it: `when_modal` polls for the dialog on a timer
and answers it with clicks and keys too.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QRadioButton,
    QTreeWidget,
    QWidget,
)


def click(widget: QWidget) -> None:
    """A left click in the middle of a visible, enabled widget (after what was queued: a person
    is slower than the event loop)."""
    QApplication.processEvents()
    assert widget.isVisible(), f"{widget!r} is not visible"
    assert widget.isEnabled(), f"{widget!r} is disabled"
    window = widget.window()
    if QApplication.activeWindow() is not window and not QApplication.activeModalWidget():
        window.activateWindow()  # a click on a window brings it to the front, as on a desktop
        deadline = time.monotonic() + 1.0
        while QApplication.activeWindow() is not window and time.monotonic() < deadline:
            QApplication.processEvents()
    if isinstance(widget, (QCheckBox, QRadioButton)):  # on its box: its middle may be empty
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(8, widget.height() // 2))
        return
    if isinstance(widget, QAbstractSpinBox):  # into its text, away from its arrow buttons
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(12, widget.height() // 2))
        return
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def click_row(tree: QTreeWidget, row: int) -> None:
    """Click a row of a list (QTreeWidget) to select it."""
    QApplication.processEvents()
    item = tree.topLevelItem(row)
    rect = tree.visualItemRect(item)
    tree.scrollToItem(item)
    rect = tree.visualItemRect(item)
    spot = QPoint(min(rect.left() + 20, tree.viewport().width() // 2), rect.center().y())
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert tree.currentItem() is item, (
        rect,
        tree.isVisible(),
        tree.viewport().size(),
        item.text(0),
    )


def choose(combo: QComboBox, text: str) -> None:
    """Open a combo box's list with a click and click the entry that ends with `text`."""
    (index,) = [i for i in range(combo.count()) if combo.itemText(i).endswith(text)]
    click(combo)
    view = combo.view()
    deadline = time.monotonic() + 2.0
    while not view.isVisible() and time.monotonic() < deadline:
        QApplication.processEvents()
    assert view.isVisible(), "the list did not open"
    # a person looks before clicking: Qt ignores a release that comes sooner than a double
    # click after the list opened (it takes it for the end of the opening press)
    QTest.qWait(QApplication.doubleClickInterval() + 50)
    model_index = view.model().index(index, combo.modelColumn())
    view.scrollTo(model_index)
    rect = view.visualRect(model_index)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QApplication.processEvents()
    assert combo.currentIndex() == index, (combo.currentText(), text)


def toggle_item(widget: QListWidget, row: int) -> None:
    """Click the check box of a list row."""
    QApplication.processEvents()
    item = widget.item(row)
    widget.scrollToItem(item)
    rect = widget.visualItemRect(item)
    spot = QPoint(rect.left() + 10, rect.center().y())
    QTest.mouseClick(widget.viewport(), Qt.MouseButton.LeftButton, pos=spot)


def type_text(widget: QWidget, text: str) -> None:
    """ASCII as key presses; Chinese as a person's input method delivers it: a committed
    string (QTest's key clicks cannot carry characters that have no key)."""
    for run in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]+", text):
        if run.isascii():
            QTest.keyClicks(widget, run)
        else:
            event = QInputMethodEvent()
            event.setCommitString(run)
            QApplication.sendEvent(widget, event)


def type_into(widget: QWidget, text: str, *, enter: bool = False) -> None:
    """Click into the field, clear it as a user would (select all, type over), type."""
    click(widget)
    QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(widget, Qt.Key.Key_Delete)
    type_text(widget, text)
    if enter:
        QTest.keyClick(widget, Qt.Key.Key_Return)


class Answers:
    """What the queued handlers saw; `check()` re-raises a handler's failure in the test."""

    def __init__(self) -> None:
        self.failures: list[BaseException] = []
        self.seen: list[QWidget] = []
        self.texts: list[str] = []

    def check(self) -> None:
        if self.failures:
            raise self.failures[0]


def when_modal(
    answers: Answers,
    handler: Callable[[QWidget], None],
    *,
    kind: type = QDialog,
    timeout: float = 10.0,
) -> None:
    """Answer the next modal dialog of this kind with `handler` once it shows."""
    deadline = time.monotonic() + timeout

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            answers.seen.append(dialog)
            try:
                handler(dialog)
            except BaseException as exc:  # noqa: BLE001 - re-raised by answers.check()
                answers.failures.append(exc)
                if isinstance(dialog, QDialog):
                    dialog.reject()
            return
        if time.monotonic() < deadline:
            QTimer.singleShot(20, poll)
        else:
            answers.failures.append(AssertionError(f"no {kind.__name__} appeared"))

    QTimer.singleShot(0, poll)


def press_button(answers: Answers, text: str) -> Callable[[QWidget], None]:
    """Handler: note the box's text, click its button labelled `text`."""

    def handler(dialog: QWidget) -> None:
        if isinstance(dialog, QMessageBox):
            answers.texts.append(dialog.text())
        buttons = [b for b in dialog.findChildren(QAbstractButton) if b.text() == text]
        assert buttons, (
            f"no button {text!r} in {[b.text() for b in dialog.findChildren(QAbstractButton)]}"
        )
        click(buttons[0])

    return handler


def fill_and_accept(text: str) -> Callable[[QWidget], None]:
    """Handler for a QInputDialog: type into its field, press Enter."""

    def handler(dialog: QWidget) -> None:
        field = dialog.findChild(QLineEdit)
        assert field is not None
        type_into(field, text)
        # Enter from the event loop, not from inside this handler: accepting ends the dialog's
        # own loop, which must not happen under a key event this handler is still sending
        QTimer.singleShot(0, lambda: QTest.keyClick(field, Qt.Key.Key_Return))

    return handler


def accept_dialog(dialog: QWidget) -> None:
    """Handler: the dialog's accepting button (打印 / OK)."""
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    accept = [
        b for b in box.buttons() if box.buttonRole(b) == QDialogButtonBox.ButtonRole.AcceptRole
    ]
    click(accept[0])


def file_name(path: str) -> Callable[[QWidget], None]:
    """Handler for a file dialog (Qt's own, as offscreen and on many Linux desktops): type the
    path into its file name field and press Enter."""

    def handler(dialog: QWidget) -> None:
        field = dialog.findChild(QLineEdit, "fileNameEdit") or dialog.findChild(QLineEdit)
        assert field is not None
        type_into(field, path)
        QTimer.singleShot(0, lambda: QTest.keyClick(field, Qt.Key.Key_Return))

    return handler


def go(window: QWidget, label: str) -> QWidget:
    """Click the main window's navigation entry with this label; the page it then shows."""
    nav = window.nav  # type: ignore[attr-defined]
    (row,) = [r for r in range(nav.count()) if nav.item(r).text() == label]
    QApplication.processEvents()
    rect = nav.visualItemRect(nav.item(row))
    QTest.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QApplication.processEvents()
    return window.stack.currentWidget()  # type: ignore[attr-defined]
