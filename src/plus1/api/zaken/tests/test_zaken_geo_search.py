"""``POST /zaken/_zoek`` with ``zaakgeometrie.within``: the zaken that lie in an area."""

from __future__ import annotations

import pytest

from plus1.api.zaken.geometry import InvalidArea, is_within, parse_area
from plus1.cases.tests.factories import adopt_with_team, handling_zaaktype

from .conftest import ROOT, create_zaak, reader_of

# A square around the centre of Utrecht, with a hole (a park) in its north-east corner.
OUTER = [[5.10, 52.08], [5.14, 52.08], [5.14, 52.10], [5.10, 52.10], [5.10, 52.08]]
PARK = [[5.125, 52.092], [5.135, 52.092], [5.135, 52.098], [5.125, 52.098], [5.125, 52.092]]
AREA = {"type": "Polygon", "coordinates": [OUTER, PARK]}
# An L-shaped area: the square's top-right quarter is missing.
L_SHAPE = {
    "type": "Polygon",
    "coordinates": [[[0, 0], [4, 0], [4, 2], [2, 2], [2, 4], [0, 4], [0, 0]]],
}


def _point(x: float, y: float) -> dict:
    return {"type": "Point", "coordinates": [x, y]}


@pytest.mark.parametrize(
    ("geometry", "expected"),
    [
        (_point(5.11, 52.09), True),
        (_point(5.10, 52.09), True),  # on the boundary
        (_point(5.13, 52.095), False),  # in the park
        (_point(5.20, 52.09), False),
        ({"type": "LineString", "coordinates": [[5.11, 52.085], [5.12, 52.09]]}, True),
        ({"type": "LineString", "coordinates": [[5.11, 52.085], [5.15, 52.09]]}, False),
        # Both ends outside the park, the line through it.
        ({"type": "LineString", "coordinates": [[5.12, 52.095], [5.138, 52.095]]}, False),
        (
            {
                "type": "Polygon",
                "coordinates": [[[5.11, 52.081], [5.12, 52.081], [5.12, 52.089], [5.11, 52.081]]],
            },
            True,
        ),
        ({"type": "MultiPoint", "coordinates": [[5.11, 52.09], [5.30, 52.09]]}, False),
        ({"type": "GeometryCollection", "geometries": [_point(5.11, 52.09)]}, True),
        ({"type": "Point", "coordinates": "hier"}, False),
        (None, False),
    ],
)
def test_a_geometry_is_within_an_area_when_all_of_it_lies_inside(geometry, expected):
    assert is_within(geometry, parse_area(AREA)) is expected


def test_a_line_across_the_missing_corner_of_an_l_shape_is_not_within_it():
    area = parse_area(L_SHAPE)
    # Both ends lie in the L; the line between them runs through the missing corner.
    assert is_within({"type": "LineString", "coordinates": [[3, 1.5], [1.5, 3]]}, area) is False
    assert is_within({"type": "LineString", "coordinates": [[3, 1], [1, 1], [1, 3]]}, area) is True


@pytest.mark.parametrize(
    "value",
    [
        _point(5.1, 52.1),
        {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [0, 0]]]},
        {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1]]]},
        {"type": "Polygon", "coordinates": "vierkant"},
    ],
)
def test_only_a_closed_polygon_is_an_area(value):
    with pytest.raises(InvalidArea):
        parse_area(value)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_geo_search_finds_the_zaken_in_the_area_that_the_client_may_read(
    zgw_client, gemeente_a, gemeente_b, adoption, zaaktype
):
    api = zgw_client(gemeente_a)
    inside = create_zaak(api, zaaktype, zaakgeometrie=_point(5.11, 52.09))
    line = create_zaak(
        api, zaaktype, zaakgeometrie={"type": "LineString", "coordinates": [[5.11, 52.085], [5.12, 52.09]]}
    )
    create_zaak(api, zaaktype, zaakgeometrie=_point(5.13, 52.095))  # in the park
    create_zaak(api, zaaktype, zaakgeometrie=_point(4.90, 52.37))  # Amsterdam
    create_zaak(api, zaaktype)  # no geometry
    api_b = zgw_client(gemeente_b)
    adopt_with_team(gemeente=gemeente_b, zaaktype=zaaktype)
    create_zaak(api_b, zaaktype, bronorganisatie=gemeente_b.rsin, zaakgeometrie=_point(5.11, 52.09))

    search = {"zaakgeometrie": {"within": AREA}}
    response = api.post(f"{ROOT}/zaken/_zoek", json=search)
    assert response.status_code == 200, response.text
    found = {zaak["url"] for zaak in response.json()["results"]}
    assert found == {inside["url"], line["url"]}
    assert response.json()["count"] == 2
    # Combined with the other filters, and with expand.
    narrowed = api.post(
        f"{ROOT}/zaken/_zoek", params={"expand": "zaaktype"}, json={**search, "uuid__in": [inside["uuid"]]}
    ).json()
    assert [zaak["url"] for zaak in narrowed["results"]] == [inside["url"]]
    assert narrowed["results"][0]["_expand"]["zaaktype"]["url"] == inside["zaaktype"]

    # Gemeente B finds only its own zaak at the same spot; a reader of another zaaktype none.
    other = api_b.post(f"{ROOT}/zaken/_zoek", json=search).json()["results"]
    assert len(other) == 1 and other[0]["url"] not in found
    stranger = reader_of(zgw_client, gemeente_a, handling_zaaktype())
    assert stranger.post(f"{ROOT}/zaken/_zoek", json=search).json()["count"] == 0

    refused = api.post(f"{ROOT}/zaken/_zoek", json={"zaakgeometrie": {"within": _point(5.1, 52.1)}})
    assert refused.status_code == 400
    assert refused.json()["invalidParams"][0]["name"] == "zaakgeometrie.within"
