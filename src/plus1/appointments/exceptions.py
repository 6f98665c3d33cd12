"""What booking, moving or cancelling an appointment can refuse, each with a Dutch message."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

if TYPE_CHECKING:
    from .slots import Slot


class AppointmentError(Exception):
    """Base class: ``message`` is the Dutch sentence a portal or back-office page shows as is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidBooking(AppointmentError):
    """The request itself cannot be booked (past, outside opening hours, product not offered ...)."""


class SlotTaken(AppointmentError):
    """Someone else was just earlier; ``next_slots`` are the first free times after the wanted one."""

    def __init__(self, message: str = "", *, next_slots: list[Slot] | None = None) -> None:
        super().__init__(message or _("Deze tijd is net door iemand anders gekozen. Kies een andere tijd."))
        self.next_slots = list(next_slots or [])


class TooManyBookings(InvalidBooking):
    """Rate limit: too many open bookings for one e-mail address, BSN or internet address."""


class AppointmentNotChangeable(AppointmentError):
    """The appointment is cancelled, already took place or starts too soon to move or cancel online."""
