"""Zaken API representations, written by hand from rows that are already loaded.

Each list loads its rows with the ``select_related``/``Prefetch`` of ``*_queryset`` below,
so a serializer never queries: a page of 100 zaken costs the same handful of queries as one.
"""

from __future__ import annotations

import datetime

from django.db import connection
from django.db.models import F, QuerySet

from plus1.cases.constants import Betalingsindicatie, SubjectType
from plus1.cases.models import (
    Besluit,
    Resultaat,
    Rol,
    Status,
    Zaak,
    ZaakEigenschap,
    ZaakInformatieObject,
    ZaakLink,
    ZaakObject,
)
from plus1.cases.services.links import has_known_links, links_of, remember_links
from plus1.core import zgw


def zaak_url(zaak_uuid) -> str:
    return zgw.url("zaken", "zaken", zaak_uuid)


def _date(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


def _datetime(value: datetime.datetime | None) -> str | None:
    return value.isoformat().replace("+00:00", "Z") if value else None


# The related objects a zaak names by URL only: their uuid comes along in the page query.
LINKED_UUIDS = {
    "zaaktype_uuid": "zaaktype__uuid",
    "current_status_uuid": "current_status__uuid",
    "resultaat_uuid": "resultaat__uuid",
    "hoofdzaak_uuid": "hoofdzaak__uuid",
}


def zaak_queryset(zaken: QuerySet[Zaak]) -> QuerySet[Zaak]:
    """What ``serialize_zaak`` reads in the page query itself; ``attach_parts`` adds the rest.

    Only the uuids of the zaaktype, status, resultaat and hoofdzaak are read (joined in), not
    the rows: building 400 related model instances cost more than the rest of the page.
    """
    return zaken.annotate(**{name: F(path) for name, path in LINKED_UUIDS.items()})


def _linked_uuid(zaak: Zaak, name: str):
    """The uuid of a linked object, from the page query or else from the object itself."""
    annotated = f"{name}_uuid"
    if annotated in zaak.__dict__:
        return zaak.__dict__[annotated]
    if name == "resultaat":
        return zaak.resultaat.uuid if _has_resultaat(zaak) else None
    linked = getattr(zaak, name)
    return linked.uuid if linked is not None else None


# The parts a zaak lists by URL: (model, the column pointing at the zaak).
PARTS = {
    "rollen": (Rol, "zaak_id"),
    "eigenschappen": (ZaakEigenschap, "zaak_id"),
    "deelzaken": (Zaak, "hoofdzaak_id"),
    "zaakobjecten": (ZaakObject, "zaak_id"),
    "zaakinformatieobjecten": (ZaakInformatieObject, "zaak_id"),
}


def attach_parts(zaken: list[Zaak]) -> None:
    """Load the uuids of every zaak's parts: one query for the whole page, all kinds at once.

    Plain rows instead of ``prefetch_related``: a page of 100 zaken would otherwise build 500
    related querysets, which costs more than the queries themselves. The ids are integers
    from the page query, written into the SQL as such: five ``IN`` lists of 100 parameters
    each cost more to prepare than to run.
    """
    ids = [int(zaak.pk) for zaak in zaken]
    found: dict[str, dict[int, list]] = {name: {} for name in PARTS}
    # relevanteAndereZaken: the zaak's ZaakLink rows (shared with the back office), same query.
    linking = {zaak.pk for zaak in zaken if not has_known_links(zaak)}
    links: dict[int, list[ZaakLink]] = {}
    if ids:
        listed = ", ".join(map(str, ids))
        selects = []
        for index, (model, column) in enumerate(PARTS.values()):
            table = connection.ops.quote_name(model._meta.db_table)
            name = connection.ops.quote_name(model._meta.get_field(column.removesuffix("_id")).column)
            # Safe: table and column names come from the models, the ids are ints (above).
            selects.append(
                f"SELECT {index} AS kind, {name} AS zaak_id, id, uuid, "  # noqa: S608
                # Typed: PostgreSQL takes a column's type from the first branch of the union.
                "CAST(NULL AS bigint) AS other_id, CAST(NULL AS varchar(20)) AS relation, "
                f"CAST(NULL AS varchar(1000)) AS url FROM {table} WHERE {name} IN ({listed})"
            )
        if linking:
            selects.append(
                f"SELECT {len(PARTS)} AS kind, l.zaak_id, l.id, o.uuid, l.other_id, l.relation, l.url "  # noqa: S608
                f"FROM {ZaakLink._meta.db_table} l LEFT JOIN {Zaak._meta.db_table} o ON o.id = l.other_id "
                f"WHERE l.zaak_id IN ({', '.join(map(str, sorted(linking)))})"
            )
        names = list(PARTS)
        uuid_field = Rol._meta.get_field("uuid")
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join(selects) + " ORDER BY kind, id")
            for kind, zaak_id, row_id, row_uuid, other_id, relation, url in cursor.fetchall():
                value = uuid_field.to_python(row_uuid) if row_uuid is not None else None
                if kind < len(names):
                    found[names[kind]].setdefault(zaak_id, []).append(value)
                    continue
                link = ZaakLink(id=row_id, zaak_id=zaak_id, url=url or "", relation=relation)
                if other_id is not None:
                    link.other = Zaak(id=other_id, uuid=value)
                links.setdefault(zaak_id, []).append(link)
    for zaak in zaken:
        zaak.part_uuids = {name: found[name].get(zaak.pk, []) for name in PARTS}
        if zaak.pk in linking:
            remember_links(zaak, links.get(zaak.pk, []))


def _relevante_andere_zaken(zaak: Zaak) -> list[dict]:
    return [
        {"url": zaak_url(link.other.uuid) if link.other_id else link.url, "aardRelatie": link.relation}
        for link in links_of(zaak)
    ]


def _parts(zaak: Zaak, name: str) -> list:
    if not hasattr(zaak, "part_uuids"):
        attach_parts([zaak])
    return zaak.part_uuids[name]


def serialize_zaak(zaak: Zaak) -> dict:
    url = zaak_url(zaak.uuid)
    resultaat_uuid = _linked_uuid(zaak, "resultaat")
    return {
        "url": url,
        "uuid": str(zaak.uuid),
        "identificatie": zaak.identificatie,
        "bronorganisatie": zaak.bronorganisatie,
        "omschrijving": zaak.omschrijving,
        "toelichting": zaak.toelichting,
        "zaaktype": zgw.url("catalogi", "zaaktypen", _linked_uuid(zaak, "zaaktype")),
        "registratiedatum": _date(zaak.registered_on),
        "verantwoordelijkeOrganisatie": zaak.verantwoordelijke_organisatie or zaak.bronorganisatie,
        "startdatum": _date(zaak.started_on),
        "einddatum": _date(zaak.ended_on),
        "einddatumGepland": _date(zaak.service_norm_on),
        "uiterlijkeEinddatumAfdoening": _date(zaak.planned_end_on),
        "publicatiedatum": _date(zaak.publicatiedatum),
        "communicatiekanaal": zaak.communicatiekanaal,
        "productenOfDiensten": zaak.producten_of_diensten,
        "vertrouwelijkheidaanduiding": zaak.confidentiality,
        "betalingsindicatie": zaak.betalingsindicatie,
        "betalingsindicatieWeergave": str(Betalingsindicatie(zaak.betalingsindicatie).label)
        if zaak.betalingsindicatie
        else "",
        "laatsteBetaaldatum": _datetime(zaak.laatste_betaaldatum),
        "zaakgeometrie": zaak.zaakgeometrie,
        # zrc-012: the data groups are always present, null when not set.
        "verlenging": {"reden": zaak.extension_reason, "duur": zaak.extended_by}
        if zaak.extended_by
        else None,
        "opschorting": {"indicatie": zaak.suspended_on is not None, "reden": zaak.suspension_reason},
        "selectielijstklasse": zaak.selectielijstklasse,
        "hoofdzaak": zaak_url(_linked_uuid(zaak, "hoofdzaak")) if zaak.hoofdzaak_id else None,
        "deelzaken": [zaak_url(deelzaak) for deelzaak in _parts(zaak, "deelzaken")],
        "relevanteAndereZaken": _relevante_andere_zaken(zaak),
        "eigenschappen": [
            zgw.url("zaken", "zaken", zaak.uuid, "zaakeigenschappen", str(e))
            for e in _parts(zaak, "eigenschappen")
        ],
        "rollen": [zgw.url("zaken", "rollen", rol) for rol in _parts(zaak, "rollen")],
        "status": zgw.url("zaken", "statussen", _linked_uuid(zaak, "current_status"))
        if zaak.current_status_id
        else None,
        "zaakinformatieobjecten": [
            zgw.url("zaken", "zaakinformatieobjecten", item)
            for item in _parts(zaak, "zaakinformatieobjecten")
        ],
        "zaakobjecten": [zgw.url("zaken", "zaakobjecten", item) for item in _parts(zaak, "zaakobjecten")],
        "kenmerken": zaak.kenmerken,
        "archiefnominatie": zaak.archive_nomination or None,
        "archiefstatus": zaak.archiefstatus,
        "archiefactiedatum": _date(zaak.archive_action_on),
        "resultaat": zgw.url("zaken", "resultaten", resultaat_uuid) if resultaat_uuid else None,
        "opdrachtgevendeOrganisatie": zaak.opdrachtgevende_organisatie,
        "processobjectaard": zaak.processobjectaard or None,
        "startdatumBewaartermijn": _date(zaak.startdatum_bewaartermijn),
        "processobject": zaak.processobject,
    }


def _has_resultaat(zaak: Zaak) -> bool:
    try:
        zaak.resultaat  # noqa: B018 - loaded by select_related; a missing one raises
    except Resultaat.DoesNotExist:
        return False
    return True


def serialize_status(status: Status, *, is_last: bool) -> dict:
    return {
        "url": zgw.url("zaken", "statussen", status.uuid),
        "uuid": str(status.uuid),
        "zaak": zaak_url(status.zaak.uuid),
        "statustype": zgw.url("catalogi", "statustypen", status.statustype.uuid),
        "datumStatusGezet": _datetime(status.set_at),
        "statustoelichting": status.note,
        "indicatieLaatstGezetteStatus": is_last,
        "gezetdoor": status.set_by,
        "zaakinformatieobjecten": [],
    }


def serialize_resultaat(resultaat: Resultaat) -> dict:
    return {
        "url": zgw.url("zaken", "resultaten", resultaat.uuid),
        "uuid": str(resultaat.uuid),
        "zaak": zaak_url(resultaat.zaak.uuid),
        "resultaattype": zgw.url("catalogi", "resultaattypen", resultaat.resultaattype.uuid),
        "toelichting": resultaat.toelichting,
    }


def betrokkene_identificatie(rol: Rol) -> dict:
    """The stored betrokkeneIdentificatie, or one made from the columns (zaken from the portal)."""
    if rol.identification is not None:
        return rol.identification
    if rol.subject_type == SubjectType.NATUURLIJK_PERSOON:
        return {"inpBsn": rol.bsn, "anpIdentificatie": rol.subject_identifier, "geslachtsnaam": rol.name}
    if rol.subject_type == SubjectType.NIET_NATUURLIJK_PERSOON:
        return {"innNnpId": rol.subject_identifier, "statutaireNaam": rol.name}
    if rol.subject_type == SubjectType.VESTIGING:
        return {
            "vestigingsNummer": rol.subject_identifier,
            "kvkNummer": rol.kvk_number,
            "handelsnaam": [rol.name],
        }
    if rol.subject_type == SubjectType.ORGANISATORISCHE_EENHEID:
        return {"identificatie": rol.subject_identifier, "naam": rol.name}
    return {"identificatie": rol.subject_identifier, "achternaam": rol.name}


def serialize_rol(rol: Rol) -> dict:
    return {
        "url": zgw.url("zaken", "rollen", rol.uuid),
        "uuid": str(rol.uuid),
        "zaak": zaak_url(rol.zaak.uuid),
        "betrokkene": rol.betrokkene,
        "betrokkeneType": rol.subject_type,
        "afwijkendeNaamBetrokkene": rol.afwijkende_naam,
        "roltype": zgw.url("catalogi", "roltypen", rol.roltype.uuid),
        "omschrijving": rol.roltype.omschrijving,
        "omschrijvingGeneriek": rol.roltype.generic,
        "roltoelichting": rol.roltoelichting or rol.roltype.omschrijving,
        "registratiedatum": _datetime(rol.registered_at or rol.zaak.created_at),
        "indicatieMachtiging": rol.indicatie_machtiging,
        "contactpersoonRol": rol.contactpersoon,
        "statussen": [],
        "betrokkeneIdentificatie": betrokkene_identificatie(rol),
    }


def serialize_zaakeigenschap(item: ZaakEigenschap) -> dict:
    return {
        "url": zgw.url("zaken", "zaken", item.zaak.uuid, "zaakeigenschappen", str(item.uuid)),
        "uuid": str(item.uuid),
        "zaak": zaak_url(item.zaak.uuid),
        "eigenschap": zgw.url("catalogi", "eigenschappen", item.eigenschap.uuid),
        "naam": item.eigenschap.name,
        "waarde": item.value,
    }


def serialize_zaakbesluit(zaak: Zaak, besluit: Besluit) -> dict:
    # A zaakbesluit is the besluit seen from the zaak: it shares the besluit's uuid.
    return {
        "url": zgw.url("zaken", "zaken", zaak.uuid, "besluiten", str(besluit.uuid)),
        "uuid": str(besluit.uuid),
        "besluit": zgw.url("besluiten", "besluiten", besluit.uuid),
    }


def serialize_zaakobject(item: ZaakObject) -> dict:
    return {
        "url": zgw.url("zaken", "zaakobjecten", item.uuid),
        "uuid": str(item.uuid),
        "zaak": zaak_url(item.zaak.uuid),
        "object": item.object,
        "zaakobjecttype": item.zaakobjecttype,
        "objectType": item.object_type,
        "objectTypeOverige": item.object_type_overige,
        "objectTypeOverigeDefinitie": item.object_type_overige_definitie,
        "relatieomschrijving": item.relatieomschrijving,
        "objectIdentificatie": item.object_identification,
    }


HOORT_BIJ = "Hoort bij, omgekeerd: kent"


def serialize_zaakinformatieobject(link: ZaakInformatieObject) -> dict:
    return {
        "url": zgw.url("zaken", "zaakinformatieobjecten", link.uuid),
        "uuid": str(link.uuid),
        "informatieobject": zgw.url(
            "documenten", "enkelvoudiginformatieobjecten", link.informatieobject.uuid
        ),
        "zaak": zaak_url(link.zaak.uuid),
        "aardRelatieWeergave": HOORT_BIJ,
        "titel": link.titel,
        "beschrijving": link.beschrijving,
        "registratiedatum": _datetime(link.registered_at),
        "vernietigingsdatum": _datetime(link.vernietigingsdatum),
        "status": None,
    }
