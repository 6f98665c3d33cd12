"""The Zaken API's zaakeigenschappen over real HTTP: every read is in the processing log.

A zaakeigenschap holds what the resident answered on the form (a kenteken, an income), so a
read of it, directly or through ``expand``, is logged as a read of its zaak, as for rollen.
"""

from __future__ import annotations

import pytest

from plus1.api.common.testing import ZgwClient, make_client
from plus1.audit.models import ProcessingRecord
from plus1.audit.services import hash_subject
from plus1.cases.tests.factories import adopt_with_team, handling_zaaktype, new_zaak
from plus1.catalog.models import Eigenschap
from plus1.core import zgw

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SUZANNE = "999993653"
ROOT = "/zaken/api/v1"


@pytest.fixture
def zaak(gemeente_a):
    zaaktype = handling_zaaktype()
    Eigenschap.objects.create(
        zaaktype=zaaktype, order=1, name="kenteken", label="Kenteken", data_type="text", step="Gegevens"
    )
    adoption = adopt_with_team(gemeente=gemeente_a, zaaktype=zaaktype)
    return new_zaak(adoption, bsn=SUZANNE, data={"kenteken": "AB-123-C"})


@pytest.fixture
def api(live_server):
    clients: list[ZgwClient] = []

    def make(gemeente) -> ZgwClient:
        client = ZgwClient(live_server.url, *make_client(gemeente, label="Parkeerapplicatie"))
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


def _reads(operation: str):
    return ProcessingRecord.objects.filter(action="read", operation=operation)


def test_reading_the_answers_of_a_zaak_is_logged_for_its_resident(api, gemeente_a, zaak):
    client = api(gemeente_a)
    zaak_url = zgw.url("zaken", "zaken", zaak.uuid).replace(zgw.base_url(), str(client.base_url).rstrip("/"))

    listed = client.get(f"{zaak_url}/zaakeigenschappen")
    assert listed.status_code == 200, listed.text
    assert [item["waarde"] for item in listed.json()] == ["AB-123-C"]
    record = _reads("zaakeigenschap_list").get()
    assert (record.object_id, record.subject_hash) == (str(zaak.pk), hash_subject(SUZANNE))
    assert (record.channel, record.actor_label) == ("api", "Parkeerapplicatie")

    assert client.get(listed.json()[0]["url"]).status_code == 200
    assert _reads("zaakeigenschap_read").count() == 1

    expanded = client.get(zaak_url, params={"expand": "eigenschappen"})
    assert expanded.json()["_expand"]["eigenschappen"][0]["waarde"] == "AB-123-C"
    assert _reads("zaakeigenschap_read").count() == 2


def test_another_gemeente_reads_nothing_and_leaves_no_record(api, gemeente_a, gemeente_b, zaak):
    mine = api(gemeente_a).get(f"{ROOT}/zaken/{zaak.uuid}/zaakeigenschappen").json()[0]["url"]
    logged_before = ProcessingRecord.objects.filter(action="read").count()

    other = api(gemeente_b)
    assert other.get(f"{ROOT}/zaken/{zaak.uuid}/zaakeigenschappen").status_code == 404
    assert other.get(mine).status_code == 404

    assert ProcessingRecord.objects.filter(action="read").count() == logged_before
