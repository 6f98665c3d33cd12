"""Gemeente B's employees never see or change gemeente A's zaken in the back office.

The walk covers every URL pattern of the back office (a new pattern without a case here
fails the test): as gemeente B's team lead, with gemeente A's case numbers, zaak ids and
document ids, every page answers 404 or shows nothing of A, and nothing of A changes.
The same walk as an employee of a chain partner that A did not share with finds nothing either.
"""

import datetime
import uuid

import pytest
from django.urls import URLResolver, reverse

from plus1.accounts.constants import Role
from plus1.accounts.selectors import employee_actor
from plus1.accounts.services import create_team
from plus1.audit.models import AccessReviewSettings, ProcessingRecord
from plus1.backoffice import urls as backoffice_urls
from plus1.backoffice.incident_views import ACTIONS as INCIDENT_ACTIONS
from plus1.backoffice.tests.conftest import log_in, make_employee, make_partner_employee
from plus1.backoffice.zaak_views import ACTIONS
from plus1.cases.models import Zaak, ZaakShare
from plus1.cases.processing import Purpose
from plus1.cases.selectors import get_zaak_for_employee
from plus1.cases.tests.dated_zaken import SYSTEM, adopted, zaak_on
from plus1.cases.tests.sharing import ggd, schuldhulp, shared

pytestmark = pytest.mark.django_db

A_RESIDENT = "Suzanne Moulin"
A_BSN = "999993653"
THRESHOLDS = {
    "distinct_subjects_per_day": 1,
    "office_start": "08:00",
    "office_end": "17:00",
    "weekends_are_outside": "on",
}
LOG_IN_PAGES = {"login", "login-code", "login-setup", "logout"}
ANSWERS = {"incident-draft": (204,)}
# A chain partner's employee uses the incident register of their own organisation, except these.
GEMEENTE_ONLY = {"incident-list", "incident-figures", "incident-export", "incident-aro-submit"}


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


@pytest.fixture
def share_a(zaak_a):
    """Gemeente A shares its zaak with the GGD; gemeente B and other partners must not see it."""
    return shared(zaak_a, ggd(), partner_may_add_notes=True, partner_may_add_documents=True)


def _requests(zaak, share_uuid=None):
    """One request per URL pattern, aimed at gemeente A's zaak; keyed by URL name."""
    case = "ZAAK-2026-0009999"  # only gemeente A has this number
    share_uuid = share_uuid or uuid.uuid4()
    shared_zaak = [share_uuid, uuid.uuid4()]
    return {
        "inbox": [
            ("get", reverse("backoffice:inbox"), {}),
            ("get", reverse("backoffice:inbox"), {"zoek": case}),
        ],
        "dashboard": [("get", reverse("backoffice:dashboard"), {})],
        # Parts of names only: the page repeats the query typed, never a zaak of another gemeente.
        "zaak-search": [
            ("get", reverse("backoffice:zaak-search"), {"zoek": query, "status": "alle"})
            for query in (case, A_BSN, "Moulin", "Oud", "Afgesloten")
        ],
        "search-insights": [("get", reverse("backoffice:search-insights"), {})],
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
        "zaak-share-revoke": [
            ("post", reverse("backoffice:zaak-share-revoke", args=[c, share_uuid]), {"reason": "weg"})
            for c in (case, zaak.identificatie or case)
        ],
        "shared-zaken": [("get", reverse("backoffice:shared-zaken"), {})],
        "shared-zaak": [("get", reverse("backoffice:shared-zaak", args=[u]), {}) for u in shared_zaak],
        "shared-document": [
            ("get", reverse("backoffice:shared-document", args=[share_uuid, document_uuid]), {})
            for document_uuid in zaak.documenten.values_list("uuid", flat=True) or [uuid.uuid4()]
        ]
        if zaak.pk
        else [],
        "shared-action": [
            ("post", reverse("backoffice:shared-action", args=[share_uuid, name]), {"text": "Ingebroken"})
            for name in ("notitie", "document")
        ],
        "processing-log": [
            ("get", reverse("backoffice:processing-log"), {}),
            ("get", reverse("backoffice:processing-log"), {"betrokkene": A_BSN}),
            ("get", reverse("backoffice:processing-log"), {"medewerker": "behandelaar-a"}),
        ],
        "access-review": [
            ("get", reverse("backoffice:access-review"), {}),
            ("post", reverse("backoffice:access-review"), THRESHOLDS),
        ],
        # The incident register and klantwaardering: their own lists, and another gemeente's
        # objects by guessed ids (the access matrix walks them with gemeente A's real ones).
        **_register_and_feedback_requests(case),
        **_pay_book_and_develop_requests(zaak.team_id if zaak.pk else None),
    }


def _register_and_feedback_requests(case: str) -> dict[str, list]:
    incident, number = uuid.uuid4(), 999999
    pages = {
        name: [("get", reverse(f"backoffice:{name}"), {})]
        for name in (
            "incident-list",
            "incident-mine",
            "incident-figures",
            "incident-export",
            "feedback-dashboard",
            "feedback-themes",
            "feedback-benchmark",
            "feedback-national",
            "feedback-export",
            "callback-list",
            "contact-invitation",
        )
    }
    return pages | {
        "incident-report": [("get", reverse("backoffice:incident-report"), {"zaak": case})],
        # Saving one's own draft answers 204 (no page); it never touches another's.
        "incident-draft": [("post", reverse("backoffice:incident-draft"), {"beschrijving": "x"})],
        "incident-detail": [("get", reverse("backoffice:incident-detail", args=[incident]), {})],
        "incident-reported": [("get", reverse("backoffice:incident-reported", args=[incident]), {})],
        "incident-edit": [("get", reverse("backoffice:incident-edit", args=[incident]), {})],
        "incident-letter": [("get", reverse("backoffice:incident-letter", args=[incident, number]), {})],
        "incident-action": [
            ("post", reverse("backoffice:incident-action", args=[incident, name]), {"version": 1})
            for name in INCIDENT_ACTIONS
        ],
        "incident-aro-submit": [("post", reverse("backoffice:incident-aro-submit"), {})],
        "callback-detail": [("get", reverse("backoffice:callback-detail", args=[number]), {})],
        "contact-invitation-detail": [
            ("get", reverse("backoffice:contact-invitation-detail", args=[number]), {})
        ],
    }


def _pay_book_and_develop_requests(team_id: int | None) -> dict[str, list]:
    """Payments, the counter agenda (issue 21) and medewerkers (issue 22): their own lists, gemeente
    A's team by its real id, and other objects by guessed ids (the access matrix uses real ones)."""
    thing, number = uuid.uuid4(), 999999
    pages = {
        name: [("get", reverse(f"backoffice:{name}"), {})]
        for name in (
            "payment-reconciliation",
            "payment-reconciliation-csv",
            "appointment-agenda",
            "appointment-book",
            "development-home",
            "development-framework",
            "development-self-assessment",
            "development-trainings",
            "development-training-new",
            "development-pulse-new",
            "development-clarifications",
            "development-clarification-new",
            "development-hr",
        )
    }
    by_number = {
        name: [("get", reverse(f"backoffice:{name}", args=[number]), {})]
        for name in (
            "development-employee",
            "development-manager-assessment",
            "development-evaluation",
        )
    }
    by_uuid = {
        name: [("get", reverse(f"backoffice:{name}", args=[thing]), {})]
        for name in (
            "payment-refund",
            "development-plan",
            "development-training",
            "development-pulse",
            "development-clarification",
            "development-clarification-answer",
        )
    }
    posts = {
        "appointment-attendance": [
            ("post", reverse("backoffice:appointment-attendance", args=[thing]), {"verschenen": "ja"})
        ],
        "payment-refund": [
            *by_uuid.pop("payment-refund"),
            ("post", reverse("backoffice:payment-refund", args=[thing]), {"reden": "Ingetrokken"}),
        ],
        "development-plan-create": [
            ("post", reverse("backoffice:development-plan-create", args=[number]), {})
        ],
        "development-role-profile": [
            ("post", reverse("backoffice:development-role-profile", args=[number]), {"rolprofiel": "1"})
        ],
        "development-enrol": [("post", reverse("backoffice:development-enrol", args=[thing]), {})],
        "development-enrolment-cancel": [
            ("post", reverse("backoffice:development-enrolment-cancel", args=[number]), {})
        ],
        "development-attendance": [
            ("post", reverse("backoffice:development-attendance", args=[number]), {"aanwezig": "ja"})
        ],
        "development-team": [("get", reverse("backoffice:development-team", args=[team_id or number]), {})],
    }
    return pages | by_number | by_uuid | posts


def _flat(patterns):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _flat(pattern.url_patterns)
        else:
            yield pattern


def test_every_back_office_url_is_walked():
    names = {pattern.name for pattern in _flat(backoffice_urls.urlpatterns)}

    assert names - LOG_IN_PAGES == set(_requests(Zaak()).keys())


def test_team_lead_of_b_sees_and_changes_nothing_of_gemeente_a(client, zaak_a, share_a, lead_b, gemeente_a):
    before = list(Zaak.objects.for_tenant(gemeente_a).values())
    shares_before = list(ZaakShare.objects.values())
    log_in(client, lead_b)

    for name, calls in _requests(zaak_a, share_a.uuid).items():
        for method, url, data in calls:
            response = getattr(client, method)(url, data, follow=method == "post")
            text = response.content.decode(errors="replace")
            assert response.status_code in ANSWERS.get(name, (200, 403, 404)), (
                f"{name} {url}: {response.status_code}"
            )
            for secret in (A_RESIDENT, "Oud Geval", "Kapvergunning Utrecht", "ZAAK-2026-0009999</a>"):
                assert secret not in text, f"{name} {url} shows gemeente A's {secret!r}"
            if name in ("zaak-detail", "zaak-document"):
                assert response.status_code == 404, f"{url} must not exist for gemeente B"
            if name.startswith("shared-"):
                assert response.status_code == 403, f"{url} is for chain partners only"

    assert list(Zaak.objects.for_tenant(gemeente_a).values()) == before, "nothing of A changed"
    assert list(ZaakShare.objects.values()) == shares_before, "A's share is not revoked"


def test_a_partner_that_a_did_not_share_with_sees_and_changes_nothing(
    client, zaak_a, share_a, gemeente_a, actor
):
    before = list(Zaak.objects.for_tenant(gemeente_a).values())
    outsider = make_partner_employee("schuldhulp", partner=schuldhulp(), actor=actor)
    log_in(client, outsider)

    for name, calls in _requests(zaak_a, share_a.uuid).items():
        for method, url, data in calls:
            response = getattr(client, method)(url, data, follow=method == "post")
            text = response.content.decode(errors="replace")
            assert response.status_code in ANSWERS.get(name, (200, 403, 404)), (
                f"{name} {url}: {response.status_code}"
            )
            for secret in (A_RESIDENT, "Oud Geval", "Kapvergunning Utrecht", "ZAAK-2026-0009999</a>"):
                assert secret not in text, f"{name} {url} shows gemeente A's {secret!r}"
            if name.startswith("incident-") and name not in GEMEENTE_ONLY:
                continue  # a partner's employee reports aggression to their own organisation
            if not name.startswith("shared-"):
                assert response.status_code == 403, f"{url} is a gemeente page"
            elif name != "shared-zaken":
                assert response.status_code == 404, f"{url} is another partner's share"

    assert list(Zaak.objects.for_tenant(gemeente_a).values()) == before, "nothing of A changed"
    assert not zaak_a.notes.exists() and ZaakShare.objects.get() == share_a and not share_a.is_revoked


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


def test_a_privacy_officer_of_b_sees_nothing_of_gemeente_a_in_the_processing_log(
    client, zaak_a, gemeente_a, gemeente_b, actor
):
    reader = make_employee("behandelaar-a", gemeente=gemeente_a, team=zaak_a.team, actor=actor)
    get_zaak_for_employee(
        tenant=gemeente_a,
        identificatie="ZAAK-2026-0009999",
        purpose=Purpose.handling(employee_actor(reader, tenant=gemeente_a)),
    )
    assert ProcessingRecord.objects.for_tenant(gemeente_a).filter(object_label="ZAAK-2026-0009999").exists()
    privacy_b = make_employee("privacy-b", gemeente=gemeente_b, role=Role.PRIVACY_OFFICER, actor=actor)
    log_in(client, privacy_b)

    for name in ("processing-log", "access-review"):
        for method, url, data in _requests(zaak_a)[name]:
            response = getattr(client, method)(url, data, follow=method == "post")
            text = response.content.decode()
            assert response.status_code == 200, f"{name} {url} {data}"
            for secret in ("ZAAK-2026-0009999", '<option value="behandelaar-a"', A_RESIDENT, "Kapvergunning"):
                assert secret not in text, f"{name} {url} shows gemeente A's {secret!r}"

    response = client.get(reverse("backoffice:processing-log"), {"betrokkene": A_BSN})
    found = list(response.context["page"].object_list)
    assert found, "B's own earlier search for this BSN is in B's log"
    assert {(r.tenant_id, r.activity_code) for r in found} == {(gemeente_b.pk, "inzage-verwerkingslog")}
    response = client.get(reverse("backoffice:processing-log"), {"medewerker": "behandelaar-a"})
    assert "Er is geen medewerker met deze gebruikersnaam." in response.content.decode()
    assert not AccessReviewSettings.objects.for_tenant(gemeente_a).exists(), "B's thresholds are B's"
    assert AccessReviewSettings.objects.for_tenant(gemeente_b).get().distinct_subjects_per_day == 1
