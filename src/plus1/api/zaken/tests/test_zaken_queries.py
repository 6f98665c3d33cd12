"""In-process checks: a page of zaken costs a fixed number of queries, and every channel notifies."""

from __future__ import annotations

import pytest
from django.test import Client

from plus1.api.common.testing import make_client, make_token
from plus1.apiclients.services import AutorisatieSpec
from plus1.cases.services import set_status
from plus1.cases.tests.factories import SYSTEM, new_zaak
from plus1.core import zgw
from plus1.notifications.models import Notification

from .conftest import ROOT

CRS = {"HTTP_ACCEPT_CRS": "EPSG:4326", "HTTP_CONTENT_CRS": "EPSG:4326"}


def _get(gemeente, path, **autorisaties):
    client_id, secret = make_client(gemeente, **autorisaties)
    return lambda: Client().get(path, HTTP_AUTHORIZATION=f"Bearer {make_token(client_id, secret)}", **CRS)


@pytest.mark.django_db
def test_a_page_of_zaken_takes_a_fixed_number_of_queries(
    gemeente_a, adoption, zaaktype, django_assert_max_num_queries
):
    for _ in range(12):
        new_zaak(adoption)
    get_all = _get(gemeente_a, f"{ROOT}/zaken")
    get_limited = _get(
        gemeente_a,
        f"{ROOT}/zaken?rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=123456780",
        autorisaties=[
            AutorisatieSpec(
                component="zrc", scopes=["zaken.lezen"], zaaktype=zaaktype, max_confidentiality="geheim"
            )
        ],
    )
    # Token check (2), the change stamp of the read cache, count, page, and one query per kind
    # of part: rollen, eigenschappen, deelzaken, zaakobjecten, zaakinformatieobjecten.
    with django_assert_max_num_queries(10):
        response = get_all()
    assert response.status_code == 200, response.content
    assert response.json()["count"] == 12
    # An empty page: no part queries, only the token check, stamp, count and page.
    with django_assert_max_num_queries(6):
        assert get_limited().json()["count"] == 0
    get_rollen = _get(gemeente_a, f"{ROOT}/rollen")
    # Rollen hold personal data: plus the processing log (initiators, activity, one insert).
    with django_assert_max_num_queries(10):
        rollen = get_rollen()
    assert rollen.json()["count"] == 12


@pytest.mark.django_db
def test_a_zaak_from_the_portal_and_a_status_from_the_back_office_are_notified(
    gemeente_a, adoption, zaaktype
):
    zaak = new_zaak(adoption)
    hoofd_object = zgw.url("zaken", "zaken", zaak.uuid)
    created = Notification.objects.get(hoofd_object=hoofd_object)
    assert (created.kanaal, created.resource, created.actie) == ("zaken", "zaak", "create")
    assert created.resource_url == hoofd_object
    assert created.kenmerken["zaaktype"] == zgw.url("catalogi", "zaaktypen", zaaktype.uuid)

    status = set_status(
        zaak=zaak, statustype=zaaktype.statustypen.get(volgnummer=2), actor=SYSTEM, expected_version=None
    )
    notified = Notification.objects.filter(hoofd_object=hoofd_object).latest("id")
    assert (notified.resource, notified.actie) == ("status", "create")
    assert notified.resource_url == zgw.url("zaken", "statussen", status.uuid)
