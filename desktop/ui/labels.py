"""Enum labels and field names as the interface shows them, in the interface language.

The domain keeps its Chinese labels (desktop/models/enums.py LABELS, services FIELD_LABELS):
they are what receipts, reports and the command line print. The UI passes them through
Qt's translate() in the contexts "enum" and "field"; scripts/make_translations.py extracts
both tables into the .ts so English mode shows English and Chinese stays the source.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

ENUM_CONTEXT = "enum"
FIELD_CONTEXT = "field"


def QT_TRANSLATE_NOOP(_context: str, text: str) -> str:  # noqa: N802 - marks text for lupdate
    return text


# What each kind of synced record is called (sync lists show the entity of an outbox entry).
ENTITIES = {
    "station": QT_TRANSLATE_NOOP("entity", "服务站"),
    "staff": QT_TRANSLATE_NOOP("entity", "工作人员"),
    "member": QT_TRANSLATE_NOOP("entity", "会员"),
    "fund_program": QT_TRANSLATE_NOOP("entity", "帮扶项目"),
    "program_budget": QT_TRANSLATE_NOOP("entity", "项目预算"),
    "relief": QT_TRANSLATE_NOOP("entity", "帮扶发放"),
    "receipt": QT_TRANSLATE_NOOP("entity", "收据"),
    "visit": QT_TRANSLATE_NOOP("entity", "走访"),
    "station_log": QT_TRANSLATE_NOOP("entity", "工作日志"),
    "month_close": QT_TRANSLATE_NOOP("entity", "月结"),
}


def entity_text(entity: str) -> str:
    chinese = ENTITIES.get(entity)
    return QCoreApplication.translate("entity", chinese) if chinese else entity


def enum_text(kind: str, value: str | None, default: str | None = None) -> str:
    """The shown label of a stored enum value, e.g. enum_text("Role", "station_head")."""
    from contract.enums import LABELS

    chinese = LABELS.get(f"{kind}.{value}")
    if chinese is None:
        return str(value or "") if default is None else default
    return QCoreApplication.translate(ENUM_CONTEXT, chinese)


def enum_label(item: Any) -> str:
    """The shown label of an enum member (Role.STATION_HEAD -> 站长 / Station head)."""
    return QCoreApplication.translate(ENUM_CONTEXT, item.label)


def enum_table() -> dict[str, str]:
    """Every "Kind.value" -> shown label, for table models that look labels up per cell."""
    from contract.enums import LABELS

    return {key: QCoreApplication.translate(ENUM_CONTEXT, text) for key, text in LABELS.items()}


def field_text(key: str) -> str:
    """A member field's name (services.members.FIELD_LABELS) in the interface language."""
    from desktop.services.members import FIELD_LABELS

    return QCoreApplication.translate(FIELD_CONTEXT, FIELD_LABELS.get(key, key))


def fill(combo: QComboBox, items: Iterable[Any], *, blank: str | None = None) -> QComboBox:
    """Add enum members to a combo: shown label as text, stored value as data."""
    if blank is not None:
        combo.addItem(blank, "")
    for item in items:
        combo.addItem(enum_label(item), item.value)
    return combo
