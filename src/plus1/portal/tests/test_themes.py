"""Browse by theme: the SDG information areas with their products, online ones marked."""

from decimal import Decimal

import pytest
from django.urls import reverse

from plus1.catalog import services
from plus1.catalog.importer.loader import import_library
from plus1.catalog.models import Theme, ZaakType

pytestmark = pytest.mark.django_db


@pytest.fixture
def utrecht_runs_verhuismelding(collective, gemeente_a, actor):
    import_library()
    zaaktype = ZaakType.objects.get(process__identificatie="verhuismelding")
    return services.adopt_process(gemeente=gemeente_a, zaaktype=zaaktype, actor=actor, fee=Decimal("0"))


def test_the_sdg_information_areas_are_loaded_as_themes_with_their_products():
    assert Theme.objects.count() == 17
    verblijf = Theme.objects.get(slug="verblijf-in-een-andere-lidstaat")
    assert verblijf.uri == "http://standaarden.overheid.nl/owms/terms/sdg_verblAndLS"
    assert {"verhuismelding", "brp-inschrijving"} <= {p.upl_name for p in verblijf.products.all()}
    belastingen = Theme.objects.get(slug="belastingen")
    assert "toeristenbelasting" in {p.upl_name for p in belastingen.products.all()}


def test_the_home_page_links_to_the_themes(client, gemeente_a):
    response = client.get(reverse("portal:home", args=[gemeente_a.slug]))
    assert f'href="/{gemeente_a.slug}/themas/"' in response.text


def test_the_theme_list_shows_only_themes_with_products(client, gemeente_a):
    response = client.get(reverse("portal:theme-list", args=[gemeente_a.slug]))

    assert response.status_code == 200
    assert "Belastingen" in response.text
    assert "Overheidsopdrachten" not in response.text  # no gemeente product in this area
    assert f'href="/{gemeente_a.slug}/themas/belastingen/"' in response.text


def test_a_theme_page_lists_its_products_and_marks_the_ones_online_here(
    client, gemeente_a, gemeente_b, utrecht_runs_verhuismelding
):
    theme = utrecht_runs_verhuismelding.zaaktype.product.themes.first()
    assert theme is not None, "the verhuismelding product has an SDG theme"

    in_a = client.get(reverse("portal:theme-detail", args=[gemeente_a.slug, theme.slug]))
    in_b = client.get(reverse("portal:theme-detail", args=[gemeente_b.slug, theme.slug]))

    assert in_a.status_code == 200
    online_a = [item["title"] for item in in_a.context["products"] if item["is_online"]]
    assert online_a == [utrecht_runs_verhuismelding.zaaktype.omschrijving]
    assert in_a.context["products"][0]["is_online"], "online products come first"
    assert '<span class="badge">Online</span>' in in_a.text
    assert not [item for item in in_b.context["products"] if item["is_online"]]
    assert (
        client.get(reverse("portal:theme-detail", args=[gemeente_a.slug, "bestaat-niet"])).status_code == 404
    )
