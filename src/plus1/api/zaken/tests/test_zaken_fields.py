"""``fields`` in ``POST /zaken/_zoek`` over real HTTP (zrc-029): a client gets only the attributes
it names, related objects under ``_expand`` with only theirs, and never more than ``expand``
would show it."""

from __future__ import annotations

import pytest

from plus1.cases.tests.factories import adopt_with_team, handling_zaaktype

from .conftest import ROOT, catalog_url, create_zaak, reader_of

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ZOEK = f"{ROOT}/zaken/_zoek"
PROCESSOBJECT = {
    "datumkenmerk": "verleend",
    "identificatie": "VERGUNNING-1",
    "objecttype": "vergunning",
    "registratie": "Vergunningen",
}


def _with_status(api, zaaktype) -> tuple[dict, dict]:
    zaak = create_zaak(api, zaaktype, processobject=PROCESSOBJECT)
    status = api.post(
        f"{ROOT}/statussen",
        json={
            "zaak": zaak["url"],
            "statustype": catalog_url(
                api, "statustypen", zaaktype.statustypen.order_by("volgnummer").first()
            ),
            "datumStatusGezet": "2026-11-03T09:00:00Z",
        },
    )
    assert status.status_code == 201, status.text
    return api.get(zaak["url"]).json(), status.json()


def test_fields_answers_only_the_named_attributes_and_selects_inside_relations(
    zgw_client, gemeente_a, adoption, zaaktype
):
    api = zgw_client(gemeente_a)
    zaak, status = _with_status(api, zaaktype)
    fields = [
        "url",
        "identificatie",
        # As in the standard's example: nested lists, and names in any case.
        {"status": ["datumstatusgezet"], "zaaktype": ["omschrijving", {"catalogus": ["domein"]}]},
        {"processobject": ["identificatie"]},
    ]

    response = api.post(ZOEK, json={"uuid__in": [zaak["uuid"]], "fields": fields})

    assert response.status_code == 200, response.text
    [found] = response.json()["results"]
    zaaktype_body = api.get(zaak["zaaktype"]).json()
    # A relation selected inside keeps its URL, as with expand; the object comes under _expand.
    catalogus = api.get(zaaktype_body["catalogus"]).json()
    assert found == {
        "url": zaak["url"],
        "identificatie": zaak["identificatie"],
        "zaaktype": zaak["zaaktype"],
        "status": status["url"],
        "processobject": {"identificatie": "VERGUNNING-1"},
        "_expand": {
            "status": {"datumStatusGezet": status["datumStatusGezet"]},
            "zaaktype": {
                "omschrijving": zaaktype_body["omschrijving"],
                "catalogus": zaaktype_body["catalogus"],
                "_expand": {"catalogus": {"domein": catalogus["domein"]}},
            },
        },
    }


def test_a_star_selects_everything_as_without_fields(zgw_client, gemeente_a, adoption, zaaktype):
    api = zgw_client(gemeente_a)
    zaak, status = _with_status(api, zaaktype)

    plain = api.post(ZOEK, json={"uuid__in": [zaak["uuid"]]}).json()["results"]
    every = api.post(ZOEK, json={"uuid__in": [zaak["uuid"]], "fields": ["*"]}).json()["results"]
    with_status = api.post(ZOEK, json={"uuid__in": [zaak["uuid"]], "fields": ["uuid", {"status": ["*"]}]})

    assert every == plain
    assert with_status.json()["results"][0] == {
        "uuid": zaak["uuid"],
        "status": status["url"],
        "_expand": {"status": api.get(status["url"]).json()},
    }


def test_fields_shows_a_related_object_only_when_the_client_may_read_it(
    zgw_client, gemeente_a, gemeente_b, adoption, zaaktype
):
    other_type = handling_zaaktype()
    adopt_with_team(gemeente=gemeente_a, zaaktype=other_type)
    admin = zgw_client(gemeente_a)
    hoofdzaak = create_zaak(admin, other_type)
    deelzaak = create_zaak(admin, zaaktype, hoofdzaak=hoofdzaak["url"])
    body = {"uuid__in": [deelzaak["uuid"]], "fields": ["url", {"hoofdzaak": ["identificatie"]}]}

    seen = admin.post(ZOEK, json=body).json()["results"][0]
    # A reader of the deelzaak's zaaktype only: the hoofdzaak is not there for it, as with expand.
    limited = reader_of(zgw_client, gemeente_a, zaaktype).post(ZOEK, json=body).json()["results"][0]

    assert seen["_expand"] == {"hoofdzaak": {"identificatie": hoofdzaak["identificatie"]}}
    assert limited == {"url": deelzaak["url"], "hoofdzaak": hoofdzaak["url"], "_expand": {"hoofdzaak": {}}}
    assert zgw_client(gemeente_b).post(ZOEK, json=body).json()["count"] == 0


@pytest.mark.parametrize(
    ("fields", "name", "code"),
    [
        (["url", "kleur"], "fields", "unknown-field"),
        ([{"status": ["volgnummer"]}], "fields.status", "unknown-field"),
        ([{"zaaktype": [{"catalogus": ["kleur"]}]}], "fields.zaaktype.catalogus", "unknown-field"),
        ([{"identificatie": ["*"]}], "fields", "invalid"),
        ([{"communicatiekanaal": ["naam"]}], "fields", "expand-not-supported"),
        ([], "fields", "invalid"),
        ([{"status": []}], "fields.status", "invalid"),
    ],
)
def test_a_selection_the_zaak_does_not_have_is_refused(
    zgw_client, gemeente_a, adoption, zaaktype, fields, name, code
):
    api = zgw_client(gemeente_a)

    response = api.post(ZOEK, json={"fields": fields})

    assert response.status_code == 400, response.text
    [problem] = response.json()["invalidParams"]
    assert (problem["name"], problem["code"]) == (name, code)


def test_fields_and_expand_exclude_each_other(zgw_client, gemeente_a, adoption, zaaktype):
    api = zgw_client(gemeente_a)

    in_body = api.post(ZOEK, json={"fields": ["url"], "expand": "status"})
    in_query = api.post(ZOEK, params={"expand": "status"}, json={"fields": ["url"]})

    for response in (in_body, in_query):
        assert response.status_code == 400, response.text
        assert response.json()["invalidParams"][0]["code"] == "fields-and-expand"
