"""Reporting an incident: in under a minute, from anywhere in the back office, nothing wrong stored."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from plus1.audit.models import AuditEntry, ProcessingRecord
from plus1.core import clock
from plus1.incidents import services
from plus1.incidents.constants import LEGAL_GROUND, Category, PersonKind, TaskKind
from plus1.incidents.exceptions import IncidentError
from plus1.incidents.models import Incident, IncidentDraft

from .core_fixtures import log_in, report, resident_of

pytestmark = pytest.mark.django_db
REPORT = reverse("backoffice:incident-report")


def form(**changes):
    local = timezone.localtime(clock.now() - datetime.timedelta(minutes=30))
    values = {
        "occurred_on": local.date().isoformat(),
        "occurred_time": local.strftime("%H:%M"),
        "location": "Balie Stadskantoor",
        "channel": "balie",
        "categories": ["verbaal", "bedreiging"],
        "consequences": ["emotioneel"],
        "description": "Een man schreeuwde en dreigde terug te komen.",
        "for_whom": "myself",
        "person": "",
    }
    values.update(changes)
    return values


# --- the service ------------------------------------------------------------------------------


def test_a_report_gets_the_next_number_of_the_gemeente_and_year(gemeente_a, employee_a):
    first = report(tenant=gemeente_a, reporter=employee_a)
    second = report(tenant=gemeente_a, reporter=employee_a)
    year = clock.now().year
    assert first.number == f"VPT-{year}-000001"
    assert second.number == f"VPT-{year}-000002"


def test_numbers_count_per_gemeente(gemeente_a, gemeente_b, employee_a, employee_b):
    report(tenant=gemeente_a, reporter=employee_a)
    other = report(tenant=gemeente_b, reporter=employee_b)
    assert other.number.endswith("-000001")


def test_a_new_report_gets_the_vpt_tasks_with_their_deadlines(gemeente_a, employee_a):
    incident = report(tenant=gemeente_a, reporter=employee_a)
    due = {task.kind: task.due_at - incident.created_at for task in incident.tasks.all()}
    assert due[TaskKind.AFTERCARE] == datetime.timedelta(hours=24)
    assert due[TaskKind.REACTION] == datetime.timedelta(hours=48)
    assert set(due) == set(TaskKind.values)


def test_an_incident_in_the_future_is_refused_and_nothing_is_stored(gemeente_a, employee_a):
    with pytest.raises(IncidentError) as problem:
        report(tenant=gemeente_a, reporter=employee_a, occurred_at=clock.now() + datetime.timedelta(hours=2))
    assert "toekomst" in str(problem.value)
    assert not Incident.objects.exists()


def test_a_report_needs_at_least_one_category(gemeente_a, employee_a):
    with pytest.raises(IncidentError, match="minstens één"):
        report(tenant=gemeente_a, reporter=employee_a, categories=[])


def test_the_person_is_copied_from_the_zaak(gemeente_a, employee_a, zaak_a):
    incident = report(tenant=gemeente_a, reporter=employee_a, zaak=zaak_a, person=resident_of(zaak_a))
    assert incident.person_kind == PersonKind.RESIDENT
    assert incident.person_bsn == "999993653"
    assert incident.person_name == "Suzanne Moulin"


def test_a_person_from_another_gemeente_is_refused(gemeente_a, employee_a, zaak_b):
    with pytest.raises(IncidentError, match="hoort niet bij uw organisatie"):
        report(tenant=gemeente_a, reporter=employee_a, zaak=zaak_b, person=resident_of(zaak_b))
    assert not Incident.objects.exists()


def test_a_person_who_is_not_in_the_zaak_is_refused(gemeente_a, employee_a, zaak_a):
    stranger = services.Person(kind=PersonKind.RESIDENT, bsn="999990019")
    with pytest.raises(IncidentError, match="hoort niet bij de gekozen zaak"):
        report(tenant=gemeente_a, reporter=employee_a, zaak=zaak_a, person=stranger)


def test_a_colleague_of_another_gemeente_cannot_be_a_witness(gemeente_a, employee_a, employee_b):
    with pytest.raises(IncidentError, match="getuigen"):
        report(tenant=gemeente_a, reporter=employee_a, witnesses=[employee_b])


def test_an_employee_reports_for_a_colleague(gemeente_a, employee_a, colleague_a, team_a):
    incident = report(tenant=gemeente_a, reporter=employee_a, employee=colleague_a, witnesses=[colleague_a])
    assert incident.reported_by == employee_a
    assert incident.employee == colleague_a
    assert incident.team == team_a


def test_a_report_is_in_the_processing_log_and_audit_trail_without_the_description(
    gemeente_a, employee_a, zaak_a
):
    incident = report(tenant=gemeente_a, reporter=employee_a, zaak=zaak_a, person=resident_of(zaak_a))
    record = ProcessingRecord.objects.get(object_type="incidents.incident", action="create")
    assert record.legal_ground == LEGAL_GROUND[:300]
    assert record.subject_type == "bsn" and record.subject_hash
    entry = AuditEntry.objects.get(action="report_incident")
    assert entry.object_id == str(incident.pk)
    assert "dreigde" not in str(entry.after) and "999993653" not in str(entry.after)


def test_two_reports_at_once_get_different_numbers(gemeente_a, employee_a):
    numbers = {report(tenant=gemeente_a, reporter=employee_a).number for _ in range(3)}
    assert len(numbers) == 3


# --- the form -------------------------------------------------------------------------------


def test_every_back_office_page_offers_incident_melden(client, employee_a):
    log_in(client, employee_a)
    page = client.get(reverse("backoffice:inbox"))
    assert REPORT in page.content.decode()


def test_an_employee_reports_in_one_go_and_sees_the_number(client, gemeente_a, employee_a, colleague_a):
    log_in(client, employee_a)
    response = client.post(REPORT, form(witnesses=[colleague_a.pk]), follow=True)
    incident = Incident.objects.get()
    assert incident.number in response.content.decode()
    assert incident.categories == [Category.VERBAAL, Category.BEDREIGING]
    assert list(incident.witnesses.all()) == [colleague_a]
    mine = client.get(reverse("backoffice:incident-mine"))
    assert incident.number in mine.content.decode()


def test_the_form_refuses_a_time_in_the_future_in_dutch(client, employee_a):
    log_in(client, employee_a)
    tomorrow = clock.today() + datetime.timedelta(days=1)
    response = client.post(REPORT, form(occurred_on=tomorrow.isoformat()))
    assert response.status_code == 400
    body = response.content.decode()
    assert "Het incident kan niet in de toekomst liggen" in body
    assert 'href="#id_occurred_on"' in body  # the error summary links to the field
    assert 'aria-describedby="id_occurred_on-error"' in body
    assert not Incident.objects.exists()


def test_the_form_without_a_category_says_so(client, employee_a):
    log_in(client, employee_a)
    response = client.post(REPORT, form(categories=[]))
    assert response.status_code == 400
    assert "Kies minstens één" in response.content.decode()
    assert 'href="#id_categories_0"' in response.content.decode()


def test_reporting_from_a_zaak_offers_its_people(client, employee_a, zaak_a):
    log_in(client, employee_a)
    page = client.get(REPORT, {"zaak": zaak_a.identificatie})
    assert "Suzanne Moulin" in page.content.decode()
    rol = zaak_a.rollen.get()
    client.post(REPORT, form(zaak=zaak_a.identificatie, person=str(rol.uuid)))
    incident = Incident.objects.get()
    assert (incident.zaak, incident.person_bsn, incident.person_name) == (zaak_a, rol.bsn, "Suzanne Moulin")


def test_a_zaak_of_another_gemeente_is_refused_on_the_form(client, employee_a, zaak_b):
    log_in(client, employee_a)
    page = client.get(REPORT, {"zaak": zaak_b.identificatie + "-x"})
    assert "hoort niet bij uw organisatie" in page.content.decode()
    response = client.post(REPORT, form(zaak=zaak_b.identificatie + "-x"))
    assert response.status_code == 400
    assert not Incident.objects.exists()


def test_a_zaak_number_that_exists_only_in_another_gemeente_shows_none_of_its_people(
    client, employee_a, zaak_b
):
    zaak_b.identificatie = "ZAAK-ANDERS-1"
    zaak_b.save(update_fields=["identificatie"])
    log_in(client, employee_a)
    page = client.get(REPORT, {"zaak": "ZAAK-ANDERS-1"})
    assert "Piet Pieters" not in page.content.decode()


def test_the_zaak_page_links_to_the_report_with_its_number(client, employee_a, zaak_a):
    log_in(client, employee_a)
    page = client.get(reverse("backoffice:zaak-detail", args=[zaak_a.identificatie]))
    assert f"{REPORT}?zaak={zaak_a.identificatie}" in page.content.decode()


def test_a_draft_is_kept_and_comes_back(client, gemeente_a, employee_a):
    log_in(client, employee_a)
    response = client.post(
        reverse("backoffice:incident-draft"),
        {"location": "Huisbezoek Kanaalstraat", "categories": ["fysiek"]},
    )
    assert response.status_code == 204
    assert IncidentDraft.objects.get(user=employee_a).data["location"] == "Huisbezoek Kanaalstraat"
    page = client.get(REPORT).content.decode()
    assert "Huisbezoek Kanaalstraat" in page
    assert "teruggezet" in page


def test_without_javascript_the_draft_is_saved_with_a_button(client, employee_a):
    log_in(client, employee_a)
    response = client.post(REPORT, {"location": "Balie Noord", "save_draft": "1"})
    assert response.status_code == 302
    assert IncidentDraft.objects.get(user=employee_a).data["location"] == "Balie Noord"


def test_the_draft_is_removed_on_submit(client, employee_a):
    log_in(client, employee_a)
    client.post(reverse("backoffice:incident-draft"), {"location": "Balie"})
    client.post(REPORT, form())
    assert Incident.objects.count() == 1
    assert not IncidentDraft.objects.exists()


def test_the_report_page_loads_the_draft_script_deferred_and_has_no_inline_script(client, employee_a):
    log_in(client, employee_a)
    body = client.get(REPORT).content.decode()
    assert 'incident-draft.js" defer' in body
    assert "<script>" not in body and "style=" not in body


def test_a_chain_partners_employee_reports_for_their_own_organisation(
    client, partner, partner_employee, zaak_a
):
    from plus1.cases.tests.sharing import shared

    share = shared(zaak_a, partner)
    log_in(client, partner_employee)
    page = client.get(reverse("backoffice:shared-zaak", args=[share.uuid]))
    assert f"{REPORT}?zaak={zaak_a.identificatie}" in page.content.decode()
    form_page = client.get(REPORT, {"zaak": zaak_a.identificatie}).content.decode()
    assert "Suzanne Moulin" in form_page
    rol = zaak_a.rollen.get()
    client.post(REPORT, form(zaak=zaak_a.identificatie, person=str(rol.uuid)))
    incident = Incident.objects.get()
    assert incident.tenant == partner
    assert incident.person_bsn == rol.bsn


def test_a_partner_cannot_name_a_zaak_that_is_not_shared_with_them(client, partner_employee, zaak_a):
    log_in(client, partner_employee)
    page = client.get(REPORT, {"zaak": zaak_a.identificatie}).content.decode()
    assert "Suzanne Moulin" not in page
    assert "hoort niet bij uw organisatie" in page


def test_a_change_keeps_the_person_when_the_share_has_ended(partner, partner_employee, zaak_a):
    from plus1.cases.models import ZaakShare
    from plus1.cases.tests.sharing import shared

    from .core_fixtures import actor_of, data

    shared(zaak_a, partner)
    incident = report(tenant=partner, reporter=partner_employee, zaak=zaak_a, person=resident_of(zaak_a))
    ZaakShare.objects.update(revoked_at=clock.now())
    changed = services.update_incident(
        incident=incident,
        user=partner_employee,
        data=data(location="Spreekkamer GGD", person=resident_of(zaak_a)),
        actor=actor_of(partner_employee),
        expected_version=1,
    )
    assert (changed.location, changed.person_bsn, changed.person_name) == (
        "Spreekkamer GGD",
        "999993653",
        "Suzanne Moulin",
    )


def test_the_form_groups_choices_in_fieldsets_and_has_unique_ids(client, employee_a, zaak_a):
    import re

    log_in(client, employee_a)
    body = client.get(REPORT, {"zaak": zaak_a.identificatie}).content.decode()
    ids = re.findall(r' id="([^"]+)"', body)
    assert len(ids) == len(set(ids))
    for legend in ("Wanneer gebeurde het?", "Hoe was het contact?", "Wat gebeurde er?", "Betrokken persoon"):
        assert re.search(rf"<legend[^>]*>{re.escape(legend)}</legend>", body), legend
    for label_for in re.findall(r'<label[^>]* for="([^"]+)"', body):
        assert label_for in ids, label_for
