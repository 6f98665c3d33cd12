"""The DigiD and eHerkenning simulators log people in, so their forms are rate-limited per address."""

import re
import time
from html import unescape
from urllib.parse import urlparse

import pytest
import time_machine
from django.test import override_settings

pytestmark = pytest.mark.django_db

SUZANNE = "999993653"


@pytest.fixture(autouse=True)
def _one_rate_window():
    """A stopped clock keeps each test inside one counting window."""
    with time_machine.travel(time.time(), tick=False):
        yield


def _bsn_form_url(client) -> str:
    start = client.get("/digid/login/", {"next": "/"})
    idp = client.get(start["Location"])
    return unescape(re.search(r"href='(/digid/idp/inloggen_bsn/[^']*)'", idp.text).group(1))


@override_settings(PLUS1_RATELIMIT_PORTAL_LOGIN="2/m")
def test_the_digid_simulator_form_is_rate_limited(client):
    form_url = _bsn_form_url(client)

    statuses = [client.post(form_url, {"auth_bsn": SUZANNE}).status_code for _ in range(2)]
    refused = client.post(form_url, {"auth_bsn": SUZANNE})

    assert statuses == [302, 302]
    assert refused.status_code == 429
    assert "Even wachten" in refused.text


@override_settings(PLUS1_RATELIMIT_PORTAL_LOGIN="2/m")
def test_the_digid_simulators_return_address_is_rate_limited(client):
    back = urlparse(client.post(_bsn_form_url(client), {"auth_bsn": SUZANNE})["Location"])
    acs = f"{back.path}?{back.query}"

    statuses = [client.get(acs).status_code for _ in range(2)]

    assert 429 not in statuses
    assert client.get(acs).status_code == 429


@override_settings(PLUS1_RATELIMIT_PORTAL_LOGIN="2/m")
def test_the_eherkenning_simulator_form_is_rate_limited(client):
    url = "/eherkenning/login/?next=/"

    statuses = [client.post(url, {"kvk_number": "69599084"}).status_code for _ in range(2)]
    refused = client.post(url, {"kvk_number": "69599084"})

    assert statuses == [302, 302]
    assert refused.status_code == 429
    assert "Even wachten" in refused.text


def test_a_normal_simulator_log_in_is_not_limited(client):
    back = urlparse(client.post(_bsn_form_url(client), {"auth_bsn": SUZANNE})["Location"])

    assert client.get(f"{back.path}?{back.query}").status_code == 302
