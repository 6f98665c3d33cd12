"""Businesses log in with (mock) eHerkenning, request a product and see their own zaken only."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from plus1.audit.services import Actor as _Actor
from plus1.cases import selectors as case_selectors
from plus1.cases.models import Zaak
from plus1.cases.processing import Purpose
from plus1.cases.services import Initiator, create_zaak
from plus1.catalog import services
from plus1.catalog.tests.factories import ZaakTypeFactory

PURPOSE = Purpose.handling(_Actor.system("test"))

pytestmark = pytest.mark.django_db

KVK = "69599084"
OTHER_KVK = "68750110"
SUZANNE = "999993653"


@pytest.fixture
def terras(gemeente_a, actor):
    """A process for businesses only, offered online by gemeente A."""
    zaaktype = ZaakTypeFactory(
        published=True,
        omschrijving="Terrasvergunning aanvragen",
        is_for_businesses=True,
        is_for_residents=False,
    )
    return services.adopt_process(gemeente=gemeente_a, zaaktype=zaaktype, actor=actor)


def _eherkenning_login(client, start_url, kvk_number):
    """Walk the flow a browser takes: portal -> eHerkenning simulator -> KvK number -> back."""
    location = start_url
    while not location.startswith("/eherkenning/login/"):
        response = client.get(location)
        assert response.status_code == 302
        location = response["Location"]
    form = client.get(location)
    assert "KvK-nummer" in form.text
    return location, client.post(location, {"kvk_number": kvk_number})


def test_a_business_product_page_offers_eherkenning(client, gemeente_a, terras):
    page = client.get(reverse("portal:product-detail", args=[gemeente_a.slug, terras.zaaktype.product.slug]))

    assert "Inloggen met eHerkenning" in page.text
    assert "U logt in met eHerkenning." in page.text


def test_requesting_a_business_product_asks_for_eherkenning_not_digid(client, gemeente_a, terras):
    response = client.get(
        reverse("portal:request-start", args=[gemeente_a.slug, terras.process.identificatie])
    )

    assert response["Location"].startswith(reverse("portal:login-eherkenning", args=[gemeente_a.slug]))


def test_the_kvk_number_must_have_8_digits(client, gemeente_a, terras):
    my_zaken = reverse("portal:my-zaken", args=[gemeente_a.slug])
    login_url = reverse("portal:login-eherkenning", args=[gemeente_a.slug]) + f"?next={my_zaken}"
    for wrong in ("1234567", "123456789", "1234567a"):
        _service_url, refused = _eherkenning_login(client, login_url, wrong)
        assert refused.status_code == 400
        assert "8 cijfers" in refused.text
    assert not get_user_model().objects.filter(kvk_number__in=["1234567", "123456789"]).exists()
    assert client.get(my_zaken).status_code == 302, "still not logged in"


def test_a_business_requests_a_product_and_finds_it_in_mijn_zaken(client, gemeente_a, terras):
    start = reverse("portal:request-start", args=[gemeente_a.slug, terras.process.identificatie])
    _service_url, logged_in = _eherkenning_login(client, start, KVK)
    assert logged_in["Location"] == "http://testserver" + start

    client.get(start)
    summary_url = reverse("portal:request-summary", args=[gemeente_a.slug, terras.process.identificatie])
    draft = client.get(summary_url).context["draft"]
    assert (draft.owner_kvk_number, draft.owner_bsn) == (KVK, ""), "a business's draft is never a resident's"
    submitted = client.post(summary_url, {"draft": draft.uuid})

    zaak = Zaak.objects.get()
    assert submitted["Location"] == reverse(
        "portal:my-zaak-detail", args=[gemeente_a.slug, zaak.identificatie]
    )
    initiator = zaak.rollen.get()
    assert (initiator.kvk_number, initiator.bsn) == (KVK, "")
    my_zaken = client.get(reverse("portal:my-zaken", args=[gemeente_a.slug]))
    assert "Terrasvergunning aanvragen" in my_zaken.text
    assert "U bent ingelogd met eHerkenning." in my_zaken.text


@pytest.fixture
def zaken_of_both(gemeente_a, actor, terras):
    def make(**who):
        return create_zaak(
            tenant=gemeente_a, adoption=terras, initiator=Initiator(name="x", **who), data={}, actor=actor
        )

    return {
        "business": make(kvk_number=KVK),
        "other_business": make(kvk_number=OTHER_KVK),
        "resident": make(bsn=SUZANNE),
    }


def test_a_business_never_sees_a_residents_zaken_and_vice_versa(client, gemeente_a, zaken_of_both):
    business = get_user_model().eherkenning_objects.eherkenning_create(KVK)
    resident = get_user_model().digid_objects.digid_create(SUZANNE)

    client.force_login(business)
    listed = [
        z.identificatie
        for z in client.get(reverse("portal:my-zaken", args=[gemeente_a.slug])).context["zaken"]
    ]
    assert listed == [zaken_of_both["business"].identificatie]
    for other in ("resident", "other_business"):
        url = reverse("portal:my-zaak-detail", args=[gemeente_a.slug, zaken_of_both[other].identificatie])
        assert client.get(url).status_code == 404

    client.force_login(resident)
    listed = [
        z.identificatie
        for z in client.get(reverse("portal:my-zaken", args=[gemeente_a.slug])).context["zaken"]
    ]
    assert listed == [zaken_of_both["resident"].identificatie]
    url = reverse("portal:my-zaak-detail", args=[gemeente_a.slug, zaken_of_both["business"].identificatie])
    assert client.get(url).status_code == 404


def test_zaken_for_business_needs_a_kvk_number_of_8_digits(gemeente_a, gemeente_b, zaken_of_both):
    assert list(case_selectors.zaken_for_business(tenant=gemeente_a, kvk_number=KVK, purpose=PURPOSE)) == [
        zaken_of_both["business"]
    ]
    assert not case_selectors.zaken_for_business(tenant=gemeente_a, kvk_number="", purpose=PURPOSE).exists()
    assert not case_selectors.zaken_for_business(
        tenant=gemeente_a, kvk_number=KVK[:7], purpose=PURPOSE
    ).exists()
    assert not case_selectors.zaken_for_business(tenant=gemeente_b, kvk_number=KVK, purpose=PURPOSE).exists()


def test_the_simulator_only_sends_back_to_this_site(client, gemeente_a):
    response = client.get("/eherkenning/login/", {"next": "https://evil.example/"})
    assert response.status_code == 400
