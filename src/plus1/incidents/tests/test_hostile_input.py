"""Hostile input and insiders on the incident register (red team, issue 20).

An employee of another gemeente, a case handler on the coordinator's pages, a teamleider after
personal details, a task of another report under this report's uuid, forged form values, bad
dates and empty posts: each gets a 4xx page (never a 500) and nothing is stored or shown.
"""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from plus1.audit.models import ProcessingRecord
from plus1.core import clock
from plus1.incidents import services
from plus1.incidents.constants import MeasureKind, TaskKind
from plus1.incidents.models import Incident, IncidentDraft, Measure

from .core_fixtures import OTHER_BSN, actor_of, log_in, report, resident_of

pytestmark = pytest.mark.django_db

REPORT = reverse("backoffice:incident-report")
DRAFT = reverse("backoffice:incident-draft")
LIST = reverse("backoffice:incident-list")
SUBMIT = reverse("backoffice:incident-aro-submit")
EXPORT = reverse("backoffice:incident-export")
PERSONAL = "Suzanne Moulin"


def form(**changes):
    local = timezone.localtime(clock.now() - datetime.timedelta(minutes=30))
    values = {
        "occurred_on": local.date().isoformat(),
        "occurred_time": local.strftime("%H:%M"),
        "location": "Balie Stadskantoor",
        "channel": "balie",
        "categories": ["verbaal"],
        "consequences": ["emotioneel"],
        "description": "Een man schreeuwde.",
        "for_whom": "myself",
        "person": "",
    }
    values.update(changes)
    return values


@pytest.fixture
def incident(gemeente_a, employee_a, zaak_a):
    return report(tenant=gemeente_a, reporter=employee_a, zaak=zaak_a, person=resident_of(zaak_a))


def detail(incident):
    return reverse("backoffice:incident-detail", args=[incident.uuid])


def action(incident, name):
    return reverse("backoffice:incident-action", args=[incident.uuid, name])


# --- another gemeente, another role --------------------------------------------------------


def test_the_coordinator_of_another_gemeente_reaches_nothing_by_uuid(client, incident, coordinator_b):
    log_in(client, coordinator_b)
    reaction = incident.tasks.get(kind=TaskKind.REACTION)
    urls = [
        detail(incident),
        reverse("backoffice:incident-edit", args=[incident.uuid]),
        reverse("backoffice:incident-reported", args=[incident.uuid]),
        reverse("backoffice:incident-letter", args=[incident.uuid, reaction.pk]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 404, url
        assert PERSONAL not in response.content.decode()
    closed = client.post(action(incident, "afsluiten"), {"afsluiten-version": 1, "afsluiten-conclusion": "x"})
    assert closed.status_code == 404
    incident.refresh_from_db()
    assert incident.status != "closed"


def test_a_case_handler_cannot_handle_even_their_own_report(client, incident, employee_a, colleague_a):
    log_in(client, employee_a)
    response = client.post(
        action(incident, "maatregel"),
        {
            "maatregel-version": incident.version,
            "maatregel-kind": MeasureKind.BUILDING_BAN,
            "maatregel-starts_on": clock.today().isoformat(),
            "maatregel-ends_on": (clock.today() + datetime.timedelta(days=30)).isoformat(),
        },
    )
    assert response.status_code == 403 and not Measure.objects.exists()
    log_in(client, colleague_a)
    assert client.get(detail(incident)).status_code == 404
    assert client.get(LIST).status_code == 403
    assert client.get(EXPORT).status_code == 403


def test_a_teamleider_sees_no_personal_details(client, incident, teamleider_a):
    log_in(client, teamleider_a)

    assert client.get(detail(incident)).status_code == 404
    figures = client.get(reverse("backoffice:incident-figures"))
    assert figures.status_code == 200 and PERSONAL not in figures.content.decode()
    assert client.get(EXPORT, {"format": "csv", "met_namen": "on"}).status_code == 403
    assert client.post(SUBMIT, {"aro-met_namen": "on"}).status_code == 403


def test_a_task_of_another_report_under_this_reports_uuid_is_not_found(
    client, gemeente_a, incident, employee_a, coordinator_a, coordinator_b, gemeente_b, employee_b
):
    other = report(tenant=gemeente_b, reporter=employee_b)
    foreign_task = other.tasks.get(kind=TaskKind.AFTERCARE)
    mine_other = report(tenant=gemeente_a, reporter=employee_a)
    sibling_task = mine_other.tasks.get(kind=TaskKind.AFTERCARE)
    log_in(client, coordinator_a)

    for task in (foreign_task, sibling_task):
        response = client.post(
            action(incident, "taak"),
            {
                "taak": task.pk,
                f"taak-{task.pk}-version": incident.version,
                f"taak-{task.pk}-task": task.pk,
                f"taak-{task.pk}-outcome": "Gebeld.",
            },
        )
        assert response.status_code == 404
        task.refresh_from_db()
        assert task.done_at is None
        letter = client.get(reverse("backoffice:incident-letter", args=[incident.uuid, task.pk]))
        assert letter.status_code == 404


def test_ending_a_measure_of_another_report_is_not_found(
    client, gemeente_a, incident, employee_a, coordinator_a, zaak_a
):
    other = report(tenant=gemeente_a, reporter=employee_a, zaak=zaak_a, person=resident_of(zaak_a))
    running = services.set_measure(
        incident=other,
        user=coordinator_a,
        actor=actor_of(coordinator_a),
        expected_version=other.version,
        kind=MeasureKind.BY_APPOINTMENT,
        description="",
        starts_on=clock.today(),
        ends_on=clock.today() + datetime.timedelta(days=30),
    )
    log_in(client, coordinator_a)

    response = client.post(
        action(incident, "maatregel-beeindigen"),
        {"maatregel-beeindigen-version": incident.version, "maatregel-beeindigen-measure": running.pk},
    )

    assert response.status_code == 404
    assert Measure.objects.get(pk=running.pk).ended_at is None


# --- the report form -----------------------------------------------------------------------


def test_a_zaak_of_another_gemeente_in_the_link_is_not_shown_or_stored(client, employee_a, zaak_b):
    log_in(client, employee_a)

    shown = client.get(REPORT, {"zaak": zaak_b.identificatie})
    posted = client.post(REPORT, form(zaak=zaak_b.identificatie, person=f"resident:{OTHER_BSN}"))

    assert shown.status_code == 200 and "Piet Pieters" not in shown.content.decode()
    assert posted.status_code == 400 and "Piet Pieters" not in posted.content.decode()
    assert not Incident.objects.exists()


def test_a_witness_of_another_gemeente_is_refused(client, employee_a, employee_b):
    log_in(client, employee_a)

    response = client.post(REPORT, form(witnesses=[employee_b.pk]))

    assert response.status_code == 400 and not Incident.objects.exists()


def test_a_person_not_on_the_zaak_is_refused(client, employee_a, zaak_a):
    log_in(client, employee_a)

    for forged in (f"resident:{OTHER_BSN}", "resident:000000000", "x" * 500, "resident:", "company:1"):
        response = client.post(REPORT, form(zaak=zaak_a.identificatie, person=forged))
        assert response.status_code == 400, forged
    assert not Incident.objects.exists()


@pytest.mark.parametrize(
    "changes",
    [
        {"occurred_on": "2026-02-30"},
        {"occurred_on": "0001-01-01"},
        {"occurred_on": "9999-12-31"},
        {"occurred_on": "gisteren"},
        {"occurred_time": "25:61"},
        {"channel": ["fax"]},
        {"categories": ["bestaat-niet"]},
        {"categories": []},
        {"witnesses": ["abc", "-1", "99999999999999999999"]},
        {"for_whom": "colleague", "employee": "abc"},
        {"description": "x" * 10_001},
        {"description": "nul\x00teken"},
        {"location": "x" * 5_000},
    ],
)
def test_bad_values_in_the_report_form_get_a_400_not_a_500(client, employee_a, changes):
    log_in(client, employee_a)

    response = client.post(REPORT, form(**changes))

    assert response.status_code == 400
    assert not Incident.objects.exists()


def test_a_date_of_year_0001_says_to_check_the_year(client, employee_a):
    log_in(client, employee_a)

    response = client.post(REPORT, form(occurred_on="0001-01-01"))

    assert response.status_code == 400 and "Controleer het jaartal" in response.content.decode()


def test_an_empty_post_to_every_form_is_a_4xx(client, incident, coordinator_a):
    log_in(client, coordinator_a)
    urls = [
        REPORT,
        DRAFT,
        reverse("backoffice:incident-edit", args=[incident.uuid]),
        SUBMIT,
        *(
            action(incident, name)
            for name in ("taak", "brief", "maatregel", "maatregel-beeindigen", "afsluiten")
        ),
    ]
    for url in urls:
        response = client.post(url)
        assert response.status_code < 500, url
    assert client.post(action(incident, "bestaat-niet")).status_code == 404


@pytest.mark.parametrize(
    "starts,ends",
    [
        ("2026-02-30", "2026-03-01"),
        ("0001-01-01", "0001-01-02"),
        ("9999-12-30", "9999-12-31"),
        ("today", "9999-12-31"),
        ("", ""),
    ],
)
def test_bad_measure_dates_get_a_400(client, incident, coordinator_a, starts, ends):
    log_in(client, coordinator_a)

    response = client.post(
        action(incident, "maatregel"),
        {
            "maatregel-version": incident.version,
            "maatregel-kind": MeasureKind.BY_APPOINTMENT,
            "maatregel-starts_on": clock.today().isoformat() if starts == "today" else starts,
            "maatregel-ends_on": ends,
        },
    )

    assert response.status_code == 400
    assert not Measure.objects.exists()


def test_a_version_that_is_not_a_number_is_a_4xx(client, incident, coordinator_a):
    log_in(client, coordinator_a)

    for version in ("abc", "-1", "1e3", "99999999999999999999999"):
        response = client.post(
            action(incident, "afsluiten"), {"afsluiten-version": version, "afsluiten-conclusion": "Klaar."}
        )
        assert 400 <= response.status_code < 500, version
    incident.refresh_from_db()
    assert incident.status != "closed"


# --- the draft ----------------------------------------------------------------------------


def test_a_huge_or_odd_draft_is_capped_and_each_employee_keeps_only_their_own(
    client, employee_a, colleague_a
):
    log_in(client, colleague_a)
    client.post(DRAFT, {"description": "van de collega"})
    log_in(client, employee_a)

    response = client.post(
        DRAFT,
        {"description": "x" * 2_000_000, "categories": [f"c{n}" for n in range(900)], "user": colleague_a.pk},
    )

    assert response.status_code in (204, 413)
    colleague_draft = IncidentDraft.objects.get(user=colleague_a)
    assert colleague_draft.data["description"] == "van de collega"
    own = IncidentDraft.objects.filter(user=employee_a).first()
    if own is not None:
        assert len(own.data.get("description", "")) <= 20_000
        assert len(own.data.get("categories", [])) <= 50
        assert "user" not in own.data
    page = client.get(REPORT).content.decode()
    assert "van de collega" not in page


def test_a_json_body_to_the_draft_endpoint_is_not_a_500(client, employee_a):
    log_in(client, employee_a)

    response = client.post(
        DRAFT, '{"description": ' + '"x",' * 100_000 + "}", content_type="application/json"
    )

    assert response.status_code < 500


# --- the processing log -------------------------------------------------------------------


def test_every_read_of_a_report_with_a_person_is_logged(client, incident, coordinator_a):
    log_in(client, coordinator_a)
    before = ProcessingRecord.objects.filter(object_type="incidents.incident", action="read").count()

    client.get(detail(incident))
    client.get(detail(incident))

    after = ProcessingRecord.objects.filter(object_type="incidents.incident", action="read").count()
    assert after == before + 2


# --- ARO ----------------------------------------------------------------------------------


def test_a_refused_or_unreachable_aro_gives_the_coordinator_a_normal_page(
    client, incident, coordinator_a, monkeypatch
):
    from plus1.connectors.aro import AroError

    class Refusing:
        def submit(self, batch):
            raise AroError("ARO is nu niet bereikbaar (ConnectError). Probeer het later opnieuw.")

    monkeypatch.setattr("plus1.incidents.aro_export.get_aro_connector", Refusing)
    log_in(client, coordinator_a)

    response = client.post(SUBMIT)

    assert response.status_code < 500
    assert "ARO is nu niet bereikbaar" in response.content.decode()


def test_aro_answering_nonsense_is_a_clear_error_not_a_500(monkeypatch):
    import httpx

    from plus1.connectors.aro import AroError, AroHttpClient

    answers = [
        httpx.Response(200, json={"referentie": "R1", "aantal": "veel"}),
        httpx.Response(422, json={"fouten": "alles"}),
        httpx.Response(422, json={"fouten": 3}),
        httpx.Response(500, text="<html>"),
        httpx.Response(200, json=["geen", "object"]),
    ]
    for answer in answers:
        monkeypatch.setattr(httpx, "post", lambda *args, _answer=answer, **kwargs: _answer)
        try:
            receipt = AroHttpClient(url="https://aro.example.nl/", token="").submit({})
        except AroError as exc:
            assert str(exc)
        else:
            assert receipt.reference == "R1" and receipt.accepted == 0


@pytest.mark.parametrize(
    "params",
    [
        {"van": "9999-12-31", "tot": "9999-12-31"},
        {"van": "9999-12-01"},
        {"van": "0001-01-01", "tot": "0001-01-31"},
        {"van": "2026-02-30"},
        {"tot": "abc"},
        {"page": "-1"},
        {"page": str(10**9)},
        {"category": "bestaat-niet", "channel": "<script>", "team": str(10**20)},
    ],
)
def test_bad_filters_on_the_coordinators_pages_are_never_a_500(client, incident, coordinator_a, params):
    log_in(client, coordinator_a)

    for url in (LIST, reverse("backoffice:incident-figures"), EXPORT):
        response = client.get(url, params)
        assert response.status_code < 500, (url, response.status_code)
        assert "<script>" not in response.content.decode()
    for export_format in ("csv", "json"):
        response = client.get(EXPORT, {**params, "format": export_format})
        assert response.status_code < 500, (export_format, response.status_code)
    submitted = client.post(SUBMIT, {f"aro-{key}": value for key, value in params.items()})
    assert submitted.status_code < 500
