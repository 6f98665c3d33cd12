"""The access of a client id is kept per process, and never outlives a change to it (api.common.auth)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from plus1.api.common.testing import make_client, make_token
from plus1.apiclients.access import current_access
from plus1.apiclients.models import Application, ClientCredential
from plus1.apiclients.services import AutorisatieSpec, update_application
from plus1.audit.models import AuditEntry
from plus1.audit.services import Actor
from plus1.cases.tests.factories import adopt_with_team, handling_zaaktype, new_zaak
from plus1.catalog.tests.factories import ZaakTypeFactory
from plus1.core.testing import admin_change_form_data

pytestmark = pytest.mark.django_db

SYSTEM = Actor.system("test")
ZAKEN = "/zaken/api/v1/zaken"


def _reader_of(zaaktype):
    return AutorisatieSpec(
        component="zrc", scopes=["zaken.lezen"], zaaktype=zaaktype, max_confidentiality="zeer_geheim"
    )


def _get(client_id, secret, path=ZAKEN):
    token = make_token(client_id, secret)
    return Client().get(path, HTTP_AUTHORIZATION=f"Bearer {token}", HTTP_ACCEPT_CRS="EPSG:4326")


def test_a_second_call_costs_only_the_change_stamp(gemeente_a, django_assert_num_queries):
    zaaktype = ZaakTypeFactory(published=True)
    client_id, _secret = make_client(gemeente_a, autorisaties=[_reader_of(zaaktype)])
    first = current_access(client_id)

    with django_assert_num_queries(1):
        again = current_access(client_id)

    assert again.access.grants("zrc", "zaken.lezen") == first.access.grants("zrc", "zaken.lezen")
    assert again.secret == first.secret
    assert again.access is not first.access, "each request gets its own access to fill in"


def test_a_change_through_the_services_applies_to_the_next_call(gemeente_a):
    kept, withdrawn = ZaakTypeFactory(published=True), ZaakTypeFactory(published=True)
    client_id, _secret = make_client(gemeente_a, autorisaties=[_reader_of(kept), _reader_of(withdrawn)])
    assert set(current_access(client_id).access.grants("zrc", "zaken.lezen")) == {kept.pk, withdrawn.pk}

    application = Application.objects.get(credentials__client_id=client_id)
    update_application(application=application, actor=SYSTEM, autorisaties=[_reader_of(kept)])

    assert set(current_access(client_id).access.grants("zrc", "zaken.lezen")) == {kept.pk}


def test_a_removed_client_id_is_refused_at_once(gemeente_a):
    client_id, secret = make_client(gemeente_a, client_id="weg-ermee")
    assert _get(client_id, secret).status_code == 200

    application = Application.objects.get(credentials__client_id=client_id)
    update_application(application=application, actor=SYSTEM, client_ids=["nieuwe-id"])

    refused = _get(client_id, secret)
    assert refused.status_code == 403
    assert refused.json()["code"] == "invalid-client-identifier"


def test_a_change_in_the_admin_applies_to_the_next_call(gemeente_a, admin_client):
    client_id, secret = make_client(gemeente_a)
    assert _get(client_id, secret).status_code == 200
    application = Application.objects.get(credentials__client_id=client_id)
    url = reverse("admin:apiclients_application_change", args=[application.pk])
    data = admin_change_form_data(admin_client.get(url))

    new_secret = "een-nieuw-geheim-van-genoeg-lengte"
    data["credentials-0-secret"] = new_secret
    saved = admin_client.post(url, data)

    assert saved.status_code == 302, saved.context["errors"] if saved.context else saved
    assert ClientCredential.objects.get(client_id=client_id).secret == new_secret
    audit = AuditEntry.objects.filter(action="update_application", object_id=str(application.pk)).get()
    assert audit.actor_type == "employee" and audit.before["client_ids"] == [client_id]
    assert new_secret not in str(audit.after), "secrets never go into the audit trail"
    old = _get(client_id, secret)
    assert old.status_code == 403
    assert old.json()["code"] == "invalid-jwt-signature"
    assert _get(client_id, new_secret).status_code == 200


def test_an_application_deleted_in_the_admin_is_refused_at_once(gemeente_a, admin_client):
    client_id, secret = make_client(gemeente_a)
    assert _get(client_id, secret).status_code == 200
    application = Application.objects.get(credentials__client_id=client_id)

    admin_client.post(reverse("admin:apiclients_application_delete", args=[application.pk]), {"post": "yes"})

    assert not Application.objects.filter(pk=application.pk).exists()
    assert _get(client_id, secret).json()["code"] == "invalid-client-identifier"


def test_another_gemeentes_change_keeps_the_access(gemeente_a, gemeente_b, django_assert_num_queries):
    client_id, _secret = make_client(gemeente_a)
    other_id, _other_secret = make_client(gemeente_b)
    current_access(client_id)

    application = Application.objects.get(credentials__client_id=other_id)
    update_application(application=application, actor=SYSTEM, label="Andere naam")

    with django_assert_num_queries(1):
        assert current_access(client_id).access.tenant == gemeente_a


def test_a_new_zaak_keeps_the_access_but_not_the_kept_answers(gemeente_a, django_assert_num_queries):
    zaaktype = handling_zaaktype()
    adoption = adopt_with_team(gemeente=gemeente_a, zaaktype=zaaktype)
    client_id, secret = make_client(gemeente_a, autorisaties=[_reader_of(zaaktype)])
    assert _get(client_id, secret).json()["count"] == 0
    before = current_access(client_id)

    new_zaak(adoption)

    with django_assert_num_queries(1):
        after = current_access(client_id)
    assert after.change_stamp > before.change_stamp, "the kept answers are keyed on the moved stamp"
    assert _get(client_id, secret).json()["count"] == 1


def test_a_changed_gemeente_applies_to_the_next_call_of_its_applications(gemeente_a):
    client_id, _secret = make_client(gemeente_a)
    assert current_access(client_id).access.tenant.rsin == gemeente_a.rsin

    gemeente_a.rsin = "002220647"
    gemeente_a.name = "Nieuwe naam"
    gemeente_a.save()

    tenant = current_access(client_id).access.tenant
    assert (tenant.rsin, tenant.name) == ("002220647", "Nieuwe naam")
