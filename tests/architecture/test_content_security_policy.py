"""Every page carries the strict Content-Security-Policy, and no template needs an exception to it.

The policy forbids inline script and style, so a template with ``<script>`` code, a ``<style>``
block or a ``style="..."`` attribute would break in the browser; the scan finds them first.
"""

import base64
import hashlib
import re
from pathlib import Path

import django
import pytest
from django.conf import settings
from django.urls import URLResolver, reverse

from plus1.accounts.constants import Role
from plus1.accounts.services import create_team
from plus1.backoffice import urls as backoffice_urls
from plus1.backoffice.tests.conftest import log_in, make_employee
from plus1.portal import urls as portal_urls

SRC = Path(__file__).resolve().parents[2] / "src" / "plus1"
STRICT = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self'",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<style\b|\sstyle\s*=|\son[a-z]+\s*=\s*[\"']|javascript:", re.IGNORECASE)
# Served only as a sandboxed document with its own header (backoffice zaak_document_view) or as
# a download; it must carry its layout inside the one file.
STANDALONE_DOCUMENTS = {"cases/templates/cases/letters/besluit.html"}


def _policy(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in header.split(";"))


def _templates():
    for path in sorted(SRC.glob("**/templates/**/*.html")):
        relative = path.relative_to(SRC).as_posix()
        if relative not in STANDALONE_DOCUMENTS:
            yield relative, path.read_text(encoding="utf-8")


def test_the_template_scan_finds_templates():
    assert len(list(_templates())) > 20


@pytest.mark.parametrize(("name", "text"), list(_templates()), ids=lambda value: value[:60])
def test_no_template_has_inline_script_or_style(name, text):
    assert INLINE_SCRIPT.findall(text) == [], f"{name}: move the script to src/plus1/static/plus1/"
    assert INLINE_STYLE.findall(text) == [], f"{name}: use a class from the stylesheet"


def test_the_admin_style_hash_matches_djangos_changelist_template():
    template = Path(django.__file__).parent / "contrib" / "admin" / "templates" / "admin" / "change_list.html"
    blocks = re.findall(r"<style>(.*?)</style>", template.read_text(encoding="utf-8"), re.DOTALL)
    hashes = {
        "'sha256-" + base64.b64encode(hashlib.sha256(block.encode()).digest()).decode() + "'"
        for block in blocks
    }
    assert hashes <= set(settings.PLUS1_CSP_PATH_UPDATES["/admin/"]["style-src"])


SAMPLE_KWARGS = {
    "product_slug": "parkeervergunning",
    "theme_slug": "wonen",
    "identificatie": "ZAAK-2026-0000001",
    "number": 1,
    "document_uuid": "0b0d1f0e-2a44-4c1c-8f6e-9a3c7b6d5e4f",
    "action": "opschorten",
    "share_uuid": "5d3f1c2a-7b8e-4f60-9a1d-2c3b4e5f6a7b",
    "incident_uuid": "7c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
    "task_id": 1,
    "callback_id": 1,
    "invitation_id": 1,
    "token": "niet-geldig",
    "code": "ABCD2345",
    # Payments, appointments (issue 21) and medewerkers (issue 22).
    "draft_uuid": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
    "outcome": "betaald",
    "payment_uuid": "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e",
    "appointment_uuid": "3c4d5e6f-7a8b-4c9d-0e1f-2a3b4c5d6e7f",
    "user_id": 1,
    "plan_uuid": "4d5e6f7a-8b9c-4d0e-1f2a-3b4c5d6e7f8a",
    "training_uuid": "5e6f7a8b-9c0d-4e1f-2a3b-4c5d6e7f8a9b",
    "enrolment_id": 1,
    "pulse_uuid": "6f7a8b9c-0d1e-4f2a-3b4c-5d6e7f8a9b0c",
    "clarification_uuid": "7a8b9c0d-1e2f-4a3b-4c5d-6e7f8a9b0c1d",
    "team_id": 1,
}


def _flat(patterns):
    """Every page of a URL list, also those of the lists it includes (incidents, klantwaardering)."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _flat(pattern.url_patterns)
        else:
            yield pattern


def _kwargs(pattern, **extra):
    return {name: SAMPLE_KWARGS[name] for name in pattern.pattern.converters} | extra


def _portal_urls(gemeente):
    for pattern in _flat(portal_urls.gemeente_patterns):
        yield (
            pattern.name,
            reverse(f"portal:{pattern.name}", kwargs=_kwargs(pattern, gemeente_slug=gemeente.slug)),
        )


@pytest.mark.django_db
def test_every_portal_page_answers_with_the_strict_policy(client, gemeente_a):
    answered = {}
    for name, url in _portal_urls(gemeente_a):
        response = client.get(url)
        answered[name] = response.status_code
        assert _policy(response) == STRICT, f"{name} {url}"
    assert {answered[name] for name in ("home", "product-list", "theme-list", "search", "search-json")} == {
        200
    }


@pytest.mark.django_db
def test_every_back_office_page_answers_with_the_strict_policy(client, gemeente_a, actor):
    team = create_team(tenant=gemeente_a, name="Vergunningen", actor=actor)
    log_in(
        client, make_employee("lead-csp", gemeente=gemeente_a, team=team, role=Role.TEAMLEIDER, actor=actor)
    )
    answered = {}
    for pattern in _flat(backoffice_urls.urlpatterns):
        response = client.get(reverse(f"backoffice:{pattern.name}", kwargs=_kwargs(pattern)))
        answered[pattern.name] = response.status_code
        assert _policy(response) == STRICT, pattern.name
    assert answered["inbox"] == answered["dashboard"] == 200


@pytest.mark.django_db
def test_the_privacy_officers_pages_answer_with_the_strict_policy(client, gemeente_a, actor):
    officer = make_employee("privacy-csp", gemeente=gemeente_a, role=Role.PRIVACY_OFFICER, actor=actor)
    log_in(client, officer)
    for name in ("processing-log", "access-review"):
        response = client.get(reverse(f"backoffice:{name}"))
        assert response.status_code == 200, name
        assert _policy(response) == STRICT, name


@pytest.mark.django_db
def test_the_other_security_headers_are_on_every_page(client, gemeente_a):
    response = client.get(reverse("portal:home", args=[gemeente_a.slug]))

    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_the_admin_keeps_the_policy_with_only_its_own_style_block_added(admin_client):
    response = admin_client.get(reverse("admin:index"))

    policy = _policy(response)
    assert response.status_code == 200
    assert policy["style-src"].startswith("'self' 'sha256-")
    assert policy == STRICT | {"style-src": policy["style-src"]}
