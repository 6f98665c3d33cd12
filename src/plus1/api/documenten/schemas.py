"""The Documenten API 1.7.0 resources, with the names, required fields and enums of the standard."""

from __future__ import annotations

import datetime
from typing import Any, Literal

from ninja import Schema
from pydantic import ConfigDict, Field

from ..common.bounds import BoundedDate, BoundedDateTime

Vertrouwelijkheidaanduiding = Literal[
    "openbaar",
    "beperkt_openbaar",
    "intern",
    "zaakvertrouwelijk",
    "vertrouwelijk",
    "confidentieel",
    "geheim",
    "zeer_geheim",
    "",
]
Status = Literal["in_bewerking", "ter_vaststelling", "definitief", "gearchiveerd", ""]
Soort = Literal["analoog", "digitaal", "pki", ""]
Algoritme = Literal[
    "crc_16",
    "crc_32",
    "crc_64",
    "fletcher_4",
    "fletcher_8",
    "fletcher_16",
    "fletcher_32",
    "hmac",
    "md5",
    "sha_1",
    "sha_256",
    "sha_512",
    "sha_3",
    "",
]
ObjectType = Literal["besluit", "zaak", "verzoek"]


class Body(Schema):
    """A request body. Fields the standard does not list here (such as the read-only ``url``,
    ``versie`` or ``locked`` of an answer sent back in a PUT) are ignored, as the reference
    implementation does: a standard client is not refused for them."""

    model_config = ConfigDict(extra="ignore")


class Ondertekening(Schema):
    soort: Soort
    datum: datetime.date | None


class OndertekeningRequest(Body):
    soort: Soort
    datum: BoundedDate | None


class Integriteit(Schema):
    algoritme: Algoritme
    waarde: str = Field(max_length=128)
    datum: datetime.date | None


class IntegriteitRequest(Body):
    algoritme: Algoritme
    waarde: str = Field(max_length=128)
    datum: BoundedDate | None


class BestandsDeel(Schema):
    url: str
    volgnummer: int
    omvang: int
    voltooid: bool
    lock: str


class _Metadata(Body):
    identificatie: str = Field("", max_length=40)
    bronorganisatie: str = Field(min_length=1, max_length=9)
    creatiedatum: BoundedDate
    titel: str = Field(min_length=1, max_length=200)
    vertrouwelijkheidaanduiding: Vertrouwelijkheidaanduiding = ""
    isGereedVoorPublicatie: bool | None = None
    tonenAanInitiator: bool = True
    auteur: str = Field(min_length=1, max_length=200)
    status: Status = ""
    inhoudIsVervallen: bool | None = None
    formaat: str = Field("", max_length=255)
    taal: str = Field(min_length=3, max_length=3)
    bestandsnaam: str = Field("", max_length=255)
    inhoud: str | None = None
    bestandsomvang: int | None = Field(None, ge=0)
    link: str = Field("", max_length=200)
    beschrijving: str = Field("", max_length=1000)
    ontvangstdatum: BoundedDate | None = None
    verzenddatum: BoundedDate | None = None
    indicatieGebruiksrecht: bool | None = None
    verschijningsvorm: str = ""
    ondertekening: OndertekeningRequest | None = None
    integriteit: IntegriteitRequest | None = None
    informatieobjecttype: str = Field(min_length=1, max_length=200)
    trefwoorden: list[str] = Field(default_factory=list)


class EnkelvoudigInformatieObjectCreateLockRequest(_Metadata):
    pass


class EnkelvoudigInformatieObjectWithLockRequest(_Metadata):
    lock: str = Field(min_length=1)


class PatchedEnkelvoudigInformatieObjectWithLockRequest(Body):
    identificatie: str | None = Field(None, max_length=40)
    bronorganisatie: str | None = Field(None, min_length=1, max_length=9)
    creatiedatum: BoundedDate | None = None
    titel: str | None = Field(None, min_length=1, max_length=200)
    vertrouwelijkheidaanduiding: Vertrouwelijkheidaanduiding | None = None
    isGereedVoorPublicatie: bool | None = None
    auteur: str | None = Field(None, min_length=1, max_length=200)
    status: Status | None = None
    inhoudIsVervallen: bool | None = None
    formaat: str | None = Field(None, max_length=255)
    taal: str | None = Field(None, min_length=3, max_length=3)
    bestandsnaam: str | None = Field(None, max_length=255)
    inhoud: str | None = None
    bestandsomvang: int | None = Field(None, ge=0)
    link: str | None = Field(None, max_length=200)
    beschrijving: str | None = Field(None, max_length=1000)
    ontvangstdatum: BoundedDate | None = None
    verzenddatum: BoundedDate | None = None
    indicatieGebruiksrecht: bool | None = None
    verschijningsvorm: str | None = None
    ondertekening: OndertekeningRequest | None = None
    integriteit: IntegriteitRequest | None = None
    informatieobjecttype: str | None = Field(None, min_length=1, max_length=200)
    lock: str | None = Field(None, min_length=1)
    trefwoorden: list[str] | None = None


class EnkelvoudigInformatieObject(Schema):
    url: str
    identificatie: str
    bronorganisatie: str
    creatiedatum: datetime.date
    titel: str
    vertrouwelijkheidaanduiding: Vertrouwelijkheidaanduiding
    isGereedVoorPublicatie: bool | None
    tonenAanInitiator: bool
    auteur: str
    status: Status
    inhoudIsVervallen: bool | None
    formaat: str
    taal: str
    versie: int
    beginRegistratie: datetime.datetime
    bestandsnaam: str
    inhoud: str | None
    bestandsomvang: int | None
    link: str
    beschrijving: str
    ontvangstdatum: datetime.date | None
    verzenddatum: datetime.date | None
    indicatieGebruiksrecht: bool | None
    verschijningsvorm: str
    ondertekening: Ondertekening | None
    integriteit: Integriteit | None
    informatieobjecttype: str
    locked: bool
    bestandsdelen: list[BestandsDeel]
    trefwoorden: list[str]


class EnkelvoudigInformatieObjectCreateLock(EnkelvoudigInformatieObject):
    lock: str


class EnkelvoudigInformatieObjectWithLock(EnkelvoudigInformatieObject):
    pass


class LockEnkelvoudigInformatieObject(Schema):
    lock: str


class UnlockEnkelvoudigInformatieObjectRequest(Body):
    lock: str = Field("", max_length=100)


class EIOZoekRequest(Body):
    uuid__in: list[str]
    identificatie: str | None = None
    bronorganisatie: str | None = None
    expand: str | None = None


class BestandsDeelResponse(Schema):
    url: str
    lock: str
    omvang: int
    inhoud: str
    voltooid: bool
    volgnummer: int


class ObjectInformatieObject(Schema):
    url: str
    informatieobject: str
    object: str
    objectType: ObjectType


class ObjectInformatieObjectRequest(Body):
    informatieobject: str
    object: str = Field(min_length=1, max_length=1000)
    objectType: ObjectType


class Gebruiksrechten(Schema):
    url: str
    informatieobject: str
    startdatum: datetime.datetime
    einddatum: datetime.datetime | None
    omschrijvingVoorwaarden: str


class GebruiksrechtenRequest(Body):
    informatieobject: str
    startdatum: BoundedDateTime
    einddatum: BoundedDateTime | None = None
    omschrijvingVoorwaarden: str = Field(min_length=1)


class PatchedGebruiksrechtenRequest(Body):
    informatieobject: str | None = None
    startdatum: BoundedDateTime | None = None
    einddatum: BoundedDateTime | None = None
    omschrijvingVoorwaarden: str | None = Field(None, min_length=1)


# --- verzendingen -----------------------------------------------------------------------------

AardRelatie = Literal["afzender", "geadresseerde"]
PostadresType = Literal["antwoordnummer", "postbusnummer"]


class BinnenlandsCorrespondentieadresVerzending(Body):
    huisletter: str = Field("", max_length=1)
    huisnummer: int = Field(ge=1, le=99999)
    huisnummerToevoeging: str = Field("", max_length=4)
    naamOpenbareRuimte: str = Field(max_length=80)
    postcode: str = Field("", max_length=6)
    woonplaatsnaam: str = Field(max_length=80)


class BuitenlandsCorrespondentieadresVerzending(Body):
    adresBuitenland1: str = Field(max_length=35)
    adresBuitenland2: str = Field("", max_length=35)
    adresBuitenland3: str = Field("", max_length=35)
    landPostadres: str = Field(max_length=200)


class BuitenlandsCorrespondentiepostadresVerzending(Body):
    postBusOfAntwoordnummer: int = Field(ge=1, le=9999)
    postadresPostcode: str = Field(max_length=6)
    postadresType: PostadresType
    woonplaatsnaam: str = Field(max_length=80)


class Verzending(Schema):
    url: str
    betrokkene: str
    informatieobject: str
    aardRelatie: AardRelatie
    toelichting: str = ""
    ontvangstdatum: datetime.date | None = None
    verzenddatum: datetime.date | None = None
    contactPersoon: str
    contactpersoonnaam: str = ""
    binnenlandsCorrespondentieadres: BinnenlandsCorrespondentieadresVerzending | None = None
    buitenlandsCorrespondentieadres: BuitenlandsCorrespondentieadresVerzending | None = None
    correspondentiePostadres: BuitenlandsCorrespondentiepostadresVerzending | None = None
    faxnummer: str | None = None
    emailadres: str | None = None
    mijnOverheid: bool = False
    telefoonnummer: str | None = None


class VerzendingRequest(Body):
    betrokkene: str = Field(min_length=1, max_length=200)
    informatieobject: str = Field(min_length=1, max_length=1000)
    aardRelatie: AardRelatie
    toelichting: str = Field("", max_length=200)
    ontvangstdatum: BoundedDate | None = None
    verzenddatum: BoundedDate | None = None
    contactPersoon: str = Field(min_length=1, max_length=1000)
    contactpersoonnaam: str = Field("", max_length=40)
    binnenlandsCorrespondentieadres: BinnenlandsCorrespondentieadresVerzending | None = None
    buitenlandsCorrespondentieadres: BuitenlandsCorrespondentieadresVerzending | None = None
    correspondentiePostadres: BuitenlandsCorrespondentiepostadresVerzending | None = None
    faxnummer: str | None = Field(None, max_length=15)
    emailadres: str | None = Field(None, max_length=100)
    mijnOverheid: bool = False
    telefoonnummer: str | None = Field(None, max_length=15)


class PatchedVerzendingRequest(Body):
    betrokkene: str | None = Field(None, min_length=1, max_length=200)
    informatieobject: str | None = Field(None, min_length=1, max_length=1000)
    aardRelatie: AardRelatie | None = None
    toelichting: str | None = Field(None, max_length=200)
    ontvangstdatum: BoundedDate | None = None
    verzenddatum: BoundedDate | None = None
    contactPersoon: str | None = Field(None, min_length=1, max_length=1000)
    contactpersoonnaam: str | None = Field(None, max_length=40)
    binnenlandsCorrespondentieadres: BinnenlandsCorrespondentieadresVerzending | None = None
    buitenlandsCorrespondentieadres: BuitenlandsCorrespondentieadresVerzending | None = None
    correspondentiePostadres: BuitenlandsCorrespondentiepostadresVerzending | None = None
    faxnummer: str | None = Field(None, max_length=15)
    emailadres: str | None = Field(None, max_length=100)
    mijnOverheid: bool | None = None
    telefoonnummer: str | None = Field(None, max_length=15)


# ``_expand``: the objects named in ``expand``, each as its own GET shows it (``expanding.py``).
# Documented as one object: the expanded schemas are those of their own resources.


class EnkelvoudigInformatieObjectExpanded(EnkelvoudigInformatieObject):
    expand: dict[str, Any] | None = Field(None, alias="_expand")


class GebruiksrechtenExpanded(Gebruiksrechten):
    expand: dict[str, Any] | None = Field(None, alias="_expand")


class ObjectInformatieObjectExpanded(ObjectInformatieObject):
    expand: dict[str, Any] | None = Field(None, alias="_expand")


class VerzendingExpanded(Verzending):
    expand: dict[str, Any] | None = Field(None, alias="_expand")
