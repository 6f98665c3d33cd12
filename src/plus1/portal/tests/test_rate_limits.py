"""One internet address cannot flood the report form, the log-in starts or the search."""

import time

import pytest
import time_machine
from django.test import override_settings
from django.urls import reverse

from plus1.catalog import services
from plus1.catalog.importer.loader import import_library
from plus1.catalog.models import ZaakType

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _one_rate_window():
    """The counters run in fixed windows (a minute, an hour); a stopped clock keeps each test
    inside one window, so a test never straddles a window boundary."""
    with time_machine.travel(time.time(), tick=False):
        yield


@pytest.fixture
def melding(collective, gemeente_a, actor):
    import_library()
    zaaktype = ZaakType.objects.get(process__identificatie="melding-openbare-ruimte")
    return services.adopt_process(gemeente=gemeente_a, zaaktype=zaaktype, actor=actor)


@override_settings(PLUS1_RATELIMIT_REPORT="2/h")
def test_a_third_report_from_one_address_within_the_hour_waits_calmly(client, gemeente_a, melding):
    url = reverse("portal:report", args=[gemeente_a.slug, "melding-openbare-ruimte"])
    # Incomplete reports count too: the limit is on sending, whatever is sent.
    assert client.post(url, {}).status_code == 400
    assert client.post(url, {}).status_code == 400

    refused = client.post(url, {})

    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 3600
    assert "Even wachten" in refused.text
    assert "Probeer het over" in refused.text
    # Looking at the form is not limited, and another address may still send.
    assert client.get(url).status_code == 200
    assert client.post(url, {}, REMOTE_ADDR="192.0.2.7").status_code == 400


def test_normal_use_of_the_report_form_is_not_limited(client, gemeente_a, melding):
    url = reverse("portal:report", args=[gemeente_a.slug, "melding-openbare-ruimte"])

    assert [client.post(url, {}).status_code for _ in range(5)] == [400] * 5


@override_settings(PLUS1_RATELIMIT_PORTAL_LOGIN="3/m")
def test_log_in_starts_are_limited_per_address(client, gemeente_a):
    digid = reverse("portal:login", args=[gemeente_a.slug])
    eherkenning = reverse("portal:login-eherkenning", args=[gemeente_a.slug])

    statuses = [client.get(url).status_code for url in (digid, eherkenning, digid, eherkenning)]

    assert statuses == [302, 302, 302, 429]


@override_settings(PLUS1_RATELIMIT_SEARCH="2/m")
def test_the_search_json_answers_429_in_json_when_flooded(client, gemeente_a):
    url = reverse("portal:search-json", args=[gemeente_a.slug])
    assert client.get(url, {"q": "paspoort"}).status_code == 200
    assert client.get(url, {"q": "rijbewijs"}).status_code == 200

    refused = client.get(url, {"q": "kliko"})

    assert refused.status_code == 429
    assert refused["Content-Type"] == "application/json"
    assert "Te veel verzoeken" in refused.json()["detail"]
    assert int(refused["Retry-After"]) >= 1


def test_the_default_search_limit_allows_a_busy_visitor(client, gemeente_a):
    url = reverse("portal:search-json", args=[gemeente_a.slug])

    assert {client.get(url, {"q": f"vraag {n}"}).status_code for n in range(50)} == {200}
