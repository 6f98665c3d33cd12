"""Request a product online: steps, validation, drafts that survive log-out, submit exactly once."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from plus1.cases.models import RequestDraft, Zaak
from plus1.catalog import services
from plus1.catalog.importer.loader import import_library
from plus1.catalog.models import ZaakType
from plus1.core import clock

pytestmark = pytest.mark.django_db

SUZANNE = "999993653"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _file(name, content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content)


@pytest.fixture
def parkeervergunning(collective, gemeente_a, actor):
    import_library()
    zaaktype = ZaakType.objects.get(process__identificatie="parkeervergunning")
    return services.adopt_process(gemeente=gemeente_a, zaaktype=zaaktype, actor=actor, fee=Decimal("62.50"))


@pytest.fixture
def resident(client):
    user = get_user_model().digid_objects.digid_create(SUZANNE)
    client.force_login(user)
    return user


def _url(gemeente, name, *args):
    return reverse(f"portal:{name}", args=[gemeente.slug, "parkeervergunning", *args])


def _fill_all_steps(client, gemeente):
    start = client.get(_url(gemeente, "request-start"))
    assert start.status_code == 302
    tomorrow = (clock.today() + datetime.timedelta(days=1)).isoformat()
    client.post(
        _url(gemeente, "request-step", 1),
        {"kenteken": "AB-123-C", "auto_eigendom": "Van mij", "volgende": ""},
    )
    client.post(_url(gemeente, "request-step", 2), {"ingangsdatum": tomorrow, "volgende": ""})
    return client.post(_url(gemeente, "request-step", 3), {"telefoonnummer": "06 12345678", "volgende": ""})


def test_a_resident_requests_a_parkeervergunning_and_finds_it_in_mijn_zaken(
    client, gemeente_a, parkeervergunning, resident, django_capture_on_commit_callbacks
):
    last_step = _fill_all_steps(client, gemeente_a)
    assert last_step["Location"] == _url(gemeente_a, "request-documents")
    documents = client.get(last_step["Location"])
    statement = documents.context["rows"][0]["link"].informatieobjecttype
    client.post(last_step["Location"], {f"type-{statement.pk}": _file("verklaring.pdf", PDF), "volgende": ""})
    summary = client.get(_url(gemeente_a, "request-summary"))
    assert "AB-123-C" in summary.text and "Stap 5 van 5" in summary.text

    draft = summary.context["draft"]
    with django_capture_on_commit_callbacks(execute=True):
        submitted = client.post(
            _url(gemeente_a, "request-summary"), {"draft": draft.uuid, "confirm_to": "suzanne@example.org"}
        )

    zaak = Zaak.objects.get()
    assert submitted["Location"] == reverse(
        "portal:my-zaak-detail", args=[gemeente_a.slug, zaak.identificatie]
    )
    assert zaak.tenant == gemeente_a and zaak.zaaktype == parkeervergunning.zaaktype
    assert zaak.rollen.get().bsn == SUZANNE
    assert zaak.rollen.get().name == "Suzanne Moulin", "the name comes from the BRP"
    assert {e.eigenschap.name: e.value for e in zaak.eigenschappen.all()}["telefoonnummer"] == "0612345678"
    assert zaak.current_status.statustype.volgnummer == 1
    document = zaak.documenten.get(filename="verklaring.pdf")
    assert document.content_type == "application/pdf"
    copy = zaak.documenten.get(informatieobjecttype__omschrijving="Aanvraagformulier")
    assert copy.filename == f"aanvraag-{zaak.identificatie}.pdf", "a PDF copy of what the resident sent"
    assert len(mail.outbox) == 1 and zaak.identificatie in mail.outbox[0].subject
    page = client.get(submitted["Location"])
    assert "Uw aanvraag is verstuurd" in page.text


def test_submitting_twice_creates_one_zaak(client, gemeente_a, parkeervergunning, resident):
    _fill_all_steps(client, gemeente_a)
    draft = client.get(_url(gemeente_a, "request-summary")).context["draft"]

    first = client.post(_url(gemeente_a, "request-summary"), {"draft": draft.uuid})
    second = client.post(_url(gemeente_a, "request-summary"), {"draft": draft.uuid})

    assert Zaak.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_a_wrong_answer_gets_a_plain_dutch_message_and_keeps_what_was_typed(
    client, gemeente_a, parkeervergunning, resident
):
    client.get(_url(gemeente_a, "request-start"))
    yesterday = (clock.today() - datetime.timedelta(days=1)).isoformat()

    response = client.post(_url(gemeente_a, "request-step", 2), {"ingangsdatum": yesterday, "volgende": ""})

    assert response.status_code == 200
    assert "Deze datum moet vandaag of later zijn." in response.text
    assert f'value="{yesterday}"' in response.text
    assert RequestDraft.objects.get().data == {}


def test_missing_required_answers_are_named_at_submit_and_no_zaak_is_made(
    client, gemeente_a, parkeervergunning, resident
):
    draft = client.get(_url(gemeente_a, "request-summary")).context["draft"]

    response = client.post(_url(gemeente_a, "request-summary"), {"draft": draft.uuid})

    assert response.status_code == 400
    assert "Dit veld is verplicht." in response.text
    assert not Zaak.objects.exists()


def test_a_draft_survives_logging_out_and_in_again(client, gemeente_a, parkeervergunning, resident):
    client.get(_url(gemeente_a, "request-start"))
    saved = client.post(_url(gemeente_a, "request-step", 1), {"kenteken": "XY-99-ZZ", "opslaan": ""})
    assert "Uw aanvraag is bewaard" in client.get(saved["Location"]).text

    client.post(reverse("portal:logout", args=[gemeente_a.slug]))
    client.force_login(resident)
    resumed = client.get(_url(gemeente_a, "request-step", 1))

    assert 'value="XY-99-ZZ"' in resumed.text


def test_fields_that_are_not_in_the_form_are_ignored(client, gemeente_a, parkeervergunning, resident):
    client.get(_url(gemeente_a, "request-start"))

    client.post(
        _url(gemeente_a, "request-step", 1), {"kenteken": "AB-123-C", "bsn": "123456782", "zaaktype": "x"}
    )

    assert RequestDraft.objects.get().data == {"kenteken": "AB-123-C"}


def test_a_process_the_gemeente_has_not_adopted_cannot_be_requested(
    client, gemeente_b, parkeervergunning, resident
):
    response = client.get(_url(gemeente_b, "request-start"))

    assert response.status_code == 404


def test_requesting_asks_to_log_in_with_digid_first(client, gemeente_a, parkeervergunning):
    response = client.get(_url(gemeente_a, "request-start"))

    assert response["Location"].startswith(reverse("portal:login", args=[gemeente_a.slug]))


def test_the_product_page_has_an_aanvragen_button(client, gemeente_a, parkeervergunning):
    response = client.get(reverse("portal:product-detail", args=[gemeente_a.slug, "parkeervergunning"]))

    assert f'href="{_url(gemeente_a, "request-start")}"' in response.text


def test_postcode_is_prefilled_from_the_brp(client, gemeente_a, collective, actor, resident):
    from plus1.catalog.tests.factories import ZaakTypeFactory

    zaaktype = ZaakTypeFactory()
    zaaktype.eigenschappen.create(
        order=1, name="postcode", label="Postcode", data_type="postcode", step="Adres"
    )
    zaaktype = services.publish_zaaktype(zaaktype=zaaktype, actor=actor)
    adoption = services.adopt_process(gemeente=gemeente_a, zaaktype=zaaktype, actor=actor)
    url = reverse("portal:request-step", args=[gemeente_a.slug, adoption.process.identificatie, 1])

    client.get(reverse("portal:request-start", args=[gemeente_a.slug, adoption.process.identificatie]))
    response = client.get(url)

    assert 'value="3077 AW"' in response.text


@pytest.mark.parametrize("tampered", ["", "abc", "00000000-0000-0000-0000-000000000000"])
def test_a_tampered_draft_id_is_not_found(client, gemeente_a, parkeervergunning, resident, tampered):
    client.get(_url(gemeente_a, "request-start"))

    response = client.post(_url(gemeente_a, "request-summary"), {"draft": tampered})

    assert response.status_code == 404


def test_another_residents_draft_cannot_be_submitted(client, gemeente_a, parkeervergunning, resident):
    from plus1.cases.services import start_or_resume_draft

    others = start_or_resume_draft(tenant=gemeente_a, adoption=parkeervergunning, owner_bsn="999990019")

    response = client.post(_url(gemeente_a, "request-summary"), {"draft": others.uuid})

    assert response.status_code == 404
    assert not Zaak.objects.exists()


def _documents_page(client, gemeente):
    client.get(_url(gemeente, "request-start"))
    page = client.get(_url(gemeente, "request-documents"))
    return page.context["rows"][0]["link"].informatieobjecttype


def test_a_file_that_only_pretends_to_be_a_pdf_is_refused(client, gemeente_a, parkeervergunning, resident):
    document_type = _documents_page(client, gemeente_a)

    response = client.post(
        _url(gemeente_a, "request-documents"),
        {f"type-{document_type.pk}": _file("loonstrook.pdf", b"MZ\x90\x00 not a pdf at all"), "volgende": ""},
    )

    assert response.status_code == 400
    assert "loonstrook.pdf is geen PDF, JPG of PNG" in response.text
    assert not RequestDraft.objects.get().documenten.exists()


def test_a_file_that_is_too_large_is_refused_and_the_others_are_kept(
    client, gemeente_a, parkeervergunning, resident, settings
):
    settings.PLUS1_MAX_UPLOAD_BYTES = 1000
    document_type = _documents_page(client, gemeente_a)

    response = client.post(
        _url(gemeente_a, "request-documents"),
        {f"type-{document_type.pk}": [_file("klein.png", PNG), _file("groot.png", PNG + b"\x00" * 2000)]},
    )

    assert response.status_code == 400
    assert "groot.png is te groot" in response.text
    assert [d.filename for d in RequestDraft.objects.get().documenten.all()] == ["klein.png"]


def test_only_the_resident_can_download_their_document(client, gemeente_a, parkeervergunning, resident):
    _fill_all_steps(client, gemeente_a)
    document_type = (
        client.get(_url(gemeente_a, "request-documents")).context["rows"][0]["link"].informatieobjecttype
    )
    client.post(
        _url(gemeente_a, "request-documents"), {f"type-{document_type.pk}": _file("verklaring.pdf", PDF)}
    )
    draft = client.get(_url(gemeente_a, "request-summary")).context["draft"]
    client.post(_url(gemeente_a, "request-summary"), {"draft": draft.uuid})
    zaak = Zaak.objects.get()
    document = zaak.documenten.get(filename="verklaring.pdf")
    url = reverse("portal:my-document", args=[gemeente_a.slug, zaak.identificatie, document.uuid])

    own = client.get(url)
    assert own.status_code == 200
    assert b"".join(own.streaming_content) == PDF
    assert own["Content-Disposition"].startswith("attachment")

    other = get_user_model().digid_objects.digid_create("999990019")
    client.force_login(other)
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302


def test_a_long_name_of_wide_characters_is_kept_but_never_names_the_file_on_disk(
    client, gemeente_a, parkeervergunning, resident
):
    import re

    # Before, the name on disk (cut to 81 characters, 324 bytes) passed the file system's limit
    # of 255 bytes and the upload ended in a 500.
    # 200 characters of four bytes: within Django's limit on the size of a part's headers.
    wide = "\U00020000" * 200 + ".pdf"
    document_type = _documents_page(client, gemeente_a)

    response = client.post(
        _url(gemeente_a, "request-documents"), {f"type-{document_type.pk}": _file(wide, PDF), "volgende": ""}
    )

    assert response.status_code in (200, 302)
    document = RequestDraft.objects.get().documenten.get()
    assert document.filename == wide
    assert re.fullmatch(r"documenten/\d{4}/\d{2}/[0-9a-f]{32}\.pdf", document.file.name)
    with document.file.open("rb") as stored:
        assert stored.read() == PDF
