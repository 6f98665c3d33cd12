"""The Klantwaardering API's resources, named in Dutch camelCase like the ZGW APIs."""

from __future__ import annotations

import datetime
from typing import Literal

from ninja import Schema
from pydantic import Field

Kanaal = Literal["online", "balie", "telefoon", "email", "post"]
Aanleiding = Literal["zaak", "melding", "contact"]


class Antwoord(Schema):
    """One answer as the gemeente's own systems may read it: no zaak, no phone number, no BSN."""

    id: int = Field(description="Het nummer van het antwoord (vast, oplopend).")
    proces: str | None = Field(description="De identificatie van het basisproces, of null (contactmoment).")
    team: str | None = Field(description="De naam van het team, of null.")
    kanaal: Kanaal
    aanleiding: Aanleiding = Field(description="Waarover de inwoner het antwoord gaf.")
    rapportcijfer: int = Field(ge=1, le=10)
    gemak: int | None = Field(None, ge=1, le=5, description="'Het was makkelijk', 1 tot en met 5.")
    watKanBeter: str = Field(description="Het open antwoord; leeg als de inwoner niets schreef.")
    beantwoordOp: datetime.date


class AntwoordenPage(Schema):
    count: int
    next: str | None = None
    previous: str | None = None
    results: list[Antwoord]


class Cijfers(Schema):
    """The figures of a group of answers."""

    label: str
    sleutel: str = Field(description="Proces-identificatie, kanaal of teamnaam; leeg voor het totaal.")
    aantalAntwoorden: int
    gemiddeldRapportcijfer: float | None
    aantalMetGemak: int
    gemiddeldGemak: float | None
    percentageMakkelijk: float | None = Field(description="Deel van de antwoorden op 'gemak' met 4 of 5 (%).")


class Verdeling(Schema):
    rapportcijfer: int
    aantal: int
    percentage: float | None


class Respons(Schema):
    uitgenodigd: int
    beantwoord: int
    percentage: float | None


class Samenvatting(Schema):
    maandVan: str = Field(description="De eerste maand van de periode (JJJJ-MM).")
    maandTot: str = Field(description="De laatste maand van de periode (JJJJ-MM), tot en met.")
    totaal: Cijfers
    verdeling: list[Verdeling]
    respons: Respons
    perProces: list[Cijfers]
    perKanaal: list[Cijfers]
    perTeam: list[Cijfers]
