"""The Django admin asks for the same password and authenticator code as the back office.

There is no password-only way in: /admin/login/ sends staff to the employees' two-step log-in,
which returns them to the admin page they asked for. Lock-out and rate limit are the same.
"""

import time

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.test import override_settings
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from plus1.accounts.constants import Role
from plus1.accounts.selectors import current_totp_code

from .conftest import log_in, make_employee

pytestmark = pytest.mark.django_db

LOGIN = "/backoffice/inloggen/"
PASSWORD = "een-lang-wachtwoord"


@pytest.fixture
def beheerder_a(gemeente_a, actor):
    return make_employee("beheer-a", gemeente=gemeente_a, role=Role.BEHEERDER, actor=actor)


def _password_step(client, username, password=PASSWORD, next_url="/admin/"):
    return client.post(LOGIN, {"username": username, "password": password, "next": next_url})


def test_the_admin_sends_a_visitor_to_the_employee_log_in_and_back(client):
    response = client.get("/admin/", follow=True)

    assert [url for url, _status in response.redirect_chain] == [
        "/admin/login/?next=/admin/",
        "/backoffice/inloggen/?next=/admin/",
    ]
    assert "Inloggen voor medewerkers" in response.text
    assert 'name="next" value="/admin/"' in response.text


def test_a_password_alone_does_not_open_the_admin(client, beheerder_a):
    step_one = _password_step(client, "beheer-a")

    assert step_one.status_code == 302 and step_one.url.startswith(reverse("backoffice:login-code"))
    assert client.get("/admin/").status_code == 302
    assert client.get(reverse("admin:catalog_adoption_changelist")).status_code == 302


def test_a_session_without_the_second_factor_does_not_open_the_admin(client, beheerder_a):
    client.force_login(beheerder_a)

    response = client.get(reverse("admin:catalog_adoption_changelist"))

    assert response.status_code == 302 and response.url.startswith("/admin/login/")


def test_with_password_and_code_the_functional_admin_reaches_the_admin(client, beheerder_a):
    step_one = _password_step(client, "beheer-a")

    step_two = client.post(step_one.url, {"code": current_totp_code(beheerder_a)})

    assert step_two.status_code == 302 and step_two.url == "/admin/"
    index = client.get("/admin/")
    assert index.status_code == 200
    assert "Plus1 beheer" in index.text


def test_the_admin_page_asked_for_is_where_the_log_in_ends(client, beheerder_a):
    asked = reverse("admin:catalog_adoption_changelist") + "?q=parkeren&o=1"
    to_login = client.get(asked, follow=True)
    next_url = to_login.context["next"]

    step_one = _password_step(client, "beheer-a", next_url=next_url)
    step_two = client.post(step_one.url, {"code": current_totp_code(beheerder_a), "next": next_url})

    assert next_url == asked
    assert step_two.url == asked


def test_a_superuser_without_a_gemeente_sets_up_the_app_and_reaches_the_admin(client):
    get_user_model().objects.create_superuser("root", "root@example.org", PASSWORD)

    step_one = _password_step(client, "root")
    assert step_one.url.startswith(reverse("backoffice:login-setup"))
    client.get(step_one.url)
    device = TOTPDevice.objects.get(user__username="root")
    code = f"{TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token():06d}"
    done = client.post(step_one.url, {"code": code})

    assert done.url == "/admin/"
    assert client.get(reverse("admin:tenants_organisation_changelist")).status_code == 200


def test_someone_who_is_not_staff_is_refused_on_the_way_to_the_admin(client):
    get_user_model().objects.create_user("bewoner", password=PASSWORD)

    response = _password_step(client, "bewoner")

    assert response.status_code == 200
    assert "U heeft geen toegang tot het beheer" in response.text


def test_a_session_verified_in_the_back_office_opens_the_admin_too(client, beheerder_a):
    log_in(client, beheerder_a)

    assert client.get(reverse("admin:catalog_adoption_changelist")).status_code == 200
    # The log-in page of the admin does not ask again.
    assert client.get("/admin/login/?next=/admin/", follow=True).redirect_chain[-1][0] == "/admin/"


def test_wrong_passwords_on_the_way_to_the_admin_lock_the_user_name(client, beheerder_a):
    for _attempt in range(4):
        assert _password_step(client, "beheer-a", password="fout").status_code == 200
    fifth = _password_step(client, "beheer-a", password="fout")
    right = _password_step(client, "beheer-a")

    assert fifth.status_code == 429
    assert right.status_code == 429
    assert "Uw account is tijdelijk geblokkeerd" in right.text
    assert client.get("/admin/").status_code == 302


@override_settings(PLUS1_RATELIMIT_BACKOFFICE_LOGIN="2/m")
def test_posting_to_the_admin_log_in_is_rate_limited(client, beheerder_a):
    with time_machine.travel(time.time(), tick=False):
        statuses = [
            client.post("/admin/login/", {"username": "beheer-a", "password": f"gok-{n}"}).status_code
            for n in range(2)
        ]
        refused = client.post("/admin/login/", {"username": "beheer-a", "password": PASSWORD})
        # The admin's log-in and the back office's share one budget per address.
        also_refused = _password_step(client, "beheer-a")

    assert statuses == [302, 302]
    assert refused.status_code == 429
    assert "Even wachten, alstublieft" in refused.text
    assert int(refused["Retry-After"]) <= 60
    assert also_refused.status_code == 429
