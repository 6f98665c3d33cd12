"""Counter appointments in the portal (issue 21): book step by step without JavaScript, see, move
and cancel with the link from the e-mail, and the clear pages for a link that does not work.

The clock stands on Monday 26 April 2027, 8:00; Tuesday is Koningsdag, so Wednesday 28 April is
the first day with free times (9:00-12:00 and 13:00-17:00, one counter).
"""

from __future__ import annotations

import datetime
import re
import zoneinfo

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from plus1.appointments import services
from plus1.appointments.constants import AppointmentStatus
from plus1.appointments.models import Appointment
from plus1.appointments.tests import factories

pytestmark = pytest.mark.django_db

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
MONDAY = datetime.date(2027, 4, 26)
WEDNESDAY = datetime.date(2027, 4, 28)
THURSDAY = datetime.date(2027, 4, 29)
SUZANNE = "999993653"


def at(day: datetime.date, hhmm: str) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time.fromisoformat(hhmm), tzinfo=AMSTERDAM)


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(at(MONDAY, "08:00"), tick=False) as traveller:
        yield traveller


@pytest.fixture
def stadskantoor(gemeente_a):
    return factories.location(gemeente_a)


@pytest.fixture
def paspoort(gemeente_a, stadskantoor):
    return factories.product(gemeente_a, minutes=15, per_person=10, max_persons=4, at=[stadskantoor])


def url(gemeente, name: str, *args) -> str:
    return reverse(f"portal:appointment-{name}", args=[gemeente.slug, *args])


def choice(paspoort, stadskantoor, start: str = "") -> dict[str, str]:
    params = {"product": str(paspoort.pk), "personen": "1", "locatie": stadskantoor.slug}
    return params | ({"tijd": start} if start else {})


CONTACT = {"naam": "Suzanne Moulin", "email": "suzanne@example.org", "telefoon": "06 12345678"}


def book(gemeente, stadskantoor, paspoort, start: datetime.datetime, name: str = "Erebos Bultenaar"):
    contact = services.Contact(name=name, email=f"{name.split()[0].lower()}@example.org")
    return services.book(
        tenant=gemeente,
        location=stadskantoor,
        products=[paspoort],
        persons=1,
        start=start,
        contact=contact,
        actor=factories.SYSTEM,
    )


def test_a_product_page_with_counter_bookings_says_afspraak_maken(client, gemeente_a, paspoort):
    product_slug = paspoort.adoption.zaaktype.product.slug
    response = client.get(reverse("portal:product-detail", args=[gemeente_a.slug, product_slug]))

    assert response.status_code == 200
    assert "Afspraak maken" in response.text
    assert f"{url(gemeente_a, 'start')}?product={paspoort.pk}" in response.text


def test_a_resident_books_step_by_step_with_plain_forms(client, gemeente_a, stadskantoor, paspoort):
    step1 = client.get(url(gemeente_a, "start"), {"product": paspoort.pk})
    assert step1.status_code == 200
    assert 'method="get"' in step1.text and "Paspoort aanvragen" in step1.text
    assert re.search(rf'value="{paspoort.pk}"[^>]*checked', step1.text)

    step2 = client.get(url(gemeente_a, "location"), {"product": paspoort.pk, "personen": "1"})
    assert step2.status_code == 200
    assert "Stadskantoor" in step2.text

    days = client.get(url(gemeente_a, "time"), choice(paspoort, stadskantoor))
    assert days.status_code == 200
    assert "dinsdag 27 april" not in days.text  # Koningsdag
    assert "woensdag 28 april" in days.text and "dag=2027-04-28" in days.text

    times = client.get(url(gemeente_a, "time"), choice(paspoort, stadskantoor) | {"dag": "2027-04-28"})
    assert 'value="2027-04-28T09:00"' in times.text and 'value="2027-04-28T12:00"' not in times.text

    details = client.get(url(gemeente_a, "details"), choice(paspoort, stadskantoor, "2027-04-28T09:00"))
    assert details.status_code == 200
    assert "woensdag 28 april 2027, 09:00" in details.text

    check = client.post(
        url(gemeente_a, "details"), choice(paspoort, stadskantoor, "2027-04-28T09:00") | CONTACT
    )
    assert check.status_code == 200
    assert "Controleer uw afspraak" in check.text and "suzanne@example.org" in check.text
    assert not Appointment.objects.exists(), "checking books nothing yet"

    done = client.post(
        url(gemeente_a, "confirm"), choice(paspoort, stadskantoor, "2027-04-28T09:00") | CONTACT
    )

    appointment = Appointment.objects.get()
    assert appointment.start == at(WEDNESDAY, "09:00")
    assert (appointment.name, appointment.email, appointment.owner_bsn) == (
        "Suzanne Moulin",
        CONTACT["email"],
        "",
    )
    assert done.status_code == 302
    manage = client.get(done["Location"])
    assert manage.status_code == 200
    assert "Uw afspraak is gemaakt" in manage.text
    assert "woensdag 28 april 2027, 09:00" in manage.text and "Stadsplateau 1" in manage.text


def test_the_pages_are_phone_first_and_need_no_javascript(client, gemeente_a, stadskantoor, paspoort):
    times = client.get(url(gemeente_a, "time"), choice(paspoort, stadskantoor) | {"dag": "2027-04-28"})

    assert 'name="viewport" content="width=device-width, initial-scale=1"' in times.text
    assert "<script" not in times.text
    assert "appointments.css" in times.text
    # The times are radio buttons in a fieldset with a legend, as tiles a thumb can hit.
    assert re.search(
        r"<fieldset[^>]*>\s*<legend[^>]*>Kies een tijd op woensdag 28 april</legend>", times.text
    )
    assert 'class="slot-list"' in times.text and 'type="radio" name="tijd"' in times.text


def test_missing_or_wrong_choices_show_the_step_to_fix(
    client, gemeente_a, gemeente_b, stadskantoor, paspoort
):
    no_product = client.get(url(gemeente_a, "location"), {"personen": "1"})
    assert no_product.status_code == 400
    assert "Kies waarvoor u een afspraak wilt maken." in no_product.text

    too_many = client.get(url(gemeente_a, "location"), {"product": paspoort.pk, "personen": "9"})
    assert too_many.status_code == 400

    elsewhere = factories.location(gemeente_a, name="Wijkbureau Overvecht")
    not_offered = client.get(
        url(gemeente_a, "time"), choice(paspoort, stadskantoor) | {"locatie": elsewhere.slug}
    )
    assert not_offered.status_code == 400
    assert "Kies een van de locaties in de lijst." in not_offered.text

    other_gemeente = client.get(url(gemeente_b, "location"), {"product": paspoort.pk, "personen": "1"})
    assert other_gemeente.status_code == 400, "gemeente B does not offer gemeente A's product"

    closed_time = client.get(url(gemeente_a, "details"), choice(paspoort, stadskantoor, "2027-04-27T10:00"))
    assert closed_time.status_code == 409
    assert "Deze tijd is niet (meer) vrij" in closed_time.text


def test_a_time_just_taken_gives_the_message_and_the_next_free_times(
    client, gemeente_a, stadskantoor, paspoort
):
    book(gemeente_a, stadskantoor, paspoort, at(WEDNESDAY, "09:00"))

    response = client.post(
        url(gemeente_a, "confirm"), choice(paspoort, stadskantoor, "2027-04-28T09:00") | CONTACT
    )

    assert response.status_code == 409
    assert "net door iemand anders gekozen" in response.text
    assert "Kies een van de eerstvolgende vrije tijden" in response.text
    assert 'value="2027-04-28T09:15"' in response.text
    # The details typed before are carried along (a POST form), not asked again.
    assert 'method="post"' in response.text and 'value="suzanne@example.org"' in response.text
    assert Appointment.objects.count() == 1


def test_booking_needs_the_csrf_token(gemeente_a, stadskantoor, paspoort):
    browser = Client(enforce_csrf_checks=True)

    response = browser.post(
        url(gemeente_a, "confirm"), choice(paspoort, stadskantoor, "2027-04-28T09:00") | CONTACT
    )

    assert response.status_code == 403
    assert not Appointment.objects.exists()
    token = book(gemeente_a, stadskantoor, paspoort, at(WEDNESDAY, "09:00")).manage_token
    assert browser.post(url(gemeente_a, "cancel", token)).status_code == 403
    assert browser.post(url(gemeente_a, "move", token), {"tijd": "2027-04-28T10:00"}).status_code == 403
    assert Appointment.objects.get().status == AppointmentStatus.BOOKED


def test_the_manage_link_moves_the_appointment(client, gemeente_a, stadskantoor, paspoort):
    appointment = book(gemeente_a, stadskantoor, paspoort, at(WEDNESDAY, "09:00"))
    token = appointment.manage_token

    days = client.get(url(gemeente_a, "move", token))
    assert days.status_code == 200 and "donderdag 29 april" in days.text
    times = client.get(url(gemeente_a, "move", token), {"dag": "2027-04-29"})
    assert 'value="2027-04-29T14:00"' in times.text and 'method="post"' in times.text

    response = client.post(url(gemeente_a, "move", token), {"tijd": "2027-04-29T14:00"})

    assert response.status_code == 302 and response["Location"] == url(gemeente_a, "manage", token)
    appointment.refresh_from_db()
    assert appointment.start == at(THURSDAY, "14:00")
    assert "Uw afspraak is verzet" in client.get(response["Location"]).text


def test_the_manage_link_cancels_the_appointment_and_then_says_so(client, gemeente_a, stadskantoor, paspoort):
    appointment = book(gemeente_a, stadskantoor, paspoort, at(WEDNESDAY, "09:00"))
    token = appointment.manage_token
    assert "Wilt u deze afspraak afzeggen?" in client.get(url(gemeente_a, "cancel", token)).text

    response = client.post(url(gemeente_a, "cancel", token))

    assert response.status_code == 302 and response["Location"] == url(gemeente_a, "start")
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.CANCELLED
    again = client.get(url(gemeente_a, "manage", token))
    assert again.status_code == 404
    assert "Deze afspraak is afgezegd." in again.text


def test_a_wrong_token_gets_a_clear_404_page(client, gemeente_a, stadskantoor, paspoort):
    book(gemeente_a, stadskantoor, paspoort, at(WEDNESDAY, "09:00"))

    for token in ("x" * 32, "kort", "A" * 40):
        response = client.get(url(gemeente_a, "manage", token))
        assert response.status_code == 404
        assert "Deze link werkt niet" in response.text
        assert "Nieuwe afspraak maken" in response.text
    assert client.post(url(gemeente_a, "cancel", "x" * 32)).status_code == 404
    assert client.get(url(gemeente_a, "ics", "x" * 32)).status_code == 404


def test_an_old_link_of_an_appointment_that_is_over_gets_a_clear_404_page(
    client, clock, gemeente_a, stadskantoor, paspoort
):
    token = book(gemeente_a, stadskantoor, paspoort, at(WEDNESDAY, "09:00")).manage_token
    clock.move_to(at(THURSDAY, "08:00"))

    response = client.get(url(gemeente_a, "manage", token))

    assert response.status_code == 404
    assert "Deze afspraak is voorbij." in response.text


def test_another_gemeentes_appointment_is_not_found(client, gemeente_a, gemeente_b, stadskantoor, paspoort):
    token = book(gemeente_a, stadskantoor, paspoort, at(WEDNESDAY, "09:00")).manage_token

    for name in ("manage", "move", "cancel", "ics"):
        assert client.get(url(gemeente_b, name, token)).status_code == 404
    assert client.post(url(gemeente_b, "cancel", token)).status_code == 404
    assert Appointment.objects.get().status == AppointmentStatus.BOOKED


def test_the_ics_download_is_a_calendar_file(client, gemeente_a, stadskantoor, paspoort):
    token = book(gemeente_a, stadskantoor, paspoort, at(WEDNESDAY, "09:00")).manage_token

    response = client.get(url(gemeente_a, "ics", token))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert 'filename="afspraak.ics"' in response["Content-Disposition"]
    assert b"BEGIN:VCALENDAR" in response.content


def test_a_digid_resident_sees_and_cancels_their_appointments_from_mijn_zaken(
    client, gemeente_a, stadskantoor, paspoort
):
    client.force_login(get_user_model().digid_objects.digid_create(SUZANNE))
    details = client.get(url(gemeente_a, "details"), choice(paspoort, stadskantoor, "2027-04-28T09:00"))
    assert "Inloggen met DigiD" not in details.text
    client.post(url(gemeente_a, "confirm"), choice(paspoort, stadskantoor, "2027-04-28T09:00") | CONTACT)
    appointment = Appointment.objects.get()
    assert appointment.owner_bsn == SUZANNE
    other = book(gemeente_a, stadskantoor, paspoort, at(WEDNESDAY, "10:00"))

    my_zaken = client.get(reverse("portal:my-zaken", args=[gemeente_a.slug]))

    assert "Afspraken" in my_zaken.text
    mine = reverse("portal:my-appointment", args=[gemeente_a.slug, appointment.uuid])
    assert mine in my_zaken.text and str(other.uuid) not in my_zaken.text
    assert client.get(reverse("portal:my-appointment", args=[gemeente_a.slug, other.uuid])).status_code == 404
    cancelled = client.post(reverse("portal:my-appointment-cancel", args=[gemeente_a.slug, appointment.uuid]))
    assert cancelled["Location"] == reverse("portal:my-zaken", args=[gemeente_a.slug])
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.CANCELLED


def test_mijn_afspraken_asks_to_log_in(client, gemeente_a, stadskantoor, paspoort):
    appointment = book(gemeente_a, stadskantoor, paspoort, at(WEDNESDAY, "09:00"))

    response = client.get(reverse("portal:my-appointment", args=[gemeente_a.slug, appointment.uuid]))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("portal:login", args=[gemeente_a.slug]))


def test_too_many_bookings_from_one_address_get_a_clear_message(
    client, settings, gemeente_a, stadskantoor, paspoort
):
    settings.PLUS1_APPOINTMENT_MAX_PER_ADDRESS_PER_DAY = 1
    first = client.post(
        url(gemeente_a, "confirm"), choice(paspoort, stadskantoor, "2027-04-28T09:00") | CONTACT
    )
    assert first.status_code == 302

    other = CONTACT | {"naam": "Erebos Bultenaar", "email": "erebos@example.org"}
    second = client.post(
        url(gemeente_a, "confirm"), choice(paspoort, stadskantoor, "2027-04-28T10:00") | other
    )

    assert second.status_code == 400
    assert "te veel afspraken gemaakt vanaf dit internetadres" in second.text
    assert Appointment.objects.count() == 1


def test_a_digid_resident_moves_their_appointment_from_mijn_zaken(client, gemeente_a, stadskantoor, paspoort):
    client.force_login(get_user_model().digid_objects.digid_create(SUZANNE))
    client.post(url(gemeente_a, "confirm"), choice(paspoort, stadskantoor, "2027-04-28T09:00") | CONTACT)
    appointment = Appointment.objects.get()
    page = reverse("portal:my-appointment", args=[gemeente_a.slug, appointment.uuid])
    move = reverse("portal:my-appointment-move", args=[gemeente_a.slug, appointment.uuid])
    assert move in client.get(page).text

    response = client.post(move, {"tijd": "2027-04-29T11:00"})

    assert response.status_code == 302 and response["Location"] == page
    appointment.refresh_from_db()
    assert appointment.start == at(THURSDAY, "11:00")
    ics = client.get(reverse("portal:my-appointment-ics", args=[gemeente_a.slug, appointment.uuid]))
    assert ics["Content-Type"].startswith("text/calendar")
