"""The zaak page offers the next sensible step first and asks to confirm what does not fit now.

The rules read a ``Situation`` (status phase and what is missing); the table below is the
specification: for each situation, the step offered first and the actions that need a tick.
"""

import pytest
from django.urls import reverse

from plus1.backoffice.next_step import Phase, Situation, next_step, plan, why_unfit
from plus1.cases.tests.factories import adopt_with_team, handling_zaaktype, new_zaak

from .conftest import log_in

ALL = [
    "oppakken",
    "status",
    "vraag",
    "hervatten",
    "verlengen",
    "notitie",
    "koppelen",
    "document",
    "besluit",
    "afsluiten",
    "heropenen",
    "delen",
]

RECEIVED = Situation(phase=Phase.RECEIVED, status="Aanvraag ontvangen")
HANDLING = Situation(phase=Phase.HANDLING, status="In behandeling")

# situation -> (the action offered first, the actions that do not fit and ask for a tick)
TABLE = [
    pytest.param(Situation(phase=Phase.CLOSED), None, set(), id="closed: nothing to do"),
    pytest.param(
        Situation(phase=Phase.RECEIVED, is_assigned=False),
        "oppakken",
        {"besluit", "afsluiten"},
        id="unclaimed",
    ),
    pytest.param(RECEIVED, "status", {"besluit", "afsluiten"}, id="received, complete"),
    pytest.param(
        Situation(phase=Phase.RECEIVED, misses_documents=True),
        "vraag",
        {"besluit", "afsluiten"},
        id="received, document missing",
    ),
    pytest.param(
        Situation(phase=Phase.RECEIVED, misses_documents=True, can_ask=False),
        "status",
        {"besluit", "afsluiten"},
        id="received, document missing but the resident cannot answer online",
    ),
    pytest.param(
        Situation(phase=Phase.RECEIVED, has_open_question=True, can_ask=False),
        "hervatten",
        {"besluit", "afsluiten"},
        id="waiting for the resident's answer",
    ),
    pytest.param(HANDLING, "besluit", {"afsluiten"}, id="in behandeling, no besluit yet"),
    pytest.param(
        Situation(phase=Phase.HANDLING, has_open_question=True),
        "hervatten",
        {"besluit", "afsluiten"},
        id="in behandeling, question open",
    ),
    pytest.param(Situation(phase=Phase.HANDLING, has_besluit=True), "afsluiten", set(), id="besluit taken"),
    pytest.param(
        Situation(phase=Phase.RECEIVED, has_besluit=True),
        "status",
        {"besluit"},
        id="besluit taken while still received: closing fits",
    ),
    pytest.param(
        Situation(phase=Phase.HANDLING, can_decide=False), "afsluiten", set(), id="zaaktype without besluiten"
    ),
    pytest.param(
        Situation(phase=Phase.RECEIVED, can_decide=False),
        "status",
        {"besluit", "afsluiten"},
        id="received, zaaktype without besluiten",
    ),
]


@pytest.mark.parametrize(("situation", "first", "unfit"), TABLE)
def test_status_by_action_table(situation, first, unfit):
    result = plan(situation, ALL)

    assert result.first == first
    assert set(result.unfit) == unfit
    assert first not in result.unfit, "the step offered first always fits"
    assert set(result.others) == set(ALL) - {first} - unfit, "every other action is still offered"


def test_a_besluit_at_aanvraag_ontvangen_says_why_in_the_status_words():
    assert "'Aanvraag ontvangen'" in why_unfit(RECEIVED, "besluit")
    assert "geen besluit" in why_unfit(RECEIVED, "afsluiten")
    assert why_unfit(HANDLING, "besluit") == ""
    assert why_unfit(RECEIVED, "notitie") == ""


def test_the_next_step_is_not_offered_when_the_page_does_not_have_that_action():
    result = plan(RECEIVED, ["notitie", "besluit"])

    assert next_step(RECEIVED).action == "status"
    assert result.first is None and result.others == ["notitie"]


@pytest.fixture
def zaak(gemeente_a, team_a):
    adoption = adopt_with_team(gemeente=gemeente_a, zaaktype=handling_zaaktype(), team_name=team_a.name)
    return new_zaak(adoption)


def _action(zaak, name):
    return reverse("backoffice:zaak-action", args=[zaak.identificatie, name])


@pytest.mark.django_db
def test_the_page_at_aanvraag_ontvangen_offers_the_next_step_first_and_opens_no_form(
    client, behandelaar_a, zaak
):
    page = log_in(client, behandelaar_a).get(reverse("backoffice:zaak-detail", args=[zaak.identificatie]))
    html = page.content.decode()

    assert "Volgende stap: Pak de zaak op" in html
    assert html.index('id="actie-oppakken"') < html.index('id="kop-acties"')
    assert " open>" not in html, "every action form starts closed"
    assert html.index('id="kop-past-niet"') < html.index('id="actie-besluit"')
    assert html.index('id="kop-past-niet"') < html.index('id="actie-afsluiten"')


@pytest.mark.django_db
def test_a_chosen_action_opens_without_javascript(client, behandelaar_a, zaak):
    url = reverse("backoffice:zaak-detail", args=[zaak.identificatie]) + "?actie=notitie"
    html = log_in(client, behandelaar_a).get(url).content.decode()

    assert 'id="actie-notitie" name="zaak-actie" open>' in html
    assert html.count(" open>") == 1


@pytest.mark.django_db
def test_a_besluit_at_aanvraag_ontvangen_needs_the_tick_and_then_goes_through(client, behandelaar_a, zaak):
    log_in(client, behandelaar_a)
    besluittype = zaak.zaaktype.besluittypen.get()
    data = {
        "besluit-version": zaak.version,
        "besluit-besluittype": besluittype.pk,
        "besluit-decided_on": "2026-01-05",
        "besluit-effective_on": "2026-01-05",
    }

    refused = client.post(_action(zaak, "besluit"), data)

    assert refused.status_code == 400
    html = refused.content.decode()
    assert "Vink aan dat u toch doorgaat" in html and "De zaak staat nog op &#x27;Ontvangen&#x27;" in html
    assert 'id="actie-besluit" name="zaak-actie" open>' in html, "the form stays open with its reason"
    assert not zaak.besluiten.exists()

    done = client.post(_action(zaak, "besluit"), {**data, "besluit-bevestigd": "on"})

    assert done.status_code == 302
    assert zaak.besluiten.count() == 1


@pytest.mark.django_db
def test_closing_after_the_besluit_needs_no_tick(client, behandelaar_a, zaak):
    log_in(client, behandelaar_a)
    client.post(_action(zaak, "oppakken"), {"oppakken-version": zaak.version})
    zaak.refresh_from_db()
    in_behandeling = zaak.zaaktype.statustypen.get(omschrijving="In behandeling")
    client.post(
        _action(zaak, "status"), {"status-version": zaak.version, "status-statustype": in_behandeling.pk}
    )
    zaak.refresh_from_db()
    besluittype = zaak.zaaktype.besluittypen.get()
    client.post(
        _action(zaak, "besluit"),
        {
            "besluit-version": zaak.version,
            "besluit-besluittype": besluittype.pk,
            "besluit-decided_on": "2026-01-05",
            "besluit-effective_on": "2026-01-05",
        },
    )
    zaak.refresh_from_db()
    assert zaak.besluiten.count() == 1
    html = client.get(reverse("backoffice:zaak-detail", args=[zaak.identificatie])).content.decode()
    assert "Volgende stap: Sluit de zaak af" in html

    response = client.post(
        _action(zaak, "afsluiten"),
        {"afsluiten-version": zaak.version, "afsluiten-resultaattype": zaak.zaaktype.resultaattypen.get().pk},
    )

    assert response.status_code == 302
    zaak.refresh_from_db()
    assert not zaak.is_open
