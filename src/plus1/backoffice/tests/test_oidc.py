"""OpenID Connect (production option): only known employees, matched on a verified e-mail address."""

import time

import pytest
import time_machine
from django.contrib.auth import login
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory, override_settings
from django.urls import include, path

from plus1.accounts.sessions import SECOND_FACTOR_SESSION_KEY, has_second_factor
from plus1.backoffice.oidc import EmployeeOIDCBackend, oidc_urlpatterns

pytestmark = pytest.mark.django_db

OIDC = {
    "OIDC_RP_CLIENT_ID": "plus1",
    "OIDC_RP_CLIENT_SECRET": "geheim",
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "https://login.example.nl/authorize",
    "OIDC_OP_TOKEN_ENDPOINT": "https://login.example.nl/token",
    "OIDC_OP_USER_ENDPOINT": "https://login.example.nl/userinfo",
    "OIDC_OP_JWKS_ENDPOINT": "https://login.example.nl/keys",
    "OIDC_RP_SIGN_ALGO": "RS256",
}


@override_settings(**OIDC)
def test_the_provider_signs_in_only_known_employees_with_a_verified_address(behandelaar_a, gemeente_a, actor):
    from plus1.accounts.services import create_employee

    create_employee(username="geen-rol", password="een-lang-wachtwoord", email="geen-rol@example.org")
    backend = EmployeeOIDCBackend()

    assert list(backend.filter_users_by_claims({"email": "behandelaar-a@example.org"})) == [behandelaar_a]
    assert not backend.filter_users_by_claims({"email": "behandelaar-a@example.org", "email_verified": False})
    assert not backend.filter_users_by_claims({"email": "geen-rol@example.org"})
    assert not backend.filter_users_by_claims({})


def test_an_oidc_session_counts_as_second_factor(behandelaar_a, gemeente_a, actor):
    request = RequestFactory().get("/backoffice/")
    from django.contrib.sessions.backends.db import SessionStore

    request.session = SessionStore()
    request.user = AnonymousUser()
    login(request, behandelaar_a, backend="plus1.backoffice.oidc.EmployeeOIDCBackend")

    assert request.session[SECOND_FACTOR_SESSION_KEY] == "oidc"
    assert has_second_factor(request)


CALLBACK = "/backoffice/oidc/callback/"
# As plus1.urls mounts them when PLUS1_OIDC_ENABLED is on (read once, when the URLs load).
urlpatterns = [path("backoffice/oidc/", include(oidc_urlpatterns())), path("", include("plus1.urls"))]


@override_settings(ROOT_URLCONF=__name__, PLUS1_OIDC_ENABLED=True, **OIDC)
def test_with_oidc_on_the_log_in_page_offers_the_gemeentes_account(client):
    response = client.get("/backoffice/inloggen/?next=/admin/")

    assert response.status_code == 200
    assert "Inloggen met uw account van de gemeente" in response.text
    assert 'href="/backoffice/oidc/authenticate/?next=/admin/"' in response.text


@override_settings(
    ROOT_URLCONF=__name__, PLUS1_OIDC_ENABLED=True, PLUS1_RATELIMIT_BACKOFFICE_LOGIN="2/m", **OIDC
)
def test_the_oidc_callback_is_rate_limited_per_address(client):
    with time_machine.travel(time.time(), tick=False):
        tried = [client.get(CALLBACK, {"code": "geraden", "state": "x"}) for _ in range(2)]
        refused = client.get(CALLBACK, {"code": "geraden", "state": "y"})

    assert [response.status_code for response in tried] == [302, 302]
    assert refused.status_code == 429
    assert "Even wachten" in refused.text
