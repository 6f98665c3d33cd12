"""Wie heeft mijn gegevens ingezien? The resident sees who (which team) read or changed their data."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from plus1.audit.services import Actor, processing_scope
from plus1.cases import services
from plus1.cases.processing import Purpose, log_zaak_reads
from plus1.cases.tests.factories import adopt_with_team, handling_zaaktype, new_zaak

pytestmark = pytest.mark.django_db

SUZANNE = "999993653"
EREBOS = "999990019"


@pytest.fixture
def adoption(gemeente_a):
    return adopt_with_team(gemeente=gemeente_a, zaaktype=handling_zaaktype(), team_name="Team Parkeren")


@pytest.fixture
def handler():
    """Anna de Vries of Team Parkeren, as the logs name her."""
    return Actor(type="employee", id="7", label="anna-de-vries", unit="Team Parkeren (Utrecht)")


def _opens(handler, zaak):
    log_zaak_reads([zaak], Purpose.handling(handler, operation="backoffice:zaak-detail"))


def _resident(client, bsn=SUZANNE):
    user = get_user_model().digid_objects.digid_create(bsn)
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def _page(client, gemeente, **params):
    return client.get(reverse("portal:my-data-access", args=[gemeente.slug]), params)


def test_the_resident_sees_the_team_and_purpose_never_the_employees_name(client, adoption, handler):
    zaak = new_zaak(adoption)
    _opens(handler, zaak)

    page = _page(_resident(client), adoption.tenant).text

    assert "Wie heeft mijn gegevens ingezien?" in page
    assert "Team Parkeren (Utrecht)" in page
    assert f"Zaak {zaak.identificatie} bekeken" in page
    assert "Een aanvraag of melding van een inwoner of ondernemer behandelen" in page
    assert "anna-de-vries" not in page and "Anna" not in page and "Vries" not in page
    assert "functionaris gegevensbescherming" in page


def test_a_resident_never_sees_another_persons_records(client, adoption, handler, gemeente_b):
    erebos_zaak = new_zaak(adoption, bsn=EREBOS, name="Erebos Bultenaar")
    _opens(handler, erebos_zaak)

    page = _page(_resident(client), adoption.tenant).text
    other_gemeente = _page(_resident(client, EREBOS), gemeente_b).text

    assert erebos_zaak.identificatie not in page
    assert "Er is nog niets vastgelegd" in page
    assert erebos_zaak.identificatie not in other_gemeente


def test_own_actions_are_shown_only_when_asked(client, adoption):
    zaak = new_zaak(adoption)
    _resident(client).get(reverse("portal:my-zaak-detail", args=[adoption.tenant.slug, zaak.identificatie]))

    hidden = _page(client, adoption.tenant).text
    shown = _page(client, adoption.tenant, **{"ook-eigen": "1"}).text

    assert "U zelf, in Mijn zaken" not in hidden
    assert "U zelf, in Mijn zaken" in shown and f"Zaak {zaak.identificatie} bekeken" in shown


def test_the_zaak_page_links_to_its_own_log_with_only_that_zaak(client, adoption, handler):
    zaak = new_zaak(adoption)
    other = new_zaak(adoption)
    services.add_note(zaak=zaak, text="Gebeld.", author=None, actor=handler)
    _resident(client)

    detail = client.get(
        reverse("portal:my-zaak-detail", args=[adoption.tenant.slug, zaak.identificatie])
    ).text
    per_zaak = client.get(
        reverse("portal:my-zaak-data-access", args=[adoption.tenant.slug, zaak.identificatie])
    )

    assert reverse("portal:my-zaak-data-access", args=[adoption.tenant.slug, zaak.identificatie]) in detail
    assert f"Zaak {zaak.identificatie} gewijzigd" in per_zaak.text
    assert other.identificatie not in per_zaak.text.split("<main")[-1]


def test_the_log_pages_newest_first(client, adoption):
    zaak = new_zaak(adoption)
    system = Actor.system("test")
    with processing_scope():
        for number in range(25):
            services.add_note(zaak=zaak, text=f"notitie {number}", author=None, actor=system)

    first = _page(_resident(client), adoption.tenant)
    second = _page(client, adoption.tenant, pagina=2)

    assert len(first.context["entries"]) == 20 and len(second.context["entries"]) == 6
    times = [e["record"].started_at for e in first.context["entries"]]
    assert times == sorted(times, reverse=True)
    assert "Oudere regels" in first.text and "Pagina 2 van 2" in second.text


def test_the_page_asks_to_log_in_first(client, gemeente_a):
    response = _page(client, gemeente_a)
    assert response.status_code == 302


def test_the_page_is_in_english_for_whoever_chose_english(client, adoption):
    _resident(client)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})

    page = _page(client, adoption.tenant).text

    assert "Who has viewed my data?" in page and "data protection officer" in page


def test_a_business_sees_the_records_about_its_kvk_number_only(client, gemeente_a, adoption, handler):
    own = services.create_zaak(
        tenant=gemeente_a,
        adoption=adoption,
        initiator=services.Initiator(name="Bakkerij", kvk_number="69599084"),
        data={},
        actor=Actor.system("test"),
    )
    resident_zaak = new_zaak(adoption)
    _opens(handler, own)
    _opens(handler, resident_zaak)
    business = get_user_model().eherkenning_objects.eherkenning_create("69599084")
    client.force_login(business, backend="django.contrib.auth.backends.ModelBackend")

    page = _page(client, gemeente_a).text

    assert f"Zaak {own.identificatie} bekeken" in page and "Team Parkeren (Utrecht)" in page
    assert resident_zaak.identificatie not in page


def test_the_resident_sees_that_the_privacy_officer_looked_up_the_log_about_them(client, gemeente_a):
    from plus1.audit.services import ObjectRef, record_read, subject_for
    from plus1.catalog.processing import ActivityCode, activity_for_code

    record_read(
        tenant=gemeente_a,
        actor=Actor(type="employee", id="9", label="privacy-utrecht", unit="Utrecht"),
        activity=activity_for_code(ActivityCode.LOG_INSPECTION),
        action="search",
        channel="backoffice",
        obj=ObjectRef("audit.processingrecord", "", "Verwerkingslog doorzocht"),
        subject=subject_for(bsn=SUZANNE),
    )

    page = _page(_resident(client), gemeente_a).text

    assert "Dit overzicht over u ingezien door de privacy officer (toezicht)" in page
    assert "Gezocht naar uw zaken met uw BSN" not in page and "privacy-utrecht" not in page
