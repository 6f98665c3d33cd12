"""A gemeente's own text on a product page, written by its beheerder in the admin."""

import pytest
from django.urls import reverse

from plus1.accounts.constants import Role
from plus1.accounts.services import create_employee, grant_role
from plus1.audit.models import AuditEntry
from plus1.catalog import services
from plus1.catalog.exceptions import CannotWriteProductText
from plus1.catalog.models import Product, ProductText
from plus1.core.testing import log_in_to_admin

pytestmark = pytest.mark.django_db


@pytest.fixture
def beheerder_a(gemeente_a, actor):
    user = create_employee(username="beheer-a", password="een-lang-wachtwoord")
    grant_role(tenant=gemeente_a, user=user, role=Role.BEHEERDER, actor=actor)
    return user


def test_a_gemeente_writes_its_own_text_for_a_product_it_does_not_run(gemeente_a, gemeente_b, actor, client):
    product = Product.objects.get(slug="omgevingsvergunning")
    services.save_product_text(
        gemeente=gemeente_a,
        product=product,
        actor=actor,
        text="Dit regelt u bij het Omgevingsloket.",
        url="https://omgevingswet.overheid.nl/",
        url_label="Naar het Omgevingsloket",
    )

    page_a = client.get(reverse("portal:product-detail", args=[gemeente_a.slug, product.slug]))
    assert "Dit regelt u bij het Omgevingsloket." in page_a.text
    assert '<a href="https://omgevingswet.overheid.nl/">Naar het Omgevingsloket</a>' in page_a.text
    page_b = client.get(reverse("portal:product-detail", args=[gemeente_b.slug, product.slug]))
    assert "Omgevingsloket" not in page_b.text


def test_saving_again_changes_the_one_text_and_leaves_an_audit_trail(gemeente_a, actor):
    product = Product.objects.get(slug="paspoort")
    services.save_product_text(gemeente=gemeente_a, product=product, actor=actor, text="Eerst")
    services.save_product_text(gemeente=gemeente_a, product=product, actor=actor, text="Daarna")

    assert ProductText.objects.for_tenant(gemeente_a).get(product=product).text == "Daarna"
    entry = AuditEntry.objects.filter(action="save_product_text").latest("id")
    assert entry.before == {"text": "Eerst", "url": "", "url_label": ""}


def test_only_a_gemeente_writes_product_texts(collective, actor):
    with pytest.raises(CannotWriteProductText):
        services.save_product_text(
            gemeente=collective, product=Product.objects.first(), actor=actor, text="Niet van ons"
        )


def test_the_beheerder_adds_a_text_in_the_admin_for_their_own_gemeente_only(
    client, beheerder_a, gemeente_a, gemeente_b
):
    log_in_to_admin(client, beheerder_a)
    product = Product.objects.get(slug="paspoort")
    add_url = reverse("admin:catalog_producttext_add")

    form = client.get(add_url)
    assert list(form.context["adminform"].form.fields["tenant"].queryset) == [gemeente_a]
    refused = client.post(add_url, {"tenant": gemeente_b.pk, "product": product.pk, "text": "Van B?"})
    assert refused.status_code == 200
    assert not ProductText.objects.exists()

    client.post(
        add_url, {"tenant": gemeente_a.pk, "product": product.pk, "text": "Kom langs op het Stadskantoor."}
    )
    assert (
        ProductText.objects.for_tenant(gemeente_a).get(product=product).text
        == "Kom langs op het Stadskantoor."
    )
