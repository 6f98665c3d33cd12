"""The gemeente asks for more information; the resident answers in Mijn zaken and the term runs again."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from plus1.cases import services
from plus1.cases.tests.factories import SYSTEM, adopt_with_team, handling_zaaktype, new_zaak
from plus1.core import clock

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def zaak(gemeente_a):
    zaak = new_zaak(adopt_with_team(gemeente=gemeente_a, zaaktype=handling_zaaktype()))
    services.request_information(
        zaak=zaak,
        question="Stuur een kopie van uw kentekenbewijs.",
        answer_due_on=clock.today() + datetime.timedelta(days=14),
        actor=SYSTEM,
        expected_version=None,
    )
    zaak.refresh_from_db()
    return zaak


def _login(client, bsn="999993653"):
    user = get_user_model().digid_objects.digid_create(bsn)
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def _urls(zaak):
    args = [zaak.tenant.slug, zaak.identificatie]
    return reverse("portal:my-zaak-detail", args=args), reverse("portal:my-zaak-answer", args=args)


def _bewijs(zaak):
    return zaak.zaaktype.document_types.get(direction="inkomend").informatieobjecttype_id


def test_the_resident_sees_the_question_and_that_the_term_stands_still(client, zaak):
    detail, _answer = _urls(zaak)
    page = _login(client).get(detail).content.decode()
    assert "De gemeente heeft een vraag voor u" in page
    assert "Stuur een kopie van uw kentekenbewijs." in page
    assert "staat de termijn stil" in page


def test_answering_with_a_document_resumes_the_term(client, zaak):
    detail, answer = _urls(zaak)
    upload = SimpleUploadedFile("kenteken.pdf", PDF, content_type="application/pdf")
    response = _login(client).post(
        answer, {"answer": "Zie bijlage.", "informatieobjecttype": _bewijs(zaak), "files": [upload]}
    )
    assert response.status_code == 302
    zaak.refresh_from_db()
    assert not zaak.is_suspended
    assert zaak.documenten.get().filename == "kenteken.pdf"
    page = client.get(detail).content.decode()
    assert "Dank u wel" in page and "De gemeente heeft een vraag voor u" not in page


def test_an_empty_answer_or_a_disguised_file_keeps_the_question_open(client, zaak):
    _detail, answer = _urls(zaak)
    _login(client)
    response = client.post(answer, {"answer": "  ", "informatieobjecttype": _bewijs(zaak)})
    assert response.status_code == 400
    assert "Schrijf een antwoord of voeg een document toe." in response.content.decode()

    fake = SimpleUploadedFile("scan.pdf", b"MZ\x90\x00not a pdf", content_type="application/pdf")
    response = client.post(answer, {"answer": "Hier", "informatieobjecttype": _bewijs(zaak), "files": [fake]})
    assert response.status_code == 400
    assert "geen PDF, JPG of PNG" in response.content.decode()
    zaak.refresh_from_db()
    assert zaak.is_suspended and not zaak.documenten.exists()


def test_another_resident_cannot_answer(client, zaak):
    _detail, answer = _urls(zaak)
    response = _login(client, bsn="999990019").post(
        answer, {"answer": "Ik niet", "informatieobjecttype": _bewijs(zaak)}
    )
    assert response.status_code == 404
    zaak.refresh_from_db()
    assert zaak.is_suspended
