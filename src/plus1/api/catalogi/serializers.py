"""Catalog rows as Catalogi API 1.3.3 JSON, a page at a time.

Each ``*_rows`` function takes rows loaded with ``QUERYSETS`` (select/prefetch done) and
does a fixed number of extra queries (at most two) for the whole page, so a list never runs a
query per row.
Fields the standard has and Plus1 does not keep are rendered empty (docs/zgw-deviations.md).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from django.db.models import Max

from plus1.catalog.constants import ZGW_FORMAAT, DataType
from plus1.catalog.models import (
    BesluitType,
    Catalogus,
    Eigenschap,
    InformatieObjectType,
    ResultaatType,
    RolType,
    StatusType,
    ZaakObjectType,
    ZaakType,
    ZaakTypeInformatieObjectType,
)
from plus1.catalog.reference import local_reference_url
from plus1.core import zgw

API = "catalogi"


def url_of(collection: str, obj) -> str:
    return zgw.url(API, collection, obj.uuid)


def _catalogus_url(catalogus: Catalogus) -> str:
    return url_of("catalogussen", catalogus)


def _versions(catalogus: Catalogus) -> list[ZaakType]:
    return [version for process in catalogus.processes.all() for version in process.versions.all()]


def catalogus_rows(rows: Sequence[Catalogus]) -> list[dict]:
    result = []
    for catalogus in rows:
        besluittypen = list(catalogus.besluittypen.all())
        iots = list(catalogus.informatieobjecttypen.all())
        result.append(
            {
                "url": _catalogus_url(catalogus),
                "domein": catalogus.domein,
                "rsin": catalogus.rsin or catalogus.tenant.rsin,
                "contactpersoonBeheerNaam": catalogus.contactpersoon,
                "contactpersoonBeheerTelefoonnummer": "",
                "contactpersoonBeheerEmailadres": catalogus.contact_email,
                "zaaktypen": [url_of("zaaktypen", z) for z in _versions(catalogus)],
                "besluittypen": [url_of("besluittypen", b) for b in besluittypen],
                "besluittypeOmschrijving": sorted({b.omschrijving for b in besluittypen}),
                "informatieobjecttypen": [url_of("informatieobjecttypen", i) for i in iots],
                "informatieobjecttypeOmschrijving": sorted({i.omschrijving for i in iots}),
                "naam": catalogus.naam,
                "versie": None,
                "begindatumVersie": None,
            }
        )
    return result


def _validity(obj, object_dates: tuple | None = None) -> dict:
    """Geldigheid of one version; ``object_dates`` are those of the object over all its versions.

    Without ``object_dates`` the type has one version (informatieobjecttypen and besluittypen
    are unique by omschrijving in a catalogus), so the object's dates are the version's.
    """
    begin_object, end_object = object_dates or (obj.valid_from, obj.valid_until)
    return {
        "beginGeldigheid": obj.valid_from,
        "eindeGeldigheid": obj.valid_until,
        "beginObject": begin_object,
        "eindeObject": end_object,
    }


def _object_dates(zaaktypen: Sequence[ZaakType]) -> dict[int, tuple]:
    """Per process: the beginGeldigheid of its first version and the eindeGeldigheid of its last.

    ZGW beginObject and eindeObject; one query for the whole page.
    """
    versions: dict[int, list[tuple]] = defaultdict(list)
    for process_id, version, valid_from, valid_until in ZaakType.objects.filter(
        process_id__in={zaaktype.process_id for zaaktype in zaaktypen}
    ).values_list("process_id", "version", "valid_from", "valid_until"):
        versions[process_id].append((version, valid_from, valid_until))
    return {process_id: (min(rows)[1], max(rows)[2]) for process_id, rows in versions.items()}


def _part_validity(zaaktype: ZaakType, object_dates: dict[int, tuple]) -> dict:
    """A part has the validity of its zaaktype (Catalogi 1.3: the four dates are deprecated)."""
    return _validity(zaaktype, object_dates.get(zaaktype.process_id))


def _products(zaaktype: ZaakType) -> list[str]:
    """productenOfDiensten as stored; a version made before they were stored shows its UPL product."""
    if zaaktype.producten_of_diensten:
        return list(zaaktype.producten_of_diensten)
    return [zaaktype.product.upl_uri] if zaaktype.product_id else []


def zaaktype_rows(rows: Sequence[ZaakType]) -> list[dict]:
    object_dates = _object_dates(rows)
    result = []
    for zaaktype in rows:
        process = zaaktype.process
        besluittypen = list(zaaktype.besluittypen.all())
        links = list(zaaktype.document_types.all())
        resultaattypen = list(zaaktype.resultaattypen.all())
        result.append(
            {
                "url": url_of("zaaktypen", zaaktype),
                "identificatie": process.identificatie,
                "omschrijving": zaaktype.omschrijving,
                "omschrijvingGeneriek": zaaktype.omschrijving_generiek,
                "vertrouwelijkheidaanduiding": zaaktype.confidentiality,
                "doel": zaaktype.purpose,
                "aanleiding": zaaktype.trigger,
                "toelichting": zaaktype.description,
                "indicatieInternOfExtern": zaaktype.direction,
                "handelingInitiator": zaaktype.initiator_action,
                "onderwerp": zaaktype.subject,
                "handelingBehandelaar": zaaktype.handler_action,
                "doorlooptijd": zaaktype.lead_time,
                "servicenorm": zaaktype.service_norm or None,
                "opschortingEnAanhoudingMogelijk": zaaktype.suspension_allowed,
                "verlengingMogelijk": zaaktype.extension_allowed,
                "verlengingstermijn": zaaktype.extension_period or None,
                "trefwoorden": list(zaaktype.keywords or []),
                "publicatieIndicatie": False,
                "publicatietekst": zaaktype.publicatietekst,
                "verantwoordingsrelatie": list(zaaktype.verantwoordingsrelatie or []),
                "productenOfDiensten": _products(zaaktype),
                "selectielijstProcestype": (
                    _reference(zaaktype.selectielijst_procestype)
                    if zaaktype.selectielijst_procestype
                    else None
                ),
                "referentieproces": {"naam": process.identificatie, "link": ""},
                "verantwoordelijke": zaaktype.responsible,
                "zaakobjecttypen": [url_of("zaakobjecttypen", z) for z in zaaktype.zaakobjecttypen.all()],
                "broncatalogus": zaaktype.broncatalogus,
                "bronzaaktype": zaaktype.bronzaaktype,
                "catalogus": _catalogus_url(process.catalogus),
                "statustypen": [url_of("statustypen", s) for s in zaaktype.statustypen.all()],
                "resultaattypen": [url_of("resultaattypen", r) for r in resultaattypen],
                "resultaattypeOmschrijving": [r.omschrijving for r in resultaattypen],
                "eigenschappen": [url_of("eigenschappen", e) for e in zaaktype.eigenschappen.all()],
                "informatieobjecttypen": [
                    url_of("informatieobjecttypen", link.informatieobjecttype) for link in links
                ],
                "informatieobjecttypeOmschrijving": [
                    link.informatieobjecttype.omschrijving for link in links
                ],
                "roltypen": [url_of("roltypen", r) for r in zaaktype.roltypen.all()],
                "besluittypen": [url_of("besluittypen", b) for b in besluittypen],
                "besluittypeOmschrijving": [b.omschrijving for b in besluittypen],
                "deelzaaktypen": [],
                "deelzaaktypeIdentificaties": [],
                "gerelateerdeZaaktypen": [
                    {
                        "zaaktype": relation["zaaktype"],
                        "zaaktypeIdentificatie": relation.get("zaaktypeIdentificatie", ""),
                        "aardRelatie": relation["aardRelatie"],
                        "toelichting": relation.get("toelichting", ""),
                    }
                    for relation in zaaktype.gerelateerde_zaaktypen or []
                ],
                **_validity(zaaktype, object_dates.get(zaaktype.process_id)),
                "versiedatum": zaaktype.valid_from,
                "concept": not zaaktype.is_published,
            }
        )
    return result


def informatieobjecttype_rows(rows: Sequence[InformatieObjectType]) -> list[dict]:
    # The link table has no reverse accessor on the IOT: one query for the whole page.
    zaaktypen: dict[int, list[ZaakType]] = defaultdict(list)
    links = ZaakTypeInformatieObjectType.objects.filter(informatieobjecttype__in=list(rows)).select_related(
        "zaaktype__process"
    )
    for link in links.order_by("zaaktype_id"):
        zaaktypen[link.informatieobjecttype_id].append(link.zaaktype)
    return [
        {
            "url": url_of("informatieobjecttypen", iot),
            "catalogus": _catalogus_url(iot.catalogus),
            "omschrijving": iot.omschrijving,
            "vertrouwelijkheidaanduiding": iot.confidentiality,
            **_validity(iot),
            "concept": not iot.is_published,
            "zaaktypen": [url_of("zaaktypen", z) for z in zaaktypen[iot.pk]],
            "zaaktypeIdentificaties": sorted({z.process.identificatie for z in zaaktypen[iot.pk]}),
            "besluittypen": [url_of("besluittypen", b) for b in iot.besluittypen.all()],
            "besluittypeOmschrijving": sorted({b.omschrijving for b in iot.besluittypen.all()}),
            "informatieobjectcategorie": iot.category,
            "trefwoord": list(iot.trefwoord or []),
            "omschrijvingGeneriek": iot.generic,
        }
        for iot in rows
    ]


def besluittype_rows(rows: Sequence[BesluitType]) -> list[dict]:
    result = []
    for besluittype in rows:
        zaaktypen = list(besluittype.zaaktypen.all())
        resultaattypen = list(besluittype.resultaattypen.all())
        iots = list(besluittype.informatieobjecttypen.all())
        result.append(
            {
                "url": url_of("besluittypen", besluittype),
                "catalogus": _catalogus_url(besluittype.catalogus),
                "zaaktypen": [url_of("zaaktypen", z) for z in zaaktypen],
                "zaaktypeIdentificaties": sorted({z.process.identificatie for z in zaaktypen}),
                "omschrijving": besluittype.omschrijving,
                "omschrijvingGeneriek": besluittype.omschrijving_generiek,
                "besluitcategorie": besluittype.category,
                "reactietermijn": besluittype.reactietermijn or None,
                "publicatieIndicatie": besluittype.publication_required,
                "publicatietekst": besluittype.publicatietekst,
                "publicatietermijn": besluittype.publicatietermijn or None,
                "toelichting": besluittype.toelichting,
                "informatieobjecttypen": [url_of("informatieobjecttypen", i) for i in iots],
                "informatieobjecttypeOmschrijvingen": sorted({i.omschrijving for i in iots}),
                **_validity(besluittype),
                "concept": not besluittype.is_published,
                "resultaattypen": [url_of("resultaattypen", r) for r in resultaattypen],
                "resultaattypenOmschrijving": [r.omschrijving for r in resultaattypen],
                "vastgelegdIn": [],
            }
        )
    return result


def _of_zaaktype(zaaktype: ZaakType) -> dict:
    """What every part of a zaaktype shows of it; its validity is the zaaktype's."""
    return {
        "zaaktype": url_of("zaaktypen", zaaktype),
        "zaaktypeIdentificatie": zaaktype.process.identificatie,
        "catalogus": _catalogus_url(zaaktype.process.catalogus),
    }


def statustype_rows(rows: Sequence[StatusType]) -> list[dict]:
    object_dates = _object_dates([row.zaaktype for row in rows])
    # The eindstatus is the statustype with the highest volgnummer of its zaaktype.
    highest = dict(
        StatusType.objects.filter(zaaktype_id__in={row.zaaktype_id for row in rows})
        .values("zaaktype_id")
        .annotate(highest=Max("volgnummer"))
        .values_list("zaaktype_id", "highest")
    )
    return [
        {
            "url": url_of("statustypen", statustype),
            "omschrijving": statustype.omschrijving,
            "omschrijvingGeneriek": statustype.generic_description,
            "statustekst": statustype.statustekst,
            **_of_zaaktype(statustype.zaaktype),
            "volgnummer": statustype.volgnummer,
            "isEindstatus": statustype.volgnummer == highest.get(statustype.zaaktype_id),
            "informeren": statustype.informs_initiator,
            "doorlooptijd": statustype.doorlooptijd or None,
            "toelichting": statustype.toelichting,
            "checklistitemStatustype": list(statustype.checklistitems),
            "eigenschappen": [url_of("eigenschappen", e) for e in statustype.required_eigenschappen.all()],
            **_part_validity(statustype.zaaktype, object_dates),
        }
        for statustype in rows
    ]


def roltype_rows(rows: Sequence[RolType]) -> list[dict]:
    object_dates = _object_dates([row.zaaktype for row in rows])
    return [
        {
            "url": url_of("roltypen", roltype),
            **_of_zaaktype(roltype.zaaktype),
            "omschrijving": roltype.omschrijving,
            "omschrijvingGeneriek": roltype.generic,
            **_part_validity(roltype.zaaktype, object_dates),
        }
        for roltype in rows
    ]


def resultaattype_rows(rows: Sequence[ResultaatType]) -> list[dict]:
    object_dates = _object_dates([row.zaaktype for row in rows])
    result = []
    for resultaattype in rows:
        besluittypen = list(resultaattype.besluittypen.all())
        iots = list(resultaattype.informatieobjecttypen.all())
        result.append(
            {
                "url": url_of("resultaattypen", resultaattype),
                **_of_zaaktype(resultaattype.zaaktype),
                "omschrijving": resultaattype.omschrijving,
                "resultaattypeomschrijving": _reference(resultaattype.generic),
                "omschrijvingGeneriek": resultaattype.generic.omschrijving,
                "selectielijstklasse": _reference(resultaattype.selectielijstklasse),
                "toelichting": resultaattype.toelichting,
                "archiefnominatie": resultaattype.archiefnominatie,
                "archiefactietermijn": resultaattype.archiefactietermijn or None,
                "brondatumArchiefprocedure": {
                    "afleidingswijze": resultaattype.brondatum_afleidingswijze,
                    "datumkenmerk": resultaattype.brondatum_datumkenmerk,
                    "einddatumBekend": resultaattype.brondatum_einddatum_bekend,
                    "objecttype": resultaattype.brondatum_objecttype,
                    "registratie": resultaattype.brondatum_registratie,
                    "procestermijn": resultaattype.brondatum_procestermijn or None,
                },
                "procesobjectaard": resultaattype.procesobjectaard,
                **_part_validity(resultaattype.zaaktype, object_dates),
                "indicatieSpecifiek": resultaattype.indicatie_specifiek,
                "procestermijn": resultaattype.procestermijn or None,
                "besluittypen": [url_of("besluittypen", b) for b in besluittypen],
                "besluittypeOmschrijving": [b.omschrijving for b in besluittypen],
                "informatieobjecttypen": [url_of("informatieobjecttypen", i) for i in iots],
                "informatieobjecttypeOmschrijving": [i.omschrijving for i in iots],
            }
        )
    return result


def _specificatie(eigenschap: Eigenschap) -> dict:
    formaat = ZGW_FORMAAT.get(eigenschap.data_type, "tekst")
    if formaat == "datum":
        lengte = "8"  # ztc-015: JJJJMMDD
    elif formaat == "datum_tijd":
        lengte = "14"  # ztc-015: JJJJMMDDuummss
    elif eigenschap.data_type == DataType.TEXT and eigenschap.max_length:
        lengte = str(eigenschap.max_length)
    else:
        lengte = "255" if formaat == "tekst" else "14"
    return {
        "groep": eigenschap.step,
        "formaat": formaat,
        "lengte": lengte,
        "kardinaliteit": "1",
        "waardenverzameling": [str(choice) for choice in eigenschap.choices or []],
    }


def eigenschap_rows(rows: Sequence[Eigenschap]) -> list[dict]:
    object_dates = _object_dates([row.zaaktype for row in rows])
    return [
        {
            "url": url_of("eigenschappen", eigenschap),
            "naam": eigenschap.name,
            "catalogus": _catalogus_url(eigenschap.zaaktype.process.catalogus),
            "definitie": eigenschap.label,
            "specificatie": _specificatie(eigenschap),
            "toelichting": eigenschap.help_text,
            "zaaktype": url_of("zaaktypen", eigenschap.zaaktype),
            "zaaktypeIdentificatie": eigenschap.zaaktype.process.identificatie,
            "statustype": url_of("statustypen", eigenschap.statustype) if eigenschap.statustype else None,
            **_part_validity(eigenschap.zaaktype, object_dates),
        }
        for eigenschap in rows
    ]


def zaaktype_informatieobjecttype_rows(rows: Sequence[ZaakTypeInformatieObjectType]) -> list[dict]:
    return [
        {
            "url": url_of("zaaktype-informatieobjecttypen", link),
            **_of_zaaktype(link.zaaktype),
            # Catalogi 1.3: the IOT by its omschrijving, which all its versions share.
            "informatieobjecttype": link.informatieobjecttype.omschrijving,
            "volgnummer": link.volgnummer,
            "richting": link.direction,
            "statustype": url_of("statustypen", link.statustype) if link.statustype else None,
        }
        for link in rows
    ]


def zaakobjecttype_rows(rows: Sequence[ZaakObjectType]) -> list[dict]:
    object_dates = _object_dates([row.zaaktype for row in rows])
    # Plus1 does not (yet) tie statustypen or resultaattypen to a zaakobjecttype: both lists are empty.
    return [
        {
            "url": url_of("zaakobjecttypen", zaakobjecttype),
            "anderObjecttype": zaakobjecttype.is_other_objecttype,
            "objecttype": zaakobjecttype.objecttype,
            "relatieOmschrijving": zaakobjecttype.relatie_omschrijving,
            **_of_zaaktype(zaakobjecttype.zaaktype),
            "resultaattypen": [],
            "resultaattypeOmschrijving": [],
            "statustypen": [],
            **_part_validity(zaakobjecttype.zaaktype, object_dates),
        }
        for zaakobjecttype in rows
    ]


def _reference(obj) -> str:
    """Our own Referentielijsten URL of a reference-list row, so a client needs no internet."""
    return local_reference_url(obj, zgw.base_url())
