"""A request form asks for what the answers make necessary (catalog.conditions, required_when)."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from plus1.cases.models import Zaak
from plus1.catalog import services
from plus1.catalog.importer.loader import import_library
from plus1.catalog.models import ZaakType
from plus1.core import clock

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
STATEMENT = "Verklaring gebruik auto van werkgever of leasebedrijf"


@pytest.fixture
def parkeervergunning(collective, gemeente_a, actor):
    import_library()
    zaaktype = ZaakType.objects.get(process__identificatie="parkeervergunning")
    return services.adopt_process(gemeente=gemeente_a, zaaktype=zaaktype, actor=actor, fee=Decimal("62.50"))


@pytest.fixture
def resident(client):
    client.force_login(get_user_model().digid_objects.digid_create("999993653"))


def _url(gemeente, name, *args):
    return reverse(f"portal:{name}", args=[gemeente.slug, "parkeervergunning", *args])


def _fill(client, gemeente, owner):
    client.get(_url(gemeente, "request-start"))
    tomorrow = (clock.today() + datetime.timedelta(days=1)).isoformat()
    client.post(
        _url(gemeente, "request-step", 1), {"kenteken": "AB-123-C", "auto_eigendom": owner, "volgende": ""}
    )
    client.post(_url(gemeente, "request-step", 2), {"ingangsdatum": tomorrow, "volgende": ""})
    client.post(_url(gemeente, "request-step", 3), {"telefoonnummer": "", "volgende": ""})


def _submit(client, gemeente):
    summary = client.get(_url(gemeente, "request-summary"))
    return client.post(_url(gemeente, "request-summary"), {"draft": summary.context["draft"].uuid})


def test_choosing_van_mijn_werkgever_makes_the_employers_statement_required(
    client, gemeente_a, parkeervergunning, resident
):
    _fill(client, gemeente_a, "Van mijn werkgever")

    documents = client.get(_url(gemeente_a, "request-documents"))
    refused = _submit(client, gemeente_a)

    assert f"{STATEMENT} (verplicht: u koos &#x27;Van mijn werkgever&#x27;)" in documents.text
    assert f"{STATEMENT} (niet verplicht" not in documents.text
    assert refused.status_code == 400
    assert f"Voeg nog toe: {STATEMENT} (u koos &#x27;Van mijn werkgever&#x27;)." in refused.text
    assert not Zaak.objects.exists()


def test_with_the_statement_added_the_request_goes_through(client, gemeente_a, parkeervergunning, resident):
    _fill(client, gemeente_a, "Van een leasebedrijf")
    page = client.get(_url(gemeente_a, "request-documents"))
    statement = next(
        r["link"] for r in page.context["rows"] if r["link"].informatieobjecttype.omschrijving == STATEMENT
    )
    client.post(
        _url(gemeente_a, "request-documents"),
        {
            f"type-{statement.informatieobjecttype_id}": SimpleUploadedFile("verklaring.pdf", PDF),
            "volgende": "",
        },
    )

    submitted = _submit(client, gemeente_a)

    assert submitted.status_code == 302
    assert Zaak.objects.get().documenten.filter(informatieobjecttype__omschrijving=STATEMENT).exists()


def test_a_car_of_ones_own_needs_no_statement_and_the_form_says_when_it_would(
    client, gemeente_a, parkeervergunning, resident
):
    _fill(client, gemeente_a, "Van mij")

    documents = client.get(_url(gemeente_a, "request-documents"))
    submitted = _submit(client, gemeente_a)

    assert (
        f"{STATEMENT} (niet verplicht; verplicht als u &#x27;Van mijn werkgever&#x27; "
        "of &#x27;Van een leasebedrijf&#x27; koos)"
    ) in documents.text
    assert submitted.status_code == 302
    assert Zaak.objects.count() == 1
