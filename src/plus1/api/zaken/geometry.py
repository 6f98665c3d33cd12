"""``zaakgeometrie.within`` for ``POST /zaken/_zoek``: the zaken whose geometry lies in an area.

Plus1 stores a zaak's geometry as the GeoJSON it was given (no PostGIS), so the search runs in
two steps: SQL keeps the zaken whose first vertex lies in the area's bounding box (a vertex
outside it cannot be within the area), then each candidate is checked exactly here. The
coordinates are WGS84 longitude/latitude, compared as plane coordinates, as GeoJSON (RFC 7946,
section 3.1.1) does for lines between positions.

"Within" as in the simple features model: every point of the geometry lies in the area (its
boundary included) and no edge leaves it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import pairwise
from typing import Any

from django.db.models import Q

Point = tuple[float, float]
Ring = list[Point]
Area = list[list[Ring]]  # polygons, each an outer ring and its holes

# Where the first position of each geometry type sits in ``coordinates``.
FIRST_POSITION = {
    "Point": (),
    "MultiPoint": (0,),
    "LineString": (0,),
    "MultiLineString": (0, 0),
    "Polygon": (0, 0),
    "MultiPolygon": (0, 0, 0),
}
_EPSILON = 1e-12


class InvalidArea(ValueError):
    """The ``within`` value is not a GeoJSON Polygon or MultiPolygon."""


def _point(value: Any) -> Point:
    if (
        not isinstance(value, Sequence)
        or isinstance(value, str)
        or len(value) < 2
        or not all(isinstance(c, int | float) and not isinstance(c, bool) for c in value[:2])
    ):
        raise InvalidArea("Een positie is een lijst van twee getallen: lengtegraad en breedtegraad.")
    return float(value[0]), float(value[1])


def _ring(value: Any) -> Ring:
    if not isinstance(value, Sequence) or isinstance(value, str):
        raise InvalidArea("Een ring is een lijst van posities.")
    ring = [_point(position) for position in value]
    if len(ring) < 4 or ring[0] != ring[-1]:
        raise InvalidArea("Een ring heeft minstens vier posities en sluit: de laatste is de eerste.")
    return ring


def parse_area(geometry: Any) -> Area:
    """The polygons of a GeoJSON Polygon or MultiPolygon; ``InvalidArea`` otherwise."""
    if not isinstance(geometry, dict):
        raise InvalidArea("Geef een GeoJSON-geometrie.")
    kind, coordinates = geometry.get("type"), geometry.get("coordinates")
    if kind == "Polygon":
        polygons = [coordinates]
    elif kind == "MultiPolygon" and isinstance(coordinates, Sequence):
        polygons = list(coordinates)
    else:
        raise InvalidArea("Zoek binnen een Polygon of MultiPolygon.")
    area = []
    for polygon in polygons:
        if not isinstance(polygon, Sequence) or isinstance(polygon, str) or not polygon:
            raise InvalidArea("Een polygoon is een lijst van ringen.")
        area.append([_ring(ring) for ring in polygon])
    return area


def bounding_box(area: Area) -> tuple[float, float, float, float]:
    points = [point for polygon in area for point in polygon[0]]
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return min(xs), min(ys), max(xs), max(ys)


def candidates_q(area: Area, field: str = "zaakgeometrie") -> Q:
    """The zaken whose first position lies in the area's bounding box (a necessary condition).

    A GeometryCollection has no one first position: those are all candidates.
    """
    min_x, min_y, max_x, max_y = bounding_box(area)
    q = Q(**{f"{field}__type": "GeometryCollection"})
    for kind, path in FIRST_POSITION.items():
        prefix = "__".join([field, "coordinates", *map(str, path)])
        q |= Q(
            **{
                f"{field}__type": kind,
                f"{prefix}__0__gte": min_x,
                f"{prefix}__0__lte": max_x,
                f"{prefix}__1__gte": min_y,
                f"{prefix}__1__lte": max_y,
            }
        )
    return q


def _on_segment(p: Point, a: Point, b: Point) -> bool:
    cross = (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])
    if abs(cross) > _EPSILON:
        return False
    return min(a[0], b[0]) - _EPSILON <= p[0] <= max(a[0], b[0]) + _EPSILON and (
        min(a[1], b[1]) - _EPSILON <= p[1] <= max(a[1], b[1]) + _EPSILON
    )


def _in_ring(p: Point, ring: Ring) -> tuple[bool, bool]:
    """(inside or on it, on its boundary): ray casting, with the boundary found first."""
    inside = False
    for a, b in pairwise(ring):
        if _on_segment(p, a, b):
            return True, True
        if (a[1] > p[1]) != (b[1] > p[1]):
            x = a[0] + (p[1] - a[1]) * (b[0] - a[0]) / (b[1] - a[1])
            if x > p[0]:
                inside = not inside
    return inside, False


def _in_area(p: Point, area: Area) -> bool:
    for outer, *holes in area:
        inside, _ = _in_ring(p, outer)
        if not inside:
            continue
        # A point on a hole's boundary is on the area's boundary: still within.
        if not any(_in_ring(p, hole) == (True, False) for hole in holes):
            return True
    return False


def _orientation(a: Point, b: Point, c: Point) -> float:
    return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])


def _cross_properly(a: Point, b: Point, c: Point, d: Point) -> bool:
    """Do segments ab and cd cross at one point inside both (not merely touch)?"""
    d1, d2 = _orientation(c, d, a), _orientation(c, d, b)
    d3, d4 = _orientation(a, b, c), _orientation(a, b, d)
    return d1 * d2 < -_EPSILON and d3 * d4 < -_EPSILON


def _parts(geometry: Any) -> Iterator[tuple[list[Point], bool]]:
    """(positions, is a line) of every part; a polygon counts by its outer ring."""
    kind, coordinates = geometry.get("type"), geometry.get("coordinates")
    if kind == "Point":
        yield [_point(coordinates)], False
    elif kind == "MultiPoint":
        yield [_point(position) for position in coordinates], False
    elif kind == "LineString":
        yield [_point(position) for position in coordinates], True
    elif kind == "MultiLineString":
        for line in coordinates:
            yield [_point(position) for position in line], True
    elif kind == "Polygon":
        yield [_point(position) for position in coordinates[0]], True
    elif kind == "MultiPolygon":
        for polygon in coordinates:
            yield [_point(position) for position in polygon[0]], True
    elif kind == "GeometryCollection":
        for member in geometry.get("geometries") or []:
            yield from _parts(member)
    else:
        raise InvalidArea(f"Onbekend geometrietype: {kind}.")


def is_within(geometry: Any, area: Area) -> bool:
    """Whether a stored GeoJSON geometry lies in ``area``; False for one that cannot be read."""
    if not isinstance(geometry, dict):
        return False
    edges = [(a, b) for polygon in area for ring in polygon for a, b in pairwise(ring)]
    try:
        parts = list(_parts(geometry))
    except (InvalidArea, TypeError, IndexError, KeyError, AttributeError):
        return False
    if not parts or not all(points for points, _ in parts):
        return False
    for points, is_line in parts:
        if not all(_in_area(p, area) for p in points):
            return False
        if is_line:
            for a, b in pairwise(points):
                midpoint = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
                if not _in_area(midpoint, area) or any(_cross_properly(a, b, c, d) for c, d in edges):
                    return False
    return True
