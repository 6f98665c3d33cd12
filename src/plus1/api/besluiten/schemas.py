"""The Besluiten API 1.1.0 resources, named and typed as the standard spells them."""

from __future__ import annotations

from typing import Any, Literal

from ninja import Schema
from pydantic import Field, field_validator

from ..common.bounds import BoundedDate

Vervalreden = Literal["tijdelijk", "ingetrokken_overheid", "ingetrokken_belanghebbende"]


class BesluitIn(Schema):
    """POST and PUT: the whole besluit."""

    identificatie: str = Field("", max_length=50)
    verantwoordelijkeOrganisatie: str = Field(min_length=1, max_length=9)
    besluittype: str = Field(min_length=1, max_length=200)
    zaak: str = Field("", max_length=200)
    datum: BoundedDate
    toelichting: str = ""
    bestuursorgaan: str = Field("", max_length=50)
    ingangsdatum: BoundedDate
    vervaldatum: BoundedDate | None = None
    vervalreden: Vervalreden | None = None
    publicatiedatum: BoundedDate | None = None
    verzenddatum: BoundedDate | None = None
    uiterlijkeReactiedatum: BoundedDate | None = None

    @field_validator("vervalreden", mode="before")
    @classmethod
    def _blank_is_none(cls, value):
        # Clients (and Open Zaak) send "" for "no vervalreden".
        return None if value == "" else value


class BesluitPatch(Schema):
    """PATCH: only the fields sent change."""

    identificatie: str | None = Field(None, max_length=50)
    verantwoordelijkeOrganisatie: str | None = Field(None, min_length=1, max_length=9)
    besluittype: str | None = Field(None, min_length=1, max_length=200)
    zaak: str | None = Field(None, max_length=200)
    datum: BoundedDate | None = None
    toelichting: str | None = None
    bestuursorgaan: str | None = Field(None, max_length=50)
    ingangsdatum: BoundedDate | None = None
    vervaldatum: BoundedDate | None = None
    vervalreden: Vervalreden | None = None
    publicatiedatum: BoundedDate | None = None
    verzenddatum: BoundedDate | None = None
    uiterlijkeReactiedatum: BoundedDate | None = None

    _blank_is_none = field_validator("vervalreden", mode="before")(BesluitIn._blank_is_none.__func__)


class Besluit(BesluitIn):
    """The answer: the fields of the request plus the read-only ones (required as the standard lists them)."""

    url: str = ""
    vervalredenWeergave: str = ""


class BesluitExpanded(Besluit):
    expand: dict[str, Any] | None = Field(None, alias="_expand")


class BesluitInformatieObjectIn(Schema):
    informatieobject: str = Field(min_length=1, max_length=1000)
    besluit: str = Field(min_length=1)


class BesluitInformatieObject(BesluitInformatieObjectIn):
    url: str = ""


class BesluitInformatieObjectExpanded(BesluitInformatieObject):
    expand: dict[str, Any] | None = Field(None, alias="_expand")
