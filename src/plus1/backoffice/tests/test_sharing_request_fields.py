"""A chain partner sees a field of the request form only when its share grants the field's class.

A phone number is contact data even though it is a question of the form: shared with "gegevens
van de aanvraag" only, the partner sees neither the number nor the question.
"""

import pytest
from django.urls import reverse

from plus1.cases.models import ZaakEigenschap
from plus1.cases.tests.factories import adopt_with_team, handling_zaaktype, new_zaak
from plus1.cases.tests.sharing import ggd, shared

from .conftest import log_in, make_partner_employee

pytestmark = pytest.mark.django_db

PHONE = "06-12345678"
BIRTH_DATE = "1984-03-07"
SITUATION = "Trap naar de slaapkamer is te steil"


@pytest.fixture
def zaak(gemeente_a, team_a):
    zaak = new_zaak(adopt_with_team(gemeente=gemeente_a, zaaktype=handling_zaaktype(), team_name=team_a.name))
    answers = [
        ("telefoonnummer", "Telefoonnummer", "phone", PHONE),
        ("geboortedatum", "Geboortedatum", "date", BIRTH_DATE),
        ("situatie", "Uw situatie", "text", SITUATION),
    ]
    for order, (name, label, data_type, value) in enumerate(answers, start=90):
        # No class given: each gets the one its type and name suggest.
        eigenschap = zaak.zaaktype.eigenschappen.create(
            order=order, name=name, label=label, data_type=data_type, step="Aanvraag"
        )
        ZaakEigenschap.objects.create(zaak=zaak, eigenschap=eigenschap, value=value)
    return zaak


@pytest.fixture
def partner(db):
    return ggd()


@pytest.fixture
def arts(partner, actor):
    return make_partner_employee("ggd-arts", partner=partner, actor=actor)


def _page(client, arts, share) -> str:
    log_in(client, arts)
    return client.get(reverse("backoffice:shared-zaak", args=[share.uuid])).content.decode()


def test_without_contactgegevens_the_partner_sees_no_phone_number_from_the_form(client, arts, partner, zaak):
    page = _page(client, arts, shared(zaak, partner, parts=["shares_request_data"]))

    assert SITUATION in page, "the case data of the form is shared"
    assert PHONE not in page and "Telefoonnummer" not in page
    assert BIRTH_DATE not in page and "Geboortedatum" not in page, "personal data of the form is never shared"


def test_with_contactgegevens_the_partner_sees_the_phone_number_with_the_applicant(
    client, arts, partner, zaak
):
    share = shared(zaak, partner, parts=["shares_request_data", "shares_contact_data"])

    page = _page(client, arts, share)

    assert PHONE in page and "Telefoonnummer" in page
    assert SITUATION in page
    assert BIRTH_DATE not in page and "Geboortedatum" not in page


def test_a_class_chosen_for_a_field_wins_over_the_inferred_one(client, arts, partner, zaak):
    zaak.zaaktype.eigenschappen.filter(name="telefoonnummer").update(data_class="case")
    page = _page(client, arts, shared(zaak, partner, parts=["shares_request_data"]))

    assert PHONE in page
