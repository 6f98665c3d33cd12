"""Back office input beyond sense (a date in the year 9999, a file name nobody can store) gets a
plain Dutch form error or is stored safely; never a 500."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from plus1.backoffice.forms import DecideForm, InformationRequestForm
from plus1.cases.tests.factories import adopt_with_team, handling_zaaktype, new_zaak

from .conftest import log_in

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def zaak(gemeente_a, team_a):
    adoption = adopt_with_team(gemeente=gemeente_a, zaaktype=handling_zaaktype(), team_name=team_a.name)
    return new_zaak(adoption)


def test_dates_far_in_the_future_or_past_are_refused_in_plain_dutch(zaak):
    question = InformationRequestForm(
        {
            "vraag-version": zaak.version,
            "vraag-question": "Stuur een foto.",
            "vraag-answer_due_on": "9999-12-31",
        },
        zaak=zaak,
    )
    assert not question.is_valid()
    assert "te ver in de toekomst" in question.errors["answer_due_on"][0]

    besluittype = zaak.zaaktype.besluittypen.first()
    decision = DecideForm(
        {
            "besluit-version": zaak.version,
            "besluit-besluittype": besluittype.pk if besluittype else "",
            "besluit-decided_on": "0001-01-01",
            "besluit-effective_on": "2026-12-01",
            "besluit-expires_on": "9999-12-31",
        },
        zaak=zaak,
    )
    assert not decision.is_valid()
    assert "te ver in het verleden" in decision.errors["decided_on"][0]
    assert "te ver in de toekomst" in decision.errors["expires_on"][0]


def test_an_upload_with_a_name_too_long_for_the_disk_is_stored_under_the_documents_own_name(
    client, behandelaar_a, zaak
):
    iot = zaak.zaaktype.document_types.first().informatieobjecttype_id
    # 200 characters of four bytes: within Django's limit on the size of a part's headers.
    wide = "\U00020000" * 200 + ".pdf"
    response = log_in(client, behandelaar_a).post(
        reverse("backoffice:zaak-action", args=[zaak.identificatie, "document"]),
        {
            "document-version": zaak.version,
            "document-informatieobjecttype": iot,
            "document-file": SimpleUploadedFile(wide, PDF, content_type="application/pdf"),
        },
    )
    assert response.status_code in (200, 302)
    document = zaak.documenten.get()
    assert document.filename == wide
    assert re.fullmatch(r"documenten/\d{4}/\d{2}/[0-9a-f]{32}\.pdf", document.file.name)
