"""Small shared widgets: page header, card, form with errors shown at the field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from .service_text import translate


def page_title(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("PageTitle")
    return label


class Card(QFrame):
    """A white panel with a title, holding one block of a screen."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(12, 10, 12, 12)
        self.title = QLabel(title)
        self.title.setObjectName("CardTitle")
        self.body.addWidget(self.title)


class FieldForm(QFormLayout):
    """A form whose rows each carry an error label under the field, keyed by service field name.

    show_errors({field: message}) marks the fields; errors for unknown fields go to the top.
    Messages (the domain's Chinese ones too) are shown in the interface language.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.general = QLabel()
        self.general.setObjectName("FieldError")
        self.general.setWordWrap(True)
        self.general.hide()
        self.addRow(self.general)
        self.fields: dict[str, QWidget] = {}
        self.error_labels: dict[str, QLabel] = {}

    def add(self, key: str, label: str, widget: QWidget) -> QWidget:
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(1)
        box.addWidget(widget)
        error = QLabel()
        error.setObjectName("FieldError")
        error.setWordWrap(True)
        error.hide()
        box.addWidget(error)
        self.addRow(label, holder)
        self.fields[key] = widget
        self.error_labels[key] = error
        return widget

    def clear_errors(self) -> None:
        self.general.hide()
        for key, label in self.error_labels.items():
            label.hide()
            self._mark(self.fields[key], False)

    def show_errors(self, errors: dict[str, str]) -> None:
        self.clear_errors()
        loose = []
        for key, message in errors.items():
            label = self.error_labels.get(key)
            if label is None:
                loose.append(message)
                continue
            label.setText(translate(message))
            label.show()
            self._mark(self.fields[key], True)
        if loose:
            self.general.setText(translate("；".join(loose)))
            self.general.show()
        first = next((self.fields[k] for k in errors if k in self.fields), None)
        if first is not None:
            first.setFocus()

    def show_message(self, message: str) -> None:
        self.clear_errors()
        self.general.setText(translate(message))
        self.general.show()

    @staticmethod
    def _mark(widget: QWidget, bad: bool) -> None:
        widget.setProperty("error", "true" if bad else "false")
        widget.style().unpolish(widget)
        widget.style().polish(widget)


def fit_columns(tree: QTreeWidget, stretch: int | None = None) -> None:
    """Columns as wide as their contents (in either language), one column taking the rest:
    fixed pixel widths cut off program names and English headers."""
    header = tree.header()
    header.setStretchLastSection(stretch is None)
    for column in range(header.count()):
        mode = QHeaderView.ResizeMode.ResizeToContents
        if column == stretch:
            mode = QHeaderView.ResizeMode.Stretch
        header.setSectionResizeMode(column, mode)


def hbox(*widgets: QWidget | None, stretch_at: int | None = None) -> QHBoxLayout:
    row = QHBoxLayout()
    for index, widget in enumerate(widgets):
        if stretch_at == index:
            row.addStretch(1)
        if widget is not None:
            row.addWidget(widget)
    if stretch_at is not None and stretch_at >= len(widgets):
        row.addStretch(1)
    return row
