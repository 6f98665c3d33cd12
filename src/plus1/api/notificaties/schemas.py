from __future__ import annotations

import datetime
from typing import Annotated

from ninja import Schema
from pydantic import Field

# A kanaal's filter (a kenmerk name) as long as the standard documents it, also in answers.
Filter = Annotated[str, Field(max_length=100)]


class KanaalIn(Schema):
    naam: str = Field(max_length=50)
    documentatieLink: str = Field("", max_length=200)
    filters: list[Filter] = Field(default_factory=list)


class Kanaal(KanaalIn):
    url: str = Field("", json_schema_extra={"readOnly": True})


class FilterGroup(Schema):
    naam: str
    filters: dict[str, str] = Field(default_factory=dict)


class AbonnementIn(Schema):
    callbackUrl: str = Field(max_length=200)
    auth: str = Field(max_length=1000)
    kanalen: list[FilterGroup]


class AbonnementPatch(Schema):
    """PATCH changes only the fields it sends; ``None`` defaults only mark "not sent"."""

    callbackUrl: str = Field(None, max_length=200)
    auth: str = Field(None, max_length=1000)
    kanalen: list[FilterGroup] = None


class Abonnement(AbonnementIn):
    url: str = Field("", json_schema_extra={"readOnly": True})


class Message(Schema):
    kanaal: str = Field(max_length=50)
    hoofdObject: str
    resource: str = Field(max_length=100)
    resourceUrl: str
    actie: str = Field(max_length=100)
    aanmaakdatum: datetime.datetime
    kenmerken: dict[str, str] = Field(default_factory=dict)
