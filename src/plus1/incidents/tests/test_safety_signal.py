"""The safety signal on a resident's zaken: whom to call first while a maatregel runs, never what happened."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from plus1.accounts.constants import Role
from plus1.accounts.services import create_team
from plus1.audit.models import ProcessingRecord
from plus1.audit.services import hash_subject
from plus1.cases.processing import Purpose
from plus1.cases.selectors import get_zaak_for_employee
from plus1.cases.tests.factories import adopt_with_team, handling_zaaktype, new_zaak
from plus1.incidents.constants import LEGAL_GROUND
from plus1.incidents.models import IncidentSettings
from plus1.incidents.safety_signal import SIGNAL_OPERATION, safety_signal_for_zaak

from .register_rows import at, log_in, make_employee, make_incident, make_measure

pytestmark = pytest.mark.django_db

BSN = "999993653"
BANNER = (
    "Let op: voor contact met deze persoon geldt een afspraak. "
    "Neem eerst contact op met de agressiecoördinator."
)
DESCRIPTION = "Meneer schreeuwde en sloeg met zijn vuist op de balie."
TODAY = datetime.datetime(2026, 6, 10, 10, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def team_a(gemeente_a, actor):
    return create_team(tenant=gemeente_a, name="Vergunningen", actor=actor)


@pytest.fixture
def team_b(gemeente_b, actor):
    return create_team(tenant=gemeente_b, name="Vergunningen", actor=actor)


@pytest.fixture
def behandelaar_a(gemeente_a, team_a, actor):
    return make_employee("behandelaar-a", gemeente=gemeente_a, team=team_a, actor=actor)


@pytest.fixture
def behandelaar_b(gemeente_b, team_b, actor):
    return make_employee("behandelaar-b", gemeente=gemeente_b, team=team_b, actor=actor)


@pytest.fixture
def zaaktype():
    return handling_zaaktype()


@pytest.fixture
def zaak(gemeente_a, team_a, zaaktype):
    return new_zaak(adopt_with_team(gemeente=gemeente_a, zaaktype=zaaktype, team_name=team_a.name), bsn=BSN)


@pytest.fixture
def other_team_employee(gemeente_a, actor):
    wmo = create_team(tenant=gemeente_a, name="Wmo", actor=actor)
    return make_employee("wmo-consulent", gemeente=gemeente_a, team=wmo, actor=actor)


@pytest.fixture
def coordinator_settings(gemeente_a):
    return IncidentSettings.objects.create(
        tenant=gemeente_a,
        coordinator_name="Fatima el Amrani",
        coordinator_phone="030 286 00 00",
        coordinator_email="agressie@utrecht.example",
    )


@pytest.fixture
def measure(gemeente_a, behandelaar_a, team_a):
    incident = make_incident(
        tenant=gemeente_a,
        employee=behandelaar_a,
        team=team_a,
        occurred_at=at(2026, 6, 1),
        person_kind="resident",
        person_bsn=BSN,
        person_name="Suzanne Moulin",
    )
    return make_measure(
        incident, starts_on=datetime.date(2026, 6, 2), ends_on=datetime.date(2026, 6, 30), person_bsn=BSN
    )


def _page(client, user, zaak) -> str:
    response = log_in(client, user).get(reverse("backoffice:zaak-detail", args=[zaak.identificatie]))
    assert response.status_code == 200
    return response.content.decode()


def test_an_employee_of_another_team_sees_whom_to_contact_but_not_the_incident(
    client, zaak, measure, coordinator_settings, other_team_employee
):
    page = _page(client, other_team_employee, zaak)

    assert BANNER in page
    assert "Fatima el Amrani" in page and "030 286 00 00" in page and "agressie@utrecht.example" in page
    assert DESCRIPTION not in page
    assert measure.incident.number not in page
    assert "Contact alleen op afspraak" not in page  # not even the kind of measure


def test_the_banner_shows_on_every_zaak_of_that_resident(
    client, gemeente_a, zaaktype, measure, behandelaar_a
):
    wmo = adopt_with_team(gemeente=gemeente_a, zaaktype=handling_zaaktype(), team_name="Wmo")
    another_zaak = new_zaak(wmo, bsn=BSN)

    assert BANNER in _page(client, behandelaar_a, another_zaak)


def test_without_settings_the_banner_gives_the_gemeentes_own_contact_details(
    client, gemeente_a, zaak, measure, behandelaar_a
):
    gemeente_a.contact_phone = "14 030"
    gemeente_a.contact_email = "info@utrecht.example"
    gemeente_a.save()

    page = _page(client, behandelaar_a, zaak)

    assert BANNER in page and "14 030" in page and "info@utrecht.example" in page


def test_no_banner_for_a_resident_without_a_measure(client, gemeente_a, zaaktype, measure, behandelaar_a):
    other = new_zaak(adopt_with_team(gemeente=gemeente_a, zaaktype=zaaktype), bsn="999990627")

    assert BANNER not in _page(client, behandelaar_a, other)


def test_gemeente_b_sees_no_banner_for_a_measure_of_gemeente_a(
    client, gemeente_b, team_b, zaaktype, measure, behandelaar_b
):
    zaak_b = new_zaak(adopt_with_team(gemeente=gemeente_b, zaaktype=zaaktype, team_name=team_b.name), bsn=BSN)

    assert BANNER not in _page(client, behandelaar_b, zaak_b)
    assert not ProcessingRecord.objects.filter(operation=SIGNAL_OPERATION).exists()


def test_the_banner_ends_with_the_measure(client, zaak, measure, behandelaar_a):
    assert BANNER in _page(client, behandelaar_a, zaak)

    with time_machine.travel(datetime.datetime(2026, 6, 30, 21, tzinfo=datetime.UTC), tick=False):
        assert BANNER in _page(client, behandelaar_a, zaak)  # 30 June, 23:00 in the Netherlands
    with time_machine.travel(datetime.datetime(2026, 7, 1, 8, tzinfo=datetime.UTC), tick=False):
        assert BANNER not in _page(client, behandelaar_a, zaak)


def test_the_banner_does_not_show_before_the_measure_starts(client, zaak, measure, behandelaar_a):
    with time_machine.travel(datetime.datetime(2026, 6, 1, 10, tzinfo=datetime.UTC), tick=False):
        assert BANNER not in _page(client, behandelaar_a, zaak)


def test_a_measure_ended_early_shows_no_banner(client, zaak, measure, behandelaar_a):
    measure.ended_at = timezone.now()
    measure.save()

    assert BANNER not in _page(client, behandelaar_a, zaak)


def test_a_business_with_a_measure_on_its_kvk_number_gets_the_signal(
    gemeente_a, behandelaar_a, zaaktype, actor
):
    from plus1.cases.models import Rol

    zaak = new_zaak(adopt_with_team(gemeente=gemeente_a, zaaktype=zaaktype), bsn="999990627")
    Rol.objects.filter(zaak=zaak).update(bsn="", kvk_number="68750110")
    incident = make_incident(tenant=gemeente_a, employee=behandelaar_a, person_kvk="68750110")
    make_measure(incident, starts_on=datetime.date(2026, 6, 1), ends_on=datetime.date(2026, 6, 30))

    purpose = Purpose.handling(actor)
    assert safety_signal_for_zaak(zaak=zaak, viewer=behandelaar_a, purpose=purpose) is not None


def test_a_shown_signal_is_in_the_processing_log_with_its_legal_ground(
    client, gemeente_a, zaak, measure, other_team_employee
):
    _page(client, other_team_employee, zaak)

    record = ProcessingRecord.objects.for_tenant(gemeente_a).get(operation=SIGNAL_OPERATION)
    assert record.actor_label == "wmo-consulent"
    assert record.legal_ground == LEGAL_GROUND[:300]
    assert record.subject_type == "bsn" and record.subject_hash == hash_subject(BSN)
    assert record.object_type == "incidents.measure" and record.object_id == str(measure.pk)
    assert BSN not in repr(list(ProcessingRecord.objects.values()))


def test_no_signal_no_processing_record(client, zaak, behandelaar_a):
    _page(client, behandelaar_a, zaak)

    assert not ProcessingRecord.objects.filter(operation=SIGNAL_OPERATION).exists()


def test_the_check_costs_one_query_when_no_signal_shows(gemeente_a, zaak, actor):
    purpose = Purpose.handling(actor)
    loaded = get_zaak_for_employee(tenant=gemeente_a, identificatie=zaak.identificatie, purpose=purpose)

    with CaptureQueriesContext(connection) as queries:
        assert safety_signal_for_zaak(zaak=loaded, viewer=None, purpose=purpose) is None

    assert len(queries) == 1
    assert "incidents_measure" in queries[0]["sql"]


def test_a_privacy_officer_or_coordinator_alone_still_cannot_open_the_zaak(client, gemeente_a, zaak, actor):
    coordinator = make_employee(
        "coordinator", gemeente=gemeente_a, role=Role.AGRESSIECOORDINATOR, actor=actor
    )
    response = log_in(client, coordinator).get(reverse("backoffice:zaak-detail", args=[zaak.identificatie]))

    assert response.status_code == 403
