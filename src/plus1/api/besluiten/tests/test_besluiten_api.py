"""The Besluiten API over real HTTP, on the same besluiten the back office decides."""

from __future__ import annotations

import datetime
import logging

import pytest
from django.core.files.base import ContentFile

from plus1.apiclients.services import AutorisatieSpec
from plus1.audit.models import AuditEntry
from plus1.cases import services as case_services
from plus1.cases.models import Besluit, BesluitInformatieObject, InformatieObject, Zaak
from plus1.cases.tests.factories import SYSTEM, adopt_with_team, handling_zaaktype, new_zaak
from plus1.catalog.models import BesluitType
from plus1.core import clock
from plus1.notifications.models import Notification
from plus1.tenants.models import Mandate

# serialized_rollback puts back the gemeenten and reference lists that the live server's flush removes.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ROOT = "/besluiten/api/v1"
ALL_SCOPES = ["besluiten.lezen", "besluiten.aanmaken", "besluiten.bijwerken", "besluiten.verwijderen"]


def absolute(client, path: str) -> str:
    return str(client.base_url).rstrip("/") + path


def besluittype_url(client, besluittype: BesluitType) -> str:
    return absolute(client, f"/catalogi/api/v1/besluittypen/{besluittype.uuid}")


def zaak_url(client, zaak: Zaak) -> str:
    return absolute(client, f"/zaken/api/v1/zaken/{zaak.uuid}")


def document_url(client, document: InformatieObject) -> str:
    return absolute(client, f"/documenten/api/v1/enkelvoudiginformatieobjecten/{document.uuid}")


def zaak_of(gemeente) -> Zaak:
    zaak = new_zaak(adopt_with_team(gemeente=gemeente, zaaktype=handling_zaaktype()))
    # brc-008: the besluittype names the document types its besluiten are laid down in.
    for besluittype in zaak.zaaktype.besluittypen.all():
        besluittype.informatieobjecttypen.add(
            *(link.informatieobjecttype for link in zaak.zaaktype.document_types.all())
        )
    return zaak


def document_of(zaak: Zaak) -> InformatieObject:
    return InformatieObject.objects.create(
        tenant=zaak.tenant,
        zaak=zaak,
        informatieobjecttype=zaak.zaaktype.document_types.first().informatieobjecttype,
        file=ContentFile(b"%PDF-1.4\n", name="beschikking.pdf"),
        filename="beschikking.pdf",
        content_type="application/pdf",
        size=9,
    )


def other_besluittype(zaak: Zaak, *, published: bool = True, on_zaaktype: bool = False) -> BesluitType:
    besluittype = BesluitType.objects.create(
        tenant=zaak.zaaktype.tenant,
        catalogus=zaak.zaaktype.process.catalogus,
        omschrijving=f"Ander besluit {BesluitType.objects.count()}",
        category="Overig",
        status="published" if published else "concept",
        valid_from=datetime.date(2026, 1, 1),
    )
    if on_zaaktype:
        zaak.zaaktype.besluittypen.add(besluittype)
    return besluittype


def body_for(client, besluittype: BesluitType, *, zaak: Zaak | None = None, **extra) -> dict:
    today = clock.today().isoformat()
    return {
        "verantwoordelijkeOrganisatie": "100000009",
        "besluittype": besluittype_url(client, besluittype),
        "zaak": zaak_url(client, zaak) if zaak else "",
        "datum": today,
        "ingangsdatum": today,
        **extra,
    }


def codes(response) -> set[tuple[str, str]]:
    return {(p["name"], p["code"]) for p in response.json()["invalidParams"]}


def test_a_besluit_on_a_zaak_is_registered_read_changed_and_deleted(zgw_client, gemeente_a):
    zaak = zaak_of(gemeente_a)
    besluittype = zaak.zaaktype.besluittypen.get()
    app = zgw_client(gemeente_a)

    response = app.post(
        f"{ROOT}/besluiten",
        json=body_for(app, besluittype, zaak=zaak, toelichting="Vergund.", vervaldatum="2099-12-31"),
    )
    assert response.status_code == 201, response.text
    besluit = response.json()
    assert response.headers["Location"] == besluit["url"]
    assert response.headers["API-version"] == "1.1.0"
    # brc-002: without identificatie one is generated.
    assert besluit["identificatie"] == f"BESLUIT-{clock.today().year}-0000000001"
    assert besluit["zaak"] == zaak_url(app, zaak)
    assert besluit["besluittype"] == besluittype_url(app, besluittype)
    assert besluit["vervalreden"] == "" and besluit["vervaldatum"] == "2099-12-31"
    # The same row the back office and Mijn zaken show on the zaak.
    assert [b.identificatie for b in zaak.besluiten.all()] == [besluit["identificatie"]]

    assert app.get(besluit["url"]).json() == besluit
    # An RSIN passes the same elfproef as a BSN: keep httpx from logging it in the request URL.
    httpx_logger = logging.getLogger("httpx")
    level = httpx_logger.level
    httpx_logger.setLevel(logging.WARNING)
    try:
        for params in (
            {"zaak": zaak_url(app, zaak)},
            {"besluittype": besluittype_url(app, besluittype)},
            {"identificatie": besluit["identificatie"]},
            {"verantwoordelijkeOrganisatie": "100000009"},
        ):
            page = app.get(f"{ROOT}/besluiten", params=params).json()
            assert page["count"] == 1 and page["results"] == [besluit], params
    finally:
        httpx_logger.setLevel(level)
    assert app.get(f"{ROOT}/besluiten", params={"identificatie": "X"}).json()["count"] == 0
    assert app.get(f"{ROOT}/besluiten", params={"zaak": "geen-url"}).status_code == 400

    patched = app.patch(
        besluit["url"], json={"toelichting": "Vergund met voorwaarden.", "vervalreden": "tijdelijk"}
    )
    assert patched.status_code == 200, patched.text
    assert patched.json()["toelichting"] == "Vergund met voorwaarden."
    assert patched.json()["vervalredenWeergave"] == "Besluit met tijdelijke werking"

    # brc-001/brc-002: besluittype, identificatie and verantwoordelijkeOrganisatie never change.
    other = other_besluittype(zaak, on_zaaktype=True)
    refused = app.patch(
        besluit["url"],
        json={
            "besluittype": besluittype_url(app, other),
            "identificatie": "ANDERS",
            "verantwoordelijkeOrganisatie": "100000010",
        },
    )
    assert refused.status_code == 400
    assert codes(refused) == {
        ("besluittype", "wijzigen-niet-toegelaten"),
        ("identificatie", "wijzigen-niet-toegelaten"),
        ("verantwoordelijkeOrganisatie", "wijzigen-niet-toegelaten"),
    }

    # brc-006: the zaak stays (a PUT without it would take the besluit off its zaak).
    off = app.put(besluit["url"], json=body_for(app, besluittype, bestuursorgaan="College van B&W"))
    assert off.status_code == 400 and codes(off) == {("zaak", "wijzigen-niet-toegelaten")}
    # PUT replaces the rest.
    put = app.put(
        besluit["url"], json=body_for(app, besluittype, zaak=zaak, bestuursorgaan="College van B&W")
    )
    assert put.status_code == 200, put.text
    assert put.json()["zaak"] == zaak_url(app, zaak) and put.json()["toelichting"] == ""
    assert put.json()["identificatie"] == besluit["identificatie"]
    assert put.json()["bestuursorgaan"] == "College van B&W"
    assert zaak.besluiten.count() == 1

    assert app.delete(besluit["url"]).status_code == 204
    assert app.get(besluit["url"]).status_code == 404
    notifications = Notification.objects.filter(kanaal="besluiten", hoofd_object=besluit["url"]).order_by(
        "id"
    )
    assert [n.actie for n in notifications] == ["create", "update", "update", "destroy"]
    assert notifications[0].kenmerken == {
        "verantwoordelijke_organisatie": "100000009",
        "besluittype": besluittype_url(app, besluittype),
    }


def test_the_rules_of_the_standard_are_checked_and_nothing_is_written(zgw_client, gemeente_a, gemeente_b):
    zaak = zaak_of(gemeente_a)
    besluittype = zaak.zaaktype.besluittypen.get()
    app = zgw_client(gemeente_a)

    def refused(body: dict) -> set[tuple[str, str]]:
        response = app.post(f"{ROOT}/besluiten", json=body)
        assert response.status_code == 400, response.text
        assert response.headers["Content-Type"] == "application/problem+json"
        return codes(response)

    # brc-001: a concept besluittype is refused, and so is a URL that is not a besluittype.
    assert refused(body_for(app, other_besluittype(zaak, published=False))) == {
        ("besluittype", "not-published")
    }
    assert refused({**body_for(app, besluittype), "besluittype": zaak_url(app, zaak)}) == {
        ("besluittype", "bad-url")
    }
    # The RSIN passes the elfproef; a besluit is not dated in the future; it ends after it starts.
    tomorrow = (clock.today() + datetime.timedelta(days=1)).isoformat()
    assert refused(
        body_for(
            app,
            besluittype,
            verantwoordelijkeOrganisatie="123456789",
            datum=tomorrow,
            vervaldatum="2000-01-01",
        )
    ) == {
        ("verantwoordelijkeOrganisatie", "invalid"),
        ("datum", "future-not-allowed"),
        ("vervaldatum", "invalid"),
    }
    # brc-007: on a zaak, the besluittype must be one of its zaaktype's besluittypen.
    assert refused(body_for(app, other_besluittype(zaak), zaak=zaak)) == {
        ("nonFieldErrors", "zaaktype-mismatch")
    }
    # A zaak of another gemeente does not resolve.
    assert refused(body_for(app, besluittype, zaak=zaak_of(gemeente_b))) == {("zaak", "bad-url")}
    assert refused({"besluittype": besluittype_url(app, besluittype)}) >= {
        ("verantwoordelijkeOrganisatie", "required"),
        ("datum", "required"),
        ("ingangsdatum", "required"),
    }
    assert refused(body_for(app, besluittype, vervalreden="vergeten")) == {("vervalreden", "invalid_choice")}
    assert Besluit.objects.count() == 0 and not Notification.objects.filter(kanaal="besluiten").exists()

    # brc-002: identificatie is unique per verantwoordelijke organisatie, not across organisations.
    first = app.post(f"{ROOT}/besluiten", json=body_for(app, besluittype, identificatie="B-1"))
    assert first.status_code == 201
    assert refused(body_for(app, besluittype, identificatie="B-1")) == {
        ("identificatie", "identificatie-niet-uniek")
    }
    # Another organisation gemeente A registers for (a samenwerkingsverband's member).
    Mandate.objects.create(organisation=gemeente_a, rsin="100000022", name="Werkorganisatie")
    same_number = app.post(
        f"{ROOT}/besluiten",
        json=body_for(app, besluittype, identificatie="B-1", verantwoordelijkeOrganisatie="100000022"),
    )
    assert same_number.status_code == 201
    generated = app.post(f"{ROOT}/besluiten", json=body_for(app, besluittype)).json()
    again = app.post(f"{ROOT}/besluiten", json=body_for(app, besluittype)).json()
    assert generated["identificatie"].endswith("0000000001") and again["identificatie"].endswith("0000000002")


def test_a_besluit_decided_in_the_back_office_shows_in_the_api_with_its_letter(zgw_client, gemeente_a):
    zaak = zaak_of(gemeente_a)
    besluittype = zaak.zaaktype.besluittypen.get()
    besluit = case_services.decide_zaak(
        zaak=zaak,
        besluittype=besluittype,
        decided_on=clock.today(),
        effective_on=clock.today(),
        toelichting="U voldoet aan de voorwaarden.",
        actor=SYSTEM,
        expected_version=None,
    )
    app = zgw_client(gemeente_a)

    page = app.get(f"{ROOT}/besluiten", params={"zaak": zaak_url(app, zaak)}).json()
    assert page["count"] == 1
    shown = page["results"][0]
    assert shown["identificatie"] == besluit.identificatie
    assert shown["verantwoordelijkeOrganisatie"] == gemeente_a.rsin
    assert shown["toelichting"] == "U voldoet aan de voorwaarden."
    # The letter lays the besluit down: a besluitinformatieobject, as one made through the API.
    links = app.get(f"{ROOT}/besluitinformatieobjecten", params={"besluit": shown["url"]}).json()
    assert [link["informatieobject"] for link in links] == [document_url(app, besluit.letter)]
    # The back office's decision is announced on kanaal besluiten, in the same transaction.
    notification = Notification.objects.get(kanaal="besluiten")
    assert notification.actie == "create" and notification.resource == "besluit"
    assert notification.resource_url.endswith(f"{ROOT}/besluiten/{besluit.uuid}")
    trail = app.get(f"{shown['url']}/audittrail").json()
    assert [(entry["actie"], entry["bron"], entry["resource"]) for entry in trail] == [
        ("create", "brc", "besluit")
    ]

    # Deleting through the API removes the link but keeps the letter among the zaak's documents.
    assert app.delete(shown["url"]).status_code == 204
    assert not BesluitInformatieObject.objects.exists()
    assert zaak.documenten.filter(pk=besluit.letter_id).exists()


def test_documents_are_linked_to_a_besluit_once_and_only_within_the_gemeente(
    zgw_client, gemeente_a, gemeente_b
):
    zaak = zaak_of(gemeente_a)
    document = document_of(zaak)
    app = zgw_client(gemeente_a)
    besluit = app.post(
        f"{ROOT}/besluiten", json=body_for(app, zaak.zaaktype.besluittypen.get(), zaak=zaak)
    ).json()
    body = {"besluit": besluit["url"], "informatieobject": document_url(app, document)}

    response = app.post(f"{ROOT}/besluitinformatieobjecten", json=body)
    assert response.status_code == 201, response.text
    link = response.json()
    assert response.headers["Location"] == link["url"]
    assert link == {**body, "url": link["url"]}
    assert app.get(link["url"]).json() == link
    assert app.get(
        f"{ROOT}/besluitinformatieobjecten", params={"informatieobject": body["informatieobject"]}
    ).json() == [link]
    assert app.get(f"{ROOT}/besluitinformatieobjecten", params={"besluit": besluit["url"]}).json() == [link]

    expanded = app.get(link["url"], params={"expand": "besluit,besluit.besluittype"}).json()
    assert expanded["_expand"]["besluit"]["url"] == besluit["url"]
    assert expanded["_expand"]["besluit"]["_expand"]["besluittype"]["url"] == besluit["besluittype"]
    listed = app.get(f"{ROOT}/besluitinformatieobjecten", params={"expand": "besluit"}).json()
    assert listed[0]["_expand"]["besluit"] == app.get(besluit["url"]).json()
    with_document = app.get(link["url"], params={"expand": "informatieobject"}).json()
    assert with_document["_expand"]["informatieobject"] == app.get(body["informatieobject"]).json()

    twice = app.post(f"{ROOT}/besluitinformatieobjecten", json=body)
    assert twice.status_code == 400 and codes(twice) == {("nonFieldErrors", "unique")}
    # brc-003: a document of another gemeente does not resolve, neither does a non-document URL.
    foreign = document_of(zaak_of(gemeente_b))
    for url in (document_url(app, foreign), besluit["url"]):
        wrong = app.post(f"{ROOT}/besluitinformatieobjecten", json={**body, "informatieobject": url})
        assert wrong.status_code == 400 and codes(wrong) == {("informatieobject", "bad-url")}
    wrong = app.post(f"{ROOT}/besluitinformatieobjecten", json={**body, "besluit": body["informatieobject"]})
    assert codes(wrong) == {("besluit", "bad-url")}

    assert app.delete(link["url"]).status_code == 204
    assert app.get(link["url"]).status_code == 404
    assert app.get(f"{ROOT}/besluitinformatieobjecten").json() == []
    notifications = Notification.objects.filter(kanaal="besluiten", resource="besluitinformatieobject")
    assert sorted(n.actie for n in notifications) == ["create", "destroy"]
    assert {n.hoofd_object for n in notifications} == {besluit["url"]}
    trail = app.get(f"{besluit['url']}/audittrail").json()
    assert [(e["actie"], e["resource"]) for e in trail] == [
        ("create", "besluit"),
        ("create", "besluitinformatieobject"),
        ("destroy", "besluitinformatieobject"),
    ]
    assert trail[1]["resourceUrl"] == link["url"] and trail[1]["hoofdObject"] == besluit["url"]

    # brc-009: deleting the besluit takes its links with it.
    again = app.post(f"{ROOT}/besluitinformatieobjecten", json=body).json()
    assert app.delete(besluit["url"]).status_code == 204
    assert app.get(again["url"]).status_code == 404
    assert InformatieObject.objects.filter(pk=document.pk).exists()


def test_an_application_sees_and_changes_only_the_besluittypen_it_is_authorised_for(zgw_client, gemeente_a):
    zaak = zaak_of(gemeente_a)
    allowed = zaak.zaaktype.besluittypen.get()
    hidden = other_besluittype(zaak, on_zaaktype=True)
    admin = zgw_client(gemeente_a)
    visible = admin.post(f"{ROOT}/besluiten", json=body_for(admin, allowed, zaak=zaak)).json()
    secret = admin.post(f"{ROOT}/besluiten", json=body_for(admin, hidden, zaak=zaak)).json()
    document = document_of(zaak)
    for besluit in (visible, secret):
        admin.post(
            f"{ROOT}/besluitinformatieobjecten",
            json={"besluit": besluit["url"], "informatieobject": document_url(admin, document)},
        )

    reader = zgw_client(
        gemeente_a, autorisaties=[AutorisatieSpec(component="brc", scopes=ALL_SCOPES, besluittype=allowed)]
    )
    page = reader.get(f"{ROOT}/besluiten").json()
    assert page["count"] == 1 and [b["url"] for b in page["results"]] == [visible["url"]]
    assert [link["besluit"] for link in reader.get(f"{ROOT}/besluitinformatieobjecten").json()] == [
        visible["url"]
    ]
    assert reader.get(visible["url"]).status_code == 200
    for method, url, kwargs in (
        ("GET", secret["url"], {}),
        ("PATCH", secret["url"], {"json": {"toelichting": "x"}}),
        ("DELETE", secret["url"], {}),
        ("POST", f"{ROOT}/besluiten", {"json": body_for(reader, hidden)}),
        ("GET", f"{secret['url']}/audittrail", {}),
    ):
        response = reader.request(method, url, **kwargs)
        assert response.status_code == 403, (method, url, response.text)
        assert response.json()["code"] == "permission_denied"
    assert reader.get(f"{visible['url']}/audittrail").status_code == 403, (
        "audittrails.lezen is a scope of its own"
    )

    only_read = zgw_client(
        gemeente_a,
        autorisaties=[AutorisatieSpec(component="brc", scopes=["besluiten.lezen"], besluittype=allowed)],
    )
    assert only_read.post(f"{ROOT}/besluiten", json=body_for(only_read, allowed)).status_code == 403
    assert only_read.patch(visible["url"], json={"toelichting": "x"}).status_code == 403
    assert only_read.delete(visible["url"]).status_code == 403
    no_brc = zgw_client(
        gemeente_a,
        autorisaties=[
            AutorisatieSpec(
                component="zrc", scopes=["zaken.lezen"], zaaktype=zaak.zaaktype, max_confidentiality="geheim"
            )
        ],
    )
    assert no_brc.get(f"{ROOT}/besluiten").status_code == 403
    assert Besluit.objects.get(uuid=secret["url"].rsplit("/", 1)[1]).toelichting == ""


def test_another_gemeente_never_sees_or_touches_a_gemeentes_besluiten(zgw_client, gemeente_a, gemeente_b):
    zaak = zaak_of(gemeente_a)
    app_a, app_b = zgw_client(gemeente_a), zgw_client(gemeente_b)
    besluit = app_a.post(
        f"{ROOT}/besluiten", json=body_for(app_a, zaak.zaaktype.besluittypen.get(), zaak=zaak)
    ).json()
    link = app_a.post(
        f"{ROOT}/besluitinformatieobjecten",
        json={"besluit": besluit["url"], "informatieobject": document_url(app_a, document_of(zaak))},
    ).json()
    trail_entry = app_a.get(f"{besluit['url']}/audittrail").json()[0]

    assert app_b.get(f"{ROOT}/besluiten").json()["count"] == 0
    assert app_b.get(f"{ROOT}/besluiten", params={"zaak": zaak_url(app_b, zaak)}).json()["count"] == 0
    assert app_b.get(f"{ROOT}/besluitinformatieobjecten").json() == []
    for method, url, kwargs in (
        ("GET", besluit["url"], {}),
        ("PUT", besluit["url"], {"json": body_for(app_b, zaak.zaaktype.besluittypen.get())}),
        ("PATCH", besluit["url"], {"json": {"toelichting": "overgenomen"}}),
        ("DELETE", besluit["url"], {}),
        ("GET", link["url"], {}),
        ("DELETE", link["url"], {}),
        ("GET", f"{besluit['url']}/audittrail", {}),
        ("GET", f"{besluit['url']}/audittrail/{trail_entry['uuid']}", {}),
    ):
        response = app_b.request(method, url, **kwargs)
        assert response.status_code == 404, (method, url, response.text)
        assert besluit["identificatie"] not in response.text
    # B cannot hang its own besluit on A's zaak, nor link A's document.
    on_a = app_b.post(f"{ROOT}/besluiten", json=body_for(app_b, zaak.zaaktype.besluittypen.get(), zaak=zaak))
    assert codes(on_a) == {("zaak", "bad-url")}
    own = app_b.post(
        f"{ROOT}/besluiten",
        json=body_for(app_b, zaak.zaaktype.besluittypen.get(), verantwoordelijkeOrganisatie=gemeente_b.rsin),
    ).json()
    stolen = app_b.post(
        f"{ROOT}/besluitinformatieobjecten",
        json={"besluit": own["url"], "informatieobject": link["informatieobject"]},
    )
    assert codes(stolen) == {("informatieobject", "bad-url")}
    assert Besluit.objects.get(uuid=besluit["url"].rsplit("/", 1)[1]).toelichting == ""


def test_the_audittrail_tells_which_application_changed_a_besluit(zgw_client, gemeente_a):
    zaak = zaak_of(gemeente_a)
    app = zgw_client(gemeente_a)
    besluit = app.post(
        f"{ROOT}/besluiten",
        json=body_for(app, zaak.zaaktype.besluittypen.get(), zaak=zaak),
        headers={"X-Audit-Toelichting": "Besluit uit het vakysteem"},
    ).json()
    app.patch(besluit["url"], json={"toelichting": "Aangevuld"})

    trail = app.get(f"{besluit['url']}/audittrail")
    assert trail.status_code == 200
    created, updated = trail.json()
    assert created["applicatieId"] == app.client_id and created["applicatieWeergave"] == "Testapplicatie"
    assert created["gebruikersId"] == "tester" and created["toelichting"] == "Besluit uit het vakysteem"
    assert created["resultaat"] == 201 and created["hoofdObject"] == besluit["url"]
    assert created["resourceWeergave"] == besluit["identificatie"]
    assert updated["actie"] == "update"
    assert (
        updated["wijzigingen"]["oud"]["toelichting"] == ""
        and updated["wijzigingen"]["nieuw"]["toelichting"] == "Aangevuld"
    )
    assert app.get(f"{besluit['url']}/audittrail/{updated['uuid']}").json() == updated
    assert (
        app.get(
            f"{besluit['url']}/audittrail/{AuditEntry.objects.filter(object_type='cases.zaak').first().uuid}"
        ).status_code
        == 404
    )


def test_a_besluit_expands_its_besluittype_and_unknown_parameters_are_refused(zgw_client, gemeente_a):
    zaak = zaak_of(gemeente_a)
    besluittype = zaak.zaaktype.besluittypen.get()
    app = zgw_client(gemeente_a)
    besluit = app.post(f"{ROOT}/besluiten", json=body_for(app, besluittype, zaak=zaak)).json()

    expanded = app.get(besluit["url"], params={"expand": "besluittype"}).json()
    assert expanded["_expand"]["besluittype"]["url"] == besluit["besluittype"]
    assert expanded["_expand"]["besluittype"]["omschrijving"] == besluittype.omschrijving
    assert expanded["_expand"]["besluittype"]["zaaktypen"] == [
        absolute(app, f"/catalogi/api/v1/zaaktypen/{zaak.zaaktype.uuid}")
    ]
    listed = app.get(f"{ROOT}/besluiten", params={"expand": "besluittype"}).json()
    assert listed["results"] == [expanded]
    assert "_expand" not in app.get(besluit["url"]).json()

    with_zaak = app.get(besluit["url"], params={"expand": "zaak"}).json()
    assert with_zaak["_expand"]["zaak"]["url"] == besluit["zaak"]
    assert with_zaak["_expand"]["zaak"]["identificatie"] == zaak.identificatie
    # On from there, as the Catalogi and Zaken APIs show them.
    deeper = app.get(besluit["url"], params={"expand": "besluittype.catalogus,zaak.zaaktype"})
    assert deeper.status_code == 200, deeper.text
    assert (
        deeper.json()["_expand"]["besluittype"]["_expand"]["catalogus"]["url"]
        == (expanded["_expand"]["besluittype"]["catalogus"])
    )
    zaaktype = deeper.json()["_expand"]["zaak"]["_expand"]["zaaktype"]
    assert zaaktype["url"] == with_zaak["_expand"]["zaak"]["zaaktype"]
    # Not an attribute of a besluit: 404, as in the Zaken and Documenten APIs (zrc-027, drc-013).
    assert app.get(besluit["url"], params={"expand": "zaaktype"}).status_code == 404
    # A besluit without zaak expands it to an empty object (the standard's EmptyObject).
    alone = app.post(f"{ROOT}/besluiten", json=body_for(app, besluittype)).json()
    assert app.get(alone["url"], params={"expand": "zaak"}).json()["_expand"] == {"zaak": {}}
    unknown = app.get(f"{ROOT}/besluiten", params={"zaaktype": "x"})
    assert unknown.status_code == 400 and codes(unknown) == {("nonFieldErrors", "unknown-parameters")}
    assert app.get(f"{ROOT}/besluiten/geen-uuid").status_code == 404


def test_expand_shows_only_the_zaak_and_document_the_application_may_read(zgw_client, gemeente_a):
    zaak = zaak_of(gemeente_a)
    document = document_of(zaak)
    InformatieObject.objects.filter(pk=document.pk).update(confidentiality="zaakvertrouwelijk")
    besluittype = zaak.zaaktype.besluittypen.get()
    admin = zgw_client(gemeente_a)
    besluit = admin.post(f"{ROOT}/besluiten", json=body_for(admin, besluittype, zaak=zaak)).json()
    link = admin.post(
        f"{ROOT}/besluitinformatieobjecten",
        json={"besluit": besluit["url"], "informatieobject": document_url(admin, document)},
    ).json()

    # Only besluiten: the zaak and the document are not shown, the catalog's besluittype is.
    besluiten_only = zgw_client(
        gemeente_a,
        autorisaties=[AutorisatieSpec(component="brc", scopes=["besluiten.lezen"], besluittype=besluittype)],
    )
    expanded = besluiten_only.get(besluit["url"], params={"expand": "besluittype,zaak"}).json()
    assert expanded["_expand"]["zaak"] == {}
    assert expanded["_expand"]["besluittype"]["url"] == besluit["besluittype"]
    listed = besluiten_only.get(
        f"{ROOT}/besluitinformatieobjecten", params={"expand": "informatieobject,besluit.zaak"}
    ).json()
    assert listed[0]["_expand"]["informatieobject"] == {}
    assert listed[0]["_expand"]["besluit"]["_expand"] == {"zaak": {}}

    # With the rights on the zaaktype and the document's type, both are expanded.
    reader = zgw_client(
        gemeente_a,
        autorisaties=[
            AutorisatieSpec(component="brc", scopes=["besluiten.lezen"], besluittype=besluittype),
            AutorisatieSpec(
                component="zrc", scopes=["zaken.lezen"], zaaktype=zaak.zaaktype, max_confidentiality="geheim"
            ),
            AutorisatieSpec(
                component="drc",
                scopes=["documenten.lezen"],
                informatieobjecttype=document.informatieobjecttype,
                max_confidentiality="geheim",
            ),
        ],
    )
    assert (
        reader.get(besluit["url"], params={"expand": "zaak"}).json()["_expand"]["zaak"]["url"]
        == besluit["zaak"]
    )
    shown = reader.get(link["url"], params={"expand": "informatieobject,besluit.zaak"}).json()["_expand"]
    assert shown["informatieobject"]["url"] == link["informatieobject"]
    assert shown["besluit"]["_expand"]["zaak"]["url"] == besluit["zaak"]


def test_every_besluit_that_comes_to_or_leaves_a_zaak_is_told_on_kanaal_zaken(zgw_client, gemeente_a):
    # brc-006: the Besluiten API registers a besluit at its zaak; a client of kanaal zaken hears it.
    first, second = zaak_of(gemeente_a), zaak_of(gemeente_a)
    besluittype = first.zaaktype.besluittypen.get()
    second.zaaktype.besluittypen.add(besluittype)
    app = zgw_client(gemeente_a)
    created = app.post(f"{ROOT}/besluiten", json=body_for(app, besluittype, zaak=first))
    assert created.status_code == 201, created.text
    besluit = created.json()
    zaakbesluit = f"{zaak_url(app, first)}/besluiten/{besluit['url'].rsplit('/', 1)[1]}"

    # The zaak of a besluit cannot change (brc-006), so it never leaves its zaak but by delete.
    moved = app.patch(besluit["url"], json={"zaak": zaak_url(app, second)})
    assert moved.status_code == 400 and codes(moved) == {("zaak", "wijzigen-niet-toegelaten")}
    assert app.patch(besluit["url"], json={"zaak": zaak_url(app, first)}).status_code == 200
    assert app.delete(besluit["url"]).status_code == 204

    told = Notification.objects.filter(kanaal="zaken", resource="zaakbesluit").order_by("id")
    assert [(n.hoofd_object, n.resource_url, n.actie) for n in told] == [
        (zaak_url(app, first), zaakbesluit, "create"),
        (zaak_url(app, first), zaakbesluit, "destroy"),
    ]
    # The zaak's own audittrail has them too, the besluit's only its own changes.
    first_trail = app.get(f"{zaak_url(app, first)}/audittrail").json()
    assert [row["actie"] for row in first_trail if row["resource"] == "zaakbesluit"] == ["create", "destroy"]
