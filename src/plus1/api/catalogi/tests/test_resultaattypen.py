"""Resultaattypen over real HTTP: the archive rules of the standard, links to types, corrections."""

import datetime

import pytest

from plus1.apiclients.services import AutorisatieSpec
from plus1.audit.services import Actor
from plus1.catalog import services
from plus1.catalog.models import (
    BesluitType,
    Catalogus,
    InformatieObjectType,
    ResultaatType,
    ResultaatTypeOmschrijving,
    SelectielijstResultaat,
)
from plus1.catalog.tests.factories import ProcessFactory, ZaakTypeFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ROOT = "/catalogi/api/v1"
READ_WRITE = ["catalogi.lezen", "catalogi.schrijven"]


def _klasse(nummer: str) -> SelectielijstResultaat:
    return SelectielijstResultaat.objects.get(
        procestype__jaar=2020, procestype__nummer=11, volledig_nummer=nummer
    )


def _generic_url() -> str:
    return ResultaatTypeOmschrijving.objects.get(omschrijving="Verleend").url


def _besluittype(catalogus: Catalogus, omschrijving: str = "Kapvergunning") -> BesluitType:
    return BesluitType.objects.create(
        tenant=catalogus.tenant,
        catalogus=catalogus,
        omschrijving=omschrijving,
        category="Vergunning",
        valid_from=datetime.date(2026, 1, 1),
    )


def _iot(catalogus: Catalogus) -> InformatieObjectType:
    return InformatieObjectType.objects.create(
        tenant=catalogus.tenant,
        catalogus=catalogus,
        omschrijving="Beschikking",
        category="Besluit",
        confidentiality="openbaar",
        valid_from=datetime.date(2026, 1, 1),
    )


def resultaattype_body(zaaktype: dict, **overrides) -> dict:
    return {
        "zaaktype": zaaktype["url"],
        "omschrijving": "Vergunning verleend",
        "resultaattypeomschrijving": _generic_url(),
        "selectielijstklasse": _klasse("11.1").url,
        "brondatumArchiefprocedure": {"afleidingswijze": "afgehandeld"},
        **overrides,
    }


@pytest.fixture
def concept(zgw_client, gemeente_a):
    """Gemeente A's application, one of its concept zaaktypen (as the API shows it) and its model."""
    model = ZaakTypeFactory(process=ProcessFactory(tenant=gemeente_a))
    client = zgw_client(gemeente_a)
    return client, client.get(f"{ROOT}/zaaktypen/{model.uuid}").json(), model


def test_a_resultaattype_keeps_its_archive_procedure_and_the_types_it_needs(concept):
    client, zaaktype, model = concept
    catalogus = model.process.catalogus
    besluittype, iot = _besluittype(catalogus), _iot(catalogus)
    besluittype_url = client.get(f"{ROOT}/besluittypen/{besluittype.uuid}").json()["url"]
    iot_url = client.get(f"{ROOT}/informatieobjecttypen/{iot.uuid}").json()["url"]

    created = client.post(
        f"{ROOT}/resultaattypen",
        json=resultaattype_body(
            zaaktype,
            catalogus=zaaktype["catalogus"],
            brondatumArchiefprocedure={
                "afleidingswijze": "zaakobject",
                "datumkenmerk": "datumKap",
                "objecttype": "overige",
                "einddatumBekend": True,
            },
            procesobjectaard="De gekapte boom",
            indicatieSpecifiek=True,
            procestermijn="P5Y",
            besluittypen=[besluittype_url],
            informatieobjecttypen=[iot_url],
        ),
    )
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["brondatumArchiefprocedure"] == {
        "afleidingswijze": "zaakobject",
        "datumkenmerk": "datumKap",
        "einddatumBekend": True,
        "objecttype": "overige",
        "registratie": "",
        "procestermijn": None,
    }
    assert (body["procesobjectaard"], body["indicatieSpecifiek"], body["procestermijn"]) == (
        "De gekapte boom",
        True,
        "P5Y",
    )
    assert (body["besluittypen"], body["besluittypeOmschrijving"]) == ([besluittype_url], ["Kapvergunning"])
    assert (body["informatieobjecttypen"], body["informatieobjecttypeOmschrijving"]) == (
        [iot_url],
        ["Beschikking"],
    )
    # ztc-002: archiefnominatie and archiefactietermijn follow the selectielijstklasse.
    assert (body["archiefnominatie"], body["archiefactietermijn"]) == ("vernietigen", "P1Y")
    # The selectielijstklasse is served by our own Referentielijsten API.
    assert client.get(body["selectielijstklasse"]).json()["volledigNummer"] == "11.1"
    # A sub-type has the validity of its zaaktype; there is one version, so also its object dates.
    assert (body["beginGeldigheid"], body["beginObject"]) == (zaaktype["beginGeldigheid"],) * 2
    assert client.get(body["url"]).json() == body
    assert client.get(besluittype_url).json()["resultaattypen"] == [body["url"]]


def test_the_archive_procedure_follows_the_rules_of_the_standard(concept):
    client, zaaktype, model = concept

    def problems(**overrides) -> list[tuple[str, str]]:
        answer = client.post(f"{ROOT}/resultaattypen", json=resultaattype_body(zaaktype, **overrides))
        assert answer.status_code == 400, answer.text
        return [(p["name"], p["code"]) for p in answer.json()["invalidParams"]]

    # ztc-003: a selectielijstklasse with procestermijn nihil needs afleidingswijze afgehandeld.
    assert problems(
        selectielijstklasse=_klasse("11.1.1").url,
        brondatumArchiefprocedure={"afleidingswijze": "termijn", "procestermijn": "P10Y"},
    ) == [("brondatumArchiefprocedure.afleidingswijze", "invalid-afleidingswijze-for-procestermijn")]
    # ztc-004..008: what an afleidingswijze needs, and what it leaves empty.
    assert problems(brondatumArchiefprocedure={"afleidingswijze": "termijn"}) == [
        ("brondatumArchiefprocedure.procestermijn", "required")
    ]
    assert problems(brondatumArchiefprocedure={"afleidingswijze": "afgehandeld", "datumkenmerk": "x"}) == [
        ("brondatumArchiefprocedure.datumkenmerk", "must-be-empty")
    ]
    assert problems(
        brondatumArchiefprocedure={
            "afleidingswijze": "termijn",
            "procestermijn": "P1Y",
            "einddatumBekend": True,
        }
    ) == [("brondatumArchiefprocedure.einddatumBekend", "must-be-empty")]
    assert problems(
        brondatumArchiefprocedure={
            "afleidingswijze": "ander_datumkenmerk",
            "datumkenmerk": "d",
            "objecttype": "pand",
        }
    ) == [("brondatumArchiefprocedure.registratie", "required")]
    assert problems(brondatumArchiefprocedure={"afleidingswijze": "eigenschap"}) == [
        ("brondatumArchiefprocedure.datumkenmerk", "required")
    ]
    # ztc-002: a resultaat of the Selectielijst, of the zaaktype's procestype.
    other_procestype = SelectielijstResultaat.objects.exclude(procestype__nummer=11).first()
    assert problems(selectielijstklasse=other_procestype.url) == [
        ("selectielijstklasse", "procestype-mismatch")
    ]
    assert problems(selectielijstklasse="https://example.com/resultaten/1") == [
        ("selectielijstklasse", "bad-url")
    ]
    # ztc-013: linked types and the catalogus named are the zaaktype's catalogus.
    other_catalogus = Catalogus.objects.create(tenant=model.tenant, domein="ANDER", naam="Ander")
    other_url = client.get(f"{ROOT}/catalogussen/{other_catalogus.uuid}").json()["url"]
    assert problems(catalogus=other_url) == [("catalogus", "relations-incorrect-catalogus")]
    elsewhere = client.get(f"{ROOT}/besluittypen/{_besluittype(other_catalogus).uuid}").json()["url"]
    assert problems(besluittypen=[elsewhere]) == [("besluittypen", "relations-incorrect-catalogus")]
    assert ResultaatType.objects.filter(omschrijving="Vergunning verleend").count() == 0

    # The termijn with its procestermijn is fine.
    termijn = client.post(
        f"{ROOT}/resultaattypen",
        json=resultaattype_body(
            zaaktype, brondatumArchiefprocedure={"afleidingswijze": "termijn", "procestermijn": "P10Y"}
        ),
    )
    assert termijn.status_code == 201, termijn.text
    assert termijn.json()["brondatumArchiefprocedure"]["procestermijn"] == "P10Y"


def test_a_concept_resultaattype_changes_by_put_and_patch_and_is_checked_again(concept):
    client, zaaktype, model = concept
    besluittype = _besluittype(model.process.catalogus)
    besluittype_url = client.get(f"{ROOT}/besluittypen/{besluittype.uuid}").json()["url"]
    url = client.post(f"{ROOT}/resultaattypen", json=resultaattype_body(zaaktype)).json()["url"]

    patched = client.patch(
        url,
        json={
            "selectielijstklasse": _klasse("11.1.7").url,
            "brondatumArchiefprocedure": {"afleidingswijze": "termijn", "procestermijn": "P2Y"},
            "besluittypen": [besluittype_url],
        },
    )
    assert patched.status_code == 200, patched.text
    assert patched.json()["selectielijstklasse"].endswith(str(_klasse("11.1.7").uuid))
    assert patched.json()["besluittypen"] == [besluittype_url]
    # The rules apply to a change as to a create: nihil needs afgehandeld.
    refused = client.patch(url, json={"selectielijstklasse": _klasse("11.1.1").url})
    assert refused.json()["invalidParams"][0]["code"] == "invalid-afleidingswijze-for-procestermijn"

    put = client.put(url, json=resultaattype_body(zaaktype, omschrijving="Geweigerd", archiefnominatie=None))
    assert put.status_code == 200, put.text
    assert (put.json()["omschrijving"], put.json()["besluittypen"]) == ("Geweigerd", [])
    assert put.json()["brondatumArchiefprocedure"]["afleidingswijze"] == "afgehandeld"
    assert put.json()["archiefnominatie"] == "vernietigen"


def test_a_next_version_copies_the_archive_procedure_and_linked_types(concept):
    client, zaaktype, model = concept
    catalogus = model.process.catalogus
    besluittype, iot = _besluittype(catalogus), _iot(catalogus)
    created = client.post(
        f"{ROOT}/resultaattypen",
        json=resultaattype_body(
            zaaktype,
            brondatumArchiefprocedure={"afleidingswijze": "termijn", "procestermijn": "P3Y"},
            besluittypen=[client.get(f"{ROOT}/besluittypen/{besluittype.uuid}").json()["url"]],
            informatieobjecttypen=[client.get(f"{ROOT}/informatieobjecttypen/{iot.uuid}").json()["url"]],
        ),
    )
    assert created.status_code == 201, created.text
    for obj in (besluittype, iot):
        obj.status = "published"
        obj.save()
    services.publish_zaaktype(zaaktype=model, actor=Actor.system("test"))

    following = services.create_next_version(
        zaaktype=model, valid_from=datetime.date(2027, 1, 1), actor=Actor.system("test")
    )
    copy = following.resultaattypen.get(omschrijving="Vergunning verleend")
    assert (copy.brondatum_afleidingswijze, copy.brondatum_procestermijn) == ("termijn", "P3Y")
    assert list(copy.besluittypen.all()) == [besluittype]
    assert list(copy.informatieobjecttypen.all()) == [iot]
    shown = client.get(f"{ROOT}/resultaattypen/{copy.uuid}").json()
    # beginObject is the first version's, so the same for both.
    assert (shown["beginGeldigheid"], shown["beginObject"]) == ("2027-01-01", zaaktype["beginGeldigheid"])


def test_a_correction_to_a_published_zaaktype_may_only_add_to_its_parts(zgw_client, concept, gemeente_a):
    client, zaaktype, model = concept
    catalogus = model.process.catalogus
    first, second = _besluittype(catalogus), _besluittype(catalogus, "Kapverbod")
    first_url, second_url = (
        client.get(f"{ROOT}/besluittypen/{b.uuid}").json()["url"] for b in (first, second)
    )
    url = client.post(
        f"{ROOT}/resultaattypen", json=resultaattype_body(zaaktype, besluittypen=[first_url])
    ).json()["url"]
    statustype_url = client.get(zaaktype["url"]).json()["statustypen"][0]
    for besluittype in (first, second):
        besluittype.status = "published"
        besluittype.save()
    assert client.post(f"{zaaktype['url']}/publish").status_code == 200

    writer = zgw_client(gemeente_a, autorisaties=[AutorisatieSpec(component="ztc", scopes=READ_WRITE)])
    assert writer.patch(url, json={"procesobjectaard": "Boom"}).json()["invalidParams"][0]["code"] == (
        "non-concept-zaaktype"
    )
    corrector = zgw_client(
        gemeente_a,
        autorisaties=[
            AutorisatieSpec(component="ztc", scopes=[*READ_WRITE, "catalogi.geforceerd-schrijven"])
        ],
    )
    # A correction fills in what is empty and adds to a list ...
    added = corrector.patch(url, json={"procesobjectaard": "Boom", "besluittypen": [first_url, second_url]})
    assert added.status_code == 200, added.text
    assert added.json()["procesobjectaard"] == "Boom"
    assert sorted(added.json()["besluittypen"]) == sorted([first_url, second_url])
    # ... but does not change or remove what is there, on any part.
    for part_url, change in (
        (url, {"omschrijving": "Anders"}),
        (url, {"procesobjectaard": "Struik"}),
        (url, {"besluittypen": [second_url]}),
        (statustype_url, {"omschrijving": "Binnengekomen"}),
    ):
        refused = corrector.patch(part_url, json=change)
        assert refused.status_code == 400, (change, refused.text)
        assert refused.json()["invalidParams"][0]["code"] == "non-concept-zaaktype"
    resultaattype = ResultaatType.objects.get(uuid=url.rsplit("/", 1)[-1])
    assert (resultaattype.omschrijving, resultaattype.procesobjectaard) == ("Vergunning verleend", "Boom")
    assert resultaattype.besluittypen.count() == 2


def test_another_gemeente_cannot_link_or_change_the_resultaattypen_of_a_gemeente(
    zgw_client, concept, gemeente_b
):
    client, zaaktype, _model = concept
    url = client.post(f"{ROOT}/resultaattypen", json=resultaattype_body(zaaktype)).json()["url"]
    other = zgw_client(gemeente_b)
    their_catalogus = Catalogus.objects.create(tenant=gemeente_b, domein="B", naam="B")
    theirs = _besluittype(their_catalogus)

    assert other.get(url).status_code == 404
    assert other.patch(url, json={"procesobjectaard": "Van B"}).status_code == 404
    # A's application cannot point at B's besluittype: for A it does not exist.
    their_url = zaaktype["url"].split("/zaaktypen/")[0] + f"/besluittypen/{theirs.uuid}"
    linked = client.patch(url, json={"besluittypen": [their_url]})
    assert linked.json()["invalidParams"][0]["code"] == "bad-url"
    assert ResultaatType.objects.get(uuid=url.rsplit("/", 1)[-1]).besluittypen.count() == 0
