"""The coordinator's handling: VPT tasks, the waarschuwingsbrief, aangifte, a maatregel, closing."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from plus1.audit.models import AuditEntry, ProcessingRecord
from plus1.core import clock
from plus1.incidents import services
from plus1.incidents.constants import LEGAL_GROUND, IncidentStatus, MeasureKind, ReactionKind, TaskKind
from plus1.incidents.exceptions import IncidentError, IncidentNotAllowed, VersionConflict
from plus1.incidents.models import Incident, Measure

from .core_fixtures import actor_of, log_in, report, resident_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def incident(gemeente_a, employee_a, zaak_a):
    return report(tenant=gemeente_a, reporter=employee_a, zaak=zaak_a, person=resident_of(zaak_a))


def detail(incident):
    return reverse("backoffice:incident-detail", args=[incident.uuid])


def action(incident, name):
    return reverse("backoffice:incident-action", args=[incident.uuid, name])


def task(incident, kind):
    return incident.tasks.get(kind=kind)


def complete(incident, kind, coordinator, **options):
    incident.refresh_from_db()
    return services.complete_task(
        task=task(incident, kind),
        user=coordinator,
        actor=actor_of(coordinator),
        outcome=options.pop("outcome", "Gebeld met de medewerker."),
        expected_version=incident.version,
        **options,
    )


def measure(incident, coordinator, **changes):
    incident.refresh_from_db()
    values = {
        "kind": MeasureKind.BY_APPOINTMENT,
        "starts_on": clock.today(),
        "ends_on": clock.today() + datetime.timedelta(days=90),
    }
    values.update(changes)
    return services.set_measure(
        incident=incident,
        user=coordinator,
        actor=actor_of(coordinator),
        expected_version=incident.version,
        **values,
    )


# --- tasks ----------------------------------------------------------------------------------


def test_completing_aftercare_records_the_outcome_and_starts_the_handling(incident, coordinator_a):
    done = complete(incident, TaskKind.AFTERCARE, coordinator_a)
    incident.refresh_from_db()
    assert done.done_at and done.done_by == coordinator_a
    assert incident.status == IncidentStatus.IN_PROGRESS
    assert incident.version == 2


def test_a_task_is_done_once(incident, coordinator_a):
    complete(incident, TaskKind.AFTERCARE, coordinator_a)
    with pytest.raises(IncidentError, match="al afgerond"):
        complete(incident, TaskKind.AFTERCARE, coordinator_a)


def test_a_task_needs_an_outcome(incident, coordinator_a):
    with pytest.raises(IncidentError, match="Schrijf op"):
        complete(incident, TaskKind.AFTERCARE, coordinator_a, outcome="  ")


def test_the_reaction_is_a_conversation_or_a_letter(incident, coordinator_a):
    with pytest.raises(IncidentError, match="gesprek of een waarschuwingsbrief"):
        complete(incident, TaskKind.REACTION, coordinator_a)
    with pytest.raises(IncidentError, match="eerst de waarschuwingsbrief"):
        complete(incident, TaskKind.REACTION, coordinator_a, reaction_kind=ReactionKind.WARNING_LETTER)
    done = complete(incident, TaskKind.REACTION, coordinator_a, reaction_kind=ReactionKind.CONVERSATION)
    assert done.reaction_kind == ReactionKind.CONVERSATION


def test_the_warning_letter_is_made_from_the_template_and_stored_privately(incident, coordinator_a, settings):
    incident.refresh_from_db()
    letter_task = services.make_warning_letter(
        task=task(incident, TaskKind.REACTION),
        user=coordinator_a,
        actor=actor_of(coordinator_a),
        expected_version=incident.version,
        text="U schreeuwde tegen onze medewerker.",
    )
    assert letter_task.letter.name.startswith("incidents/letters/")
    assert letter_task.letter.path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    with letter_task.letter.open("rb") as handle:
        assert handle.read(5) == b"%PDF-"
    done = complete(incident, TaskKind.REACTION, coordinator_a, reaction_kind=ReactionKind.WARNING_LETTER)
    assert done.reaction_kind == ReactionKind.WARNING_LETTER


def test_no_warning_letter_without_a_known_person(gemeente_a, employee_a, coordinator_a):
    incident = report(tenant=gemeente_a, reporter=employee_a)
    with pytest.raises(IncidentError, match="bekende persoon"):
        services.make_warning_letter(
            task=task(incident, TaskKind.REACTION),
            user=coordinator_a,
            actor=actor_of(coordinator_a),
            expected_version=incident.version,
        )


def test_aangifte_on_behalf_of_the_employer_needs_the_work_address(incident, coordinator_a, gemeente_a):
    with pytest.raises(IncidentError, match="werkadres"):
        complete(incident, TaskKind.REPORT_TO_POLICE, coordinator_a, on_behalf_of_employer=True)
    services.update_incident_settings(
        tenant=gemeente_a, actor=actor_of(coordinator_a), work_address="Stadsplateau 1\n3521 AZ Utrecht"
    )
    done = complete(incident, TaskKind.REPORT_TO_POLICE, coordinator_a, on_behalf_of_employer=True)
    assert done.on_behalf_of_employer


# --- the measure ----------------------------------------------------------------------------


def test_a_measure_runs_from_start_to_end_and_completes_its_task(incident, coordinator_a):
    made = measure(incident, coordinator_a)
    assert made.person_bsn == "999993653"
    assert task(incident, TaskKind.MEASURE).done_at is not None


def test_an_end_date_before_the_start_is_refused_and_nothing_is_stored(incident, coordinator_a):
    with pytest.raises(IncidentError, match="einddatum ligt voor de begindatum"):
        measure(incident, coordinator_a, ends_on=clock.today() - datetime.timedelta(days=1))
    assert not Measure.objects.exists()
    incident.refresh_from_db()
    assert incident.version == 1


def test_no_measure_without_a_person_with_a_bsn_or_kvk(gemeente_a, employee_a, coordinator_a):
    incident = report(
        tenant=gemeente_a,
        reporter=employee_a,
        person=services.Person(kind="described", description="Lange man, rode jas"),
    )
    with pytest.raises(IncidentError, match="bekende inwoner"):
        measure(incident, coordinator_a)


def test_a_measure_can_end_early(incident, coordinator_a):
    made = measure(incident, coordinator_a)
    ended = services.end_measure(measure=made, user=coordinator_a, actor=actor_of(coordinator_a))
    assert ended.ended_at is not None
    with pytest.raises(IncidentError, match="al beëindigd"):
        services.end_measure(measure=made, user=coordinator_a, actor=actor_of(coordinator_a))


def test_setting_and_ending_a_measure_are_in_the_processing_log(incident, coordinator_a):
    made = measure(incident, coordinator_a)
    services.end_measure(measure=made, user=coordinator_a, actor=actor_of(coordinator_a))
    records = ProcessingRecord.objects.filter(operation__in=["set_measure", "end_measure"])
    assert {r.operation for r in records} == {"set_measure", "end_measure"}
    assert all(r.legal_ground == LEGAL_GROUND[:300] and r.subject_hash for r in records)
    assert AuditEntry.objects.filter(action="end_measure", object_id=str(made.pk)).exists()


# --- closing and conflicts ------------------------------------------------------------------


def test_closing_needs_a_conclusion(incident, coordinator_a):
    with pytest.raises(IncidentError, match="conclusie"):
        services.close_incident(
            incident=incident,
            user=coordinator_a,
            actor=actor_of(coordinator_a),
            conclusion=" ",
            expected_version=1,
        )
    closed = services.close_incident(
        incident=incident,
        user=coordinator_a,
        actor=actor_of(coordinator_a),
        conclusion="Gesprek gevoerd, medewerker is tevreden.",
        expected_version=1,
    )
    assert closed.status == IncidentStatus.CLOSED and closed.closed_at


def test_two_coordinators_changing_one_report_get_a_version_conflict(
    incident, coordinator_a, second_coordinator_a
):
    seen = incident.version
    services.close_incident(
        incident=incident,
        user=coordinator_a,
        actor=actor_of(coordinator_a),
        conclusion="Klaar.",
        expected_version=seen,
    )
    with pytest.raises(VersionConflict) as conflict:
        services.set_measure(
            incident=incident,
            user=second_coordinator_a,
            actor=actor_of(second_coordinator_a),
            kind=MeasureKind.IN_WRITING,
            starts_on=clock.today(),
            ends_on=clock.today(),
            expected_version=seen,
        )
    assert "Iemand anders heeft deze melding net gewijzigd" in str(conflict.value)
    assert not Measure.objects.exists()


def test_only_the_coordinator_handles(incident, employee_a):
    with pytest.raises(IncidentNotAllowed):
        complete(incident, TaskKind.AFTERCARE, employee_a)


# --- the pages ------------------------------------------------------------------------------


def test_the_coordinator_sees_the_tasks_and_the_person_and_the_read_is_logged(
    client, incident, coordinator_a
):
    log_in(client, coordinator_a)
    page = client.get(detail(incident)).content.decode()
    assert "Nazorg voor de medewerker" in page and "Suzanne Moulin" in page
    read = ProcessingRecord.objects.get(object_type="incidents.incident", action="read")
    assert read.legal_ground == LEGAL_GROUND[:300]
    assert read.actor_id == str(coordinator_a.pk)


def test_the_coordinator_sets_a_measure_on_the_page(client, incident, coordinator_a):
    log_in(client, coordinator_a)
    response = client.post(
        action(incident, "maatregel"),
        {
            "maatregel-version": incident.version,
            "maatregel-kind": MeasureKind.BUILDING_BAN,
            "maatregel-starts_on": clock.today().isoformat(),
            "maatregel-ends_on": (clock.today() + datetime.timedelta(days=30)).isoformat(),
        },
    )
    assert response.status_code == 302
    assert Measure.objects.get().kind == MeasureKind.BUILDING_BAN


def test_an_end_date_before_the_start_on_the_page_says_so_in_dutch(client, incident, coordinator_a):
    log_in(client, coordinator_a)
    response = client.post(
        action(incident, "maatregel"),
        {
            "maatregel-version": incident.version,
            "maatregel-kind": MeasureKind.BY_APPOINTMENT,
            "maatregel-starts_on": clock.today().isoformat(),
            "maatregel-ends_on": (clock.today() - datetime.timedelta(days=3)).isoformat(),
        },
    )
    assert response.status_code == 400
    assert "De einddatum ligt voor de begindatum" in response.content.decode()
    assert not Measure.objects.exists()


def test_a_second_coordinator_on_the_page_gets_a_clear_conflict_and_can_try_again(
    client, incident, coordinator_a, second_coordinator_a
):
    services.close_incident(
        incident=incident,
        user=coordinator_a,
        actor=actor_of(coordinator_a),
        conclusion="Klaar.",
        expected_version=1,
    )
    log_in(client, second_coordinator_a)
    response = client.post(
        action(incident, "afsluiten"), {"afsluiten-version": 1, "afsluiten-conclusion": "Ook klaar."}
    )
    assert response.status_code == 409
    assert "Iemand anders heeft deze melding net gewijzigd" in response.content.decode()
    assert Incident.objects.get().conclusion == "Klaar."


def test_the_coordinator_completes_a_task_and_downloads_the_letter(client, incident, coordinator_a):
    log_in(client, coordinator_a)
    reaction = task(incident, TaskKind.REACTION)
    response = client.post(
        action(incident, "brief"), {"brief-version": 1, "brief-task": reaction.pk, "brief-text": ""}
    )
    assert response.status_code == 302
    letter = client.get(reverse("backoffice:incident-letter", args=[incident.uuid, reaction.pk]))
    assert letter.status_code == 200 and letter["Content-Type"] == "application/pdf"
    response = client.post(
        action(incident, "taak"),
        {
            "taak": reaction.pk,
            f"taak-{reaction.pk}-version": 2,
            f"taak-{reaction.pk}-task": reaction.pk,
            f"taak-{reaction.pk}-reaction_kind": "brief",
            f"taak-{reaction.pk}-outcome": "Brief verstuurd.",
        },
    )
    assert response.status_code == 302
    reaction.refresh_from_db()
    assert reaction.done_at and reaction.outcome == "Brief verstuurd."


def test_the_reporter_cannot_download_the_letter(client, incident, coordinator_a, employee_a):
    incident.refresh_from_db()
    reaction = services.make_warning_letter(
        task=task(incident, TaskKind.REACTION),
        user=coordinator_a,
        actor=actor_of(coordinator_a),
        expected_version=incident.version,
    )
    log_in(client, employee_a)
    response = client.get(reverse("backoffice:incident-letter", args=[incident.uuid, reaction.pk]))
    assert response.status_code == 404


def test_the_handling_page_has_unique_ids(client, incident, coordinator_a):
    import re

    log_in(client, coordinator_a)
    page = client.get(detail(incident)).content.decode()
    ids = re.findall(r' id="([^"]+)"', page)
    assert len(ids) == len(set(ids))
