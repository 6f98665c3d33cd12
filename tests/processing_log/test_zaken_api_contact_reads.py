"""The Zaken API's zaaknotities and klantcontacten over real HTTP: every read is in the processing log.

Their free text (a notitie's tekst, a klantcontact's toelichting) can name the resident, so a
read is logged as a read of the zaak, once per zaak per request, as for rollen and besluiten.
"""

from __future__ import annotations

import datetime

import pytest

from plus1.api.common.testing import ZgwClient, make_client
from plus1.apiclients.services import AutorisatieSpec
from plus1.audit.models import ProcessingRecord
from plus1.audit.services import hash_subject
from plus1.cases.services import contacts
from plus1.cases.tests.factories import SYSTEM, adopt_with_team, handling_zaaktype, new_zaak
from plus1.catalog.models import ProcessingActivity
from plus1.catalog.tests.factories import ZaakTypeFactory
from plus1.core import zgw

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SUZANNE = "999993653"
EREBOS = "999990019"
ROOT = "/zaken/api/v1"
CONTACTED_AT = datetime.datetime(2026, 11, 3, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def adoption(gemeente_a):
    adoption = adopt_with_team(gemeente=gemeente_a, zaaktype=handling_zaaktype(), team_name="Team Parkeren")
    zaaktype = adoption.zaaktype
    zaaktype.processing_activity = ProcessingActivity.objects.get(code="vergunningen")
    zaaktype.save(update_fields=["processing_activity"])
    return adoption


@pytest.fixture
def api(live_server):
    clients: list[ZgwClient] = []

    def make(gemeente, **kwargs) -> ZgwClient:
        client = ZgwClient(live_server.url, *make_client(gemeente, label="Vakapplicatie", **kwargs))
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


@pytest.fixture
def zaken(adoption):
    """Suzanne's zaak with two notities and two klantcontacten, Erebos's with one of each."""
    suzanne, erebos = new_zaak(adoption, bsn=SUZANNE), new_zaak(adoption, bsn=EREBOS, name="Erebos")
    for zaak, count in ((suzanne, 2), (erebos, 1)):
        for index in range(count):
            part = {"zaak": zaak, "actor": SYSTEM, "may_change_closed": True}
            contacts.add_zaaknotitie(values={"subject": "Telefoon", "text": f"Belde over {index}."}, **part)
            contacts.add_klantcontact(contacted_at=CONTACTED_AT, toelichting="Belde.", **part)
    return suzanne, erebos


def _url(client: ZgwClient, zaak) -> str:
    return zgw.url("zaken", "zaken", zaak.uuid).replace(zgw.base_url(), str(client.base_url).rstrip("/"))


def _reads(operation: str):
    return ProcessingRecord.objects.filter(action="read", operation=operation)


@pytest.mark.parametrize(
    ("collection", "zaak_filter", "list_operation", "detail_operation"),
    [
        ("zaaknotities", "gerelateerdAan", "zaaknotitie_list", "zaaknotitie_read"),
        ("klantcontacten", "zaak", "klantcontact_list", "klantcontact_retrieve"),
    ],
)
def test_a_list_and_a_detail_read_log_one_record_per_zaak_for_the_application(
    api, gemeente_a, zaken, collection, zaak_filter, list_operation, detail_operation
):
    suzanne, erebos = zaken
    client = api(gemeente_a)

    listed = client.get(f"{ROOT}/{collection}")

    assert listed.status_code == 200, listed.text
    assert listed.json()["count"] == 3
    reads = _reads(list_operation)
    assert sorted(reads.values_list("object_id", flat=True)) == sorted([str(suzanne.pk), str(erebos.pk)])
    assert {r.subject_hash for r in reads} == {hash_subject(SUZANNE), hash_subject(EREBOS)}
    assert {(r.channel, r.actor_type, r.actor_label, r.activity_code) for r in reads} == {
        ("api", "application", "Vakapplicatie", "vergunningen")
    }
    assert len({r.trace_id for r in reads}) == 1, "one request, one trace"

    filtered = client.get(f"{ROOT}/{collection}", params={zaak_filter: _url(client, erebos)})
    assert filtered.json()["count"] == 1
    assert _reads(list_operation).filter(object_id=str(erebos.pk)).count() == 2
    assert _reads(list_operation).filter(object_id=str(suzanne.pk)).count() == 1

    detail = client.get(listed.json()["results"][0]["url"])
    assert detail.status_code == 200
    record = _reads(detail_operation).get()
    assert (record.object_id, record.object_label) == (str(suzanne.pk), suzanne.identificatie)
    assert record.subject_hash == hash_subject(SUZANNE)


@pytest.mark.parametrize("collection", ["zaaknotities", "klantcontacten"])
def test_what_an_application_may_not_see_leaves_no_read_in_the_log(
    api, gemeente_a, gemeente_b, zaken, collection
):
    other_type = ZaakTypeFactory()
    narrow = api(
        gemeente_a,
        autorisaties=[
            AutorisatieSpec(
                component="zrc",
                scopes=["zaken.lezen"],
                zaaktype=other_type,
                max_confidentiality="zeer_geheim",
            )
        ],
    )
    mine = api(gemeente_a).get(f"{ROOT}/{collection}").json()["results"][0]["url"]
    logged_before = ProcessingRecord.objects.filter(action="read").count()

    assert narrow.get(f"{ROOT}/{collection}").json()["count"] == 0
    assert narrow.get(mine).status_code == 403
    other_gemeente = api(gemeente_b)
    assert other_gemeente.get(f"{ROOT}/{collection}").json()["count"] == 0
    assert other_gemeente.get(mine).status_code == 404

    assert ProcessingRecord.objects.filter(action="read").count() == logged_before
