"""On top of the lock-out per user name: one address cannot try many user names or codes."""

import time

import pytest
import time_machine
from django.test import override_settings

from plus1.accounts.selectors import current_totp_code

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _one_rate_window():
    """The counters run in fixed windows (a minute, an hour); a stopped clock keeps each test
    inside one window, so a test never straddles a window boundary."""
    with time_machine.travel(time.time(), tick=False):
        yield


LOGIN = "/backoffice/inloggen/"


@override_settings(PLUS1_RATELIMIT_BACKOFFICE_LOGIN="3/m")
def test_one_address_trying_many_user_names_is_slowed_down(client, behandelaar_a):
    statuses = [
        client.post(LOGIN, {"username": f"iemand-{n}", "password": "geraden-wachtwoord"}).status_code
        for n in range(3)
    ]

    refused = client.post(LOGIN, {"username": "behandelaar-a", "password": "een-lang-wachtwoord"})

    assert statuses == [200, 200, 200]
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) <= 60
    assert "Even wachten" in refused.text
    # A colleague behind another address logs in as usual.
    other = client.post(
        LOGIN, {"username": "behandelaar-a", "password": "een-lang-wachtwoord"}, REMOTE_ADDR="198.51.100.4"
    )
    assert other.status_code == 302


@override_settings(PLUS1_RATELIMIT_BACKOFFICE_LOGIN="2/m")
def test_guessing_codes_is_limited_per_address(client, behandelaar_a):
    step_one = client.post(LOGIN, {"username": "behandelaar-a", "password": "een-lang-wachtwoord"})
    code_url = step_one.url
    assert client.post(code_url, {"code": "000000"}).status_code == 200
    assert client.post(code_url, {"code": "111111"}).status_code == 200

    refused = client.post(code_url, {"code": current_totp_code(behandelaar_a)})

    assert refused.status_code == 429


def test_a_normal_log_in_is_not_limited(client, behandelaar_a):
    step_one = client.post(LOGIN, {"username": "behandelaar-a", "password": "een-lang-wachtwoord"})
    step_two = client.post(step_one.url, {"code": current_totp_code(behandelaar_a)})

    assert step_one.status_code == 302 and step_two.status_code == 302
