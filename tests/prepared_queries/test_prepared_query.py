"""A PreparedQuery answers exactly what its queryset answers, with other values every run."""

from __future__ import annotations

import uuid

import pytest
from django.db.models import Q

from plus1.api.zaken.serializers import zaak_queryset
from plus1.cases.models import Zaak
from plus1.cases.tests.factories import adopt_with_team, handling_zaaktype, new_zaak
from plus1.core.prepared import PreparedQuery

pytestmark = pytest.mark.django_db


def _by_tenant_and_uuid(tenant_id, zaak_uuid):
    return zaak_queryset(Zaak.objects.filter(tenant_id=tenant_id, uuid=zaak_uuid))


def _fields(zaak: Zaak) -> dict:
    values = {field.attname: getattr(zaak, field.attname) for field in Zaak._meta.concrete_fields}
    values.update({name: getattr(zaak, name) for name in ("zaaktype_uuid", "current_status_uuid")})
    return values


def test_each_run_finds_its_own_row_exactly_as_the_queryset_does(gemeente_a):
    adoption = adopt_with_team(gemeente=gemeente_a, zaaktype=handling_zaaktype())
    first, second = new_zaak(adoption), new_zaak(adoption)
    prepared = PreparedQuery(_by_tenant_and_uuid, -1, uuid.UUID(int=1))

    for zaak in (first, second, first):
        found = prepared.first(gemeente_a.pk, zaak.uuid)
        expected = _by_tenant_and_uuid(gemeente_a.pk, zaak.uuid).get()
        assert _fields(found) == _fields(expected)
        assert isinstance(found.zaaktype_uuid, uuid.UUID), "annotations get their converters too"
        assert found.zaaktype_uuid == adoption.zaaktype.uuid


def test_another_gemeentes_values_find_nothing(gemeente_a, gemeente_b):
    zaak = new_zaak(adopt_with_team(gemeente=gemeente_a, zaaktype=handling_zaaktype()))
    prepared = PreparedQuery(_by_tenant_and_uuid, -1, uuid.UUID(int=1))

    assert prepared.first(gemeente_b.pk, zaak.uuid) is None
    assert prepared.first(gemeente_a.pk, uuid.uuid4()) is None
    assert prepared.first(gemeente_a.pk, zaak.uuid).pk == zaak.pk


def test_select_related_objects_come_along(gemeente_a):
    zaak = new_zaak(adopt_with_team(gemeente=gemeente_a, zaaktype=handling_zaaktype()))
    prepared = PreparedQuery(
        lambda zaak_uuid: Zaak.objects.filter(uuid=zaak_uuid).select_related("zaaktype"), uuid.UUID(int=1)
    )

    found = prepared.first(zaak.uuid)

    assert Zaak.zaaktype.is_cached(found)
    assert found.zaaktype.uuid == zaak.zaaktype.uuid


def test_a_placeholder_the_query_does_not_use_once_is_refused(gemeente_a):
    used_twice = PreparedQuery(lambda pk: Zaak.objects.filter(Q(pk=pk) | Q(hoofdzaak_id=pk)), 987654)

    with pytest.raises(ValueError, match="exactly once"):
        used_twice.first(1)


def test_on_postgresql_a_query_a_kept_connection_repeats_is_planned_once(gemeente_a):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("prepared statements are PostgreSQL's")
    query = PreparedQuery(_by_tenant_and_uuid, -1, uuid.uuid4())
    for _ in range(6):
        query.all(gemeente_a.pk, uuid.uuid4())
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [row[0] for row in cursor.fetchall()]
    assert any('FROM "cases_zaak"' in statement for statement in prepared), prepared
