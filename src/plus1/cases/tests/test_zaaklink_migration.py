"""Migration 0011: the Zaken API's relevanteAndereZaken (JSON on the zaak) become ZaakLink rows,
and back; links to a zaak outside the gemeente stay a URL, never a link across gemeenten."""

from __future__ import annotations

import uuid

import pytest
from django.conf import settings
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE = [("cases", "0010_merge_verzending_and_contact_resources")]
AFTER = [("cases", "0011_zaaklink_single_source_of_relevante_andere_zaken")]


@pytest.fixture(autouse=True)
def _back_to_the_latest_schema():
    """Going back to 0010 also unapplies every app that builds on cases (feedback, incidents
    ...); the tests after this one need all of them again."""
    yield
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


def _migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(target)
    return executor.loader.project_state(target).apps


def _zaak_url(zaak_uuid) -> str:
    return f"https://api.elders.example/zaken/api/v1/zaken/{zaak_uuid}"


def test_json_links_become_rows_and_come_back(gemeente_a, gemeente_b):
    from plus1.cases.tests.factories import adopt_with_team, handling_zaaktype, new_zaak

    zaaktype = handling_zaaktype()
    adoption_a = adopt_with_team(gemeente=gemeente_a, zaaktype=zaaktype)
    zaak, other, linked_in_back_office = new_zaak(adoption_a), new_zaak(adoption_a), new_zaak(adoption_a)
    of_b = new_zaak(adopt_with_team(gemeente=gemeente_b, zaaktype=zaaktype))
    gone = _zaak_url(uuid.uuid4())
    elsewhere = "https://zaken.andere-leverancier.example/api/v1/zaken/1"
    pks = {"zaak": zaak.pk, "other": other.pk, "back_office": linked_in_back_office.pk}

    apps = _migrate(BEFORE)
    Zaak, ZaakLink = apps.get_model("cases", "Zaak"), apps.get_model("cases", "ZaakLink")
    ZaakLink.objects.create(zaak_id=pks["zaak"], other_id=pks["back_office"], relation="bijdrage")
    Zaak.objects.filter(pk=pks["zaak"]).update(
        relevante_andere_zaken=[
            {"url": _zaak_url(other.uuid), "aardRelatie": "vervolg"},
            {"url": _zaak_url(other.uuid), "aardRelatie": "vervolg"},
            {"url": _zaak_url(of_b.uuid), "aardRelatie": "onderwerp"},
            {"url": elsewhere, "aardRelatie": "bijdrage"},
            {"url": gone, "aardRelatie": "onderwerp"},
        ]
    )

    apps = _migrate(AFTER)
    ZaakLink = apps.get_model("cases", "ZaakLink")
    rows = list(
        ZaakLink.objects.filter(zaak_id=pks["zaak"]).order_by("id").values_list("other_id", "url", "relation")
    )
    assert rows == [
        (pks["back_office"], "", "bijdrage"),
        (pks["other"], "", "vervolg"),
        # Another gemeente's zaak, a zaak elsewhere, a zaak that is gone: kept by URL only.
        (None, _zaak_url(of_b.uuid), "onderwerp"),
        (None, elsewhere, "bijdrage"),
        (None, gone, "onderwerp"),
    ]

    apps = _migrate(BEFORE)
    Zaak, ZaakLink = apps.get_model("cases", "Zaak"), apps.get_model("cases", "ZaakLink")
    base = settings.PLUS1_BASE_URL.rstrip("/")
    assert Zaak.objects.get(pk=pks["zaak"]).relevante_andere_zaken == [
        {"url": f"{base}/zaken/api/v1/zaken/{linked_in_back_office.uuid}", "aardRelatie": "bijdrage"},
        {"url": f"{base}/zaken/api/v1/zaken/{other.uuid}", "aardRelatie": "vervolg"},
        {"url": _zaak_url(of_b.uuid), "aardRelatie": "onderwerp"},
        {"url": elsewhere, "aardRelatie": "bijdrage"},
        {"url": gone, "aardRelatie": "onderwerp"},
    ]
    assert sorted(ZaakLink.objects.values_list("other_id", flat=True)) == sorted(
        [pks["back_office"], pks["other"]]
    )
    _migrate(AFTER)
