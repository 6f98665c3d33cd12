"""In-process checks on the contact resources: fixed query counts per list, and closed zaken (zrc-007)."""

from __future__ import annotations

import datetime
import json

import pytest
from django.test import Client

from plus1.api.common.testing import make_client, make_token
from plus1.apiclients.services import AutorisatieSpec
from plus1.cases.models import Zaak
from plus1.cases.services import contacts
from plus1.cases.tests.factories import SYSTEM, new_zaak
from plus1.core import zgw

from .conftest import ROOT

CRS = {"HTTP_ACCEPT_CRS": "EPSG:4326", "HTTP_CONTENT_CRS": "EPSG:4326"}
MOMENT = "https://klantinteracties.example.nl/api/v1/contactmomenten/{}"


def _client(gemeente, **autorisaties):
    client_id, secret = make_client(gemeente, **autorisaties)

    def call(method: str, path: str, body: dict | None = None):
        return Client().generic(
            method,
            path,
            data=json.dumps(body) if body is not None else None,
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {make_token(client_id, secret)}",
            **CRS,
        )

    return call


@pytest.mark.django_db
def test_every_contact_list_takes_a_fixed_number_of_queries(
    gemeente_a, adoption, django_assert_max_num_queries, settings
):
    settings.ALLOWED_HOSTS = ["testserver", *settings.ALLOWED_HOSTS]
    for index in range(6):
        zaak = new_zaak(adoption)
        part = {"zaak": zaak, "actor": SYSTEM, "may_change_closed": True}
        contacts.add_klantcontact(contacted_at=datetime.datetime(2026, 11, 3, tzinfo=datetime.UTC), **part)
        contacts.link_contactmoment(contactmoment=MOMENT.format(index), **part)
        contacts.link_verzoek(verzoek=MOMENT.format(index).replace("contactmomenten", "verzoeken"), **part)
        contacts.add_zaaknotitie(values={"subject": "Notitie", "text": "Tekst"}, **part)
    call = _client(gemeente_a)
    # The first call also loads the application and its autorisaties; later calls check the
    # client id with its change stamp (1), then count and page for a paginated list, one
    # query for a plain one. Free text can name the resident: plus the processing log
    # (initiators, activity, one insert).
    call("GET", f"{ROOT}/zaken")
    for collection, queries, rows in (
        ("klantcontacten", 6, lambda body: body["results"]),
        ("zaaknotities", 6, lambda body: body["results"]),
        ("zaakcontactmomenten", 2, lambda body: body),
        ("zaakverzoeken", 2, lambda body: body),
    ):
        with django_assert_max_num_queries(queries):
            response = call("GET", f"{ROOT}/{collection}")
        assert response.status_code == 200, response.content
        assert len(rows(response.json())) == 6, collection


@pytest.mark.django_db
def test_a_closed_zaak_gets_new_contacts_only_with_geforceerd_bijwerken(
    gemeente_a, adoption, zaaktype, settings
):
    settings.ALLOWED_HOSTS = ["testserver", *settings.ALLOWED_HOSTS]
    zaak = new_zaak(adoption)
    Zaak.objects.filter(pk=zaak.pk).update(ended_on=datetime.date(2026, 11, 20))
    zaak_url = zgw.url("zaken", "zaken", zaak.uuid).replace(zgw.base_url(), "http://testserver")

    def grant(*scopes):
        spec = AutorisatieSpec(
            component="zrc", scopes=list(scopes), zaaktype=zaaktype, max_confidentiality="zeer_geheim"
        )
        return _client(gemeente_a, autorisaties=[spec])

    bodies = {
        "zaakcontactmomenten": {"zaak": zaak_url, "contactmoment": MOMENT.format(1)},
        "zaakverzoeken": {"zaak": zaak_url, "verzoek": MOMENT.format(1)},
        "zaaknotities": {"gerelateerdAan": zaak_url, "onderwerp": "Na afsluiten", "tekst": "x"},
        "klantcontacten": {"zaak": zaak_url, "datumtijd": "2026-11-21T10:00:00Z"},
    }
    plain = grant("zaken.lezen", "zaken.bijwerken")
    forced = grant("zaken.lezen", "zaken.bijwerken", "zaken.geforceerd-bijwerken")
    for collection, body in bodies.items():
        refused = plain("POST", f"{ROOT}/{collection}", body)
        assert refused.status_code == 403, (collection, refused.content)
        assert "afgesloten" in refused.json()["detail"]
        assert forced("POST", f"{ROOT}/{collection}", body).status_code == 201, collection
