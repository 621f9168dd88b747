"""Add or edit a member; every error is shown at its field, in Chinese."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.services.members import EDITABLE

from .labels import enum_label, field_text
from .service_text import translate
from .state import AppState
from .widgets import FieldForm

TEXT_FIELDS = (
    "name",
    "id_number",
    "phone",
    "employer",
    "address",
    "hardship_file_no",
    "hardship_review_date",
    "bank_account",
    "consent_sensitive_on",
    "consent_disclosure_on",
)
CHOICES = {
    "job_group": "JobGroup",
    "membership_status": "MembershipStatus",
    "hardship_category": "Hardship",
}
ORDER = EDITABLE  # the form shows every field a user edits, in the service's order


class MemberForm(QDialog):
    """member_id None adds a member; otherwise the member is loaded (unmasked, audited) to edit."""

    def __init__(self, state: AppState, member_id: str | None, parent: QWidget | None = None):
        super().__init__(parent)
        from contract import enums

        self.state, self.member_id = state, member_id
        self.setWindowTitle(self.tr("编辑会员") if member_id else self.tr("新增会员"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        self.form = FieldForm()
        self.widgets: dict[str, QWidget] = {}
        for key in ORDER:
            if key in CHOICES:
                combo = QComboBox()
                for item in getattr(enums, CHOICES[key]):
                    combo.addItem(enum_label(item), item.value)
                widget: QWidget = combo
            elif key == "notes":
                widget = QPlainTextEdit()
                widget.setFixedHeight(60)
                widget.setTabChangesFocus(True)
            else:
                widget = QLineEdit()
                if key.endswith(("_date", "_on")):
                    widget.setPlaceholderText("YYYY-MM-DD")
            self.widgets[key] = self.form.add(key, field_text(key), widget)
        layout.addLayout(self.form)
        self.id_warning = self._warning_under("id_number")
        id_field = self.widgets["id_number"]
        assert isinstance(id_field, QLineEdit)
        id_field.textChanged.connect(self._check_id_number)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("保存（Enter / Ctrl+Enter）"))
        save.setDefault(True)  # Enter in a field saves
        for keys in ("Ctrl+Return", "Ctrl+Enter"):  # also from the notes box, where Enter is a line
            QShortcut(QKeySequence(keys), self, self.save)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.saved: Any = None
        if member_id:
            from desktop.services import members

            op = state.ops.query(members.reveal_sensitive, state.ctx, member_id, "edit")
            op.success(self.fill).run()

    def _warning_under(self, key: str) -> QLabel:
        """A note below a field that does not block saving (e.g. an unknown region code)."""
        label = QLabel()
        label.setObjectName("Warning")
        label.setWordWrap(True)
        label.hide()
        holder = self.form.error_labels[key].parentWidget()
        box = holder.layout() if holder is not None else None
        assert box is not None
        box.addWidget(label)
        return label

    def _check_id_number(self, text: str) -> None:
        """Show the ID number's warnings as soon as the number is whole; errors wait for 保存."""
        from contract import idnumber as idn

        try:
            warnings = idn.parse(text).warnings if text.strip() else ()
        except idn.IdNumberError:
            warnings = ()
        self.id_warning.setText(translate("\n".join(warnings)))
        self.id_warning.setVisible(bool(warnings))

    def fill(self, member: Any) -> None:
        for key, widget in self.widgets.items():
            value = getattr(member, key)
            text = "" if value is None else str(value)
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(0, widget.findData(text)))
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(text)
            else:
                assert isinstance(widget, QLineEdit)
                widget.setText(text)

    def value(self, key: str) -> str:
        widget = self.widgets[key]
        if isinstance(widget, QComboBox):
            return str(widget.currentData())
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        assert isinstance(widget, QLineEdit)
        return widget.text()

    def save(self) -> None:
        from desktop.services import members

        data = members.MemberInput(**{key: self.value(key) for key in ORDER})  # type: ignore[arg-type]
        for key in ("hardship_review_date", "consent_sensitive_on", "consent_disclosure_on"):
            if not getattr(data, key):
                setattr(data, key, None)
        if self.member_id:
            op = self.state.ops.query(members.update_member, self.state.ctx, self.member_id, data)
        else:
            op = self.state.ops.query(members.add_member, self.state.ctx, data)
        op.success(self._saved).failure(self._failed).run()

    def _saved(self, member: Any) -> None:
        self.saved = member
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        errors = getattr(exc, "errors", None)
        if errors:
            self.form.show_errors(errors)
        elif hasattr(exc, "message"):
            self.form.show_message(exc.message)  # type: ignore[attr-defined]
        else:
            from .errors import show_error

            show_error(self, exc)
