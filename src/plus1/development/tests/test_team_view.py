"""The team view: heatmap with text, plans, trainings, engagement, service results and the focus."""

import datetime

import pytest

from plus1.audit.models import ProcessingRecord
from plus1.cases.models import Zaak
from plus1.cases.tests.factories import adopt_with_team, handling_zaaktype, new_zaak
from plus1.core import clock
from plus1.development import team_view as view
from plus1.development.services import assessments, learning, plans
from plus1.development.services.assessments import assign_role_profile
from plus1.development.team_view import CompetenceGap, suggest_focus

from . import factories as f

TODAY = clock.today()


# --- the focus suggestion (pure) ------------------------------------------------------------------


def gap(name, assessed, below, trainings=0, cid=None):
    return CompetenceGap(
        competence_id=cid or hash(name) % 1000, name=name, assessed=assessed, below=below, trainings=trainings
    )


def test_focus_names_the_competence_most_often_below_the_role_with_the_trainings_on_offer():
    focus = suggest_focus(
        [gap("Klantgerichtheid", 6, 4, trainings=3), gap("Wendbaar werken", 6, 2, trainings=1)]
    )
    assert focus.message == "Klantgerichtheid scoort laag; 3 trainingen beschikbaar"
    assert focus.reasons[0].startswith("4 van de 6 beoordeelde medewerkers")
    assert any("Wendbaar werken" in reason for reason in focus.reasons)


def test_no_focus_when_nothing_stands_out():
    assert suggest_focus([]) is None
    assert suggest_focus([gap("Klantgerichtheid", 6, 1)]) is None  # under a third
    assert suggest_focus([gap("Klantgerichtheid", 1, 1)]) is None  # one person is no pattern


def test_a_tie_goes_to_the_competence_with_more_trainings():
    focus = suggest_focus([gap("A", 4, 2, trainings=0), gap("B", 4, 2, trainings=2)])
    assert focus.message.startswith("B scoort laag")
    lonely = suggest_focus([gap("A", 4, 2, trainings=0)])
    assert lonely.message == "A scoort laag; nog geen training in het aanbod"
    single = suggest_focus([gap("A", 4, 2, trainings=1)])
    assert single.message == "A scoort laag; 1 training beschikbaar"


def test_a_cell_says_in_words_what_its_colour_means():
    competence = object()
    assert view.cell(competence, 3, 3).state == view.MET
    assert view.cell(competence, 3, 2).state == view.BELOW
    below = view.cell(competence, 3, 1)
    assert (below.state, below.text) == (view.FAR_BELOW, "1 van 3")
    assert view.cell(competence, 3, None).state == view.NOT_ASSESSED
    assert view.cell(competence, None, 2).state == view.NOT_REQUIRED


# --- the whole view --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_team_view_puts_competences_plans_trainings_and_service_results_together(
    gemeente_a, framework, team_wmo, lead, emma, bram, hanna, otto
):
    kg, ws = f.competence("klantgerichtheid"), f.competence("wendbaar-werken")
    profile = f.role_profile(gemeente_a, "Consulent Wmo", {"klantgerichtheid": 3, "wendbaar-werken": 2})
    for person in (emma, bram):
        assign_role_profile(tenant=gemeente_a, user=hanna, employee=person, role_profile=profile)
    assessments.submit_assessment(
        tenant=gemeente_a, employee=emma, assessor=emma, ratings={kg.pk: 3, ws.pk: 2}
    )
    assessments.submit_assessment(tenant=gemeente_a, employee=emma, assessor=lead, ratings={kg.pk: 2})
    assessments.submit_assessment(
        tenant=gemeente_a, employee=bram, assessor=bram, ratings={kg.pk: 1, ws.pk: 3}
    )
    assessments.submit_assessment(tenant=gemeente_a, employee=otto, assessor=otto, ratings={kg.pk: 1})
    f.training(code="klantgerichtheid")
    f.training(code="klantgerichtheid", title="Tweede")
    plan = plans.create_plan(tenant=gemeente_a, user=lead, employee=emma)
    plans.add_action(plan=plan, user=lead, version=1, text="Cursus")
    enrolment = learning.enrol(tenant=gemeente_a, training=f.training(code="wendbaar-werken"), user=bram)
    learning.record_attendance(enrolment=enrolment, user=hanna, attended=True)

    zaaktype = handling_zaaktype()
    adoption = adopt_with_team(gemeente=gemeente_a, zaaktype=zaaktype, team_name="Team Wmo")
    on_time, late, overdue = (new_zaak(adoption) for _ in range(3))
    Zaak.objects.filter(pk=on_time.pk).update(
        registered_on=TODAY - datetime.timedelta(days=20),
        ended_on=TODAY - datetime.timedelta(days=10),
        planned_end_on=TODAY,
        service_norm_on=TODAY - datetime.timedelta(days=5),
    )
    Zaak.objects.filter(pk=late.pk).update(
        registered_on=TODAY - datetime.timedelta(days=90),
        ended_on=TODAY - datetime.timedelta(days=5),
        planned_end_on=TODAY - datetime.timedelta(days=30),
        service_norm_on=TODAY - datetime.timedelta(days=40),
    )
    Zaak.objects.filter(pk=overdue.pk).update(planned_end_on=TODAY - datetime.timedelta(days=1))

    result = view.team_view(tenant=gemeente_a, team=team_wmo, viewer=lead)

    assert [c.code for c in result.competences] == ["klantgerichtheid", "wendbaar-werken"]
    rows = {row.employee.username: row for row in result.coverage}
    assert set(rows) == {"lead", "emma", "bram"}  # otto is in another team
    emma_cells = [(c.actual, c.required, c.state) for c in rows["emma"].cells]
    assert emma_cells == [(2, 3, view.BELOW), (2, 2, view.MET)]  # the leidinggevende's rating counts
    assert rows["bram"].cells[0].text == "1 van 3"
    assert [(p.employee, p.actions_total, p.actions_done) for p in result.plans] == [(emma, 1, 0)]
    assert (result.trainings_done, result.trainings_done_hours) == (1, 8)
    assert result.focus.message == "Klantgerichtheid (inwoner centraal) scoort laag; 2 trainingen beschikbaar"
    lead_time = result.service.lead_times[0]
    assert (lead_time.closed, lead_time.within_term, lead_time.within_norm) == (2, 1, 1)
    assert lead_time.within_term_pct == 50
    assert (result.service.open_now, result.service.overdue_now) == (1, 1)
    reads = ProcessingRecord.objects.filter(action="read", operation="team_view", actor_label="lead")
    assert reads.count() == 4  # emma: self + manager assessment + plan; bram: self assessment


@pytest.mark.django_db
def test_the_hr_overview_counts_per_team_without_showing_anyone(
    gemeente_a, framework, team_wmo, team_bz, lead, emma, bram, tara, otto, hanna
):
    kg = f.competence("klantgerichtheid")
    profile = f.role_profile(gemeente_a, "Consulent", {"klantgerichtheid": 2})
    for person in (emma, bram, otto):
        assign_role_profile(tenant=gemeente_a, user=hanna, employee=person, role_profile=profile)
    assessments.submit_assessment(tenant=gemeente_a, employee=emma, assessor=emma, ratings={kg.pk: 3})
    assessments.submit_assessment(tenant=gemeente_a, employee=bram, assessor=bram, ratings={kg.pk: 1})
    plans.create_plan(tenant=gemeente_a, user=tara, employee=otto)
    overview = view.hr_overview(tenant=gemeente_a)
    assert (
        overview.employees,
        overview.with_role_profile,
        overview.self_assessed,
        overview.plans_active,
    ) == (6, 3, 2, 1)
    teams = {summary.team.name: summary for summary in overview.teams}
    assert (teams["Team Wmo"].members, teams["Team Wmo"].coverage_pct) == (3, 50)
    assert (teams["Team Burgerzaken"].plans_active, teams["Team Burgerzaken"].coverage_pct) == (1, None)
