"""Report without logging in: melding openbare ruimte."""

import pytest
from django.urls import reverse

from plus1.cases.models import Zaak
from plus1.catalog import services
from plus1.catalog.importer.loader import import_library
from plus1.catalog.models import ZaakType

pytestmark = pytest.mark.django_db


@pytest.fixture
def melding(collective, gemeente_a, actor):
    import_library()
    zaaktype = ZaakType.objects.get(process__identificatie="melding-openbare-ruimte")
    return services.adopt_process(gemeente=gemeente_a, zaaktype=zaaktype, actor=actor)


def _answers(form_page, **overrides):
    form = form_page.context["form"]
    category = form.fields["categorie"].choices[0][0]
    data = {
        "token": form_page.context["token"],
        "categorie": category,
        "omschrijving": "De lantaarnpaal voor nummer 12 brandt al een week niet.",
        "locatie": "Oudegracht 12, Utrecht",
        "email": "melder@example.org",
    }
    return {**data, **overrides}


def test_anyone_can_report_without_logging_in_and_hears_back_by_email(
    client, gemeente_a, melding, django_capture_on_commit_callbacks, mailoutbox
):
    url = reverse("portal:report", args=[gemeente_a.slug, "melding-openbare-ruimte"])
    page = client.get(url)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, _answers(page))

    zaak = Zaak.objects.get()
    assert response.status_code == 302
    assert zaak.tenant == gemeente_a and zaak.rollen.get().bsn == ""
    assert zaak.rollen.get().email == "melder@example.org"
    assert mailoutbox[0].to == ["melder@example.org"]
    assert zaak.identificatie in client.get(response["Location"]).text


def test_sending_the_same_report_twice_makes_one_zaak(client, gemeente_a, melding):
    url = reverse("portal:report", args=[gemeente_a.slug, "melding-openbare-ruimte"])
    data = _answers(client.get(url))

    client.post(url, data)
    client.post(url, data)

    assert Zaak.objects.count() == 1


def test_a_report_with_missing_answers_explains_and_stores_nothing(client, gemeente_a, melding):
    url = reverse("portal:report", args=[gemeente_a.slug, "melding-openbare-ruimte"])

    response = client.post(url, _answers(client.get(url), omschrijving="", locatie=""))

    assert response.status_code == 400
    assert "Dit veld is verplicht." in response.text
    assert not Zaak.objects.exists()


def test_a_process_that_needs_digid_cannot_be_reported_anonymously(client, gemeente_a, melding, actor):
    zaaktype = ZaakType.objects.get(process__identificatie="parkeervergunning")
    services.adopt_process(gemeente=gemeente_a, zaaktype=zaaktype, actor=actor)

    response = client.get(reverse("portal:report", args=[gemeente_a.slug, "parkeervergunning"]))

    assert response.status_code == 404
