"""The demo's incident register: a coordinator per gemeente, a year of reports, one banner."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.db.models import F

from plus1.accounts.constants import Role
from plus1.accounts.models import Membership
from plus1.accounts.selectors import employee_actor
from plus1.cases.models import Zaak
from plus1.cases.processing import Purpose
from plus1.core import clock
from plus1.demo.incidents import INCIDENTS_PER_GEMEENTE, MEASURE_RESIDENT, NEVER_REPORTED
from plus1.demo.loader import load_demo
from plus1.incidents.constants import IncidentStatus, TaskKind
from plus1.incidents.models import Incident, IncidentSettings, IncidentTask, Measure
from plus1.incidents.safety_signal import safety_signal_for_zaak

pytestmark = pytest.mark.django_db

SMALL_HISTORY = 3


@pytest.fixture
def demo():
    return load_demo(history_zaken=SMALL_HISTORY)


def test_each_demo_gemeente_has_a_coordinator_and_a_year_of_reports_over_channels_and_states(demo):
    today = clock.today()
    for gemeente in demo.gemeenten:
        coordinator = get_user_model().objects.get(username=f"agressiecoordinator-{gemeente.slug}")
        assert coordinator.check_password("plus1-demo-2026"), "the demo users' password"
        assert coordinator.totpdevice_set.filter(confirmed=True).exists()
        assert set(Membership.objects.filter(user=coordinator).values_list("tenant", "role")) == {
            (gemeente.pk, Role.AGRESSIECOORDINATOR)
        }
        settings = IncidentSettings.objects.get(tenant=gemeente)
        assert settings.coordinator_email and settings.coordinator_phone and settings.work_address
        incidents = Incident.objects.for_tenant(gemeente)
        # The year's reports, and in Utrecht the one behind the running maatregel.
        assert incidents.count() >= INCIDENTS_PER_GEMEENTE
        assert incidents.values("channel").distinct().count() >= 4
        assert {IncidentStatus.OPEN, IncidentStatus.CLOSED} <= set(incidents.values_list("status", flat=True))
        oldest = incidents.order_by("occurred_at").first().occurred_at.date()
        assert today - datetime.timedelta(days=366) <= oldest < today - datetime.timedelta(days=60)
        assert all(i.created_at >= i.occurred_at for i in incidents)
        assert not incidents.filter(person_bsn__in=NEVER_REPORTED).exists()
        late = IncidentTask.objects.filter(
            incident__tenant=gemeente, kind=TaskKind.AFTERCARE, done_at__gt=F("due_at")
        )
        assert late.exists(), "some aftercare came late, for the figures"
    assert "agressiecoordinator-utrecht" in [name for name, _what in demo.employees]


def test_one_resident_of_utrecht_has_a_running_maatregel_with_the_banner_and_a_reload_adds_nothing(demo):
    utrecht = demo.gemeenten[0]
    bsn, _name = MEASURE_RESIDENT
    today = clock.today()
    running = Measure.objects.filter(tenant=utrecht, starts_on__lte=today, ends_on__gte=today, ended_at=None)

    assert list(running.values_list("person_bsn", flat=True)) == [bsn]
    assert (
        not Measure.objects.filter(starts_on__lte=today, ends_on__gte=today).exclude(tenant=utrecht).exists()
    )
    zaak = Zaak.objects.for_tenant(utrecht).filter(rollen__bsn=bsn, ended_on__isnull=True).first()
    viewer = get_user_model().objects.get(username="behandelaar-utrecht")
    purpose = Purpose.handling(employee_actor(viewer, tenant=utrecht))
    signal = safety_signal_for_zaak(zaak=zaak, viewer=viewer, purpose=purpose)
    assert signal is not None and signal.email.startswith("agressiecoordinator@")

    counts = (Incident.objects.count(), Measure.objects.count(), Membership.objects.count())
    load_demo(history_zaken=SMALL_HISTORY)
    assert (Incident.objects.count(), Measure.objects.count(), Membership.objects.count()) == counts
