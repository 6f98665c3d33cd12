"""A zaak without a legal term (a melding) shows its end date without calling it 'wettelijk'."""

import pytest
from django.urls import reverse

from plus1.cases import deadlines
from plus1.cases.selectors import deadline_summary
from plus1.cases.tests.factories import adopt_with_team, handling_zaaktype, new_zaak
from plus1.catalog.models import ZaakType

from .conftest import log_in

pytestmark = pytest.mark.django_db

NO_LAW = "Geen wettelijke termijn: een melding is geen aanvraag om een besluit. Vier weken is beleid."


@pytest.fixture
def melding(gemeente_a, team_a):
    zaaktype = handling_zaaktype()
    ZaakType.objects.filter(pk=zaaktype.pk).update(lead_time_source=NO_LAW)
    zaaktype.refresh_from_db()
    return new_zaak(adopt_with_team(gemeente=gemeente_a, zaaktype=zaaktype, team_name=team_a.name))


def test_a_source_starting_with_geen_wettelijke_termijn_means_no_legal_term():
    assert deadlines.has_legal_term("Awb art. 4:13") is True
    assert deadlines.has_legal_term(NO_LAW) is False
    assert deadlines.has_legal_term("  geen wettelijke termijn voor de reservering") is False


def test_the_deadline_summary_of_a_melding_says_it_has_no_legal_term(melding):
    assert deadline_summary(melding).is_legal_term is False


def test_the_zaak_page_of_a_melding_shows_no_wettelijke_einddatum(client, behandelaar_a, melding):
    page = log_in(client, behandelaar_a).get(reverse("backoffice:zaak-detail", args=[melding.identificatie]))

    assert page.status_code == 200
    assert "Einddatum (geen wettelijke termijn)" in page.text
    assert "Wettelijke einddatum" not in page.text
