"""Errors of klantwaardering; each message is plain Dutch (B1) and safe to show a resident."""

from __future__ import annotations

from plus1.core.exceptions import Plus1Error


class FeedbackError(Plus1Error):
    """Base of every klantwaardering error."""


class InvitationError(FeedbackError):
    """The link cannot be used: altered, unknown, of another gemeente, expired or already used.

    ``reason`` tells the page which message and status to show: ``invalid`` (altered or
    unknown, 404), ``other_gemeente`` (404), ``expired`` (410) or ``used`` (409).
    """

    INVALID = "invalid"
    OTHER_GEMEENTE = "other_gemeente"
    EXPIRED = "expired"
    USED = "used"

    def __init__(self, message: str, *, reason: str = INVALID):
        self.reason = reason
        super().__init__(message)


class AnswerInvalid(FeedbackError):
    """An answer breaks a rule (score out of range, text too long, phone missing)."""

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__(" ".join(errors.values()))
