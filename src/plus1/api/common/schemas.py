"""Schemas every API shares: the error bodies and the shape of a page."""

from __future__ import annotations

import datetime
from typing import Any, Generic, Literal, TypeVar

from ninja import Schema
from pydantic import Field

T = TypeVar("T")

# The confidentiality levels of every ZGW API, lowest first (``catalog.constants.Vertrouwelijkheid``).
Vertrouwelijkheidaanduiding = Literal[
    "openbaar",
    "beperkt_openbaar",
    "intern",
    "zaakvertrouwelijk",
    "vertrouwelijk",
    "confidentieel",
    "geheim",
    "zeer_geheim",
]


class Fout(Schema):
    type: str | None = None
    code: str
    title: str
    status: int
    detail: str
    instance: str


class FieldValidationError(Schema):
    name: str
    code: str
    reason: str


class ValidatieFout(Fout):
    invalidParams: list[FieldValidationError] = Field(default_factory=list)


class Page(Schema, Generic[T]):
    count: int
    next: str | None = None
    previous: str | None = None
    results: list[T]


# The error answers each operation documents, as the standard lists them.
READ_ERRORS = {
    401: Fout,
    403: Fout,
    404: Fout,
    406: Fout,
    409: Fout,
    410: Fout,
    415: Fout,
    429: Fout,
    500: Fout,
}
# A list documents 404 too: a page past the end is "not found", as the reference implementations answer.
LIST_ERRORS = {400: ValidatieFout, **READ_ERRORS}
WRITE_ERRORS = {400: ValidatieFout, **READ_ERRORS}


# --- audittrail (the same AuditTrail resource in every API with main objects) ------------------


class Wijzigingen(Schema):
    oud: dict[str, Any] | None = None
    nieuw: dict[str, Any] | None = None


Bron = Literal["ac", "nrc", "zrc", "ztc", "drc", "brc", "cmc", "kc", "vrc"]


class AuditTrail(Schema):
    uuid: str = ""
    bron: Bron
    applicatieId: str = ""
    applicatieWeergave: str = ""
    gebruikersId: str = ""
    gebruikersWeergave: str = ""
    actie: str
    actieWeergave: str = ""
    resultaat: int
    hoofdObject: str
    resource: str
    resourceUrl: str
    toelichting: str = ""
    resourceWeergave: str
    aanmaakdatum: datetime.datetime | None = None
    wijzigingen: Wijzigingen


# The kinds of object a zaakobject (Zaken) or a brondatum (Catalogi) can point at.
ObjectType = Literal[
    "adres",
    "besluit",
    "buurt",
    "enkelvoudig_document",
    "gemeente",
    "gemeentelijke_openbare_ruimte",
    "huishouden",
    "inrichtingselement",
    "kadastrale_onroerende_zaak",
    "kunstwerkdeel",
    "maatschappelijke_activiteit",
    "medewerker",
    "natuurlijk_persoon",
    "niet_natuurlijk_persoon",
    "openbare_ruimte",
    "organisatorische_eenheid",
    "pand",
    "spoorbaandeel",
    "status",
    "terreindeel",
    "terrein_gebouwd_object",
    "vestiging",
    "waterdeel",
    "wegdeel",
    "wijk",
    "woonplaats",
    "woz_deelobject",
    "woz_object",
    "woz_waarde",
    "zakelijk_recht",
    "overige",
]
