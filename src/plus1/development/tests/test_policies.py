"""Who leads whom, and who sees an employee's assessments and plan."""

import pytest

from plus1.accounts.constants import Role
from plus1.development import policies

from . import factories as f

pytestmark = pytest.mark.django_db


def test_a_leidinggevende_leads_the_members_of_their_own_teams(gemeente_a, lead, emma, otto):
    assert policies.leads(lead, emma, gemeente_a)
    assert not policies.leads(lead, otto, gemeente_a)
    assert list(policies.led_teams(lead, gemeente_a).values_list("name", flat=True)) == ["Team Wmo"]


def test_a_teamleider_is_a_leidinggevende_too(gemeente_a, tara, otto, emma):
    assert policies.leads(tara, otto, gemeente_a)
    assert not policies.leads(tara, emma, gemeente_a)


def test_a_team_member_without_a_lead_role_leads_nobody(gemeente_a, emma, bram):
    assert not policies.leads(emma, bram, gemeente_a)
    assert not policies.led_teams(emma, gemeente_a).exists()


def test_nobody_leads_themself(gemeente_a, lead):
    assert not policies.leads(lead, lead, gemeente_a)


def test_a_lead_role_in_another_gemeente_does_not_count(gemeente_a, gemeente_b, team_wmo, emma):
    outsider = f.person("outsider", gemeente=gemeente_b, roles=(Role.LEIDINGGEVENDE,))
    team_wmo.members.add(outsider)  # even when wrongly in the team
    assert not policies.leads(outsider, emma, gemeente_a)
    assert not policies.may_see_development_of(outsider, emma, gemeente_a)


def test_who_sees_an_employees_development(gemeente_a, gemeente_b, lead, emma, bram, tara, hanna, hugo):
    assert policies.may_see_development_of(emma, emma, gemeente_a)
    assert policies.may_see_development_of(lead, emma, gemeente_a)
    assert policies.may_see_development_of(hanna, emma, gemeente_a)
    assert not policies.may_see_development_of(bram, emma, gemeente_a)  # colleague
    assert not policies.may_see_development_of(tara, emma, gemeente_a)  # lead of another team
    assert not policies.may_see_development_of(hugo, emma, gemeente_b)  # HR elsewhere
    assert not policies.may_see_development_of(hugo, emma, gemeente_a)


def test_hr_assesses_nobody_as_leidinggevende(gemeente_a, hanna, emma):
    assert not policies.may_assess_as_manager(hanna, emma, gemeente_a)


def test_the_team_view_is_for_hr_and_the_teams_leidinggevende(
    gemeente_a, gemeente_b, team_wmo, lead, tara, hanna, emma, hugo
):
    assert policies.may_see_team(lead, team_wmo, gemeente_a)
    assert policies.may_see_team(hanna, team_wmo, gemeente_a)
    assert not policies.may_see_team(tara, team_wmo, gemeente_a)
    assert not policies.may_see_team(emma, team_wmo, gemeente_a)
    assert not policies.may_see_team(hugo, team_wmo, gemeente_b)


def test_led_employee_ids(gemeente_a, lead, emma, bram, otto):
    assert policies.led_employee_ids(lead, gemeente_a) == {emma.pk, bram.pk}
