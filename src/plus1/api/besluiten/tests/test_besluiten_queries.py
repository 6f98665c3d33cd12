"""Lists of the Besluiten API take a fixed number of queries, however long the page (no N+1)."""

from __future__ import annotations

import pytest
from django.test import Client

from plus1.api.common.testing import make_client, make_token
from plus1.cases.services import besluiten as services
from plus1.cases.tests.factories import SYSTEM
from plus1.core import clock

from .test_besluiten_api import document_of, zaak_of

pytestmark = pytest.mark.django_db


def _besluiten(zaak, count: int) -> None:
    besluittype = zaak.zaaktype.besluittypen.get()
    document = document_of(zaak)
    for _ in range(count):
        besluit = services.create_besluit(
            tenant=zaak.tenant,
            actor=SYSTEM,
            besluittype=besluittype,
            verantwoordelijke_organisatie="100000009",
            decided_on=clock.today(),
            effective_on=clock.today(),
            zaak=zaak,
        )
        services.create_besluit_informatieobject(besluit=besluit, informatieobject=document, actor=SYSTEM)


@pytest.mark.parametrize("count", [2, 12])
def test_lists_take_a_fixed_number_of_queries(gemeente_a, django_assert_max_num_queries, count):
    zaak = zaak_of(gemeente_a)
    _besluiten(zaak, count)
    client_id, secret = make_client(gemeente_a)
    http = Client(HTTP_AUTHORIZATION=f"Bearer {make_token(client_id, secret)}")

    # auth (client id with its change stamp; the first time also application and autorisaties),
    # count, page, processing log, expand: the besluittypen as the Catalogi API shows them (the
    # types, their catalogus, zaaktypen, resultaattypen and informatieobjecttypen).
    with django_assert_max_num_queries(14):
        response = http.get("/besluiten/api/v1/besluiten", {"expand": "besluittype"})
    assert response.status_code == 200 and response.json()["count"] == count
    with django_assert_max_num_queries(3):
        response = http.get("/besluiten/api/v1/besluitinformatieobjecten")
    assert response.status_code == 200 and len(response.json()) == count
    # The links, their besluiten (with the processing log) and those besluiten's types as above.
    with django_assert_max_num_queries(12):
        response = http.get("/besluiten/api/v1/besluitinformatieobjecten", {"expand": "besluit.besluittype"})
    assert response.status_code == 200 and len(response.json()) == count
