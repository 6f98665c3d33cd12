"""Medewerkers end to end (issue 22): HR starts a rolduiding, an employee answers it and rates
herself, HR confirms the role profile, she enrols in a collective training; her leidinggevende
rates her (side by side), makes a plan with that training and opens the team view. axe on
every page."""

import re

import pytest

from plus1.accounts.constants import Role
from plus1.accounts.selectors import current_totp_code
from plus1.backoffice.tests.conftest import make_employee
from plus1.development.models import Competence, RoleClarification, RoleProfile
from plus1.development.services.assessments import assign_role_profile
from plus1.development.services.rolduiding import answer_clarification
from plus1.development.tests import factories as f

from .conftest import assert_accessible

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ROLE = "Consulent Wmo"


def _log_in(page, base: str, user) -> None:
    page.goto(f"{base}/backoffice/inloggen/")
    page.fill("#id_username", user.get_username())
    page.fill("#id_password", "een-lang-wachtwoord")
    page.click("button:has-text('Volgende')")
    page.wait_for_url(re.compile(r"/inloggen/code/"))
    page.fill("#id_code", current_totp_code(user))
    page.click("button:has-text('Inloggen')")
    page.wait_for_url(lambda url: "/inloggen" not in url)


def test_rolduiding_assessments_plan_enrolment_and_team_view(
    live_server, page, second_page, gemeente_a, actor
):
    base = live_server.url
    f.adopt_v1(gemeente_a)
    team = f.team(gemeente_a, "Team Wmo")
    roles = {"hanna": (Role.HR, None), "lead": (Role.LEIDINGGEVENDE, team), "emma": (Role.BEHANDELAAR, team)}
    roles |= {"bram": (Role.BEHANDELAAR, team), "otto": (Role.BEHANDELAAR, None)}
    people = {
        name: make_employee(
            name, gemeente=gemeente_a, role=role, team=member_of, actor=actor, first_name=name.title()
        )
        for name, (role, member_of) in roles.items()
    }
    klant = f.competence("klantgerichtheid")
    training = f.training(tenant=None, title="Inwoner centraal in gesprek", places=12)

    # HR starts the rolduiding with three colleagues across teams.
    hr = page
    _log_in(hr, base, people["hanna"])
    hr.goto(f"{base}/backoffice/medewerkers/rolduiding/nieuw/")
    assert_accessible(hr)
    hr.fill("#id_role_name", ROLE)
    hr.fill("#id_closes_on", "2999-12-31")
    for name in ("emma", "bram", "otto"):
        hr.check(f"input[name=participants][value='{people[name].pk}']")
    hr.click("button:has-text('Rolduiding starten')")
    hr.wait_for_selector("text=De rolduiding is gestart")
    clarification = RoleClarification.objects.get()
    competences = [c.pk for c in Competence.objects.filter(framework__version=1)]
    for name in ("bram", "otto"):
        answers = {pk: (3, 3) if pk == klant.pk else (0, None) for pk in competences}
        answer_clarification(clarification=clarification, user=people[name], answers=answers)

    # Emma answers it in the browser, and rates herself.
    emma = second_page
    _log_in(emma, base, people["emma"])
    emma.goto(f"{base}/backoffice/medewerkers/")
    assert_accessible(emma)
    emma.click(f"a:has-text('Rolduiding {ROLE} invullen')")
    for pk in competences:
        emma.check(f"input[name=importance_{pk}][value='{3 if pk == klant.pk else 0}']")
    emma.check(f"input[name=competence_{klant.pk}][value='3']")
    assert_accessible(emma)
    emma.click("button:has-text('Antwoorden versturen')")
    emma.wait_for_selector("text=Uw antwoorden zijn opgeslagen")
    emma.goto(f"{base}/backoffice/medewerkers/zelfbeoordeling/")
    emma.check(f"input[name=competence_{klant.pk}][value='2']")
    assert_accessible(emma)
    emma.click("button:has-text('Beoordeling opslaan')")
    emma.wait_for_selector("text=Uw zelfbeoordeling is opgeslagen")

    # HR reads the spread and confirms the role profile.
    hr.goto(f"{base}/backoffice/medewerkers/rolduiding/{clarification.uuid}/")
    hr.wait_for_selector("text=3 van 3 deelnemers hebben geantwoord")
    assert_accessible(hr)
    hr.fill("#id_profile_name", ROLE)
    hr.click("button:has-text('Rolprofiel bevestigen')")
    hr.wait_for_selector(f"text=Het rolprofiel {ROLE} is bevestigd")
    profile = RoleProfile.objects.get(name=ROLE)
    assert list(profile.items.values_list("competence_id", "level")) == [(klant.pk, 3)]
    for name in ("emma", "bram"):
        assign_role_profile(
            tenant=gemeente_a, user=people["hanna"], employee=people[name], role_profile=profile
        )

    # Emma enrols in the collective training.
    emma.goto(f"{base}/backoffice/medewerkers/leeraanbod/")
    assert_accessible(emma)
    emma.click(f"a:has-text('{training.title}')")
    emma.click("button:has-text('Inschrijven')")
    emma.wait_for_selector("text=U bent ingeschreven")
    assert_accessible(emma)

    # Her leidinggevende rates her, makes a plan with the training, and opens the team view.
    lead = hr
    lead.click("button:has-text('Uitloggen')")
    _log_in(lead, base, people["lead"])
    lead.goto(f"{base}/backoffice/medewerkers/medewerker/{people['emma'].pk}/")
    lead.click("a:has-text('Beoordeel als leidinggevende')")
    lead.check(f"input[name=competence_{klant.pk}][value='2']")
    lead.click("button:has-text('Beoordeling opslaan')")
    lead.wait_for_selector("text=Uw beoordeling is opgeslagen")
    assert "Verschil met de rol" in lead.content()
    assert_accessible(lead)
    lead.click("button:has-text('Ontwikkelplan maken')")
    lead.wait_for_selector("text=Het ontwikkelplan is gemaakt")
    lead.fill("#id_goal-text", "Inwoners in gewone taal uitleggen wat er gebeurt")
    lead.select_option("#id_goal-competence", str(klant.pk))
    lead.select_option("#id_goal-target_level", "3")
    lead.click("button:has-text('Doel toevoegen')")
    lead.wait_for_selector("text=Het ontwikkelplan is bijgewerkt")
    lead.fill("#id_action-text", "Training volgen")
    lead.select_option("#id_action-training", str(training.pk))
    lead.click("button:has-text('Actie toevoegen')")
    lead.wait_for_selector(f"td >> text={training.title}")
    assert_accessible(lead)
    lead.click("a:has-text('Mijn team: Team Wmo')")
    lead.wait_for_selector("table.heatmap")
    assert "heat--below" in lead.content()  # rated 2 where the role asks 3: colour, symbol and text
    assert_accessible(lead)
