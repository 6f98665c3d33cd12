"""Zaken API representations, written by hand from rows that are already loaded.

Each list loads its rows with the ``select_related``/``Prefetch`` of ``*_queryset`` below,
so a serializer never queries: a page of 100 zaken costs the same handful of queries as one.
"""

from __future__ import annotations

import datetime

from django.db.models import QuerySet

from plus1.cases.constants import Betalingsindicatie, SubjectType
from plus1.cases.models import (
    Besluit,
    Resultaat,
    Rol,
    Status,
    Zaak,
    ZaakEigenschap,
    ZaakInformatieObject,
    ZaakObject,
)
from plus1.core import zgw


def zaak_url(zaak_uuid) -> str:
    return zgw.url("zaken", "zaken", zaak_uuid)


def _date(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


def _datetime(value: datetime.datetime | None) -> str | None:
    return value.isoformat().replace("+00:00", "Z") if value else None


def zaak_queryset(zaken: QuerySet[Zaak]) -> QuerySet[Zaak]:
    """What ``serialize_zaak`` reads in the page query itself; ``attach_parts`` adds the rest."""
    return zaken.select_related("zaaktype", "current_status", "resultaat", "hoofdzaak")


# The parts a zaak lists by URL: (model, the column pointing at the zaak).
PARTS = {
    "rollen": (Rol, "zaak_id"),
    "eigenschappen": (ZaakEigenschap, "zaak_id"),
    "deelzaken": (Zaak, "hoofdzaak_id"),
    "zaakobjecten": (ZaakObject, "zaak_id"),
    "zaakinformatieobjecten": (ZaakInformatieObject, "zaak_id"),
}


def attach_parts(zaken: list[Zaak]) -> None:
    """Load the uuids of every zaak's parts: one plain query per kind for the whole page.

    Plain ``values_list`` rows instead of ``prefetch_related``: a page of 100 zaken would
    otherwise build 500 related querysets, which costs more than the queries themselves.
    """
    ids = [zaak.pk for zaak in zaken]
    found: dict[str, dict[int, list]] = {name: {} for name in PARTS}
    for name, (model, column) in PARTS.items() if ids else ():
        rows = model.objects.filter(**{f"{column}__in": ids}).order_by("id").values_list(column, "uuid")
        for zaak_id, part_uuid in rows:
            found[name].setdefault(zaak_id, []).append(part_uuid)
    for zaak in zaken:
        zaak.part_uuids = {name: found[name].get(zaak.pk, []) for name in PARTS}


def _parts(zaak: Zaak, name: str) -> list:
    if not hasattr(zaak, "part_uuids"):
        attach_parts([zaak])
    return zaak.part_uuids[name]


def serialize_zaak(zaak: Zaak) -> dict:
    url = zaak_url(zaak.uuid)
    resultaat = getattr(zaak, "resultaat", None) if _has_resultaat(zaak) else None
    return {
        "url": url,
        "uuid": str(zaak.uuid),
        "identificatie": zaak.identificatie,
        "bronorganisatie": zaak.bronorganisatie,
        "omschrijving": zaak.omschrijving,
        "toelichting": zaak.toelichting,
        "zaaktype": zgw.url("catalogi", "zaaktypen", zaak.zaaktype.uuid),
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
        "hoofdzaak": zaak_url(zaak.hoofdzaak.uuid) if zaak.hoofdzaak_id else None,
        "deelzaken": [zaak_url(deelzaak) for deelzaak in _parts(zaak, "deelzaken")],
        "relevanteAndereZaken": zaak.relevante_andere_zaken,
        "eigenschappen": [
            zgw.url("zaken", "zaken", zaak.uuid, "zaakeigenschappen", str(e))
            for e in _parts(zaak, "eigenschappen")
        ],
        "rollen": [zgw.url("zaken", "rollen", rol) for rol in _parts(zaak, "rollen")],
        "status": zgw.url("zaken", "statussen", zaak.current_status.uuid) if zaak.current_status_id else None,
        "zaakinformatieobjecten": [
            zgw.url("zaken", "zaakinformatieobjecten", item)
            for item in _parts(zaak, "zaakinformatieobjecten")
        ],
        "zaakobjecten": [zgw.url("zaken", "zaakobjecten", item) for item in _parts(zaak, "zaakobjecten")],
        "kenmerken": zaak.kenmerken,
        "archiefnominatie": zaak.archive_nomination or None,
        "archiefstatus": zaak.archiefstatus,
        "archiefactiedatum": _date(zaak.archive_action_on),
        "resultaat": zgw.url("zaken", "resultaten", resultaat.uuid) if resultaat else None,
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
