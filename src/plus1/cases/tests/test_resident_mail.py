"""E-mails a resident trusts: from their gemeente, to them by name, with a link to the zaak."""

import datetime
import re
from pathlib import Path

import pytest
import time_machine
from django.core import mail

from plus1.cases import services
from plus1.cases.services.intake import store_request_copy
from plus1.cases.tests.factories import SYSTEM, adopt_with_team, handling_zaaktype, new_zaak
from plus1.catalog.models import InformatieObjectType, ZaakTypeInformatieObjectType

pytestmark = pytest.mark.django_db

EMAIL_TEMPLATES = Path(__file__).resolve().parents[1] / "templates" / "cases" / "email"
# Words that make the employee a man or a woman ("Hij kijkt of ...").
GENDERED = re.compile(r"\b(hij|zij|hem|haar|zijn)\b", re.IGNORECASE)
MONDAY = datetime.datetime(2026, 3, 2, 9, tzinfo=datetime.UTC)


@pytest.fixture
def adoption(gemeente_a):
    gemeente_a.contact_email = "info@utrecht.example"
    gemeente_a.save()
    return adopt_with_team(gemeente=gemeente_a, zaaktype=handling_zaaktype())


@pytest.fixture
def zaak(adoption):
    with time_machine.travel(MONDAY, tick=False):
        return new_zaak(adoption)


def _only_mail():
    assert len(mail.outbox) == 1, [m.subject for m in mail.outbox]
    return mail.outbox[0]


def _assert_trustworthy(message, zaak):
    assert message.from_email.startswith("Gemeente Utrecht <"), "the gemeente's name as the sender"
    assert message.reply_to == ["info@utrecht.example"]
    assert message.body.startswith("Beste Suzanne Moulin,"), "the resident by name"
    assert f"/utrecht/mijn-zaken/{zaak.identificatie}/" in message.body, "a link to the zaak"
    assert not GENDERED.search(message.body), message.body
    assert "&#x27;" not in message.body and "&amp;" not in message.body, "plain text, not HTML escapes"


def test_a_status_mail_comes_from_the_gemeente_and_greets_the_resident(
    zaak, django_capture_on_commit_callbacks
):
    statustype = zaak.zaaktype.statustypen.get(omschrijving="In behandeling")
    statustype.informs_initiator = True
    statustype.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.set_status(zaak=zaak, statustype=statustype, actor=SYSTEM)
    message = _only_mail()
    _assert_trustworthy(message, zaak)
    assert "In behandeling" in message.body


def test_a_question_and_an_extension_mail_each_link_to_the_zaak(zaak, django_capture_on_commit_callbacks):
    with time_machine.travel(MONDAY, tick=False), django_capture_on_commit_callbacks(execute=True):
        services.request_information(
            zaak=zaak,
            question="Stuur uw kenteken",
            answer_due_on=datetime.date(2026, 3, 16),
            actor=SYSTEM,
            expected_version=None,
        )
    message = _only_mail()
    _assert_trustworthy(message, zaak)
    assert "16 maart 2026" in message.body, "Dutch dates"
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.extend_zaak(zaak=zaak, reason="Wij wachten op advies", actor=SYSTEM, expected_version=None)
    message = _only_mail()
    _assert_trustworthy(message, zaak)
    assert "Wij wachten op advies" in message.body


def _with_request_form(adoption):
    iot = InformatieObjectType.objects.create(
        tenant=adoption.zaaktype.tenant,
        catalogus=adoption.zaaktype.process.catalogus,
        omschrijving="Aanvraagformulier",
        category="Aanvraag",
        confidentiality="zaakvertrouwelijk",
        valid_from="2026-01-01",
        status="published",
    )
    ZaakTypeInformatieObjectType.objects.create(
        zaaktype=adoption.zaaktype, informatieobjecttype=iot, volgnummer=9, direction="inkomend"
    )


def test_the_confirmation_carries_a_pdf_copy_of_the_request(adoption, zaak):
    _with_request_form(adoption)
    copy = store_request_copy(zaak=zaak, actor=SYSTEM)
    assert copy.zaak == zaak and copy.content_type == "application/pdf", "a document of the zaak (formaat)"
    assert copy.is_shown_to_initiator, "the resident finds it in Mijn zaken"

    services.send_confirmation(zaak=zaak, to="suzanne@example.org")
    message = _only_mail()
    _assert_trustworthy(message, zaak)
    [(filename, data, content_type)] = message.attachments
    assert filename == f"aanvraag-{zaak.identificatie}.pdf" and content_type == "application/pdf"
    assert data.startswith(b"%PDF-")


def test_a_reporter_without_a_name_or_log_in_gets_a_neutral_greeting_and_the_zaak_number(
    adoption, django_capture_on_commit_callbacks
):
    zaak = new_zaak(adoption, bsn="", name="Melder", email="melder@example.org")
    services.send_confirmation(zaak=zaak, to="melder@example.org")
    message = _only_mail()
    assert message.body.startswith("Beste heer of mevrouw,")
    assert "mijn-zaken" not in message.body, "an anonymous reporter cannot log in to Mijn zaken"
    assert zaak.identificatie in message.body


RESIDENT_MAILS = ["confirmation.txt", "status.txt", "extension.txt", "information_request.txt"]


@pytest.mark.parametrize("name", RESIDENT_MAILS)
def test_every_mail_to_a_resident_greets_by_name_and_never_genders_the_employee(name):
    text = (EMAIL_TEMPLATES / name).read_text(encoding="utf-8")
    assert "{{ salutation }}" in text and "Beste inwoner" not in text
    assert '{% include "cases/email/_link.txt" %}' in text
    assert not GENDERED.search(text)


def test_a_copy_that_cannot_be_rendered_still_confirms_the_request(adoption, zaak, monkeypatch):
    from plus1.cases.services import intake

    def broken(**kwargs):
        raise OSError("pango is missing")

    _with_request_form(adoption)
    monkeypatch.setattr(intake, "request_copy", broken)
    intake.complete_submission(zaak=zaak, actor=SYSTEM, confirm_to="suzanne@example.org")
    message = _only_mail()
    assert message.attachments == [] and zaak.identificatie in message.body
    assert not zaak.documenten.exists(), "nothing half-written"


def test_only_the_initiator_is_sent_to_mijn_zaken():
    from plus1.cases.letters.mail import can_use_mijn_zaken
    from plus1.cases.models import Rol
    from plus1.catalog.models import RolType

    def rol(generic, **identity):
        return Rol(roltype=RolType(generic=generic), name="Iemand", **identity)

    assert can_use_mijn_zaken(rol("initiator", bsn="999993653"))
    assert can_use_mijn_zaken(rol("initiator", kvk_number="12345678"))
    assert not can_use_mijn_zaken(rol("initiator")), "an anonymous reporter cannot log in"
    assert not can_use_mijn_zaken(rol("belanghebbende", bsn="999993653")), "not their zaak in Mijn zaken"
