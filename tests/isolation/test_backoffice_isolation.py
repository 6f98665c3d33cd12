"""Gemeente B's employees never see or change gemeente A's zaken in the back office.

The walk covers every URL pattern of the back office (a new pattern without a case here
fails the test): as gemeente B's team lead, with gemeente A's case numbers, zaak ids and
document ids, every page answers 404 or shows nothing of A, and nothing of A changes.
"""

import datetime

import pytest
from django.urls import reverse

from plus1.accounts.constants import Role
from plus1.accounts.services import create_team
from plus1.backoffice import urls as backoffice_urls
from plus1.backoffice.tests.conftest import log_in, make_employee
from plus1.backoffice.zaak_views import ACTIONS
from plus1.cases.models import Zaak
from plus1.cases.tests.dated_zaken import SYSTEM, adopted, zaak_on

pytestmark = pytest.mark.django_db

A_RESIDENT = "Suzanne Moulin"
LOG_IN_PAGES = {"login", "login-code", "login-setup", "logout"}


@pytest.fixture
def zaak_a(gemeente_a):
    team = create_team(tenant=gemeente_a, name="Vergunningen", actor=SYSTEM)
    adoption = adopted(gemeente_a, team=team, omschrijving="Kapvergunning Utrecht", lead_time="P1W")
    old = zaak_on(adoption, datetime.date(2026, 1, 5), name="Oud Geval")
    Zaak.objects.filter(pk=old.pk).update(identificatie="ZAAK-2026-0009999")
    zaak_on(adoption, datetime.date(2026, 1, 5), name="Afgesloten Geval", ended_on=datetime.date(2026, 1, 20))
    return zaak_on(adoption, datetime.date(2026, 1, 5), name=A_RESIDENT)


@pytest.fixture
def lead_b(gemeente_b, actor):
    team = create_team(tenant=gemeente_b, name="Vergunningen", actor=SYSTEM)
    adopted(gemeente_b, team=team, omschrijving="Kapvergunning Groningen")
    return make_employee("teamleider-b", gemeente=gemeente_b, team=team, role=Role.TEAMLEIDER, actor=actor)


def _requests(zaak):
    """One request per URL pattern, aimed at gemeente A's zaak; keyed by URL name."""
    case = "ZAAK-2026-0009999"  # only gemeente A has this number
    return {
        "inbox": [
            ("get", reverse("backoffice:inbox"), {}),
            ("get", reverse("backoffice:inbox"), {"zoek": case}),
        ],
        "dashboard": [("get", reverse("backoffice:dashboard"), {})],
        "zaak-detail": [("get", reverse("backoffice:zaak-detail", args=[case]), {})],
        "zaak-document": [("get", reverse("backoffice:zaak-document", args=[case, zaak.uuid]), {})],
        "zaak-action": [
            ("post", reverse("backoffice:zaak-action", args=[case, name]), {f"{name}-version": 1})
            for name in ACTIONS
        ],
        "inbox-claim": [("post", reverse("backoffice:inbox-claim"), {"zaak": f"{case}:1"})],
        "inbox-assign": [
            ("post", reverse("backoffice:inbox-assign"), {"zaken": [zaak.pk], "medewerker": "team"})
        ],
    }


def test_every_back_office_url_is_walked():
    names = {pattern.name for pattern in backoffice_urls.urlpatterns}

    assert names - LOG_IN_PAGES == set(_requests(Zaak()).keys())


def test_team_lead_of_b_sees_and_changes_nothing_of_gemeente_a(client, zaak_a, lead_b, gemeente_a):
    before = list(Zaak.objects.for_tenant(gemeente_a).values())
    log_in(client, lead_b)

    for name, calls in _requests(zaak_a).items():
        for method, url, data in calls:
            response = getattr(client, method)(url, data, follow=method == "post")
            text = response.content.decode(errors="replace")
            assert response.status_code in (200, 403, 404), f"{name} {url} answered {response.status_code}"
            for secret in (A_RESIDENT, "Oud Geval", "Kapvergunning Utrecht", "ZAAK-2026-0009999</a>"):
                assert secret not in text, f"{name} {url} shows gemeente A's {secret!r}"
            if name in ("zaak-detail", "zaak-document"):
                assert response.status_code == 404, f"{url} must not exist for gemeente B"

    assert list(Zaak.objects.for_tenant(gemeente_a).values()) == before, "nothing of A changed"


def test_a_behandelaar_sees_only_their_own_teams_zaken_in_the_inbox(client, zaak_a, gemeente_a, actor):
    other_team = create_team(tenant=gemeente_a, name="Burgerzaken", actor=SYSTEM)
    mine = zaak_on(
        adopted(gemeente_a, team=other_team, omschrijving="Uittreksel"),
        datetime.date(2026, 2, 2),
        name="Lukas Klamer",
    )
    person = make_employee("burgerzaken-a", gemeente=gemeente_a, team=other_team, actor=actor)

    response = log_in(client, person).get(reverse("backoffice:inbox"))

    assert [zaak.pk for zaak in response.context["page"].object_list] == [mine.pk]
    assert "Lukas Klamer" in response.content.decode()
    assert A_RESIDENT not in response.content.decode()
