"""What can go wrong in plus1.development; every message is plain Dutch (B1), safe to show."""

from __future__ import annotations

from plus1.core.exceptions import Plus1Error


class DevelopmentError(Plus1Error):
    """A rule was not met. ``field`` names the form field it is about, if any."""

    def __init__(self, message: str, *, field: str | None = None):
        self.field = field
        super().__init__(message)


class DevelopmentNotAllowed(DevelopmentError):
    """This person may not do this (not HR, not the employee's leidinggevende, other gemeente)."""


class InvalidRating(DevelopmentError):
    """A rating is not one of the competence's levels, or the competence is not in use."""


class PlanConflict(DevelopmentError):
    """Somebody else changed the plan since this person opened it (optimistic lock)."""

    def __init__(self, current_version: int):
        self.current_version = current_version
        super().__init__(
            "Iemand anders heeft dit ontwikkelplan net gewijzigd. "
            "Bekijk de nieuwe versie en probeer het opnieuw."
        )


class TrainingFull(DevelopmentError):
    """Every place of the training is taken."""


class AlreadyAnswered(DevelopmentError):
    """This person already answered this pulse or rolduiding."""


class TeamTooSmall(DevelopmentError):
    """Fewer answers than the minimum: results would point to persons, so none are shown."""
