"""Log in with (mock) DigiD and see only your own zaken in Mijn zaken."""

import re
from html import unescape
from urllib.parse import urlparse

import pytest
from django.urls import reverse

from plus1.cases.services import Initiator, create_zaak
from plus1.catalog import services
from plus1.catalog.tests.factories import ZaakTypeFactory

pytestmark = pytest.mark.django_db

SUZANNE = "999993653"
EREBOS = "999990019"


@pytest.fixture
def zaken(gemeente_a, gemeente_b, actor):
    """Suzanne has one zaak in A; Erebos one in A; Suzanne one in B."""
    zaaktype = ZaakTypeFactory(published=True, omschrijving="Parkeervergunning aanvragen")
    adoption_a = services.adopt_process(gemeente=gemeente_a, zaaktype=zaaktype, actor=actor)
    adoption_b = services.adopt_process(gemeente=gemeente_b, zaaktype=zaaktype, actor=actor)

    def make(gemeente, adoption, bsn, name):
        return create_zaak(
            tenant=gemeente, adoption=adoption, initiator=Initiator(name=name, bsn=bsn), data={}, actor=actor
        )

    return {
        "suzanne_a": make(gemeente_a, adoption_a, SUZANNE, "Suzanne Moulin"),
        "erebos_a": make(gemeente_a, adoption_a, EREBOS, "Erebos Bultenaar"),
        "suzanne_b": make(gemeente_b, adoption_b, SUZANNE, "Suzanne Moulin"),
    }


def _follow(client, url, **kwargs):
    response = client.get(url, **kwargs)
    while response.status_code in (301, 302):
        location = response["Location"]
        parsed = urlparse(location)
        response = client.get(parsed.path + (f"?{parsed.query}" if parsed.query else ""))
    return response


def _digid_login(client, gemeente, bsn):
    """Walk the mock DigiD flow the way a browser does: portal -> IdP -> BSN form -> back."""
    choice = _follow(client, reverse("portal:my-zaken", args=[gemeente.slug]))
    bsn_page_url = unescape(re.search(r"href='(/digid/idp/inloggen_bsn/[^']*)'", choice.text).group(1))
    bsn_page = client.get(bsn_page_url)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', bsn_page.text).group(1)
    response = client.post(bsn_page_url, {"auth_bsn": bsn, "csrfmiddlewaretoken": token})
    assert response.status_code == 302, bsn_page.text[:500]
    parsed = urlparse(response["Location"])
    return _follow(client, f"{parsed.path}?{parsed.query}")


def test_mijn_zaken_asks_to_log_in_first(client, gemeente_a):
    response = client.get(reverse("portal:my-zaken", args=[gemeente_a.slug]))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("portal:login", args=[gemeente_a.slug]))


def test_a_resident_logs_in_with_digid_and_sees_their_own_zaken_of_this_gemeente(client, gemeente_a, zaken):
    response = _digid_login(client, gemeente_a, SUZANNE)

    assert response.request["PATH_INFO"] == reverse("portal:my-zaken", args=[gemeente_a.slug])
    assert list(response.context["zaken"]) == [zaken["suzanne_a"]]
    assert zaken["erebos_a"].identificatie not in response.text
    assert "Uitloggen" in response.text


def test_a_resident_cannot_open_another_residents_zaak(client, gemeente_a, zaken):
    _digid_login(client, gemeente_a, SUZANNE)
    other = zaken["erebos_a"]

    response = client.get(reverse("portal:my-zaak-detail", args=[gemeente_a.slug, other.identificatie]))

    # Both have number ZAAK-YYYY-0000001/2 in A; Erebos's number must give 404 for Suzanne.
    assert response.status_code == 404


def test_a_resident_sees_a_zaak_of_another_gemeente_only_in_that_gemeentes_portal(
    client, gemeente_a, gemeente_b, zaken
):
    _digid_login(client, gemeente_a, SUZANNE)
    zaak_b = zaken["suzanne_b"]

    in_a = client.get(reverse("portal:my-zaken", args=[gemeente_a.slug]))
    in_b = client.get(reverse("portal:my-zaken", args=[gemeente_b.slug]))

    assert zaak_b not in list(in_a.context["zaken"])
    assert list(in_b.context["zaken"]) == [zaak_b]


def test_the_zaak_page_shows_the_timeline_meant_for_the_resident_and_the_deadline(client, gemeente_a, zaken):
    _digid_login(client, gemeente_a, SUZANNE)
    zaak = zaken["suzanne_a"]

    response = client.get(reverse("portal:my-zaak-detail", args=[gemeente_a.slug, zaak.identificatie]))

    assert response.status_code == 200
    assert [s.statustype.omschrijving for s in response.context["zaak"].timeline] == ["Ontvangen"]
    assert zaak.identificatie in response.text


def test_a_digid_session_ends_after_15_minutes_without_activity(client, gemeente_a, zaken):
    _digid_login(client, gemeente_a, SUZANNE)

    assert client.session.get_expiry_age() == 15 * 60


def test_logging_out_ends_the_session(client, gemeente_a, zaken):
    _digid_login(client, gemeente_a, SUZANNE)

    client.post(reverse("portal:logout", args=[gemeente_a.slug]))

    assert client.get(reverse("portal:my-zaken", args=[gemeente_a.slug])).status_code == 302


def test_logging_out_needs_a_post_with_csrf(gemeente_a, zaken):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    _digid_login(browser, gemeente_a, SUZANNE)

    assert browser.get(reverse("portal:logout", args=[gemeente_a.slug])).status_code == 405
    assert browser.post(reverse("portal:logout", args=[gemeente_a.slug])).status_code == 403


def test_an_employee_account_without_bsn_sees_no_zaken(client, gemeente_a, zaken):
    from plus1.accounts.services import create_employee

    client.force_login(create_employee(username="medewerker", password="een-lang-wachtwoord"))

    response = client.get(reverse("portal:my-zaken", args=[gemeente_a.slug]))

    assert response.status_code == 302


def test_every_portal_page_title_is_plain_text(client, gemeente_a, zaken):
    from django.core.files.base import ContentFile

    from plus1.cases.models import InformatieObject
    from plus1.catalog.models import InformatieObjectType

    _digid_login(client, gemeente_a, SUZANNE)
    zaak = zaken["suzanne_a"]
    iot = InformatieObjectType.objects.create(
        tenant=zaak.zaaktype.tenant,
        catalogus=zaak.zaaktype.process.catalogus,
        omschrijving="Bijlage",
        category="Bijlage",
        confidentiality="zaakvertrouwelijk",
        valid_from=zaak.zaaktype.valid_from,
    )
    InformatieObject.objects.create(
        tenant=gemeente_a,
        zaak=zaak,
        informatieobjecttype=iot,
        file=ContentFile(b"%PDF-1.4", name="bijlage.pdf"),
        filename="bijlage.pdf",
        content_type="application/pdf",
        size=8,
    )

    for url in (
        reverse("portal:my-zaken", args=[gemeente_a.slug]),
        reverse("portal:my-zaak-detail", args=[gemeente_a.slug, zaak.identificatie]),
    ):
        title = re.search(r"<title>(.*?)</title>", client.get(url).text, re.S).group(1)
        assert "<" not in title, f"{url}: {title!r}"


def test_a_besluit_on_the_zaak_shows_in_mijn_zaken_also_without_a_letter(client, gemeente_a, zaken, actor):
    import datetime

    from plus1.cases.services import besluiten
    from plus1.catalog.models import BesluitType
    from plus1.core import clock

    zaak = zaken["suzanne_a"]
    besluittype = BesluitType.objects.create(
        tenant=zaak.zaaktype.tenant,
        catalogus=zaak.zaaktype.process.catalogus,
        omschrijving="Parkeervergunning verleend",
        category="Vergunning",
        status="published",
        valid_from=datetime.date(2026, 1, 1),
    )
    zaak.zaaktype.besluittypen.add(besluittype)
    besluiten.create_besluit(
        tenant=gemeente_a,
        actor=actor,
        besluittype=besluittype,
        verantwoordelijke_organisatie="100000009",
        decided_on=clock.today(),
        effective_on=clock.today(),
        zaak=zaak,
    )
    _digid_login(client, gemeente_a, SUZANNE)

    response = client.get(reverse("portal:my-zaak-detail", args=[gemeente_a.slug, zaak.identificatie]))

    assert response.status_code == 200
    assert "Parkeervergunning verleend" in response.text
