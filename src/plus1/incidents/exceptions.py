"""What can go wrong in the incident register; every message is plain Dutch, safe to show."""

from __future__ import annotations

from plus1.core.exceptions import Plus1Error


class IncidentError(Plus1Error):
    """A rule of the register was not met. ``field`` names the form field it is about, if any."""

    def __init__(self, message: str, *, field: str | None = None):
        self.field = field
        super().__init__(message)


class IncidentNotAllowed(IncidentError):
    """This person may not do this with this report (not the reporter, not the coordinator)."""


class VersionConflict(IncidentError):
    """Somebody else changed the report since this person opened it (optimistic lock)."""

    def __init__(self, current_version: int):
        self.current_version = current_version
        super().__init__(
            "Iemand anders heeft deze melding net gewijzigd. "
            "Bekijk de nieuwe gegevens en probeer het opnieuw."
        )
