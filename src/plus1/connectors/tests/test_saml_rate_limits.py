"""The real DigiD and eHerkenning return addresses (acs) are rate-limited per address like the log-in."""

import time

import pytest
import time_machine
from django.test import override_settings

pytestmark = pytest.mark.django_db


@override_settings(ROOT_URLCONF="plus1.connectors.tests.saml_urls", PLUS1_RATELIMIT_PORTAL_LOGIN="2/m")
@pytest.mark.parametrize("url", ["/digid/acs/", "/eherkenning/acs/"])
def test_the_saml_return_address_is_rate_limited(client, url):
    with time_machine.travel(time.time(), tick=False):
        tried = [client.get(url, {"SAMLart": "geraden"}).status_code for _ in range(2)]
        refused = client.post(url, {"SAMLResponse": "geraden"})

    assert 429 not in tried
    assert refused.status_code == 429
    assert "Even wachten" in refused.text
