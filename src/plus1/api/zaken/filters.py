"""The filters of ``GET /zaken`` and ``POST /zaken/_zoek``, as one Q over the zaak table."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from plus1.apiclients.access import levels_up_to
from plus1.cases.models import Rol
from plus1.catalog.models import ZaakType
from plus1.core import zgw

from ..common.errors import ApiError, invalid

# ZGW filter (without lookup) -> the zaak column.
DATE_FIELDS = {
    "archiefactiedatum": "archive_action_on",
    "startdatum": "started_on",
    "registratiedatum": "registered_on",
    "einddatum": "ended_on",
    "einddatumGepland": "service_norm_on",
    "uiterlijkeEinddatumAfdoening": "planned_end_on",
}
PLAIN_FIELDS = {
    "identificatie": "identificatie",
    "bronorganisatie": "bronorganisatie",
    "archiefnominatie": "archive_nomination",
    "archiefstatus": "archiefstatus",
}
LOOKUPS = {"gt", "gte", "lt", "lte", "isnull", "in"}

# rol__betrokkeneIdentificatie__<type>__<field> -> a Rol filter.
ROL_IDENTIFICATIONS = {
    "natuurlijkPersoon__inpBsn": ("natuurlijk_persoon", "bsn"),
    "natuurlijkPersoon__anpIdentificatie": ("natuurlijk_persoon", "subject_identifier"),
    "natuurlijkPersoon__inpA_nummer": ("natuurlijk_persoon", "identification__inpA_nummer"),
    "nietNatuurlijkPersoon__innNnpId": ("niet_natuurlijk_persoon", "subject_identifier"),
    "nietNatuurlijkPersoon__annIdentificatie": (
        "niet_natuurlijk_persoon",
        "identification__annIdentificatie",
    ),
    "vestiging__vestigingsNummer": ("vestiging", "subject_identifier"),
    "medewerker__identificatie": ("medewerker", "subject_identifier"),
    "organisatorischeEenheid__identificatie": ("organisatorische_eenheid", "subject_identifier"),
}

ORDERING = {
    "startdatum": "started_on",
    "einddatum": "ended_on",
    "publicatiedatum": "publicatiedatum",
    "archiefactiedatum": "archive_action_on",
    "registratiedatum": "registered_on",
    "identificatie": "identificatie",
}


def _as_list(value: Any) -> list[str]:
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return [v for v in str(value).split(",") if v]


def _zaaktype_ids(name: str, urls: list[str]) -> list[int]:
    uuids = []
    for url in urls:
        found = zgw.uuid_from_url(url, "catalogi", "zaaktypen")
        if found is None:
            raise invalid(name, "invalid", "Dit is geen URL van een zaaktype.")
        uuids.append(found)
    return list(ZaakType.objects.filter(uuid__in=uuids).values_list("pk", flat=True))


def zaak_filter_q(values: dict[str, Any]) -> Q:
    """One condition for all given filters (``None`` means not given)."""
    condition = Q()
    rol_conditions: list[Q] = []
    for name, value in values.items():
        if value is None or name in ("expand", "ordering", "page", "fields", "zaakgeometrie"):
            continue
        base, _, lookup = name.partition("__")
        if name == "uuid__in":
            condition &= Q(uuid__in=_uuids(name, value))
        elif base == "zaaktype":
            condition &= Q(zaaktype_id__in=_zaaktype_ids(name, _as_list(value) if lookup else [value]))
        elif base in DATE_FIELDS and (not lookup or lookup in LOOKUPS):
            column = DATE_FIELDS[base]
            condition &= Q(**{f"{column}__{lookup}" if lookup else column: value})
        elif base in PLAIN_FIELDS:
            column = PLAIN_FIELDS[base]
            condition &= Q(**{f"{column}__in": _as_list(value)} if lookup == "in" else {column: value})
        elif name == "maximaleVertrouwelijkheidaanduiding":
            condition &= Q(confidentiality__in=levels_up_to(value))
        elif name == "rol__betrokkeneType":
            rol_conditions.append(Q(subject_type=value))
        elif name == "rol__betrokkene":
            rol_conditions.append(Q(betrokkene=value))
        elif name == "rol__omschrijvingGeneriek":
            rol_conditions.append(Q(roltype__generic=value))
        elif name.startswith("rol__betrokkeneIdentificatie__"):
            subject_type, column = ROL_IDENTIFICATIONS[name.removeprefix("rol__betrokkeneIdentificatie__")]
            rol_conditions.append(Q(subject_type=subject_type, **{column: value}))
        else:  # pragma: no cover - the schema lists every name
            raise ApiError(400, "invalid", f"Onbekend filter {name}.")
    # Every rol filter is about some rol of the zaak (each on its own, as the reference does).
    for rol_condition in rol_conditions:
        condition &= Q(pk__in=Rol.objects.filter(rol_condition).values("zaak_id"))
    return condition


def _uuids(name: str, values: list[str]) -> list[str]:
    import uuid

    result = []
    for value in values:
        try:
            result.append(str(uuid.UUID(str(value))))
        except ValueError:
            raise invalid(name, "invalid", "Dit is geen geldige UUID.") from None
    return result


# Filters on what ``cases.counts`` keeps: with only these (and the default ordering) a page
# is found from the kept counts. The other names are no filter on the rows.
COUNTED_FILTERS = frozenset({"zaaktype", "zaaktype__in", "maximaleVertrouwelijkheidaanduiding"})
NOT_FILTERS = frozenset({"expand", "page", "fields"})


def is_counted(values: dict[str, Any]) -> bool:
    """True when the kept counts can answer the list with these filters: only zaaktype and
    vertrouwelijkheid conditions, newest first (no ``ordering``, no ``zaakgeometrie``)."""
    return all(
        name in COUNTED_FILTERS or name in NOT_FILTERS or (name == "ordering" and not value)
        for name, value in values.items()
        if value is not None
    )


def ordering(value: str | None) -> list[str]:
    if not value:
        # Newest registered first, by primary key: the database walks its key index backwards
        # and stops after one page, where ordering by registratiedatum sorts every visible zaak.
        return ["-id"]
    column = ORDERING[value.lstrip("-")]
    direction = "-" if value.startswith("-") else ""
    return [f"{direction}{column}", f"{direction}id"]
