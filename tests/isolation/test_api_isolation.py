"""The ZGW APIs as gemeente B's application, against gemeente A's objects: nothing leaks.

The operations come from the APIs' own OpenAPI documents (a new operation is walked without
touching this file). Every path parameter is filled with the uuid of one of gemeente A's
objects of that collection. An application of gemeente B, with ALL autorisaties, must:

- never get a 2xx on a detail, a change or a delete of A's objects;
- never see A's objects in a list or a search;
- never create anything that points at A's objects;
and after the walk nothing of gemeente A has changed.
"""

from __future__ import annotations

import datetime
import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from plus1.api import registry
from plus1.api.common.testing import make_client, make_token
from plus1.audit.models import AuditEntry
from plus1.cases import services
from plus1.cases.models import (
    Besluit,
    InformatieObject,
    KlantContact,
    ObjectInformatieObject,
    Verzending,
    Zaak,
    ZaakContactMoment,
    ZaakInformatieObject,
    ZaakNotitie,
    ZaakVerzoek,
)
from plus1.cases.services import contacts
from plus1.cases.services.verzendingen import create_verzending
from plus1.cases.tests.factories import SYSTEM, adopt_with_team, handling_zaaktype, new_zaak
from plus1.core import zgw
from plus1.notifications.models import Abonnement
from plus1.notifications.services import create_kanaal, save_abonnement

pytestmark = pytest.mark.django_db

BSN = "999993653"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
READS = {"get", "head"}


def _world(gemeente_a):
    """Gemeente A's objects, one of each kind the APIs serve; returns collection -> uuid."""
    zaaktype = handling_zaaktype()
    adoption = adopt_with_team(gemeente=gemeente_a, zaaktype=zaaktype)
    zaak = new_zaak(adoption, bsn=BSN, name="Suzanne Moulin")
    iot = zaak.zaaktype.document_types.first().informatieobjecttype_id
    document = services.add_zaak_document(
        zaak=zaak, informatieobjecttype_id=iot, upload=SimpleUploadedFile("brief.pdf", PDF), actor=SYSTEM
    )
    objects: dict[str, object] = {"zaken": zaak, "enkelvoudiginformatieobjecten": document}
    # The document's link to the zaak, in the Zaken API and mirrored in the Documenten API.
    for collection, model in (
        ("zaakinformatieobjecten", ZaakInformatieObject),
        ("objectinformatieobjecten", ObjectInformatieObject),
    ):
        link = model.objects.filter(tenant=gemeente_a).first()
        if link is not None:
            objects[collection] = link
    objects["verzendingen"] = create_verzending(
        document=document,
        actor=SYSTEM,
        values={
            "betrokkene": "https://klanten.example.nl/api/v1/klanten/a",
            "relation": "geadresseerde",
            "sent_on": datetime.date(2026, 11, 30),
            "contact_person": "https://medewerkers.example.nl/api/v1/medewerkers/a",
            "email": "suzanne@example.nl",
        },
    )
    status = zaak.statussen.first()
    if status is not None:
        objects["statussen"] = status
    rol = zaak.rollen.first()
    if rol is not None:
        objects["rollen"] = rol
    # The zaak's contacts: a klantcontact, links to the Klantinteracties API, a notitie.
    contact = {"zaak": zaak, "actor": SYSTEM, "may_change_closed": True}
    objects["klantcontacten"] = contacts.add_klantcontact(
        contacted_at=datetime.datetime(2026, 11, 3, 9, 0, tzinfo=datetime.UTC), subject="Balie", **contact
    )
    objects["zaakcontactmomenten"] = contacts.link_contactmoment(
        contactmoment="https://klantinteracties.example.nl/api/v1/contactmomenten/1", **contact
    )
    objects["zaakverzoeken"] = contacts.link_verzoek(
        verzoek="https://klantinteracties.example.nl/api/v1/verzoeken/1", **contact
    )
    objects["zaaknotities"] = contacts.add_zaaknotitie(
        values={"subject": "Notitie van A", "text": "Alleen voor A"}, **contact
    )
    besluittype = zaaktype.besluittypen.first()
    if besluittype is not None:
        besluit = Besluit.objects.create(
            tenant=gemeente_a,
            identificatie="BESLUIT-A-1",
            verantwoordelijke_organisatie=gemeente_a.rsin,
            zaak=zaak,
            besluittype=besluittype,
            decided_on=datetime.date(2026, 11, 1),
            effective_on=datetime.date(2026, 11, 2),
        )
        objects["besluiten"] = besluit
    client_id, _secret = make_client(gemeente_a, label="Applicatie van A")
    from plus1.apiclients.models import Application

    objects["applicaties"] = Application.objects.get(credentials__client_id=client_id)
    objects["abonnement"] = save_abonnement(
        tenant=gemeente_a, callback_url="https://a.example.nl/cb", auth="Bearer a", kanalen=[("zaken", {})]
    )
    # A kanaal gemeente A registered is A's alone: B neither lists nor reads it.
    objects["kanaal"] = create_kanaal(tenant=gemeente_a, naam="alleen-van-a")
    return objects


def _markers(objects) -> list[str]:
    """Strings that must never appear in an answer to gemeente B."""
    zaak = objects["zaken"]
    return [str(obj.uuid) for obj in objects.values()] + [zaak.identificatie, BSN, "Applicatie van A"]


def _operations():
    for spec in registry.existing_apis():
        api = registry.load_api(spec.name)
        document = api.get_openapi_schema(path_prefix="")
        for path, operations in document["paths"].items():
            for method in operations:
                yield spec, path, method


def _fill(path: str, objects) -> str:
    """Fill each {param} with the uuid of A's object of the collection it follows."""
    segments = path.strip("/").split("/")
    filled = []
    for index, segment in enumerate(segments):
        if segment.startswith("{"):
            collection = segments[index - 1] if index else ""
            obj = objects.get(collection)
            if obj is None and collection == "audittrail":
                obj = AuditEntry.objects.filter(tenant=objects["zaken"].tenant).first()
            # A kind this walk has no object of yet: A's zaak, so the call still aims at A.
            filled.append(str((obj or objects["zaken"]).uuid))
        else:
            filled.append(segment)
    return "/" + "/".join(filled)


def _body(objects) -> dict:
    """A body that points at A's objects in every field a ZGW resource links through."""
    zaak, document = objects["zaken"], objects["enkelvoudiginformatieobjecten"]
    urls = {
        "zaak": zgw.url("zaken", "zaken", zaak.uuid),
        "informatieobject": zgw.url("documenten", "enkelvoudiginformatieobjecten", document.uuid),
        "hoofdzaak": zgw.url("zaken", "zaken", zaak.uuid),
        "object": zgw.url("zaken", "zaken", zaak.uuid),
        "gerelateerdAan": zgw.url("zaken", "zaken", zaak.uuid),
        "contactmoment": "https://klantinteracties.example.nl/api/v1/contactmomenten/2",
        "verzoek": "https://klantinteracties.example.nl/api/v1/verzoeken/2",
    }
    if "besluiten" in objects:
        urls["besluit"] = zgw.url("besluiten", "besluiten", objects["besluiten"].uuid)
    return {
        **urls,
        "objectType": "zaak",
        "lock": "x",
        "titel": "Overgenomen",
        "toelichting": "Overgenomen",
        "datumtijd": "2026-11-04T10:00:00Z",
        "onderwerp": "Overgenomen",
        "tekst": "Overgenomen",
    }


def test_gemeente_b_reaches_nothing_of_gemeente_a_through_any_api_operation(gemeente_a, gemeente_b, settings):
    settings.ALLOWED_HOSTS = ["testserver", *settings.ALLOWED_HOSTS]
    objects = _world(gemeente_a)
    markers = _markers(objects)
    zaak_before = Zaak.objects.values().get(pk=objects["zaken"].pk)
    documents_before = InformatieObject.objects.filter(tenant=gemeente_a).count()
    verzending_before = Verzending.objects.values().get(pk=objects["verzendingen"].pk)
    client_id, secret = make_client(gemeente_b, label="Applicatie van B")
    client = Client()
    headers = {"Accept-Crs": "EPSG:4326", "Content-Crs": "EPSG:4326"}
    walked = 0
    for spec, path, method in _operations():
        url = f"{spec.mount}{_fill(path, objects)}"
        token = make_token(client_id, secret)
        is_search = path.endswith("/_zoek")
        has_params = "{" in path
        body = json.dumps(_body(objects) if not is_search else {"uuid__in": [str(objects["zaken"].uuid)]})
        response = client.generic(
            method.upper(),
            url,
            data=None if method in READS or method == "delete" else body,
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {token}",
            headers=headers,
        )
        walked += 1
        content = response.content.decode(errors="replace")
        label = f"{method.upper()} {url} -> {response.status_code}"
        leaked = [marker for marker in markers if re.search(re.escape(marker), content)]
        # A validation error may echo the URL the client sent; it must not add anything of A's.
        if response.status_code == 400:
            leaked = [marker for marker in leaked if marker not in body]
        assert not leaked, f"{label} shows gemeente A's data: {leaked}"
        if has_params or (method not in READS and not is_search):
            assert not 200 <= response.status_code < 300, f"{label}: gemeente B got a success"
    assert walked > 100
    assert {"zaakinformatieobjecten", "objectinformatieobjecten", "besluiten", "verzendingen"} <= set(objects)
    assert {"klantcontacten", "zaakcontactmomenten", "zaakverzoeken", "zaaknotities"} <= set(objects)
    for model in (KlantContact, ZaakContactMoment, ZaakVerzoek, ZaakNotitie):
        assert model.objects.filter(tenant=gemeente_b).count() == 0, model
    assert ZaakNotitie.objects.get(tenant=gemeente_a).subject == "Notitie van A"
    assert Zaak.objects.values().get(pk=objects["zaken"].pk) == zaak_before
    assert InformatieObject.objects.filter(tenant=gemeente_a).count() == documents_before
    assert Verzending.objects.values().get(pk=objects["verzendingen"].pk) == verzending_before
    assert Abonnement.objects.filter(tenant=gemeente_a).count() == 1
