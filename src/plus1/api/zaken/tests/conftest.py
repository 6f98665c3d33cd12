"""A published process with three statuses, adopted by gemeente A with a team; URL helpers."""

from __future__ import annotations

import pytest

from plus1.cases.tests.factories import adopt_with_team, handling_zaaktype
from plus1.catalog.models import Eigenschap

ROOT = "/zaken/api/v1"


def absolute(client, path: str) -> str:
    return str(client.base_url).rstrip("/") + path


def catalog_url(client, collection: str, obj) -> str:
    return absolute(client, f"/catalogi/api/v1/{collection}/{obj.uuid}")


@pytest.fixture
def zaaktype(gemeente_a):
    zaaktype = handling_zaaktype()
    Eigenschap.objects.create(
        zaaktype=zaaktype,
        order=1,
        name="kenteken",
        label="Kenteken",
        data_type="text",
        is_required=False,
        step="Gegevens",
    )
    return zaaktype


@pytest.fixture
def adoption(gemeente_a, zaaktype):
    return adopt_with_team(gemeente=gemeente_a, zaaktype=zaaktype)


def new_zaak_body(client, zaaktype, **extra) -> dict:
    return {
        "zaaktype": catalog_url(client, "zaaktypen", zaaktype),
        "bronorganisatie": "100000009",
        "verantwoordelijkeOrganisatie": "100000009",
        "startdatum": "2026-11-02",
        **extra,
    }


def create_zaak(client, zaaktype, **extra) -> dict:
    response = client.post(f"{ROOT}/zaken", json=new_zaak_body(client, zaaktype, **extra))
    assert response.status_code == 201, response.text
    return response.json()


def reader_of(zgw_client, gemeente, zaaktype, *scopes: str, max_confidentiality: str = "zeer_geheim"):
    """An application of ``gemeente`` with ``scopes`` (default zaken.lezen) for one zaaktype only."""
    from plus1.apiclients.services import AutorisatieSpec

    return zgw_client(
        gemeente,
        autorisaties=[
            AutorisatieSpec(
                component="zrc",
                scopes=list(scopes or ["zaken.lezen"]),
                zaaktype=zaaktype,
                max_confidentiality=max_confidentiality,
            )
        ],
    )
