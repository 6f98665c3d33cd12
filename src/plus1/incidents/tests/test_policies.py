"""Who sees which report: the reporter, the employee concerned and the coordinator; nobody else."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from plus1.accounts.constants import Role
from plus1.incidents import policies, services
from plus1.incidents.constants import TaskKind
from plus1.incidents.exceptions import IncidentNotAllowed
from plus1.incidents.models import Incident

from .core_fixtures import actor_of, data, log_in, person, report

pytestmark = pytest.mark.django_db


@pytest.fixture
def incident(gemeente_a, employee_a, colleague_a):
    """Anna reports for her colleague Bram."""
    return report(tenant=gemeente_a, reporter=employee_a, employee=colleague_a)


def detail(incident):
    return reverse("backoffice:incident-detail", args=[incident.uuid])


def edit(incident):
    return reverse("backoffice:incident-edit", args=[incident.uuid])


LIST = reverse("backoffice:incident-list")


def handled(incident, coordinator):
    services.complete_task(
        task=incident.tasks.get(kind=TaskKind.AFTERCARE),
        user=coordinator,
        actor=actor_of(coordinator),
        outcome="Gesproken met Bram; hij wil geen verdere hulp.",
        expected_version=incident.version,
    )
    incident.refresh_from_db()
    return incident


def test_every_back_office_role_and_a_partner_employee_may_report(gemeente_a, partner_employee, employee_a):
    quality = person("kwaliteit-a", gemeente=gemeente_a, role=Role.KWALITEITSMEDEWERKER)
    privacy = person("privacy-a", gemeente=gemeente_a, role=Role.PRIVACY_OFFICER)
    resident = get_user_model().objects.create_user(username="inwoner", bsn="999993653")
    assert all(policies.can_report(user) for user in (employee_a, quality, privacy, partner_employee))
    assert not policies.can_report(resident)


def test_the_reporter_and_the_employee_concerned_see_the_report_without_the_handling(
    client, incident, employee_a, colleague_a, coordinator_a
):
    handled(incident, coordinator_a)
    for user in (employee_a, colleague_a):
        log_in(client, user)
        page = client.get(detail(incident))
        assert page.status_code == 200
        body = page.content.decode()
        assert incident.number in body
        assert "hij wil geen verdere hulp" not in body
        assert "Opvolging" not in body


def test_the_employee_concerned_finds_it_in_mijn_meldingen(client, incident, colleague_a):
    log_in(client, colleague_a)
    assert incident.number in client.get(reverse("backoffice:incident-mine")).content.decode()


def test_another_colleague_gets_404_for_the_report_and_403_for_the_list(client, incident, gemeente_a, team_a):
    other = person("collega-c", gemeente=gemeente_a, team=team_a)
    log_in(client, other)
    assert client.get(detail(incident)).status_code == 404
    assert client.get(edit(incident)).status_code == 404
    assert client.get(LIST).status_code == 403
    assert incident.number not in client.get(reverse("backoffice:incident-mine")).content.decode()


def test_a_teamleider_sees_no_report_of_their_team(client, incident, teamleider_a):
    log_in(client, teamleider_a)
    assert client.get(detail(incident)).status_code == 404
    assert client.get(LIST).status_code == 403


def test_the_coordinator_of_another_gemeente_sees_nothing(client, incident, coordinator_b):
    log_in(client, coordinator_b)
    assert client.get(detail(incident)).status_code == 404
    listing = client.get(LIST)
    assert listing.status_code == 200
    assert incident.number not in listing.content.decode()


def test_the_coordinator_sees_every_report_of_the_gemeente(client, incident, coordinator_a):
    log_in(client, coordinator_a)
    assert incident.number in client.get(LIST).content.decode()
    assert client.get(detail(incident)).status_code == 200


def test_a_partner_employee_sees_no_report_of_the_gemeente(client, incident, partner_employee):
    log_in(client, partner_employee)
    assert client.get(detail(incident)).status_code == 404
    assert client.get(LIST).status_code == 403


def test_someone_signed_out_is_sent_to_the_log_in(client, incident):
    response = client.get(detail(incident))
    assert response.status_code == 302 and reverse("backoffice:login") in response["Location"]


def test_the_reporter_changes_the_report_while_it_is_new(client, incident, employee_a):
    log_in(client, employee_a)
    page = client.get(edit(incident))
    assert page.status_code == 200
    body = {
        "version": incident.version,
        "occurred_on": incident.occurred_at.date().isoformat(),
        "occurred_time": "09:00",
        "location": "Balie Zuid",
        "channel": "telefoon",
        "categories": ["verbaal"],
        "description": "Aangevuld: hij belde later nog een keer.",
        "person": "",
    }
    from django.utils import timezone

    local = timezone.localtime(incident.occurred_at)
    body["occurred_on"], body["occurred_time"] = local.date().isoformat(), local.strftime("%H:%M")
    response = client.post(edit(incident), body)
    assert response.status_code == 302
    incident.refresh_from_db()
    assert incident.location == "Balie Zuid" and incident.version == 2


def test_a_report_edited_by_someone_who_may_not_is_refused(
    client, incident, employee_a, colleague_a, coordinator_a
):
    # The colleague it is about may read it, not change it.
    with pytest.raises(IncidentNotAllowed):
        services.update_incident(
            incident=incident,
            user=colleague_a,
            data=data(location="X"),
            actor=actor_of(colleague_a),
            expected_version=1,
        )
    log_in(client, colleague_a)
    assert client.get(edit(incident)).status_code == 403
    # Once the coordinator handles it, the reporter may not change it any more.
    handled(incident, coordinator_a)
    with pytest.raises(IncidentNotAllowed, match="niet meer wijzigen"):
        services.update_incident(
            incident=incident,
            user=employee_a,
            data=data(location="Ergens anders"),
            actor=actor_of(employee_a),
            expected_version=incident.version,
        )
    log_in(client, employee_a)
    assert client.get(edit(incident)).status_code == 403
    assert Incident.objects.get().location == "Balie Stadskantoor"


def test_the_coordinator_may_always_change_a_report(incident, coordinator_a):
    handled(incident, coordinator_a)
    changed = services.update_incident(
        incident=incident,
        user=coordinator_a,
        data=data(location="Balie Oost"),
        actor=actor_of(coordinator_a),
        expected_version=incident.version,
    )
    assert changed.location == "Balie Oost"


def test_the_admin_has_the_settings_but_not_the_reports():
    from django.contrib import admin

    from plus1.incidents.models import IncidentDraft, IncidentSettings, IncidentTask, Measure

    assert IncidentSettings in admin.site._registry
    assert not {Incident, IncidentDraft, IncidentTask, Measure} & set(admin.site._registry)


def test_a_beheerder_keeps_only_their_own_gemeentes_settings(client, gemeente_a, gemeente_b, actor):
    from plus1.core.testing import log_in_to_admin

    services.settings_for(gemeente_a)
    other = services.settings_for(gemeente_b)
    beheerder = person("beheer-a", gemeente=gemeente_a, role=Role.BEHEERDER)
    log_in_to_admin(client, beheerder)
    assert client.get(reverse("admin:incidents_incidentsettings_change", args=[other.pk])).status_code in (
        302,
        403,
        404,
    )
    listing = client.get(reverse("admin:incidents_incidentsettings_changelist"))
    assert listing.status_code == 200
    assert [row.tenant for row in listing.context["cl"].result_list] == [gemeente_a]
