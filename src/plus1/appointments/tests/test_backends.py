"""The agenda behind the booking: the built-in one by default, or Qmatic Orchestra's calendar API."""

from __future__ import annotations

import datetime
import json

import httpx
import pytest
from django.test import override_settings

from plus1.appointments.backends import AppointmentBackend, get_backend
from plus1.appointments.backends.builtin import BuiltinBackend
from plus1.appointments.backends.qmatic import BackendError, QmaticBackend
from plus1.appointments.exceptions import InvalidBooking, SlotTaken
from plus1.appointments.models import Appointment

from . import factories
from .conftest import AMSTERDAM, WEDNESDAY, at

pytestmark = pytest.mark.django_db

ROOT = "https://qmatic.example/calendar-backend/public/api/v1/"
BRANCH, SERVICE = "b1" * 32, "s1" * 32


def test_the_built_in_agenda_is_the_default_and_books_through_the_services(
    clock, gemeente_a, stadskantoor, paspoort
):
    backend = get_backend()
    assert isinstance(backend, BuiltinBackend) and isinstance(backend, AppointmentBackend)
    assert [p.name for p in backend.products(gemeente_a)] == ["Paspoort aanvragen"]
    (location,) = backend.locations(gemeente_a, [str(paspoort.pk)])
    slots = backend.free_slots(gemeente_a, location.id, [str(paspoort.pk)], 1, WEDNESDAY, 1)
    booked = backend.book(
        gemeente_a, location.id, [str(paspoort.pk)], 1, slots[0].start, factories.RESIDENT, factories.SYSTEM
    )
    assert Appointment.objects.get(uuid=booked).start == at(WEDNESDAY, "09:00")
    backend.cancel(gemeente_a, booked, factories.SYSTEM)
    assert Appointment.objects.get(uuid=booked).status == "cancelled"
    with pytest.raises(InvalidBooking):
        backend.locations(gemeente_a, ["not-a-number"])


def qmatic(handler):
    return QmaticBackend(ROOT, auth_token="geheim", transport=httpx.MockTransport(handler))


def test_qmatic_products_locations_and_free_times(gemeente_a):
    seen = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append((request.method, request.url.path, request.headers.get("auth-token")))
        path = request.url.path.removeprefix("/calendar-backend/public/api/v1/")
        answers = {
            "services": {
                "serviceList": [
                    {
                        "publicId": SERVICE,
                        "name": "Paspoort",
                        "duration": 20,
                        "publicEnabled": True,
                        "active": True,
                    },
                    {"publicId": "x", "name": "Intern", "publicEnabled": False, "active": True},
                ]
            },
            f"services/{SERVICE}/branches": {
                "branchList": [
                    {
                        "publicId": BRANCH,
                        "name": "Stadskantoor",
                        "addressLine1": "Stadsplateau 1",
                        "addressZip": "3521 AZ",
                        "addressCity": "Utrecht",
                    },
                ]
            },
            f"branches/{BRANCH}/services/{SERVICE}/dates": {
                "dates": ["2027-04-28T00:00", "2027-06-01T00:00"]
            },
            f"branches/{BRANCH}/services/{SERVICE}/dates/2027-04-28/times": {"times": ["09:00", "09:20"]},
        }
        return httpx.Response(200, json=answers[path])

    backend = qmatic(handler)
    assert [p.name for p in backend.products(gemeente_a)] == ["Paspoort"]
    (location,) = backend.locations(gemeente_a, [SERVICE])
    assert location.address == "Stadsplateau 1 3521 AZ Utrecht"
    slots = backend.free_slots(gemeente_a, BRANCH, [SERVICE], 1, WEDNESDAY, 14)
    assert [(s.start, s.end - s.start) for s in slots] == [
        (at(WEDNESDAY, "09:00"), datetime.timedelta(minutes=20)),
        (at(WEDNESDAY, "09:20"), datetime.timedelta(minutes=20)),
    ]
    assert all(token == "geheim" for _method, _path, token in seen)


def test_qmatic_booking_sends_the_customer_and_returns_its_public_id(gemeente_a):
    posted = {}

    def handler(request: httpx.Request) -> httpx.Response:
        posted["path"] = request.url.path
        posted["body"] = json.loads(request.content)
        return httpx.Response(200, json={"publicId": "appt-123"})

    start = datetime.datetime(2027, 4, 28, 9, 20, tzinfo=AMSTERDAM).astimezone(datetime.UTC)
    public_id = qmatic(handler).book(
        gemeente_a, BRANCH, [SERVICE], 1, start, factories.RESIDENT, factories.SYSTEM
    )
    assert public_id == "appt-123"
    assert posted["path"].endswith(f"branches/{BRANCH}/services/{SERVICE}/dates/2027-04-28/times/09:20/book")
    assert posted["body"]["customer"] == {
        "firstName": "Suzanne",
        "lastName": "Moulin",
        "email": "suzanne@example.org",
        "phone": "0612345678",
    }


def test_qmatic_refusals_become_dutch_errors(gemeente_a):
    taken = qmatic(lambda request: httpx.Response(409, json={"errorMessage": "ERROR_CANNOT_BE_RESERVED"}))
    with pytest.raises(SlotTaken):
        taken.book(
            gemeente_a, BRANCH, [SERVICE], 1, at(WEDNESDAY, "09:00"), factories.RESIDENT, factories.SYSTEM
        )
    with pytest.raises(InvalidBooking, match="per product en per persoon"):
        taken.book(
            gemeente_a,
            BRANCH,
            [SERVICE, "other"],
            1,
            at(WEDNESDAY, "09:00"),
            factories.RESIDENT,
            factories.SYSTEM,
        )
    broken = qmatic(lambda request: httpx.Response(500, text="oops"))
    with pytest.raises(BackendError, match="fout"):
        broken.products(gemeente_a)

    def unreachable(request):
        raise httpx.ConnectError("no route", request=request)

    with pytest.raises(BackendError, match="niet bereikbaar"):
        qmatic(unreachable).products(gemeente_a)
    gone = qmatic(lambda request: httpx.Response(404))
    with pytest.raises(InvalidBooking):
        gone.cancel(gemeente_a, "appt-123", factories.SYSTEM)


@override_settings(
    PLUS1_APPOINTMENT_BACKEND="plus1.appointments.backends.qmatic.QmaticBackend",
    PLUS1_QMATIC_API_ROOT=ROOT,
)
def test_the_setting_chooses_the_backend():
    assert isinstance(get_backend(), QmaticBackend)
