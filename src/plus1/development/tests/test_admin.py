"""The admin: the framework is read-only for gemeenten; trainings and pulses per owner."""

import pytest
from django.contrib.admin.sites import site
from django.test import RequestFactory

from plus1.accounts.constants import Role
from plus1.development.models import CompetenceFramework, Pulse, Training

from . import factories as f

pytestmark = pytest.mark.django_db


def request_for(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return request


def test_a_gemeentes_hr_reads_the_framework_but_cannot_change_it(gemeente_a, hanna):
    model_admin = site._registry[CompetenceFramework]
    request = request_for(hanna)
    framework = CompetenceFramework.objects.get(version=1)
    assert model_admin.has_view_permission(request, framework)
    assert not model_admin.has_change_permission(request, framework)
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_delete_permission(request, framework)


def test_the_collective_edits_the_framework(collective):
    keeper = f.person("keeper", gemeente=collective, roles=(Role.CATALOG_MANAGER,))
    assert site._registry[CompetenceFramework].has_change_permission(request_for(keeper))


def test_hr_keeps_own_trainings_and_only_reads_nothing_of_others(gemeente_a, gemeente_b, framework, hanna):
    model_admin = site._registry[Training]
    request = request_for(hanna)
    own, theirs, shared = f.training(tenant=gemeente_a), f.training(tenant=gemeente_b), f.training()
    assert list(model_admin.get_queryset(request)) == [own]
    assert model_admin.has_change_permission(request, own)
    assert not model_admin.has_change_permission(request, theirs)
    assert not model_admin.has_change_permission(request, shared)


def test_an_employee_sees_no_pulses_in_the_admin(gemeente_a, emma, hanna):
    model_admin = site._registry[Pulse]
    assert not model_admin.has_module_permission(request_for(emma))
    assert model_admin.has_module_permission(request_for(hanna))
