"""A booked appointment: see it, move it, cancel it, put it in your agenda (.ics).

Two ways in. The link from the confirmation e-mail (``afspraak/<token>/``) works without
logging in: the token is a secret only the resident has (the database keeps its hash). A
resident logged in with DigiD reaches their own appointments from Mijn zaken by id
(``mijn-afspraken/<uuid>/``), checked against their BSN. An unknown token, another gemeente's
appointment, one that was cancelled or is over: a calm Dutch page with status 404.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from plus1.appointments import selectors, services
from plus1.appointments.constants import AppointmentStatus
from plus1.appointments.exceptions import AppointmentError, SlotTaken
from plus1.appointments.ics import ics_for
from plus1.appointments.models import Appointment
from plus1.audit.services import Actor
from plus1.core import clock
from plus1.tenants.models import Organisation

from .appointment_forms import parse_slot_value
from .appointment_views import time_context
from .context_processors import resident_actor
from .routing import gemeente_for_request, portal_reverse

# URL name per page, for the e-mail link (token) and for Mijn zaken (id, logged in).
PAGE_NAMES = {
    "manage": ("portal:appointment-manage", "portal:my-appointment"),
    "move": ("portal:appointment-move", "portal:my-appointment-move"),
    "cancel": ("portal:appointment-cancel", "portal:my-appointment-cancel"),
    "ics": ("portal:appointment-ics", "portal:my-appointment-ics"),
}


@dataclass(frozen=True)
class Access:
    """One appointment as the resident reached it: by the e-mail's token or from Mijn zaken."""

    gemeente: Organisation
    appointment: Appointment
    key: str
    by_token: bool
    actor: Actor

    def url(self, request: HttpRequest, page: str = "manage") -> str:
        by_token, by_id = PAGE_NAMES[page]
        return portal_reverse(request, by_token if self.by_token else by_id, self.key)

    def done_url(self, request: HttpRequest) -> str:
        """Where to go after cancelling: a new appointment (e-mail link) or Mijn zaken."""
        return portal_reverse(request, "portal:appointment-start" if self.by_token else "portal:my-zaken")


class Unavailable(Exception):
    def __init__(self, response: HttpResponse) -> None:
        super().__init__("unavailable")
        self.response = response


def _unavailable(
    request: HttpRequest, gemeente: Organisation, appointment: Appointment | None
) -> HttpResponse:
    if appointment is None:
        reason, message = (
            "invalid",
            _("Wij kennen deze link niet. Misschien is hij niet helemaal gekopieerd."),
        )
    elif appointment.status == AppointmentStatus.CANCELLED:
        reason, message = "cancelled", _("Deze afspraak is afgezegd.")
    else:
        reason, message = "over", _("Deze afspraak is voorbij.")
    context = {"gemeente": gemeente, "reason": reason, "message": message}
    return render(request, "portal/appointments/unavailable.html", context, status=404)


def _access(
    request: HttpRequest, gemeente_slug: str | None, *, token: str = "", appointment_uuid=None
) -> Access:
    gemeente = gemeente_for_request(request, gemeente_slug)
    if token:
        appointment = selectors.appointment_for_token(tenant=gemeente, token=token)
        if appointment is None or not appointment.is_booked or appointment.end <= clock.now():
            raise Unavailable(_unavailable(request, gemeente, appointment))
        actor = Actor(type="anonymous", id="-", label="Inwoner met de link uit de bevestiging")
        return Access(gemeente=gemeente, appointment=appointment, key=token, by_token=True, actor=actor)
    bsn = getattr(request.user, "bsn", "") if request.user.is_authenticated else ""
    if not bsn:
        login = portal_reverse(request, "portal:login")
        raise Unavailable(HttpResponseRedirect(f"{login}?{urlencode({'next': request.get_full_path()})}"))
    appointment = (
        selectors.appointments_for_resident(tenant=gemeente, bsn=bsn).filter(uuid=appointment_uuid).first()
    )
    if appointment is None:
        raise Unavailable(_unavailable(request, gemeente, None))
    return Access(
        gemeente=gemeente,
        appointment=appointment,
        key=str(appointment.uuid),
        by_token=False,
        actor=resident_actor(request),
    )


def _reached(view):
    """Resolve the appointment (token or id) first; a refusal is answered right away."""

    def wrapped(request: HttpRequest, token: str = "", appointment_uuid=None, gemeente_slug=None):
        try:
            access = _access(request, gemeente_slug, token=token, appointment_uuid=appointment_uuid)
        except Unavailable as refusal:
            return refusal.response
        return view(request, access)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def summary_rows(appointment: Appointment) -> dict:
    """What the appointment pages and Mijn zaken show of one appointment."""
    return {
        "appointment": appointment,
        "products": [product.name for product in appointment.products.all()],
    }


@never_cache
@require_GET
@_reached
def manage(request: HttpRequest, access: Access) -> HttpResponse:
    """The appointment, with "Verzetten", "Afzeggen" and "Zet in uw agenda"."""
    context = {
        "gemeente": access.gemeente,
        **summary_rows(access.appointment),
        "move_url": access.url(request, "move"),
        "cancel_url": access.url(request, "cancel"),
        "ics_url": access.url(request, "ics"),
        "by_token": access.by_token,
    }
    return render(request, "portal/appointments/manage.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
@_reached
def move(request: HttpRequest, access: Access) -> HttpResponse:
    """Another day or time at the same location, for the same products; the link stays the same."""
    appointment = access.appointment
    products = list(appointment.products.all())
    error, next_slots, status = "", None, 200
    if request.method == "POST":
        new_start = parse_slot_value(request.POST.get("tijd", ""))
        if new_start is None:
            error, status = _("Kies een tijd."), 400
        else:
            try:
                services.move(appointment=appointment, start=new_start, actor=access.actor)
            except SlotTaken as exc:
                error, next_slots, status = exc.message, exc.next_slots, 409
            except AppointmentError as exc:
                error, status = exc.message, 400
            else:
                messages.success(request, _("Uw afspraak is verzet. U krijgt een bevestiging per e-mail."))
                return HttpResponseRedirect(access.url(request))
    context = time_context(
        gemeente=access.gemeente,
        location=appointment.location,
        products=products,
        persons=appointment.persons,
        params=request.GET,
        next_slots=next_slots,
    )
    base = access.url(request, "move")
    context |= {
        "gemeente": access.gemeente,
        **summary_rows(appointment),
        "error": error,
        "day_url": base + "?dag=",
        "window_url": base + "?vanaf=",
        "days_url": base,
        "action": base,
        "posts": True,
        "hidden": [],
        "back_url": access.url(request),
    }
    return render(request, "portal/appointments/move.html", context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
@_reached
def cancel(request: HttpRequest, access: Access) -> HttpResponse:
    """Ask once more, then cancel: the time is free again for someone else."""
    error, status = "", 200
    if request.method == "POST":
        try:
            services.cancel(appointment=access.appointment, actor=access.actor)
        except AppointmentError as exc:
            error, status = exc.message, 400
        else:
            messages.success(request, _("Uw afspraak is afgezegd. U krijgt een bevestiging per e-mail."))
            return HttpResponseRedirect(access.done_url(request))
    context = {
        "gemeente": access.gemeente,
        **summary_rows(access.appointment),
        "error": error,
        "back_url": access.url(request),
    }
    return render(request, "portal/appointments/cancel.html", context, status=status)


@never_cache
@require_GET
@_reached
def ics(request: HttpRequest, access: Access) -> HttpResponse:
    """The appointment as an iCalendar file, for the resident's own agenda."""
    response = HttpResponse(ics_for(access.appointment), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, "afspraak.ics")
    return response


def appointments_for_my_zaken(request: HttpRequest, gemeente: Organisation) -> list[dict]:
    """The "Afspraken" section of Mijn zaken: the resident's coming appointments, with their links."""
    bsn = getattr(request.user, "bsn", "") if request.user.is_authenticated else ""
    if not bsn:
        return []
    appointments = (
        selectors.appointments_for_resident(tenant=gemeente, bsn=bsn)
        .select_related("location")
        .prefetch_related("products__adoption__zaaktype")
    )
    return [
        {
            **summary_rows(appointment),
            "url": portal_reverse(request, "portal:my-appointment", str(appointment.uuid)),
        }
        for appointment in appointments
    ]
