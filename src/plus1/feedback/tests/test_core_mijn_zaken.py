"""Mijn zaken: a closed zaak with an open invitation asks "Hoe waardeert u onze dienstverlening?"."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from plus1.feedback import services

from .core_factories import SUZANNE, answer_url, closed_zaak

pytestmark = pytest.mark.django_db

QUESTION = "Hoe waardeert u onze dienstverlening?"


def _login(client, bsn=SUZANNE):
    user = get_user_model().digid_objects.digid_create(bsn)
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def _page(client, zaak):
    return client.get(
        reverse("portal:my-zaak-detail", args=[zaak.tenant.slug, zaak.identificatie])
    ).content.decode()


def test_a_closed_zaak_with_an_open_invitation_links_to_the_survey(client, gemeente_a):
    zaak = closed_zaak(gemeente_a)
    invitation = services.invite_after_closing(zaak=zaak)

    page = _page(_login(client), zaak)

    assert QUESTION in page and f'href="{answer_url(invitation)}"' in page


def test_the_question_goes_once_answered_and_is_absent_without_invitation(client, gemeente_a):
    zaak = closed_zaak(gemeente_a)
    without = closed_zaak(gemeente_a)
    invitation = services.invite_after_closing(zaak=zaak)
    _login(client)
    client.post(answer_url(invitation), {"score": "9"})

    assert QUESTION not in _page(client, zaak)
    assert QUESTION not in _page(client, without)
