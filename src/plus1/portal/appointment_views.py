"""Making a counter appointment in the portal (issue 21), phone-first and without JavaScript.

Five steps: product(s) and number of persons, location, day and time, your details, check and
book. Each step is a GET page whose form sends the choices so far on as GET parameters; only the
details (name, e-mail) and the booking itself are POSTs, so no personal data lands in an
address. A step that receives a choice it cannot use (a product no longer offered, a location
that does not offer it, a time that is gone) shows the earliest step to fix, with the reason.
Booking goes through ``appointments.services.book``, which checks every rule again under its
lock: when someone else was just earlier, the resident gets that message and the next free times.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from plus1.appointments import selectors, services, slots
from plus1.appointments.exceptions import AppointmentError, SlotTaken
from plus1.appointments.models import AppointmentProduct, Location
from plus1.audit.services import Actor
from plus1.core import clock
from plus1.tenants.models import Organisation

from .appointment_forms import (
    HORIZON_DAYS,
    ContactForm,
    LocationForm,
    ProductsForm,
    TimeForm,
    day_label,
    days_with_slots,
    error_links,
    parse_day,
    parse_slot_value,
)
from .context_processors import resident_actor, resident_name
from .product_pages import contact_ways
from .profile_views import contact_prefill
from .routing import gemeente_for_request, portal_reverse
from .visitors import resident_bsn

STEPS = 5
# How many days the day list shows at once; "Latere dagen" pages on.
WINDOW_DAYS = 14


@dataclass
class Choice:
    """The resident's choices so far, read from the request and checked step by step."""

    products: list[AppointmentProduct]
    persons: int
    location: Location | None = None
    start: datetime.datetime | None = None
    hidden: list[tuple[str, str]] = field(default_factory=list)

    def query(self, **extra: str) -> str:
        return urlencode([*self.hidden, *extra.items()])


class StepProblem(Exception):
    """A choice cannot be used: ``response`` is the earliest step again, with the reason."""

    def __init__(self, response: HttpResponse) -> None:
        super().__init__("step problem")
        self.response = response


def _actor(request: HttpRequest) -> Actor:
    if getattr(request.user, "bsn", "") if request.user.is_authenticated else "":
        return resident_actor(request)
    return Actor(type="anonymous", id="-", label="Inwoner zonder inloggen")


def client_ip(request: HttpRequest) -> str:
    """The client address the rate limits count (the proxy's header when one is configured)."""
    return request.META.get(settings.RATELIMIT_IP_META_KEY or "REMOTE_ADDR", "")


def _page(request: HttpRequest, gemeente: Organisation, template: str, context: dict, status: int = 200):
    context = {"gemeente": gemeente, "steps": STEPS, **context}
    return render(request, f"portal/appointments/{template}", context, status=status)


def _products_page(request, gemeente, form: ProductsForm, status: int = 200) -> HttpResponse:
    return _page(
        request,
        gemeente,
        "products.html",
        {
            "form": form,
            "errors": error_links(form) if form.is_bound else [],
            "number": 1,
            "contact_ways": contact_ways(gemeente),
        },
        status,
    )


def read_choice(request: HttpRequest, gemeente: Organisation, data: QueryDict, *, upto: int) -> Choice:
    """Check the choices in ``data`` up to step ``upto`` (2 location, 3 time); raise StepProblem."""
    form = ProductsForm(data, products=selectors.bookable_products(gemeente))
    if not form.is_valid():
        raise StepProblem(_products_page(request, gemeente, form, status=400))
    choice = Choice(products=list(form.cleaned_data["product"]), persons=form.cleaned_data["personen"])
    choice.hidden = [("product", str(product.pk)) for product in choice.products]
    choice.hidden.append(("personen", str(choice.persons)))
    if upto < 2:
        return choice
    locations = selectors.locations_for(tenant=gemeente, products=choice.products)
    location_form = LocationForm(data, locations=locations)
    if not location_form.is_valid():
        raise StepProblem(_location_page(request, gemeente, choice, location_form, status=400))
    choice.location = location_form.cleaned_data["locatie"]
    choice.hidden.append(("locatie", choice.location.slug))
    if upto < 3:
        return choice
    choice.start = parse_slot_value(data.get("tijd", ""))
    if choice.start is None:
        raise StepProblem(_time_page(request, gemeente, choice, error=_("Kies een tijd."), status=400))
    choice.hidden.append(("tijd", data["tijd"]))
    return choice


def _location_page(request, gemeente, choice: Choice, form: LocationForm, status: int = 200) -> HttpResponse:
    return _page(
        request,
        gemeente,
        "location.html",
        {
            "choice": choice,
            "form": form,
            "errors": error_links(form) if form.is_bound else [],
            "number": 2,
            "has_locations": form.fields["locatie"].queryset.exists(),
            "back_url": portal_reverse(request, "portal:appointment-start") + "?" + choice.query(),
        },
        status,
    )


def _window_start(value: str | None) -> datetime.date:
    today = clock.today()
    day = parse_day(value) or today
    return min(max(day, today), today + datetime.timedelta(days=HORIZON_DAYS))


def time_context(
    *,
    gemeente: Organisation,
    location: Location,
    products: list[AppointmentProduct],
    persons: int,
    params: QueryDict,
    next_slots: list[slots.Slot] | None = None,
) -> dict:
    """What the "day and time" page shows: the days with free times, or one day's free times.

    Used when booking, moving (here and in the back office): ``vanaf`` pages the day list,
    ``dag`` opens one day; after "just taken" ``next_slots`` are offered instead.
    """
    if next_slots:
        label = _("Kies een van de eerstvolgende vrije tijden")
        return {"time_form": TimeForm(slots=next_slots, with_day=True, label=label), "wide_times": True}
    today = clock.today()
    day = parse_day(params.get("dag"))
    if day is not None and today <= day <= today + datetime.timedelta(days=HORIZON_DAYS):
        day_slots = slots.free_slots(
            tenant=gemeente, location=location, products=products, persons=persons, start_day=day, days=1
        )
        label = _("Kies een tijd op %(day)s") % {"day": day_label(day)}
        return {"day": day, "time_form": TimeForm(slots=day_slots, label=label), "no_times": not day_slots}
    start = _window_start(params.get("vanaf"))
    free = slots.free_slots(
        tenant=gemeente,
        location=location,
        products=products,
        persons=persons,
        start_day=start,
        days=WINDOW_DAYS,
    )
    later = start + datetime.timedelta(days=WINDOW_DAYS)
    earlier = start - datetime.timedelta(days=WINDOW_DAYS)
    return {
        "days": days_with_slots(free),
        "window_start": start,
        "window_end": later - datetime.timedelta(days=1),
        "later": later.isoformat() if later <= today + datetime.timedelta(days=HORIZON_DAYS) else "",
        "earlier": (max(earlier, today).isoformat()) if start > today else "",
    }


def _time_page(
    request,
    gemeente,
    choice: Choice,
    *,
    error: str = "",
    next_slots=None,
    contact: list[tuple[str, str]] | None = None,
    status: int = 200,
) -> HttpResponse:
    """The day and time step; with ``contact`` (after "just taken") its form posts the details along."""
    context = time_context(
        gemeente=gemeente,
        location=choice.location,
        products=choice.products,
        persons=choice.persons,
        params=request.GET if request.method == "GET" else QueryDict(),
        next_slots=next_slots,
    )
    hidden = [(name, value) for name, value in choice.hidden if name != "tijd"]
    base = portal_reverse(request, "portal:appointment-time") + "?" + urlencode(hidden)
    context |= {
        "choice": choice,
        "hidden": [*hidden, *(contact or [])],
        "posts": bool(contact),
        "error": error,
        "number": 3,
        "day_url": base + "&dag=",
        "window_url": base + "&vanaf=",
        "days_url": base,
        "action": portal_reverse(request, "portal:appointment-details"),
        "back_url": portal_reverse(request, "portal:appointment-location") + "?" + urlencode(hidden),
    }
    return _page(request, gemeente, "time.html", context, status)


@require_GET
def start(request: HttpRequest, gemeente_slug: str | None = None) -> HttpResponse:
    """Step 1: what for and with how many. A product page links here with ``?product=<id>``."""
    gemeente = gemeente_for_request(request, gemeente_slug)
    products = selectors.bookable_products(gemeente)
    initial = {"product": request.GET.getlist("product"), "personen": request.GET.get("personen", "1")}
    return _products_page(request, gemeente, ProductsForm(initial=initial, products=products))


@require_GET
def location(request: HttpRequest, gemeente_slug: str | None = None) -> HttpResponse:
    """Step 2: the locations that offer every chosen product."""
    gemeente = gemeente_for_request(request, gemeente_slug)
    try:
        choice = read_choice(request, gemeente, request.GET, upto=1)
    except StepProblem as problem:
        return problem.response
    locations = selectors.locations_for(tenant=gemeente, products=choice.products)
    form = LocationForm(initial={"locatie": request.GET.get("locatie", "")}, locations=locations)
    return _location_page(request, gemeente, choice, form)


@require_GET
def time(request: HttpRequest, gemeente_slug: str | None = None) -> HttpResponse:
    """Step 3: a day with free times, then a free time on that day."""
    gemeente = gemeente_for_request(request, gemeente_slug)
    try:
        choice = read_choice(request, gemeente, request.GET, upto=2)
    except StepProblem as problem:
        return problem.response
    return _time_page(request, gemeente, choice)


def _still_free(gemeente: Organisation, choice: Choice) -> bool:
    day = timezone.localdate(choice.start)
    free = slots.free_slots(
        tenant=gemeente,
        location=choice.location,
        products=choice.products,
        persons=choice.persons,
        start_day=day,
        days=1,
    )
    return any(slot.start == choice.start for slot in free)


def _details_page(request, gemeente, choice: Choice, form: ContactForm, status: int = 200) -> HttpResponse:
    login_url = portal_reverse(request, "portal:login") + "?" + urlencode({"next": request.get_full_path()})
    return _page(
        request,
        gemeente,
        "details.html",
        {
            "choice": choice,
            "form": form,
            "errors": error_links(form) if form.is_bound else [],
            "number": 4,
            "login_url": login_url if request.method == "GET" else "",
            "logged_in": bool(resident_bsn(request)),
            "back_url": portal_reverse(request, "portal:appointment-time")
            + "?"
            + choice.query(dag=timezone.localdate(choice.start).isoformat()),
        },
        status,
    )


def _prefill(request: HttpRequest, gemeente: Organisation) -> dict[str, str]:
    """Name (BRP) and e-mail/phone (Mijn gegevens) of a resident logged in with DigiD."""
    if not resident_bsn(request):
        return {}
    known = contact_prefill(request, gemeente)
    return {
        "naam": resident_name(request),
        "email": known.get("email", ""),
        "telefoon": known.get("phone", ""),
    }


@never_cache
@require_http_methods(["GET", "POST"])
def details(request: HttpRequest, gemeente_slug: str | None = None) -> HttpResponse:
    """Step 4: name, e-mail and phone (filled in after DigiD); a valid POST shows step 5, the check."""
    gemeente = gemeente_for_request(request, gemeente_slug)
    data = request.GET if request.method == "GET" else request.POST
    try:
        choice = read_choice(request, gemeente, data, upto=3)
    except StepProblem as problem:
        return problem.response
    if not _still_free(gemeente, choice):
        return _time_page(
            request,
            gemeente,
            choice,
            error=_("Deze tijd is niet (meer) vrij. Kies een andere tijd."),
            status=409,
        )
    if request.method == "GET":
        return _details_page(request, gemeente, choice, ContactForm(initial=_prefill(request, gemeente)))
    form = ContactForm(request.POST)
    if not form.is_valid():
        return _details_page(request, gemeente, choice, form, status=400)
    return _confirm_page(request, gemeente, choice, form)


def _contact_fields(form: ContactForm) -> list[tuple[str, str]]:
    return [(name, form.cleaned_data[name]) for name in ("naam", "email", "telefoon")]


def _confirm_page(request, gemeente, choice: Choice, form: ContactForm, error: str = "", status: int = 200):
    return _page(
        request,
        gemeente,
        "confirm.html",
        {
            "choice": choice,
            "contact": form.cleaned_data,
            "hidden": [*choice.hidden, *_contact_fields(form)],
            "error": error,
            "number": 5,
            "action": portal_reverse(request, "portal:appointment-confirm"),
            "change_url": portal_reverse(request, "portal:appointment-details") + "?" + choice.query(),
        },
        status,
    )


@never_cache
@require_POST
def confirm(request: HttpRequest, gemeente_slug: str | None = None) -> HttpResponse:
    """Book. Someone just earlier: the next free times; another refusal: the check page with why."""
    gemeente = gemeente_for_request(request, gemeente_slug)
    try:
        choice = read_choice(request, gemeente, request.POST, upto=3)
    except StepProblem as problem:
        return problem.response
    form = ContactForm(request.POST)
    if not form.is_valid():
        return _details_page(request, gemeente, choice, form, status=400)
    if not _still_free(gemeente, choice):  # taken, or a forged time between the offered ones (9:07)
        taken = services.slot_taken(
            tenant=gemeente,
            location=choice.location,
            products=choice.products,
            persons=choice.persons,
            start=choice.start,
        )
        return _time_page(
            request,
            gemeente,
            choice,
            error=taken.message,
            next_slots=taken.next_slots,
            contact=_contact_fields(form),
            status=409,
        )
    contact = services.Contact(
        name=form.cleaned_data["naam"],
        email=form.cleaned_data["email"],
        phone=form.cleaned_data["telefoon"],
        bsn=resident_bsn(request),
    )
    try:
        appointment = services.book(
            tenant=gemeente,
            location=choice.location,
            products=choice.products,
            persons=choice.persons,
            start=choice.start,
            contact=contact,
            actor=_actor(request),
            client_ip=client_ip(request),
        )
    except SlotTaken as exc:
        return _time_page(
            request,
            gemeente,
            choice,
            error=exc.message,
            next_slots=exc.next_slots,
            contact=_contact_fields(form),
            status=409,
        )
    except AppointmentError as exc:
        return _confirm_page(request, gemeente, choice, form, error=exc.message, status=400)
    messages.success(request, _("Uw afspraak is gemaakt. U krijgt een bevestiging per e-mail."))
    return HttpResponseRedirect(
        portal_reverse(request, "portal:appointment-manage", appointment.manage_token)
    )
