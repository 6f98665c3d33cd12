"""A gemeente's own host name serves its portal at /, next to the shared /<slug>/ addresses."""

from decimal import Decimal

import pytest

from plus1.catalog import services
from plus1.catalog.importer.loader import import_library
from plus1.catalog.models import ZaakType
from plus1.core.testing import admin_change_form_data

pytestmark = pytest.mark.django_db

UTRECHT_HOST = "loket.utrecht.nl"


@pytest.fixture(autouse=True)
def hosts(settings):
    settings.ALLOWED_HOSTS = ["testserver", UTRECHT_HOST, "mijn.utrecht.nl", "plus1.example.nl"]


@pytest.fixture
def parkeervergunning_in_both(collective, gemeente_a, gemeente_b, actor):
    import_library()
    zaaktype = ZaakType.objects.get(process__identificatie="parkeervergunning")
    services.adopt_process(gemeente=gemeente_a, zaaktype=zaaktype, actor=actor, fee=Decimal("62.50"))
    services.adopt_process(
        gemeente=gemeente_b,
        zaaktype=zaaktype,
        actor=actor,
        fee=Decimal("99.00"),
        extra_information="Stadjers",
    )
    gemeente_a.portal_host = UTRECHT_HOST
    gemeente_a.save()


def test_the_gemeentes_host_serves_its_portal_at_the_root(client, parkeervergunning_in_both):
    response = client.get("/", HTTP_HOST=UTRECHT_HOST)

    assert response.status_code == 200
    assert "Welkom bij gemeente Utrecht" in response.text
    # Links on this host carry no slug.
    assert 'href="/producten/parkeervergunning/"' in response.text
    assert "/utrecht/" not in response.text


def test_a_product_page_on_the_host_shows_the_gemeentes_own_fee(client, parkeervergunning_in_both):
    response = client.get("/producten/parkeervergunning/", HTTP_HOST=UTRECHT_HOST)

    assert response.status_code == 200
    assert "€ 62,50" in response.text
    assert 'href="/aanvragen/parkeervergunning/"' in response.text


def test_the_slug_addresses_keep_working_on_the_shared_host(client, parkeervergunning_in_both):
    response = client.get("/utrecht/producten/parkeervergunning/", HTTP_HOST="plus1.example.nl")

    assert response.status_code == 200
    assert "€ 62,50" in response.text
    assert 'href="/utrecht/aanvragen/parkeervergunning/"' in response.text


def test_the_host_of_gemeente_a_never_shows_gemeente_b(client, parkeervergunning_in_both):
    product = client.get("/producten/parkeervergunning/", HTTP_HOST=UTRECHT_HOST)
    assert "99,00" not in product.text
    assert "Stadjers" not in product.text

    # Another gemeente's slug is not an address on Utrecht's host.
    assert client.get("/groningen/", HTTP_HOST=UTRECHT_HOST).status_code == 404
    assert client.get("/groningen/producten/parkeervergunning/", HTTP_HOST=UTRECHT_HOST).status_code == 404
    search = client.get("/zoeken.json", {"q": "parkeervergunning"}, HTTP_HOST=UTRECHT_HOST).json()
    assert search["gemeente"] == "Utrecht"
    assert search["results"][0]["url"] == "http://loket.utrecht.nl/producten/parkeervergunning/"


def test_logging_in_on_the_host_comes_back_to_the_host(client, parkeervergunning_in_both):
    response = client.get("/mijn-zaken/", HTTP_HOST=UTRECHT_HOST)
    assert response["Location"].startswith("/inloggen/?next=")

    login = client.get(response["Location"], HTTP_HOST=UTRECHT_HOST)
    assert login["Location"].startswith("/digid/login/")
    assert "next=http%3A%2F%2Floket.utrecht.nl%2Fmijn-zaken%2F" in login["Location"]


def test_the_admin_is_not_on_a_gemeentes_host(client, parkeervergunning_in_both):
    assert client.get("/admin/", HTTP_HOST=UTRECHT_HOST).status_code == 404


def test_a_host_name_changed_in_the_admin_applies_at_once(
    client, admin_client, parkeervergunning_in_both, gemeente_a
):
    assert "Welkom bij gemeente Utrecht" in client.get("/", HTTP_HOST=UTRECHT_HOST).text
    url = f"/admin/tenants/organisation/{gemeente_a.pk}/change/"
    data = admin_change_form_data(admin_client.get(url))

    data["portal_host"] = "mijn.utrecht.nl"
    assert admin_client.post(url, data).status_code == 302

    assert "Welkom bij gemeente Utrecht" not in client.get("/", HTTP_HOST=UTRECHT_HOST).text
    assert "Welkom bij gemeente Utrecht" in client.get("/", HTTP_HOST="mijn.utrecht.nl").text
