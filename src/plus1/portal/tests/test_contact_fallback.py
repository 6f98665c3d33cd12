"""A product page always says how to reach the gemeente: its own number when the product has none."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_a_product_page_shows_the_gemeentes_phone_when_the_adoption_has_none(client, gemeente_a, actor):
    from decimal import Decimal

    from plus1.catalog import services
    from plus1.catalog.importer.loader import import_library
    from plus1.catalog.models import ZaakType

    import_library()
    adoption = services.adopt_process(
        gemeente=gemeente_a,
        zaaktype=ZaakType.objects.get(process__identificatie="parkeervergunning"),
        actor=actor,
        fee=Decimal("62.50"),
    )
    adoption.contact_email, adoption.contact_phone = "parkeren@utrecht.example", ""
    adoption.save()
    gemeente_a.contact_phone = "14 030"
    gemeente_a.save()

    page = client.get(reverse("portal:product-detail", args=[gemeente_a.slug, "parkeervergunning"])).text

    text = " ".join(re.sub(r"<[^>]+>", " ", page).split())
    assert "Vragen? Bel 14 030 of mail parkeren@utrecht.example" in text
