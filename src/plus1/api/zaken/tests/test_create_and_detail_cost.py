"""A zaak create and an uncached detail cost a fixed, small number of SQL statements.

Every statement is a round trip and PostgreSQL CPU: these counts are what a create and a
detail cost now (docs: the ZGW benchmark). A change that adds one should say why here.
"""

from __future__ import annotations

import json

import pytest
from django.test import Client

from plus1.api.common.testing import make_client, make_token
from plus1.audit.models import AuditEntry, ProcessingRecord
from plus1.cases.models import Zaak
from plus1.catalog.processing import ActivityCode, activity_for_code
from plus1.notifications.models import Notification

from .conftest import ROOT

CRS = {"HTTP_ACCEPT_CRS": "EPSG:4326", "HTTP_CONTENT_CRS": "EPSG:4326"}


def _caller(gemeente):
    client_id, secret = make_client(gemeente)
    return lambda: {"HTTP_AUTHORIZATION": f"Bearer {make_token(client_id, secret)}", **CRS}


def _create(headers, zaaktype):
    body = {
        "zaaktype": f"http://testserver/catalogi/api/v1/zaaktypen/{zaaktype.uuid}",
        "bronorganisatie": "100000009",
        "verantwoordelijkeOrganisatie": "100000009",
        "startdatum": "2026-11-02",
    }
    return Client().post(f"{ROOT}/zaken", json.dumps(body), content_type="application/json", **headers())


@pytest.mark.django_db
def test_a_create_and_a_detail_take_a_fixed_number_of_statements(
    gemeente_a, adoption, zaaktype, django_assert_num_queries
):
    headers = _caller(gemeente_a)
    assert _create(headers, zaaktype).status_code == 201  # the year's case number counter exists now

    # The client's access (1), the zaaktype with its adopting team and default activity (1), the
    # case number (1); then in one transaction: BEGIN, zaak, audit row, processing record,
    # notification, the abonnementen to deliver it to, the change stamp, COMMIT (8). Inside the
    # test's transaction BEGIN and COMMIT are a SAVEPOINT and its RELEASE: the same count.
    with django_assert_num_queries(11):
        response = _create(headers, zaaktype)
    assert response.status_code == 201, response.content

    # The client's access, the zaak, and its parts in one query.
    with django_assert_num_queries(3):
        detail = Client().get(response.json()["url"].replace("http://testserver", ""), **headers())
    assert detail.status_code == 200
    assert detail.json() == response.json()


@pytest.mark.django_db
def test_a_create_stores_the_zaak_with_its_team_audit_row_processing_record_and_notification(
    gemeente_a, adoption, zaaktype
):
    response = _create(_caller(gemeente_a), zaaktype)
    assert response.status_code == 201, response.content

    zaak = Zaak.objects.get(uuid=response.json()["uuid"])
    assert zaak.team_id == adoption.team_id, "the zaak lands in the inbox of the adopting team"
    assert AuditEntry.objects.filter(object_type="cases.zaak", object_id=str(zaak.pk)).count() == 1
    record = ProcessingRecord.objects.get(object_type="cases.zaak", object_id=str(zaak.pk))
    expected = activity_for_code(ActivityCode.ZAAK_HANDLING)
    assert (record.activity_code, record.activity_name, record.purpose) == (
        expected.code,
        expected.name,
        expected.purpose,
    )
    assert Notification.objects.filter(
        resource="zaak", actie="create", resource_url=response.json()["url"]
    ).exists()
