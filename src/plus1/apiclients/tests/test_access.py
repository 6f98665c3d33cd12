"""What an application may see: per type, up to the maximum confidentiality granted (zrc-006)."""

import pytest

from plus1.apiclients.access import access_for_client_id
from plus1.apiclients.services import AutorisatieSpec, create_application
from plus1.audit.services import Actor
from plus1.catalog.tests.factories import ZaakTypeFactory

pytestmark = pytest.mark.django_db


def test_a_grant_counts_for_its_own_zaaktype_and_up_to_its_confidentiality(gemeente_a):
    parkeren, wmo, other = (ZaakTypeFactory(published=True) for _ in range(3))
    create_application(
        tenant=gemeente_a,
        label="Parkeerapp",
        client_ids=["parkeerapp"],
        actor=Actor.system("test"),
        autorisaties=[
            AutorisatieSpec(
                component="zrc", scopes=["zaken.lezen"], zaaktype=parkeren, max_confidentiality="intern"
            ),
            AutorisatieSpec(
                component="zrc",
                scopes=["zaken.lezen", "zaken.bijwerken"],
                zaaktype=wmo,
                max_confidentiality="vertrouwelijk",
            ),
        ],
    )
    access, _ = access_for_client_id("parkeerapp")
    assert access.allows("zrc", "zaken.lezen", type_id=parkeren.pk, confidentiality="openbaar")
    assert not access.allows("zrc", "zaken.lezen", type_id=parkeren.pk, confidentiality="zaakvertrouwelijk")
    assert not access.allows("zrc", "zaken.bijwerken", type_id=parkeren.pk, confidentiality="openbaar")
    assert access.allows("zrc", "zaken.bijwerken", type_id=wmo.pk, confidentiality="vertrouwelijk")
    assert not access.allows("zrc", "zaken.lezen", type_id=other.pk, confidentiality="openbaar")
    assert access.has_scope("zrc", "zaken.bijwerken")
    assert not access.has_scope("drc", "documenten.lezen")
