"""Who is logged in, Mijn gegevens, forms that know how to reach the resident, and logging out."""

import re
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from plus1.audit.models import ProcessingRecord
from plus1.audit.services import hash_subject
from plus1.catalog import services
from plus1.catalog.importer.loader import import_library
from plus1.catalog.models import ZaakType
from plus1.residents.models import ContactPreference
from plus1.residents.selectors import wants_email

pytestmark = pytest.mark.django_db

SUZANNE = "999993653"  # Suzanne Moulin, Boterdiep 31, 3077 AW Rotterdam in the BRP test persons


@pytest.fixture
def resident(client):
    user = get_user_model().digid_objects.digid_create(SUZANNE)
    client.force_login(user)
    return user


def _brp_reads():
    return ProcessingRecord.objects.filter(subject_hash=hash_subject(SUZANNE), object_type="brp.persoon")


def _url(gemeente, name, *args):
    return reverse(f"portal:{name}", args=[gemeente.slug, *args])


def test_the_header_shows_the_residents_name_read_from_the_brp_once_per_session(client, gemeente_a, resident):
    first = client.get(_url(gemeente_a, "home"))
    second = client.get(_url(gemeente_a, "product-list"))

    assert "Ingelogd als Suzanne Moulin" in first.text and "Ingelogd als Suzanne Moulin" in second.text
    assert 'href="/utrecht/mijn-gegevens/"' in first.text
    reads = list(_brp_reads())
    assert len(reads) == 1 and reads[0].activity_code == "mijn-zaken" and reads[0].actor_type == "resident"


def test_an_anonymous_visitor_sees_no_name_and_causes_no_brp_read(client, gemeente_a):
    page = client.get(_url(gemeente_a, "home"))

    assert "Ingelogd als" not in page.text and "Inloggen met DigiD" in page.text
    assert not ProcessingRecord.objects.exists()


def test_mijn_gegevens_asks_to_log_in_first(client, gemeente_a):
    response = client.get(_url(gemeente_a, "my-profile"))

    assert response.status_code == 302 and "/utrecht/inloggen/" in response["Location"]


def test_mijn_gegevens_shows_what_the_brp_knows_and_logs_the_read(client, gemeente_a, resident):
    page = client.get(_url(gemeente_a, "my-profile"))

    assert page.status_code == 200
    for shown in (
        "Suzanne Moulin",
        SUZANNE,
        "Boterdiep 31",
        "3077 AW Rotterdam",
        "Basisregistratie Personen",
    ):
        assert shown in page.text
    assert _brp_reads().count() == 1  # the page's read also serves the header


def test_a_resident_saves_contact_preferences_and_sees_them_again(client, gemeente_a, gemeente_b, resident):
    response = client.post(
        _url(gemeente_a, "my-profile"),
        {"email": "suzanne@example.nl", "phone": "06 1234 5678", "wants_email": "nee"},
    )

    assert response.status_code == 302
    page = client.get(response["Location"])
    assert "Uw contactgegevens zijn opgeslagen." in page.text
    assert 'value="suzanne@example.nl"' in page.text and 'value="06 1234 5678"' in page.text
    assert re.search(r'value="nee"[^>]*checked', page.text)
    assert wants_email(SUZANNE, gemeente_a) is False and wants_email(SUZANNE, gemeente_b) is True


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"email": "geen-adres", "wants_email": "ja"}, "Vul een geldig e-mailadres in"),
        ({"email": "", "wants_email": "ja"}, "Vul uw e-mailadres in als u e-mail van ons wilt krijgen."),
        ({"phone": "bel me", "wants_email": "nee"}, "Vul een telefoonnummer in met alleen cijfers"),
        ({"email": "a@example.nl"}, "Kies of u e-mail van ons wilt krijgen."),
    ],
)
def test_wrong_contact_details_get_a_plain_dutch_message_and_store_nothing(
    client, gemeente_a, resident, data, message
):
    response = client.post(_url(gemeente_a, "my-profile"), data)

    assert response.status_code == 400 and message in response.text
    assert not ContactPreference.objects.exists()


def test_a_business_sees_its_kvk_number_and_no_resident_form(client, gemeente_a):
    client.force_login(get_user_model().eherkenning_objects.eherkenning_create("69599084"))

    page = client.get(_url(gemeente_a, "my-profile"))

    assert page.status_code == 200 and "69599084" in page.text and "wants_email" not in page.text


@pytest.fixture
def parkeervergunning(collective, gemeente_a, actor):
    import_library()
    zaaktype = ZaakType.objects.get(process__identificatie="parkeervergunning")
    return services.adopt_process(gemeente=gemeente_a, zaaktype=zaaktype, actor=actor, fee=Decimal("62.50"))


def _prefer(client, gemeente, **data):
    data = {"email": "suzanne@example.nl", "phone": "0612345678", "wants_email": "ja"} | data
    assert client.post(_url(gemeente, "my-profile"), data).status_code == 302


def test_the_request_form_fills_in_the_phone_number_and_the_confirmation_address(
    client, gemeente_a, parkeervergunning, resident
):
    _prefer(client, gemeente_a)
    client.get(_url(gemeente_a, "request-start", "parkeervergunning"))

    contact_step = client.get(_url(gemeente_a, "request-step", "parkeervergunning", 3))
    summary = client.get(_url(gemeente_a, "request-summary", "parkeervergunning"))

    assert 'value="0612345678"' in contact_step.text
    assert 'value="suzanne@example.nl"' in summary.text


def test_a_resident_who_wants_no_email_gets_no_address_filled_in(
    client, gemeente_a, parkeervergunning, resident
):
    _prefer(client, gemeente_a, wants_email="nee")
    client.get(_url(gemeente_a, "request-start", "parkeervergunning"))

    summary = client.get(_url(gemeente_a, "request-summary", "parkeervergunning"))

    assert "suzanne@example.nl" not in summary.text


def test_after_logging_out_the_resident_reads_u_bent_uitgelogd(client, gemeente_a, resident):
    client.get(_url(gemeente_a, "home"))

    response = client.post(_url(gemeente_a, "logout"), follow=True)

    assert "U bent uitgelogd." in response.text
    assert "Ingelogd als" not in response.text and "Inloggen met DigiD" in response.text


def test_a_logged_in_resident_reporting_something_finds_their_address_filled_in(
    client, gemeente_a, resident, actor
):
    import_library()
    services.adopt_process(
        gemeente=gemeente_a,
        zaaktype=ZaakType.objects.get(process__identificatie="melding-openbare-ruimte"),
        actor=actor,
    )
    _prefer(client, gemeente_a)

    page = client.get(_url(gemeente_a, "report", "melding-openbare-ruimte"))

    assert page.status_code == 200 and 'value="suzanne@example.nl"' in page.text
