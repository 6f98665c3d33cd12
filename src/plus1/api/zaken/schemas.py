"""The Zaken API 1.7.0 schemas, named and spelled as in the standard's OAS.

Responses are rendered by the dict serializers in ``serializers.py``; these classes document
them and parse the input. Input schemas end in ``Request`` (the OAS uses one schema for
both, with ``readOnly`` fields).
"""

from __future__ import annotations

import datetime
from typing import Annotated, Any, Literal

from ninja import Schema
from pydantic import Field

from ..common.bounds import ArchiveDate, BoundedDate, BoundedDateTime, Term
from ..common.schemas import ObjectType, Vertrouwelijkheidaanduiding
from .parts import Url

Betalingsindicatie = Literal["nvt", "nog_niet", "gedeeltelijk", "geheel", ""]
Archiefnominatie = Literal["blijvend_bewaren", "vernietigen"]
Archiefstatus = Literal[
    "nog_te_archiveren", "gearchiveerd", "gearchiveerd_procestermijn_onbekend", "overgedragen"
]
BetrokkeneType = Literal[
    "natuurlijk_persoon", "niet_natuurlijk_persoon", "vestiging", "organisatorische_eenheid", "medewerker"
]
OmschrijvingGeneriek = Literal[
    "adviseur",
    "behandelaar",
    "belanghebbende",
    "beslisser",
    "initiator",
    "klantcontacter",
    "zaakcoordinator",
    "mede_initiator",
]
AardRelatie = Literal["vervolg", "onderwerp", "bijdrage"]
Ordering = Literal[
    "startdatum",
    "-startdatum",
    "einddatum",
    "-einddatum",
    "publicatiedatum",
    "-publicatiedatum",
    "archiefactiedatum",
    "-archiefactiedatum",
    "registratiedatum",
    "-registratiedatum",
    "identificatie",
    "-identificatie",
]


class Opschorting(Schema):
    indicatie: bool
    reden: str = Field(max_length=200)


class Verlenging(Schema):
    reden: str = Field(max_length=200)
    # At most 100 years: "P99999999999D" matched the pattern and broke every deadline (a 500).
    duur: Term = Field(pattern=r"^P(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(\d+H)?(\d+M)?(\d+S)?)?$", min_length=2)


class RelevanteZaak(Schema):
    url: Url
    aardRelatie: AardRelatie


class ZaakKenmerk(Schema):
    kenmerk: str = Field(max_length=40)
    bron: str = Field(max_length=40)


class Processobject(Schema):
    datumkenmerk: str = Field(max_length=250)
    identificatie: str = Field(max_length=250)
    objecttype: str = Field(max_length=250)
    registratie: str = Field(max_length=250)


# As long as the standard documents a product URL in its answers: a longer one written would make
# every later read of the zaak break that document.
ProductOfDienst = Annotated[str, Field(max_length=1000)]
# The standard's pattern for objectTypeOverige; the empty string is how its answers say "not an
# overige object", so a client may send that too.
OBJECT_TYPE_OVERIGE_PATTERN = r"^$|[a-z\_]+"


class GeoJSONGeometry(Schema):
    type: Literal[
        "Point",
        "MultiPoint",
        "LineString",
        "MultiLineString",
        "Polygon",
        "MultiPolygon",
        "GeometryCollection",
    ]
    coordinates: list[Any] | None = None
    geometries: list[dict[str, Any]] | None = None


class ZaakRequest(Schema):
    """``POST`` and ``PUT /zaken``: the writable attributes of a zaak."""

    identificatie: str = Field("", max_length=40)
    bronorganisatie: str = Field(max_length=9, pattern=r"^\d{9}$")
    omschrijving: str = Field("", max_length=80)
    toelichting: str = Field("", max_length=1000)
    zaaktype: str = Field(max_length=1000)
    registratiedatum: BoundedDate | None = None
    verantwoordelijkeOrganisatie: str = Field(max_length=9, pattern=r"^\d{9}$")
    startdatum: BoundedDate
    einddatumGepland: BoundedDate | None = None
    uiterlijkeEinddatumAfdoening: BoundedDate | None = None
    publicatiedatum: BoundedDate | None = None
    communicatiekanaal: str = Field("", max_length=1000)
    productenOfDiensten: list[ProductOfDienst] = Field(default_factory=list)
    vertrouwelijkheidaanduiding: Vertrouwelijkheidaanduiding | None = None
    betalingsindicatie: Betalingsindicatie = ""
    laatsteBetaaldatum: BoundedDateTime | None = None
    zaakgeometrie: GeoJSONGeometry | None = None
    verlenging: Verlenging | None = None
    opschorting: Opschorting | None = None
    selectielijstklasse: str = Field("", max_length=1000)
    hoofdzaak: str | None = Field(None, max_length=1000)
    relevanteAndereZaken: list[RelevanteZaak] = Field(default_factory=list)
    kenmerken: list[ZaakKenmerk] = Field(default_factory=list)
    archiefnominatie: Archiefnominatie | Literal[""] | None = None
    archiefstatus: Archiefstatus | None = None
    archiefactiedatum: ArchiveDate | None = None
    opdrachtgevendeOrganisatie: str = Field("", max_length=9)
    processobjectaard: str | None = Field(None, max_length=200)
    startdatumBewaartermijn: BoundedDate | None = None
    processobject: Processobject | None = None


class PatchedZaakRequest(Schema):
    """``PATCH /zaken/{uuid}``: any writable attribute."""

    identificatie: str | None = Field(None, max_length=40)
    bronorganisatie: str | None = Field(None, max_length=9, pattern=r"^\d{9}$")
    omschrijving: str | None = Field(None, max_length=80)
    toelichting: str | None = Field(None, max_length=1000)
    zaaktype: str | None = Field(None, max_length=1000)
    registratiedatum: BoundedDate | None = None
    verantwoordelijkeOrganisatie: str | None = Field(None, max_length=9, pattern=r"^\d{9}$")
    startdatum: BoundedDate | None = None
    einddatumGepland: BoundedDate | None = None
    uiterlijkeEinddatumAfdoening: BoundedDate | None = None
    publicatiedatum: BoundedDate | None = None
    communicatiekanaal: str | None = Field(None, max_length=1000)
    productenOfDiensten: list[ProductOfDienst] | None = None
    vertrouwelijkheidaanduiding: Vertrouwelijkheidaanduiding | None = None
    betalingsindicatie: Betalingsindicatie | None = None
    laatsteBetaaldatum: BoundedDateTime | None = None
    zaakgeometrie: GeoJSONGeometry | None = None
    verlenging: Verlenging | None = None
    opschorting: Opschorting | None = None
    selectielijstklasse: str | None = Field(None, max_length=1000)
    hoofdzaak: str | None = Field(None, max_length=1000)
    relevanteAndereZaken: list[RelevanteZaak] | None = None
    kenmerken: list[ZaakKenmerk] | None = None
    archiefnominatie: Archiefnominatie | Literal[""] | None = None
    archiefstatus: Archiefstatus | None = None
    archiefactiedatum: ArchiveDate | None = None
    opdrachtgevendeOrganisatie: str | None = Field(None, max_length=9)
    processobjectaard: str | None = Field(None, max_length=200)
    startdatumBewaartermijn: BoundedDate | None = None
    processobject: Processobject | None = None


class Zaak(Schema):
    url: str
    uuid: str
    identificatie: str
    bronorganisatie: str
    omschrijving: str
    toelichting: str
    zaaktype: str
    registratiedatum: datetime.date
    verantwoordelijkeOrganisatie: str
    startdatum: datetime.date
    einddatum: datetime.date | None
    einddatumGepland: datetime.date | None = None
    uiterlijkeEinddatumAfdoening: datetime.date | None = None
    publicatiedatum: datetime.date | None = None
    communicatiekanaal: str
    productenOfDiensten: list[str]
    vertrouwelijkheidaanduiding: Vertrouwelijkheidaanduiding
    betalingsindicatie: Betalingsindicatie
    betalingsindicatieWeergave: str
    laatsteBetaaldatum: datetime.datetime | None = None
    zaakgeometrie: dict[str, Any] | None = None
    verlenging: Verlenging | None = None
    opschorting: Opschorting | None = None
    selectielijstklasse: str
    hoofdzaak: str | None = None
    deelzaken: list[str]
    relevanteAndereZaken: list[RelevanteZaak]
    eigenschappen: list[str]
    rollen: list[str]
    status: str | None
    zaakinformatieobjecten: list[str]
    zaakobjecten: list[str]
    kenmerken: list[ZaakKenmerk]
    archiefnominatie: Archiefnominatie | Literal[""] | None = None
    archiefstatus: Archiefstatus
    archiefactiedatum: datetime.date | None = None
    resultaat: str | None
    opdrachtgevendeOrganisatie: str
    processobjectaard: str | None = None
    startdatumBewaartermijn: datetime.date | None = None
    processobject: Processobject | None = None


class ZaakFilter(Schema):
    """The query parameters of ``GET /zaken`` (``__in``: comma separated)."""

    identificatie: str | None = None
    bronorganisatie: str | None = None
    bronorganisatie__in: str | None = None
    zaaktype: str | None = None
    archiefnominatie: Archiefnominatie | None = None
    archiefnominatie__in: str | None = None
    archiefactiedatum: datetime.date | None = None
    archiefactiedatum__isnull: bool | None = None
    archiefactiedatum__lt: datetime.date | None = None
    archiefactiedatum__gt: datetime.date | None = None
    archiefstatus: Archiefstatus | None = None
    archiefstatus__in: str | None = None
    startdatum: datetime.date | None = None
    startdatum__gt: datetime.date | None = None
    startdatum__gte: datetime.date | None = None
    startdatum__lt: datetime.date | None = None
    startdatum__lte: datetime.date | None = None
    registratiedatum: datetime.date | None = None
    registratiedatum__gt: datetime.date | None = None
    registratiedatum__lt: datetime.date | None = None
    einddatum: datetime.date | None = None
    einddatum__isnull: bool | None = None
    einddatum__gt: datetime.date | None = None
    einddatum__lt: datetime.date | None = None
    einddatumGepland: datetime.date | None = None
    einddatumGepland__gt: datetime.date | None = None
    einddatumGepland__lt: datetime.date | None = None
    uiterlijkeEinddatumAfdoening: datetime.date | None = None
    uiterlijkeEinddatumAfdoening__gt: datetime.date | None = None
    uiterlijkeEinddatumAfdoening__lt: datetime.date | None = None
    rol__betrokkeneType: BetrokkeneType | None = None
    rol__betrokkene: str | None = None
    rol__omschrijvingGeneriek: OmschrijvingGeneriek | None = None
    maximaleVertrouwelijkheidaanduiding: Vertrouwelijkheidaanduiding | None = None
    rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn: str | None = None
    rol__betrokkeneIdentificatie__natuurlijkPersoon__anpIdentificatie: str | None = None
    rol__betrokkeneIdentificatie__natuurlijkPersoon__inpA_nummer: str | None = None
    rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId: str | None = None
    rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__annIdentificatie: str | None = None
    rol__betrokkeneIdentificatie__vestiging__vestigingsNummer: str | None = None
    rol__betrokkeneIdentificatie__medewerker__identificatie: str | None = None
    rol__betrokkeneIdentificatie__organisatorischeEenheid__identificatie: str | None = None
    expand: str | None = None
    ordering: Ordering | None = None
    page: int | None = None


class GeoWithin(Schema):
    """``within``: a GeoJSON Polygon or MultiPolygon (WGS84) the zaakgeometrie must lie in."""

    within: dict[str, Any] | None = None


class ZaakZoek(Schema):
    """``POST /zaken/_zoek``: the list filters in the body, lists as arrays."""

    zaakgeometrie: GeoWithin | None = None
    uuid__in: list[str] | None = None
    identificatie: str | None = None
    bronorganisatie: str | None = None
    bronorganisatie__in: list[str] | None = None
    zaaktype: str | None = None
    zaaktype__in: list[str] | None = None
    archiefnominatie: Archiefnominatie | None = None
    archiefnominatie__in: list[Archiefnominatie] | None = None
    archiefactiedatum: datetime.date | None = None
    archiefactiedatum__isnull: bool | None = None
    archiefactiedatum__lt: datetime.date | None = None
    archiefactiedatum__gt: datetime.date | None = None
    archiefstatus: Archiefstatus | None = None
    archiefstatus__in: list[Archiefstatus] | None = None
    startdatum: datetime.date | None = None
    startdatum__gt: datetime.date | None = None
    startdatum__gte: datetime.date | None = None
    startdatum__lt: datetime.date | None = None
    startdatum__lte: datetime.date | None = None
    registratiedatum: datetime.date | None = None
    registratiedatum__gt: datetime.date | None = None
    registratiedatum__lt: datetime.date | None = None
    einddatum: datetime.date | None = None
    einddatum__isnull: bool | None = None
    einddatum__gt: datetime.date | None = None
    einddatum__lt: datetime.date | None = None
    einddatumGepland: datetime.date | None = None
    einddatumGepland__gt: datetime.date | None = None
    einddatumGepland__lt: datetime.date | None = None
    uiterlijkeEinddatumAfdoening: datetime.date | None = None
    uiterlijkeEinddatumAfdoening__gt: datetime.date | None = None
    uiterlijkeEinddatumAfdoening__lt: datetime.date | None = None
    rol__betrokkeneType: BetrokkeneType | None = None
    rol__betrokkene: str | None = None
    rol__omschrijvingGeneriek: OmschrijvingGeneriek | None = None
    maximaleVertrouwelijkheidaanduiding: Vertrouwelijkheidaanduiding | None = None
    rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn: str | None = None
    rol__betrokkeneIdentificatie__natuurlijkPersoon__anpIdentificatie: str | None = None
    rol__betrokkeneIdentificatie__natuurlijkPersoon__inpA_nummer: str | None = None
    rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId: str | None = None
    rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__annIdentificatie: str | None = None
    rol__betrokkeneIdentificatie__vestiging__vestigingsNummer: str | None = None
    rol__betrokkeneIdentificatie__medewerker__identificatie: str | None = None
    rol__betrokkeneIdentificatie__organisatorischeEenheid__identificatie: str | None = None
    expand: str | None = None
    ordering: Ordering | None = None
    # zrc-029: names, "*", and {relation: [names]} to select inside it (``fields.py``).
    fields: list[str | dict[str, Any]] | None = Field(
        None,
        description='De attributen die terugkomen, conform het expand-mechanisme; "*" is alle. '
        "Niet samen met expand.",
    )


class StatusRequest(Schema):
    zaak: str = Field(max_length=1000)
    statustype: str = Field(max_length=1000)
    datumStatusGezet: BoundedDateTime
    statustoelichting: str = Field("", max_length=1000)
    gezetdoor: str = Field("", max_length=200)


class Status(Schema):
    url: str
    uuid: str
    zaak: str
    statustype: str
    datumStatusGezet: datetime.datetime
    statustoelichting: str
    indicatieLaatstGezetteStatus: bool
    gezetdoor: str
    zaakinformatieobjecten: list[str]


class ResultaatRequest(Schema):
    zaak: str = Field(max_length=1000)
    resultaattype: str = Field(max_length=1000)
    toelichting: str = Field("", max_length=1000)


class PatchedResultaatRequest(Schema):
    zaak: str | None = Field(None, max_length=1000)
    resultaattype: str | None = Field(None, max_length=1000)
    toelichting: str | None = Field(None, max_length=1000)


class Resultaat(Schema):
    url: str
    uuid: str
    zaak: str
    resultaattype: str
    toelichting: str


class ContactPersoonRol(Schema):
    emailadres: str = Field("", max_length=254)
    functie: str = Field("", max_length=50)
    telefoonnummer: str = Field("", max_length=20)
    naam: str = Field(max_length=40)


class RolRequest(Schema):
    zaak: str = Field(max_length=1000)
    betrokkene: str = Field("", max_length=1000)
    betrokkeneType: BetrokkeneType
    afwijkendeNaamBetrokkene: str = Field("", max_length=625)
    roltype: str = Field(max_length=1000)
    roltoelichting: str = Field(max_length=1000)
    indicatieMachtiging: Literal["gemachtigde", "machtiginggever", ""] = ""
    contactpersoonRol: ContactPersoonRol | None = None
    betrokkeneIdentificatie: dict[str, Any] | None = None


class Rol(Schema):
    url: str
    uuid: str
    zaak: str
    betrokkene: str
    betrokkeneType: BetrokkeneType
    afwijkendeNaamBetrokkene: str
    roltype: str
    omschrijving: str
    omschrijvingGeneriek: str
    roltoelichting: str
    registratiedatum: datetime.datetime | None
    indicatieMachtiging: str
    contactpersoonRol: ContactPersoonRol | None = None
    statussen: list[str]
    betrokkeneIdentificatie: dict[str, Any] | None = None


class ZaakEigenschapRequest(Schema):
    zaak: str = Field(max_length=1000)
    eigenschap: str = Field(max_length=1000)
    waarde: str


class PatchedZaakEigenschapRequest(Schema):
    zaak: str | None = Field(None, max_length=1000)
    eigenschap: str | None = Field(None, max_length=1000)
    waarde: str | None = None


class ZaakEigenschap(Schema):
    url: str
    uuid: str
    zaak: str
    eigenschap: str
    naam: str
    waarde: str


class ZaakBesluitRequest(Schema):
    besluit: str = Field(min_length=1, max_length=1000, json_schema_extra={"format": "uri"})


class ZaakBesluit(Schema):
    url: str
    uuid: str
    besluit: str


class AuditTrail(Schema):
    uuid: str
    bron: str
    applicatieId: str
    applicatieWeergave: str
    gebruikersId: str
    gebruikersWeergave: str
    actie: str
    actieWeergave: str
    resultaat: int
    hoofdObject: str
    resource: str
    resourceUrl: str
    toelichting: str
    resourceWeergave: str
    aanmaakdatum: datetime.datetime
    wijzigingen: dict[str, Any]


# betrokkeneIdentificatie per betrokkeneType (the OAS's Rol<Type> schemas).
class _Identification(Schema):
    model_config = {"extra": "allow"}


class RolNatuurlijkPersoon(_Identification):
    inpBsn: str = Field("", max_length=9)
    anpIdentificatie: str = Field("", max_length=17)
    inpA_nummer: str = Field("", max_length=10)
    geslachtsnaam: str = Field("", max_length=200)
    voorvoegselGeslachtsnaam: str = Field("", max_length=80)
    voorletters: str = Field("", max_length=20)
    voornamen: str = Field("", max_length=200)
    geslachtsaanduiding: Literal["m", "v", "o", ""] = ""
    geboortedatum: str = Field("", max_length=18)


class RolNietNatuurlijkPersoon(_Identification):
    innNnpId: str = Field("", max_length=9)
    annIdentificatie: str = Field("", max_length=17)
    statutaireNaam: str = Field("", max_length=500)
    bezoekadres: str = Field("", max_length=1000)


class RolVestiging(_Identification):
    vestigingsNummer: str = Field("", max_length=24)
    handelsnaam: list[str] = Field(default_factory=list)
    kvkNummer: str = Field("", max_length=8)


class RolOrganisatorischeEenheid(_Identification):
    identificatie: str = Field("", max_length=24)
    naam: str = Field("", max_length=50)
    isGehuisvestIn: str = Field("", max_length=24)


class RolMedewerker(_Identification):
    identificatie: str = Field("", max_length=254)
    achternaam: str = Field("", max_length=200)
    voorletters: str = Field("", max_length=20)
    voorvoegselAchternaam: str = Field("", max_length=10)


class ReserveZaakIdentificatieRequest(Schema):
    bronorganisatie: str = Field(min_length=9, max_length=9)
    aantal: int = Field(1, ge=1)


class ReserveZaakIdentificatie(Schema):
    zaaknummer: str


class ObjectTypeOverigeDefinitie(Schema):
    url: str = Field(max_length=1000)
    schema_: str = Field(alias="schema", max_length=100)
    objectData: str = Field(max_length=100)


class ZaakObjectRequest(Schema):
    zaak: str = Field(max_length=1000)
    object: str = Field("", max_length=1000)
    zaakobjecttype: str = Field("", max_length=1000)
    objectType: ObjectType
    objectTypeOverige: str = Field("", max_length=100, pattern=OBJECT_TYPE_OVERIGE_PATTERN)
    objectTypeOverigeDefinitie: ObjectTypeOverigeDefinitie | None = None
    relatieomschrijving: str = Field("", max_length=80)
    objectIdentificatie: dict[str, Any] | None = None


class PatchedZaakObjectRequest(Schema):
    zaak: str | None = Field(None, max_length=1000)
    object: str | None = Field(None, max_length=1000)
    zaakobjecttype: str | None = Field(None, max_length=1000)
    objectType: ObjectType | None = None
    objectTypeOverige: str | None = Field(None, max_length=100, pattern=OBJECT_TYPE_OVERIGE_PATTERN)
    objectTypeOverigeDefinitie: ObjectTypeOverigeDefinitie | None = None
    relatieomschrijving: str | None = Field(None, max_length=80)
    objectIdentificatie: dict[str, Any] | None = None


class ZaakObject(Schema):
    url: str
    uuid: str
    zaak: str
    object: str
    zaakobjecttype: str
    objectType: ObjectType
    objectTypeOverige: str
    objectTypeOverigeDefinitie: dict[str, Any] | None = None
    relatieomschrijving: str
    objectIdentificatie: dict[str, Any] | None = None


# ``_expand``: the objects named in ``expand``, each as its own GET shows it (``expand.py``).
# Documented as one object: the expanded schemas are those of their own resources.


class ZaakExpanded(Zaak):
    expand: dict[str, Any] | None = Field(None, alias="_expand")


class StatusExpanded(Status):
    expand: dict[str, Any] | None = Field(None, alias="_expand")


class ResultaatExpanded(Resultaat):
    expand: dict[str, Any] | None = Field(None, alias="_expand")


class RolExpanded(Rol):
    expand: dict[str, Any] | None = Field(None, alias="_expand")


class ZaakObjectExpanded(ZaakObject):
    expand: dict[str, Any] | None = Field(None, alias="_expand")


class ZaakBesluitExpanded(ZaakBesluit):
    expand: dict[str, Any] | None = Field(None, alias="_expand")
