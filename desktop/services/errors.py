"""Typed errors: what the UI and the command line show, and what they never show."""

from __future__ import annotations


class UserFacingError(Exception):
    """A problem the user can fix; the text (Chinese) is shown as it is.

    field names the form field at fault (e.g. "id_number"), so a form can show it in place.
    """

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class ValidationError(UserFacingError):
    """Bad input in one or more fields; errors maps field -> Chinese message."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = dict(errors)
        first_field, first_message = next(iter(self.errors.items()))
        super().__init__("；".join(self.errors.values()), field=first_field)


class PermissionDenied(UserFacingError):
    """The logged-in staff member's role does not allow this action."""


class NotFound(UserFacingError):
    """A record the user named does not exist."""


class RuleViolation(UserFacingError):
    """A program rule (cap, exclusion, budget) refuses the action; a station head may override.

    reasons lists every rule that fired, each a full Chinese sentence.
    """

    def __init__(self, reasons: list[str], *, overridable: bool = True) -> None:
        super().__init__("；".join(reasons))
        self.reasons = reasons
        self.overridable = overridable


class PeriodClosed(UserFacingError):
    """The month is closed (月结): its records are read-only."""


class Cancelled(Exception):  # noqa: N818 - a signal, never shown to the user
    """The user cancelled a long operation."""
