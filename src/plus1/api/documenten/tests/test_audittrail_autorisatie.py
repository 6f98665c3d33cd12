"""A document's audittrail is granted per informatieobjecttype and vertrouwelijkheidaanduiding.

As the zaak's audittrail: `audittrails.lezen` for informatieobjecttype X does not open the trail of a
document of type Y (403), nor of a document above the granted level; another gemeente's document
does not exist (404).
"""

from __future__ import annotations

import pytest

from plus1.apiclients.services import AutorisatieSpec
from plus1.catalog.models import InformatieObjectType

from .test_documenten_api import EIO, _document, _setup

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _auditor(zgw_client, gemeente, iot):
    return zgw_client(
        gemeente,
        autorisaties=[
            AutorisatieSpec(
                component="drc",
                scopes=["audittrails.lezen"],
                informatieobjecttype=iot,
                max_confidentiality="zaakvertrouwelijk",
            )
        ],
    )


def test_audittrails_lezen_for_one_type_reads_only_that_types_trail(zgw_client, gemeente_a):
    _zaak, iot = _setup(gemeente_a)
    other_iot = InformatieObjectType.objects.get(tenant=iot.tenant, omschrijving="Beschikking")
    admin = zgw_client(gemeente_a)
    own = admin.post(EIO, json=_document(admin, iot, vertrouwelijkheidaanduiding="openbaar")).json()
    secret = admin.post(EIO, json=_document(admin, iot, vertrouwelijkheidaanduiding="geheim")).json()
    other = admin.post(EIO, json=_document(admin, other_iot, vertrouwelijkheidaanduiding="openbaar")).json()
    other_row = admin.get(f"{other['url']}/audittrail").json()[0]["uuid"]
    auditor = _auditor(zgw_client, gemeente_a, iot)

    trail = auditor.get(f"{own['url']}/audittrail")
    assert trail.status_code == 200, trail.text
    row = trail.json()[0]["uuid"]
    assert auditor.get(f"{own['url']}/audittrail/{row}").status_code == 200

    for url in (f"{other['url']}/audittrail", f"{other['url']}/audittrail/{other_row}"):
        refused = auditor.get(url)
        assert refused.status_code == 403, url
        assert refused.json()["code"] == "permission_denied"
    assert auditor.get(f"{secret['url']}/audittrail").status_code == 403


def test_another_gemeentes_document_trail_does_not_exist(zgw_client, gemeente_a, gemeente_b):
    _zaak, iot = _setup(gemeente_a)
    admin = zgw_client(gemeente_a)
    document = admin.post(EIO, json=_document(admin, iot)).json()
    stranger = zgw_client(gemeente_b)
    assert stranger.get(f"{document['url']}/audittrail").status_code == 404
