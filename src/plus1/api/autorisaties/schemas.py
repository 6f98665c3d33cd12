from __future__ import annotations

from typing import Annotated, Literal

from ninja import Schema
from pydantic import Field

from ..common.schemas import Vertrouwelijkheidaanduiding

Component = Literal["ac", "nrc", "zrc", "ztc", "drc", "brc"]
# The lengths the standard documents for the items of these lists, also in its answers: a longer
# item written would make every later read of the applicatie break that document.
Scope = Annotated[str, Field(min_length=1, max_length=100)]
ClientId = Annotated[str, Field(min_length=1, max_length=50)]


class AutorisatieIn(Schema):
    component: Component
    scopes: list[Scope] = Field(max_length=100)
    zaaktype: str | None = Field(None, max_length=1000)
    informatieobjecttype: str | None = Field(None, max_length=1000)
    besluittype: str | None = Field(None, max_length=1000)
    maxVertrouwelijkheidaanduiding: Vertrouwelijkheidaanduiding | None = None


class Autorisatie(AutorisatieIn):
    componentWeergave: str = Field("", json_schema_extra={"readOnly": True})


class ApplicatieIn(Schema):
    clientIds: list[ClientId] = Field(min_length=1)
    label: str = Field(max_length=100)
    heeftAlleAutorisaties: bool = False
    alleenIsGereedVoorPublicatie: bool = False
    autorisaties: list[AutorisatieIn] = Field(default_factory=list)


class ApplicatiePatch(Schema):
    """PATCH changes only the fields it sends; ``None`` defaults only mark "not sent"."""

    clientIds: list[ClientId] = Field(None, min_length=1)
    label: str = Field(None, max_length=100)
    heeftAlleAutorisaties: bool = None
    alleenIsGereedVoorPublicatie: bool = None
    autorisaties: list[AutorisatieIn] = None


class Applicatie(ApplicatieIn):
    url: str = Field("", json_schema_extra={"readOnly": True})
    autorisaties: list[Autorisatie] = Field(default_factory=list)
