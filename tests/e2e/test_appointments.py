"""Counter appointments end to end (issue 21), on a phone-sized screen: a resident books a paspoort
appointment from the product page, moves it and cancels it with the manage page; the employee
sees it in the day's agenda of the location. axe (WCAG 2.2 AA) on every page, no CSP violation."""

import re

import pytest
from django.utils import timezone

from plus1.accounts.selectors import current_totp_code
from plus1.appointments.models import Appointment, AppointmentProduct, Counter, Location, OpeningHours
from plus1.backoffice.tests.conftest import make_employee
from plus1.catalog import services as catalog_services
from plus1.catalog.models import Product
from plus1.catalog.tests.factories import ZaakTypeFactory

from .conftest import assert_accessible

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def paspoort(gemeente_a, actor):
    """Paspoort at the Stadskantoor of gemeente A, open every day from 7:00 to 21:00."""
    product = Product.objects.get(upl_name="paspoort")
    zaaktype = ZaakTypeFactory(published=True, omschrijving="Paspoort aanvragen", product=product)
    adoption = catalog_services.adopt_process(gemeente=gemeente_a, zaaktype=zaaktype, actor=actor)
    location = Location.objects.create(
        tenant=gemeente_a, name="Stadskantoor", slug="stadskantoor", address="Stadsplateau 1\n3521 AZ Utrecht"
    )
    for weekday in range(7):
        OpeningHours.objects.create(location=location, weekday=weekday, opens="07:00", closes="21:00")
    Counter.objects.create(location=location, name="Balie 1")
    bookable = AppointmentProduct.objects.create(tenant=gemeente_a, adoption=adoption, max_persons=4)
    bookable.locations.set([location])
    return product


def test_book_move_and_cancel_a_paspoort_appointment_and_the_agenda(
    live_server, page, second_page, gemeente_a, actor, paspoort
):
    resident = page
    resident.goto(f"{live_server.url}/{gemeente_a.slug}/producten/{paspoort.slug}/")
    assert_accessible(resident)
    resident.click("a:has-text('Afspraak maken')")

    resident.wait_for_url(re.compile(r"/afspraak/\?product="))
    assert resident.is_checked("input[name=product]") and resident.is_checked(
        "input[name=personen][value='1']"
    )
    assert_accessible(resident)
    resident.click("button:has-text('Volgende')")
    resident.check("input[name=locatie]")
    assert_accessible(resident)
    resident.click("button:has-text('Volgende')")
    assert_accessible(resident)
    resident.locator(".day-list a").first.click()
    resident.wait_for_url(re.compile(r"dag="))
    assert_accessible(resident)
    resident.locator("input[name=tijd]").first.check()
    resident.click("button:has-text('Volgende')")
    resident.fill("#id_naam", "Suzanne Moulin")
    resident.fill("#id_email", "suzanne@example.org")
    assert_accessible(resident)
    resident.click("button:has-text('Volgende')")
    resident.wait_for_selector("text=Controleer uw afspraak")
    assert_accessible(resident)
    resident.click("button:has-text('Afspraak maken')")
    resident.wait_for_selector("text=Uw afspraak is gemaakt")
    assert_accessible(resident)
    booked_at = Appointment.objects.get().start

    resident.click("a:has-text('Afspraak verzetten')")
    assert_accessible(resident)
    resident.locator(".day-list a").nth(1).click()
    resident.wait_for_url(re.compile(r"dag="))
    resident.locator("input[name=tijd]").first.check()
    assert_accessible(resident)
    resident.click("button:has-text('Verzetten')")
    resident.wait_for_selector("text=Uw afspraak is verzet")
    moved = Appointment.objects.get()
    assert moved.start.date() != booked_at.date()
    manage_url = resident.url

    bas = make_employee("balie", gemeente=gemeente_a, actor=actor, first_name="Bas")
    employee = second_page
    employee.goto(f"{live_server.url}/backoffice/")
    employee.fill("#id_username", "balie")
    employee.fill("#id_password", "een-lang-wachtwoord")
    employee.click("button:has-text('Volgende')")
    employee.wait_for_url(re.compile(r"/inloggen/code/"))
    employee.fill("#id_code", current_totp_code(bas))
    employee.click("button:has-text('Inloggen')")
    employee.wait_for_url(re.compile(r"/backoffice/$"))
    employee.click("a:has-text('Afspraken')")
    day = timezone.localdate(moved.start).isoformat()
    employee.goto(f"{live_server.url}/backoffice/afspraken/?datum={day}&locatie=stadskantoor")
    employee.wait_for_selector("text=Suzanne Moulin")
    assert_accessible(employee)

    resident.goto(manage_url)
    resident.click("a:has-text('Afspraak afzeggen')")
    assert_accessible(resident)
    resident.click("button:has-text('Ja, afspraak afzeggen')")
    resident.wait_for_selector("text=Uw afspraak is afgezegd")
    assert_accessible(resident)
    resident.goto(manage_url)
    assert "Deze afspraak is afgezegd." in resident.content()
    assert_accessible(resident)

    employee.reload()
    employee.wait_for_selector("td:has-text('geannuleerd')")
    assert_accessible(employee)
