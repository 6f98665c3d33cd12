"""The portal of one gemeente: products, search (HTML and JSON) and house style."""

from decimal import Decimal

import pytest
from django.urls import reverse

from plus1.catalog import services
from plus1.catalog.importer.loader import import_library
from plus1.catalog.models import ZaakType

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(collective):
    import_library()


@pytest.fixture
def utrecht_runs_parkeervergunning(library, gemeente_a, actor):
    zaaktype = ZaakType.objects.get(process__identificatie="parkeervergunning")
    return services.adopt_process(
        gemeente=gemeente_a,
        zaaktype=zaaktype,
        actor=actor,
        fee=Decimal("62.50"),
        extra_information="Woont u in de binnenstad? Dan staat u eerst op een wachtlijst.",
    )


def test_every_upl_product_has_a_page_in_every_gemeente(client, gemeente_a, gemeente_b):
    for gemeente in (gemeente_a, gemeente_b):
        response = client.get(reverse("portal:product-detail", args=[gemeente.slug, "paspoort"]))
        assert response.status_code == 200
        assert "Paspoort" in response.text
        assert (
            "Wet op de Nederlandse reisdocumenten" in response.text
            or "contact op met de gemeente" in response.text
        )


def test_the_a_to_z_list_shows_all_512_products_and_marks_online_ones(
    client, gemeente_a, utrecht_runs_parkeervergunning
):
    response = client.get(reverse("portal:product-list", args=[gemeente_a.slug]))

    assert len(response.context["products"]) == 512
    online = [item["title"] for item in response.context["products"] if item["is_online"]]
    assert online == ["Parkeervergunning aanvragen"]


def test_a_product_page_shows_the_gemeentes_fee_text_and_legal_lead_time(
    client, gemeente_a, utrecht_runs_parkeervergunning
):
    response = client.get(reverse("portal:product-detail", args=[gemeente_a.slug, "parkeervergunning"]))

    assert "€ 62,50" in response.text
    assert "eerst op een wachtlijst" in response.text
    assert "uiterlijk binnen 8 weken" in response.text
    assert "Awb art. 4:13" in response.text


def test_another_gemeente_does_not_show_utrechts_fee_or_text(
    client, gemeente_b, utrecht_runs_parkeervergunning
):
    response = client.get(reverse("portal:product-detail", args=[gemeente_b.slug, "parkeervergunning"]))

    assert response.status_code == 200
    assert "62,50" not in response.text
    assert "wachtlijst" not in response.text
    assert response.context["adoption"] is None


def test_unknown_gemeente_or_product_is_not_found(client, gemeente_a, collective):
    assert client.get("/nergenshuizen/").status_code == 404
    assert (
        client.get(reverse("portal:product-detail", args=[gemeente_a.slug, "bestaat-niet"])).status_code
        == 404
    )
    assert client.get(f"/{collective.slug}/").status_code == 404, "the collective has no resident portal"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ondertrouw", "huwelijksaangifte"),
        ("kliko kapot", "afvalcontainer"),
        ("ik ga verhuizen", "verhuismelding"),
        ("parkeervergunnig", "parkeervergunning"),
        ("evenemnt vergunning", "evenementenvergunning"),
        ("Paspoort", "paspoort"),
    ],
)
def test_search_understands_everyday_dutch_and_typos(client, gemeente_a, library, query, expected):
    response = client.get(reverse("portal:search-json", args=[gemeente_a.slug]), {"q": query})

    results = response.json()["results"]
    assert results, f"nothing found for {query!r}"
    assert results[0]["uniforme_productnaam"] == expected


def test_search_json_gives_upl_name_uri_title_and_absolute_url(
    client, gemeente_a, utrecht_runs_parkeervergunning
):
    response = client.get(reverse("portal:search-json", args=[gemeente_a.slug]), {"q": "parkeervergunning"})

    first = response.json()["results"][0]
    assert first == {
        "uniforme_productnaam": "parkeervergunning",
        "upl_uri": "http://standaarden.overheid.nl/owms/terms/parkeervergunning",
        "title": "Parkeervergunning aanvragen",
        "url": f"http://testserver/{gemeente_a.slug}/producten/parkeervergunning/",
    }


@pytest.mark.parametrize(
    "query", ["", "   ", "!!!", "'; DROP TABLE catalog_product; --", '"kap* OR', "x" * 5000]
)
def test_odd_search_input_gives_an_answer_not_an_error(client, gemeente_a, library, query):
    html = client.get(reverse("portal:search", args=[gemeente_a.slug]), {"q": query})
    json = client.get(reverse("portal:search-json", args=[gemeente_a.slug]), {"q": query})

    assert html.status_code == 200 and json.status_code == 200
    assert len(json.json()["query"]) <= 200


def test_the_search_page_says_when_nothing_was_found(client, gemeente_a, library):
    response = client.get(reverse("portal:search", args=[gemeente_a.slug]), {"q": "qqqqzzzz"})

    assert "We vonden niets" in response.text


def test_the_house_style_comes_from_the_gemeente(client, gemeente_a):
    gemeente_a.primary_color = "#cc0000"
    gemeente_a.save()

    response = client.get(reverse("portal:house-style", args=[gemeente_a.slug]))

    assert response["Content-Type"].startswith("text/css")
    assert "--plus1-color-primary: #cc0000;" in response.text


def test_the_portal_refuses_to_change_anything_with_post(client, gemeente_a):
    assert client.post(reverse("portal:search", args=[gemeente_a.slug]), {"q": "x"}).status_code == 405


def test_the_front_door_lists_gemeenten_that_offer_something_online(
    client, gemeente_a, gemeente_b, utrecht_runs_parkeervergunning
):
    response = client.get("/")

    assert list(response.context["gemeenten"]) == [gemeente_a]
    assert f'href="/{gemeente_a.slug}/"' in response.text
