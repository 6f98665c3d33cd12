"""Errors speak plain Dutch too: not Django's English "Not Found" or "Forbidden"."""

import pytest
from django.urls import reverse

from plus1.backoffice.tests.conftest import log_in, make_employee
from plus1.cases.tests.factories import adopt_with_team, handling_zaaktype, new_zaak

pytestmark = pytest.mark.django_db


def test_a_missing_page_says_so_in_dutch(client):
    response = client.get("/deze-gemeente-bestaat-niet/producten/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()


def test_an_action_on_another_teams_zaak_is_refused_in_dutch(client, gemeente_a, actor):
    zaak = new_zaak(adopt_with_team(gemeente=gemeente_a, zaaktype=handling_zaaktype()))
    outsider = make_employee("buiten-het-team", gemeente=gemeente_a, actor=actor)

    response = log_in(client, outsider).post(
        reverse("backoffice:zaak-action", args=[zaak.identificatie, "notitie"]),
        {"notitie-version": zaak.version, "notitie-text": "Hallo"},
    )

    assert response.status_code == 403
    assert "Geen toegang" in response.content.decode()


def test_a_server_error_page_needs_no_context(client):
    from django.template.loader import get_template

    assert "Er ging iets mis" in get_template("500.html").render({})


def test_unreadable_input_is_refused_in_dutch(client):
    response = client.get("/deze-gemeente-bestaat-niet/producten/", {"q": "a\x00b"})
    assert response.status_code == 400
    assert "Dit kunnen we niet lezen" in response.content.decode()
