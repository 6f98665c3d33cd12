"""The counter agenda in the back office (issue 21): the day per location and counter, booking for
a caller, and "verschenen" / "niet verschenen".

For the gemeente's employees (behandelaar, teamleider, beheerder: the people at the counter and
the phone). Every read is scoped to ``request.tenant``: another gemeente's appointment or
location answers 404. Thin: the forms parse, ``plus1.appointments`` decides and changes, and a
refusal comes back as the service's Dutch sentence.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from plus1.appointments import selectors, services, slots
from plus1.appointments.constants import AppointmentStatus
from plus1.appointments.exceptions import AppointmentError, SlotTaken
from plus1.appointments.models import Appointment, Counter, Location
from plus1.core import clock

from .access import employee_view
from .appointment_forms import AgendaForm, CallerForm, CallerRequestForm

# How many days "Afspraak maken voor een beller" lists with their free times.
WINDOW_DAYS = 14


def _locations(request: HttpRequest):
    return Location.objects.filter(tenant=request.tenant, is_active=True).order_by("name")


def agenda_url(location: Location, day: datetime.date) -> str:
    return (
        reverse("backoffice:appointment-agenda") + "?" + urlencode({"datum": day, "locatie": location.slug})
    )


@dataclass
class CounterDay:
    """One counter's appointments of the day, for one table."""

    counter: Counter
    appointments: list[Appointment]


def _counter_days(location: Location, appointments: list[Appointment]) -> list[CounterDay]:
    counters = {counter.pk: counter for counter in location.counters.filter(is_active=True)}
    for appointment in appointments:
        counters.setdefault(appointment.counter_id, appointment.counter)
    days = [CounterDay(counter=counter, appointments=[]) for counter in counters.values()]
    by_counter = {day.counter.pk: day for day in days}
    for appointment in appointments:
        by_counter[appointment.counter_id].appointments.append(appointment)
    return sorted(days, key=lambda day: day.counter.name)


@employee_view
@require_GET
def agenda_view(request: HttpRequest) -> HttpResponse:
    """The day's appointments of one location, a table per counter, with the attendance buttons."""
    locations = _locations(request)
    form = AgendaForm(request.GET or None, locations=locations)
    valid = form.is_valid() if form.is_bound else True
    data = form.cleaned_data if form.is_bound and valid else {}
    day = data.get("datum") or clock.today()
    location = data.get("locatie") or locations.first()
    if not form.is_bound:
        form = AgendaForm(initial={"datum": day, "locatie": location}, locations=locations)
    counters, booked = [], 0
    if location is not None and valid:
        # With the actor, every appointment shown is a read in the processing log.
        appointments = selectors.agenda(
            tenant=request.tenant, location=location, day=day, actor=request.actor
        )
        counters = _counter_days(location, appointments)
        booked = sum(appointment.is_booked for appointment in appointments)
    context = {
        "nav": "appointments",
        "form": form,
        "day": day,
        "location": location,
        "counters": counters,
        "booked": booked,
        "can_mark": day <= clock.today(),
        "has_locations": location is not None,
        "book_url": reverse("backoffice:appointment-book")
        + ("?" + urlencode({"locatie": location.slug}) if location is not None else ""),
        "previous_day": day - datetime.timedelta(days=1),
        "next_day": day + datetime.timedelta(days=1),
        "statuses": AppointmentStatus,
    }
    return render(request, "backoffice/appointments/agenda.html", context, status=200 if valid else 400)


@employee_view
@require_POST
def attendance_view(request: HttpRequest, appointment_uuid) -> HttpResponse:
    """Mark "verschenen" (``verschenen=ja``) or "niet verschenen" (``nee``); back to the agenda."""
    appointment = (
        Appointment.objects.filter(tenant=request.tenant, uuid=appointment_uuid)
        .select_related("location")
        .first()
    )
    if appointment is None:
        raise Http404
    answer = request.POST.get("verschenen")
    day = timezone.localdate(appointment.start)
    if answer not in ("ja", "nee"):
        messages.error(request, _("Kies verschenen of niet verschenen."))
        return HttpResponseRedirect(agenda_url(appointment.location, day))
    try:
        services.mark_attendance(appointment=appointment, attended=answer == "ja", actor=request.actor)
    except AppointmentError as exc:
        messages.error(request, exc.message)
    else:
        text = _("%(name)s is verschenen.") if answer == "ja" else _("%(name)s is niet verschenen.")
        messages.success(request, text % {"name": appointment.name})
    return HttpResponseRedirect(agenda_url(appointment.location, day))


def _days(request: HttpRequest, request_form: CallerRequestForm) -> dict:
    """The days with free times (links) and, for the chosen ``dag``, that day's free times."""
    data = request_form.cleaned_data
    today = clock.today()
    try:
        chosen = datetime.date.fromisoformat(request.GET.get("dag", ""))
    except ValueError:
        chosen = None
    common = {
        "tenant": request.tenant,
        "location": data["locatie"],
        "products": list(data["product"]),
        "persons": data["personen"],
    }
    free = slots.free_slots(**common, start_day=today, days=WINDOW_DAYS)
    counts: dict[datetime.date, int] = {}
    for slot in free:
        counts[timezone.localdate(slot.start)] = counts.get(timezone.localdate(slot.start), 0) + 1
    if (
        chosen is not None
        and chosen not in counts
        and today <= chosen <= today + datetime.timedelta(days=366)
    ):
        day_slots = slots.free_slots(**common, start_day=chosen, days=1)
    else:
        day_slots = [slot for slot in free if timezone.localdate(slot.start) == chosen]
    return {
        "days": [
            {"day": day, "count": count, "value": day.isoformat()} for day, count in sorted(counts.items())
        ],
        "chosen": chosen,
        "day_slots": day_slots,
    }


@employee_view
@require_http_methods(["GET", "POST"])
def book_view(request: HttpRequest) -> HttpResponse:
    """Book for a caller: what, how many and where (GET), then a day, a time and who (POST)."""
    products = selectors.bookable_products(request.tenant)
    locations = _locations(request)
    asked = "product" in request.GET
    request_form = CallerRequestForm(
        request.GET if asked else None,
        initial={"locatie": request.GET.get("locatie", "")},
        products=products,
        locations=locations,
    )
    context = {"nav": "appointments", "request_form": request_form, "query": request.GET.urlencode()}
    if not asked or not request_form.is_valid():
        return render(request, "backoffice/appointments/book.html", context, status=400 if asked else 200)
    context |= _days(request, request_form) | {"searched": True}
    base = request.GET.copy()
    base.pop("dag", None)
    context["day_url"] = "?" + base.urlencode() + "&dag="
    form = CallerForm(request.POST or None, slots=context["day_slots"])
    error, status = "", 200
    if request.method == "POST" and form.is_valid():
        data = request_form.cleaned_data
        try:
            appointment = services.book(
                tenant=request.tenant,
                location=data["locatie"],
                products=list(data["product"]),
                persons=data["personen"],
                start=form.start,
                contact=services.Contact(
                    name=form.cleaned_data["naam"],
                    email=form.cleaned_data["email"],
                    phone=form.cleaned_data["telefoon"],
                ),
                actor=request.actor,
                booked_by=request.user,
            )
        except SlotTaken as exc:
            error, status = exc.message, 409
            if exc.next_slots:
                times = ", ".join(
                    date_format(timezone.localtime(slot.start), "l j F H:i") for slot in exc.next_slots
                )
                error += " " + _("Eerstvolgende vrije tijden: %(times)s.") % {"times": times}
            form = CallerForm(
                request.POST,
                slots=slots.free_slots(
                    tenant=request.tenant,
                    location=data["locatie"],
                    products=list(data["product"]),
                    persons=data["personen"],
                    start_day=context["chosen"],
                    days=1,
                ),
            )
        except AppointmentError as exc:
            error, status = exc.message, 400
        else:
            messages.success(
                request,
                _("De afspraak voor %(name)s staat op %(when)s aan %(counter)s.")
                % {
                    "name": appointment.name,
                    "when": date_format(timezone.localtime(appointment.start), "l j F H:i"),
                    "counter": appointment.counter.name,
                },
            )
            return HttpResponseRedirect(
                agenda_url(appointment.location, timezone.localdate(appointment.start))
            )
    elif request.method == "POST":
        status = 400
    context |= {"form": form, "error": error}
    return render(request, "backoffice/appointments/book.html", context, status=status)
