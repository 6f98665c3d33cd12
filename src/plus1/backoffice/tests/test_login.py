"""Employees log in with a password and a code from their authenticator app; guessing gets locked."""

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from plus1.accounts.constants import Role
from plus1.accounts.selectors import current_totp_code
from plus1.accounts.services import create_employee, grant_role
from plus1.backoffice.access import back_office_home

from .conftest import make_employee

pytestmark = pytest.mark.django_db

LOGIN = "/backoffice/inloggen/"


def _password_step(client, username, password="een-lang-wachtwoord"):
    return client.post(LOGIN, {"username": username, "password": password})


def _code_now(device: TOTPDevice) -> str:
    from django_otp.oath import TOTP

    return f"{TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token():06d}"


def test_employee_logs_in_with_password_and_code_and_sees_their_gemeente(client, behandelaar_a):
    step_one = _password_step(client, "behandelaar-a")
    assert step_one.status_code == 302 and step_one.url.startswith(reverse("backoffice:login-code"))

    step_two = client.post(step_one.url, {"code": current_totp_code(behandelaar_a)}, follow=True)

    assert step_two.redirect_chain[-1][0] == reverse("backoffice:inbox")
    assert "Gemeente Utrecht" in step_two.text
    assert "Ingelogd als Anna de Vries" in step_two.text
    assert "Werkvoorraad" in step_two.text


def test_the_password_alone_does_not_open_the_back_office(client, behandelaar_a):
    _password_step(client, "behandelaar-a")

    response = client.get(reverse("backoffice:inbox"))

    assert response.status_code == 302 and response.url.startswith(LOGIN)


def test_a_wrong_code_is_refused_with_a_dutch_message(client, behandelaar_a):
    step_one = _password_step(client, "behandelaar-a")
    wrong = "000000" if current_totp_code(behandelaar_a) != "000000" else "111111"

    response = client.post(step_one.url, {"code": wrong})

    assert response.status_code == 200
    assert "Deze code klopt niet of is verlopen" in response.text
    assert client.get(reverse("backoffice:inbox")).status_code == 302


def test_first_log_in_sets_up_the_authenticator_app_with_a_qr_code(client, gemeente_a, team_a, actor):
    make_employee("nieuw-a", gemeente=gemeente_a, team=team_a, actor=actor, device=False)

    step_one = _password_step(client, "nieuw-a")
    assert step_one.url.startswith(reverse("backoffice:login-setup"))
    setup = client.get(step_one.url)

    assert "<svg" in setup.text and 'aria-label="QR-code voor uw authenticator-app"' in setup.text
    device = TOTPDevice.objects.get(user__username="nieuw-a")
    assert not device.confirmed
    assert "Geheime sleutel" in setup.text
    done = client.post(step_one.url, {"code": _code_now(device)}, follow=True)

    assert "Uw authenticator-app is ingesteld." in done.text
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("backoffice:inbox")).status_code == 200


def test_someone_without_a_back_office_role_cannot_enter(client, collective, actor):
    # A partner-employee role at the collective is no work in any back office.
    create_employee(username="zonder-rol", password="een-lang-wachtwoord")
    outsider = create_employee(username="collectief-partner", password="een-lang-wachtwoord")
    grant_role(tenant=collective, user=outsider, role=Role.PRIVACY_OFFICER, actor=actor)

    for username in ("zonder-rol", "collectief-partner"):
        response = _password_step(client, username)

        assert response.status_code == 200
        assert "U heeft geen toegang tot de backoffice" in response.text


def test_the_collectives_catalog_manager_enters_at_the_failing_search_questions(client, collective, actor):
    manager = create_employee(username="catalogus", password="een-lang-wachtwoord")
    grant_role(tenant=collective, user=manager, role=Role.CATALOG_MANAGER, actor=actor)

    response = _password_step(client, "catalogus")

    # Past the password: on to setting up the authenticator app (no device yet).
    assert response.status_code == 302 and response.url.startswith(reverse("backoffice:login-setup"))
    assert back_office_home(manager) == reverse("backoffice:search-insights")


def test_a_wrong_password_gets_a_plain_dutch_error(client, behandelaar_a):
    response = _password_step(client, "behandelaar-a", password="fout")

    assert response.status_code == 200
    assert "De gebruikersnaam of het wachtwoord klopt niet" in response.text


def test_after_five_wrong_passwords_the_account_is_locked_even_for_the_right_one(client, behandelaar_a):
    for _attempt in range(4):
        assert _password_step(client, "behandelaar-a", password="fout").status_code == 200
    fifth = _password_step(client, "behandelaar-a", password="fout")
    right = _password_step(client, "behandelaar-a")

    assert fifth.status_code == 429
    assert right.status_code == 429
    assert "Uw account is tijdelijk geblokkeerd" in right.text
    assert "5 keer een verkeerd wachtwoord" in right.text


def test_the_lock_is_per_user_name(client, behandelaar_a, teamleider_a):
    for _attempt in range(5):
        _password_step(client, "behandelaar-a", password="fout")

    assert _password_step(client, "teamleider-a").status_code == 302


@override_settings(AXES_FAILURE_LIMIT=2)
def test_the_failure_limit_is_a_setting(client, behandelaar_a):
    _password_step(client, "behandelaar-a", password="fout")

    assert _password_step(client, "behandelaar-a", password="fout").status_code == 429


def test_log_out_ends_the_session(client, behandelaar_a):
    from .conftest import log_in

    log_in(client, behandelaar_a)
    assert client.get(reverse("backoffice:inbox")).status_code == 200

    response = client.post(reverse("backoffice:logout"), follow=True)

    assert "U bent uitgelogd." in response.text
    assert client.get(reverse("backoffice:inbox")).status_code == 302


def test_log_out_needs_a_post(client, behandelaar_a):
    from .conftest import log_in

    log_in(client, behandelaar_a)

    assert client.get(reverse("backoffice:logout")).status_code == 405


def test_the_totp_command_prints_the_current_code(behandelaar_a, capsys):
    call_command("totp", "behandelaar-a")

    assert capsys.readouterr().out.strip() == current_totp_code(behandelaar_a)


@pytest.mark.parametrize(
    ("role", "page"),
    [
        (Role.AGRESSIECOORDINATOR, "backoffice:incident-list"),
        (Role.KWALITEITSMEDEWERKER, "backoffice:feedback-dashboard"),
        (Role.PRIVACY_OFFICER, "backoffice:processing-log"),
    ],
)
def test_someone_without_an_employee_role_lands_on_the_page_of_their_own_role(gemeente_a, actor, role, page):
    """An agressiecoördinator or quality officer has no werkvoorraad: they land where they work."""
    user = create_employee(username=f"alleen-{role}", password="een-lang-wachtwoord")
    grant_role(tenant=gemeente_a, user=user, role=role, actor=actor)

    assert back_office_home(user) == reverse(page)


def test_an_employee_who_is_also_coordinator_still_lands_on_the_werkvoorraad(gemeente_a, actor):
    user = create_employee(username="beide", password="een-lang-wachtwoord")
    grant_role(tenant=gemeente_a, user=user, role=Role.BEHANDELAAR, actor=actor)
    grant_role(tenant=gemeente_a, user=user, role=Role.AGRESSIECOORDINATOR, actor=actor)

    assert back_office_home(user) == reverse("backoffice:inbox")
