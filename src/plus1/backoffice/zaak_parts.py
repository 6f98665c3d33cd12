"""What the Zaken API adds to a zaak, said in plain words for the zaak page.

Zaakobjecten, the zaakgeometrie, zaakcontactmomenten and zaakverzoeken are written by other
systems in ZGW terms (object types, GeoJSON, URLs). The case handler reads them here as short
Dutch sentences; no map is needed to know where the zaak is about.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from plus1.cases.models import ZaakObject

# The ZGW objectType values in the words a case handler uses; others read as written.
OBJECT_TYPES = {
    "adres": gettext_lazy("Adres"),
    "besluit": gettext_lazy("Besluit"),
    "buurt": gettext_lazy("Buurt"),
    "enkelvoudig_document": gettext_lazy("Document"),
    "gemeente": gettext_lazy("Gemeente"),
    "gemeentelijke_openbare_ruimte": gettext_lazy("Straat, plein of park van de gemeente"),
    "huishouden": gettext_lazy("Huishouden"),
    "inrichtingselement": gettext_lazy("Ding in de openbare ruimte (zoals een lantaarnpaal of bank)"),
    "kadastrale_onroerende_zaak": gettext_lazy("Perceel of ander kadastraal object"),
    "kunstwerkdeel": gettext_lazy("Deel van een brug, tunnel of viaduct"),
    "maatschappelijke_activiteit": gettext_lazy("Onderneming of organisatie (KvK)"),
    "medewerker": gettext_lazy("Medewerker"),
    "natuurlijk_persoon": gettext_lazy("Persoon"),
    "niet_natuurlijk_persoon": gettext_lazy("Organisatie"),
    "openbare_ruimte": gettext_lazy("Straat, plein of park"),
    "organisatorische_eenheid": gettext_lazy("Afdeling of team"),
    "pand": gettext_lazy("Gebouw"),
    "spoorbaandeel": gettext_lazy("Deel van een spoorbaan"),
    "status": gettext_lazy("Status"),
    "terreindeel": gettext_lazy("Stuk terrein"),
    "terrein_gebouwd_object": gettext_lazy("Terrein of gebouw"),
    "vestiging": gettext_lazy("Vestiging van een bedrijf"),
    "waterdeel": gettext_lazy("Water"),
    "wegdeel": gettext_lazy("Deel van een weg"),
    "wijk": gettext_lazy("Wijk"),
    "woonplaats": gettext_lazy("Woonplaats"),
    "woz_deelobject": gettext_lazy("Deel van een WOZ-object"),
    "woz_object": gettext_lazy("WOZ-object"),
    "woz_waarde": gettext_lazy("WOZ-waarde"),
    "zakelijk_recht": gettext_lazy("Zakelijk recht (zoals erfpacht)"),
}

# objectIdentificatie fields that together read as an address (BAG names).
_STREET, _NUMBER, _LETTER, _ADDITION = (
    "gorOpenbareRuimteNaam",
    "huisnummer",
    "huisletter",
    "huisnummertoevoeging",
)
_POSTCODE, _PLACE = "postcode", "wplWoonplaatsNaam"
# Other objectIdentificatie fields that name the object; anything else is left out.
_NAMES = (
    "naam",
    "geslachtsnaam",
    "statutaireNaam",
    "handelsnaam",
    "omschrijving",
    "identificatie",
    "kadastraleAanduiding",
    "anpIdentificatie",
)


@dataclass(frozen=True)
class ObjectRow:
    kind: str
    description: str
    relation: str
    url: str


def _address(identification: dict[str, Any]) -> str:
    """``Stationsstraat 1a-2, 3511 AB Utrecht``, from the parts that are there."""

    def part(name: str) -> str:
        value = identification.get(name)
        return "" if value is None else str(value).strip()

    number = part(_NUMBER) + part(_LETTER)
    if number and part(_ADDITION):
        number = f"{number}-{part(_ADDITION)}"
    street = " ".join(value for value in (part(_STREET), number) if value)
    place = " ".join(value for value in (part(_POSTCODE), part(_PLACE)) if value)
    return ", ".join(value for value in (street, place) if value)


def _description(identification: Any) -> str:
    if not isinstance(identification, dict):
        return ""
    address = _address(identification)
    if address:
        return address
    for name in _NAMES:
        value = identification.get(name)
        if isinstance(value, list):
            value = ", ".join(str(item) for item in value if item)
        if value not in (None, ""):
            return str(value)
    return ""


def object_rows(zaakobjecten: Iterable[ZaakObject]) -> list[ObjectRow]:
    """Each zaakobject as its kind, what it is (address or name) and how it relates to the zaak."""
    rows = []
    for item in zaakobjecten:
        if item.object_type == "overige":
            kind = item.object_type_overige or _("Ander object")
        else:
            kind = str(OBJECT_TYPES.get(item.object_type, item.object_type.replace("_", " ").capitalize()))
        rows.append(
            ObjectRow(
                kind=kind,
                description=_description(item.object_identification),
                relation=item.relatieomschrijving,
                url=item.object,
            )
        )
    return rows


def _positions(coordinates: Any) -> Iterator[tuple[float, float]]:
    """Every (longitude, latitude) in nested GeoJSON coordinates; anything else is skipped."""
    if (
        isinstance(coordinates, list | tuple)
        and len(coordinates) >= 2
        and all(isinstance(value, int | float) for value in coordinates[:2])
    ):
        yield float(coordinates[0]), float(coordinates[1])
    elif isinstance(coordinates, list | tuple):
        for part in coordinates:
            yield from _positions(part)


def _shapes(geometry: dict[str, Any]) -> Iterator[dict[str, Any]]:
    if geometry.get("type") == "GeometryCollection":
        for part in geometry.get("geometries") or []:
            if isinstance(part, dict):
                yield from _shapes(part)
    else:
        yield geometry


def _number(value: float) -> str:
    return number_format(round(value, 5), 5)


def _point(lon: float, lat: float) -> str:
    return _("breedtegraad %(lat)s, lengtegraad %(lon)s") % {"lat": _number(lat), "lon": _number(lon)}


def _kind(geometry_type: str, count: int) -> str:
    kinds = {
        "Point": ngettext("%(count)s punt", "%(count)s punten", count),
        "MultiPoint": ngettext("%(count)s punt", "%(count)s punten", count),
        "LineString": ngettext("%(count)s lijn", "%(count)s lijnen", count),
        "MultiLineString": ngettext("%(count)s lijn", "%(count)s lijnen", count),
        "Polygon": ngettext("%(count)s vlak", "%(count)s vlakken", count),
        "MultiPolygon": ngettext("%(count)s vlak", "%(count)s vlakken", count),
    }
    return kinds.get(geometry_type, ngettext("%(count)s vorm", "%(count)s vormen", count)) % {"count": count}


def geometry_summary(geometry: Any) -> str:
    """The zaakgeometrie (GeoJSON, WGS84) as one sentence: what shapes, and where.

    One point reads as its coordinates; anything larger as the area it lies in (the
    smallest and largest latitude and longitude).
    """
    if not isinstance(geometry, dict) or not geometry.get("type"):
        return ""
    counts: dict[str, int] = {}
    for shape in _shapes(geometry):
        shape_type = str(shape.get("type", ""))
        coordinates = shape.get("coordinates")
        if shape_type.startswith("Multi") and isinstance(coordinates, list):
            counts[shape_type] = counts.get(shape_type, 0) + len(coordinates)
        else:
            counts[shape_type] = counts.get(shape_type, 0) + 1
    positions = [position for shape in _shapes(geometry) for position in _positions(shape.get("coordinates"))]
    if not positions:
        return _("Een vorm zonder coördinaten.")
    what = ", ".join(_kind(shape_type, count) for shape_type, count in counts.items())
    if len(positions) == 1:
        return _("%(what)s op %(where)s (WGS84).") % {
            "what": what.capitalize(),
            "where": _point(*positions[0]),
        }
    longitudes = [lon for lon, _lat in positions]
    latitudes = [lat for _lon, lat in positions]
    return _(
        "%(what)s, tussen breedtegraad %(south)s en %(north)s en lengtegraad %(west)s en %(east)s (WGS84)."
    ) % {
        "what": what.capitalize(),
        "south": _number(min(latitudes)),
        "north": _number(max(latitudes)),
        "west": _number(min(longitudes)),
        "east": _number(max(longitudes)),
    }
