"""Sensitive steps (sending a request, opening a document) need a recent DigiD/eHerkenning log-in."""

import datetime
from urllib.parse import parse_qs, urlparse

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.urls import reverse

from plus1.cases.models import InformatieObject, Zaak
from plus1.cases.services import Initiator, create_zaak
from plus1.catalog import services
from plus1.catalog.importer.loader import import_library
from plus1.catalog.models import InformatieObjectType
from plus1.catalog.tests.factories import ZaakTypeFactory

pytestmark = pytest.mark.django_db

SUZANNE = "999993653"
KVK = "69599084"
START = datetime.datetime(2026, 6, 1, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def adoption(gemeente_a, actor):
    zaaktype = ZaakTypeFactory(
        published=True, omschrijving="Testvergunning aanvragen", is_for_businesses=True
    )
    return services.adopt_process(gemeente=gemeente_a, zaaktype=zaaktype, actor=actor)


def _summary_url(gemeente, adoption):
    return reverse("portal:request-summary", args=[gemeente.slug, adoption.process.identificatie])


def _comes_back_to(client, response) -> tuple[str, str]:
    """Follow the portal's log-in redirect to the identity service and return where it sends us back."""
    service = client.get(response["Location"])
    return parse_qs(urlparse(service["Location"]).query)["next"][0], urlparse(service["Location"]).path


def test_sending_after_an_old_log_in_asks_to_log_in_again_and_keeps_the_draft(client, gemeente_a, adoption):
    resident = get_user_model().digid_objects.digid_create(SUZANNE)
    summary_url = _summary_url(gemeente_a, adoption)
    with time_machine.travel(START, tick=False) as traveller:
        client.force_login(resident)
        client.get(reverse("portal:request-start", args=[gemeente_a.slug, adoption.process.identificatie]))
        traveller.shift(datetime.timedelta(minutes=10))
        draft = client.get(summary_url).context["draft"]  # still active, so the session lives on
        traveller.shift(datetime.timedelta(minutes=6))  # log-in now 16 minutes old

        refused = client.post(summary_url, {"draft": draft.uuid, "confirm_to": "suzanne@example.org"})

        assert not Zaak.objects.exists()
        assert refused["Location"].startswith(reverse("portal:login", args=[gemeente_a.slug]))
        back_to, service = _comes_back_to(client, refused)
        assert service == "/digid/login/"
        assert back_to == "http://testserver" + summary_url
        page = client.get(summary_url)
        assert "Log voor uw veiligheid opnieuw in" in page.text

        client.force_login(resident)  # DigiD again
        assert client.get(summary_url).context["draft"] == draft, "the draft is still there"
        sent = client.post(summary_url, {"draft": draft.uuid})

    zaak = Zaak.objects.get()
    assert sent["Location"] == reverse("portal:my-zaak-detail", args=[gemeente_a.slug, zaak.identificatie])


def test_a_recent_log_in_sends_without_asking_again(client, gemeente_a, adoption):
    with time_machine.travel(START, tick=False) as traveller:
        client.force_login(get_user_model().digid_objects.digid_create(SUZANNE))
        draft = client.get(_summary_url(gemeente_a, adoption)).context["draft"]
        traveller.shift(datetime.timedelta(minutes=14))
        client.post(_summary_url(gemeente_a, adoption), {"draft": draft.uuid})

    assert Zaak.objects.count() == 1


def test_the_limit_is_a_setting(client, gemeente_a, adoption, settings):
    settings.PLUS1_REAUTH_SECONDS = 60
    with time_machine.travel(START, tick=False) as traveller:
        client.force_login(get_user_model().digid_objects.digid_create(SUZANNE))
        draft = client.get(_summary_url(gemeente_a, adoption)).context["draft"]
        traveller.shift(datetime.timedelta(minutes=2))
        response = client.post(_summary_url(gemeente_a, adoption), {"draft": draft.uuid})

    assert response.status_code == 302 and not Zaak.objects.exists()


@pytest.fixture
def zaak_with_document(collective, gemeente_a, adoption, actor):
    import_library()
    zaak = create_zaak(
        tenant=gemeente_a,
        adoption=adoption,
        initiator=Initiator(name="x", kvk_number=KVK),
        data={},
        actor=actor,
    )
    document = InformatieObject(
        tenant=gemeente_a,
        zaak=zaak,
        informatieobjecttype=InformatieObjectType.objects.first(),
        filename="besluit.pdf",
        content_type="application/pdf",
        size=13,
    )
    document.file.save("besluit.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    document.save()
    return zaak, document


def test_a_document_after_an_old_log_in_goes_through_eherkenning_again(
    client, gemeente_a, zaak_with_document
):
    zaak, document = zaak_with_document
    url = reverse("portal:my-document", args=[gemeente_a.slug, zaak.identificatie, document.uuid])
    business = get_user_model().eherkenning_objects.eherkenning_create(KVK)
    with time_machine.travel(START, tick=False) as traveller:
        client.force_login(business)
        assert client.get(url).status_code == 200
        traveller.shift(datetime.timedelta(minutes=10))
        client.get(reverse("portal:my-zaken", args=[gemeente_a.slug]))
        traveller.shift(datetime.timedelta(minutes=10))

        refused = client.get(url)
        assert refused["Location"].startswith(reverse("portal:login-eherkenning", args=[gemeente_a.slug]))
        back_to, service = _comes_back_to(client, refused)
        assert service == "/eherkenning/login/"
        assert back_to == "http://testserver" + url

        client.post(f"/eherkenning/login/?next={back_to}", {"kvk_number": KVK})
        again = client.get(url)
    assert again.status_code == 200
    assert b"".join(again.streaming_content) == b"%PDF-1.4 test"
