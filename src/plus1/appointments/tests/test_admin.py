"""The gemeente's functional admin sets up its counters; each sees only its own gemeente's rows."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from plus1.accounts.constants import Role
from plus1.accounts.services import create_employee, grant_role
from plus1.appointments.models import ClosedDay
from plus1.core.testing import log_in_to_admin

from . import factories

pytestmark = pytest.mark.django_db

PAGES = ["location", "closedday", "appointmentproduct"]


@pytest.fixture
def beheerder_a(gemeente_a, actor):
    user = create_employee(username="beheer-a", password="een-lang-wachtwoord")
    grant_role(tenant=gemeente_a, user=user, role=Role.BEHEERDER, actor=actor)
    return log_in_to_admin(Client(), user)


def test_every_page_opens(admin_client, stadskantoor, paspoort):
    for name in PAGES:
        assert admin_client.get(reverse(f"admin:appointments_{name}_changelist")).status_code == 200
        assert admin_client.get(reverse(f"admin:appointments_{name}_add")).status_code == 200
    assert (
        admin_client.get(reverse("admin:appointments_location_change", args=[stadskantoor.pk])).status_code
        == 200
    )
    assert (
        admin_client.get(
            reverse("admin:appointments_appointmentproduct_change", args=[paspoort.pk])
        ).status_code
        == 200
    )


def test_a_beheerder_sees_only_their_own_gemeentes_locations(
    beheerder_a, gemeente_a, gemeente_b, stadskantoor
):
    elsewhere = factories.location(gemeente_b, name="Stadhuis Groningen")
    page = beheerder_a.get(reverse("admin:appointments_location_changelist"))
    assert "Stadskantoor" in page.text and "Stadhuis Groningen" not in page.text
    assert beheerder_a.get(
        reverse("admin:appointments_location_change", args=[elsewhere.pk])
    ).status_code in (302, 403, 404)
    form = beheerder_a.get(reverse("admin:appointments_closedday_add"))
    assert "Stadskantoor" in form.text and "Stadhuis Groningen" not in form.text


def test_a_closed_day_for_another_gemeentes_location_is_refused(admin_client, gemeente_a, gemeente_b):
    elsewhere = factories.location(gemeente_b, name="Stadhuis Groningen")
    response = admin_client.post(
        reverse("admin:appointments_closedday_add"),
        {"tenant": gemeente_a.pk, "location": elsewhere.pk, "closed_on": "2027-04-28", "reason": "Uitje"},
    )
    assert response.status_code == 200 and "dezelfde gemeente" in response.text
    assert not ClosedDay.objects.exists()
