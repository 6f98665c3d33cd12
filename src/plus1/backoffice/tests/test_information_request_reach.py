"""Informatie opvragen is offered only when the initiator can answer it in Mijn zaken.

An anonymous melding (no BSN, no KvK number) cannot be answered: a question would stop the
legal term while nobody can ever reply. The back office says why instead of offering it, and
the service refuses it for every caller.
"""

import datetime

import pytest
from django.urls import reverse

from plus1.cases.exceptions import ZaakError
from plus1.cases.models import InformationRequest
from plus1.cases.services import Initiator, create_zaak, request_information
from plus1.cases.tests.factories import SYSTEM, adopt_with_team, handling_zaaktype, new_zaak

from .conftest import log_in

pytestmark = pytest.mark.django_db

DUE = datetime.date(2099, 1, 1)


@pytest.fixture
def adoption(gemeente_a, team_a):
    return adopt_with_team(gemeente=gemeente_a, zaaktype=handling_zaaktype(), team_name=team_a.name)


def _anonymous(adoption, email: str = ""):
    # As submit_anonymous_report registers a melding made without logging in.
    return create_zaak(
        tenant=adoption.tenant,
        adoption=adoption,
        initiator=Initiator(name="Melder", email=email),
        data={},
        actor=SYSTEM,
    )


def _page(client, user, zaak) -> str:
    return (
        log_in(client, user)
        .get(reverse("backoffice:zaak-detail", args=[zaak.identificatie]))
        .content.decode()
    )


def test_an_anonymous_melding_offers_no_question_and_says_why(client, behandelaar_a, adoption):
    zaak = _anonymous(adoption)

    page = _page(client, behandelaar_a, zaak)

    assert 'id="actie-vraag"' not in page
    assert "anoniem gemeld, zonder e-mailadres" in page
    assert "Niemand kan een vraag beantwoorden" in page


def test_a_melder_with_only_an_e_mail_address_cannot_answer_in_mijn_zaken_either(
    client, behandelaar_a, adoption
):
    zaak = _anonymous(adoption, email="melder@example.org")

    page = _page(client, behandelaar_a, zaak)

    assert 'id="actie-vraag"' not in page
    assert "Mail de melder zelf (melder@example.org)" in page


def test_a_resident_who_can_log_in_is_asked_as_before(client, behandelaar_a, adoption):
    page = _page(client, behandelaar_a, new_zaak(adoption))

    assert 'id="actie-vraag"' in page and 'id="actie-vraag-niet-mogelijk"' not in page


def test_the_service_refuses_a_question_nobody_can_answer_and_the_term_keeps_running(adoption):
    zaak = _anonymous(adoption)

    with pytest.raises(ZaakError, match="anoniem gemeld"):
        request_information(
            zaak=zaak, question="Waar precies?", answer_due_on=DUE, actor=SYSTEM, expected_version=None
        )

    zaak.refresh_from_db()
    assert not zaak.is_suspended
    assert not InformationRequest.objects.filter(zaak=zaak).exists()


def test_a_forged_post_of_the_action_is_refused_in_plain_dutch(client, behandelaar_a, adoption):
    zaak = _anonymous(adoption)
    log_in(client, behandelaar_a)

    response = client.post(
        reverse("backoffice:zaak-action", args=[zaak.identificatie, "vraag"]),
        {
            "vraag-version": zaak.version,
            "vraag-question": "Waar precies?",
            "vraag-answer_due_on": "2099-01-01",
        },
    )

    assert response.status_code == 400
    assert "anoniem gemeld" in response.content.decode()
    assert not InformationRequest.objects.filter(zaak=zaak).exists()
    zaak.refresh_from_db()
    assert not zaak.is_suspended
