"""The demo's medewerkers part: framework, role profile, assessments, plans, trainings, a year of pulses."""

import pytest
from django.contrib.auth import get_user_model

from plus1.accounts.constants import Role
from plus1.accounts.models import Membership, Team
from plus1.core import clock
from plus1.demo.development import PULSE_MONTHS
from plus1.demo.loader import DEMO_TEAM, load_demo
from plus1.development import policies
from plus1.development.models import (
    Assessment,
    DevelopmentPlan,
    EmployeeProfile,
    Enrolment,
    FrameworkAdoption,
    Pulse,
    RoleClarification,
    RoleProfile,
)
from plus1.development.services.pulse import engagement_trend
from plus1.development.team_view import team_view

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    return load_demo(history_zaken=3)


def test_each_demo_gemeente_has_hr_a_confirmed_role_profile_assessments_plans_and_a_year_of_pulses(demo):
    today = clock.today()
    for gemeente in demo.gemeenten:
        hr = get_user_model().objects.get(username=f"hr-{gemeente.slug}")
        assert hr.check_password("plus1-demo-2026") and hr.totpdevice_set.filter(confirmed=True).exists()
        assert set(Membership.objects.filter(user=hr).values_list("role", flat=True)) == {Role.HR}
        assert FrameworkAdoption.objects.for_tenant(gemeente).get().framework.version == 1
        profile = RoleProfile.objects.for_tenant(gemeente).get()
        assert profile.confirmed_by == hr and profile.items.exists()
        assert RoleClarification.objects.for_tenant(gemeente).filter(status="open").exists()
        team = Team.objects.for_tenant(gemeente).get(name=DEMO_TEAM)
        teamleider = get_user_model().objects.get(username=f"teamleider-{gemeente.slug}")
        assert Membership.objects.filter(tenant=gemeente, user=teamleider, role=Role.LEIDINGGEVENDE).exists()
        assert EmployeeProfile.objects.for_tenant(gemeente).count() >= 7
        assert Assessment.objects.for_tenant(gemeente).filter(kind="manager").count() >= 5
        assert DevelopmentPlan.objects.for_tenant(gemeente).filter(actions__training__isnull=False).exists()
        assert Enrolment.objects.for_tenant(gemeente).filter(evaluation_score__isnull=False).exists()
        trend = engagement_trend(tenant=gemeente, team=team, pulses=PULSE_MONTHS + 1)
        assert len(trend) == PULSE_MONTHS + 1
        assert sum(point.overall is not None for point in trend) >= PULSE_MONTHS - 2
        assert Pulse.objects.for_tenant(gemeente).filter(opens_on=today).exists()
        view = team_view(tenant=gemeente, team=team, viewer=teamleider)
        assert view.coverage and view.plans and view.service.lead_times
        assert policies.may_see_team(hr, team, gemeente)
    assert "hr-utrecht" in [name for name, _what in demo.employees]


def test_loading_the_demo_again_adds_no_second_development_set(demo):
    counts = (Assessment.objects.count(), Pulse.objects.count(), RoleProfile.objects.count())
    load_demo(history_zaken=3)
    assert (Assessment.objects.count(), Pulse.objects.count(), RoleProfile.objects.count()) == counts
