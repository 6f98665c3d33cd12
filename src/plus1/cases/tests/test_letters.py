"""The letters a resident gets: a decision letter as PDF/A and a PDF copy of the request."""

import datetime
import io

import pytest
import time_machine
from pypdf import PdfReader

from plus1.audit.models import ProcessingRecord
from plus1.cases import services
from plus1.cases.letters.content import requested_period
from plus1.cases.letters.documents import request_copy
from plus1.cases.tests.factories import SYSTEM, adopt_with_team, handling_zaaktype, new_zaak
from plus1.catalog.models import Eigenschap

pytestmark = pytest.mark.django_db

APRIL_FIRST = datetime.datetime(2026, 4, 1, 9, tzinfo=datetime.UTC)


def _text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    # Words may break over lines in the layout: compare with single spaces.
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


@pytest.fixture
def zaak(gemeente_a):
    gemeente_a.visiting_address = "Stadsplateau 1\n3521 AZ Utrecht"
    gemeente_a.contact_phone = "14 030"
    gemeente_a.save()
    zaaktype = handling_zaaktype()
    Eigenschap.objects.create(
        zaaktype=zaaktype, order=1, name="ingangsdatum", label="Vanaf wanneer?", data_type="date", step="Auto"
    )
    adoption = adopt_with_team(gemeente=gemeente_a, zaaktype=zaaktype)
    with time_machine.travel(datetime.datetime(2026, 3, 2, 9, tzinfo=datetime.UTC), tick=False):
        return new_zaak(adoption, data={"ingangsdatum": "2026-04-15"})


@time_machine.travel(APRIL_FIRST, tick=False)
def test_the_decision_letter_is_an_archivable_pdf_with_title_grounds_dates_and_objection_clause(zaak):
    besluit = services.decide_zaak(
        zaak=zaak,
        besluittype=zaak.zaaktype.besluittypen.get(),
        decided_on=datetime.date(2026, 4, 1),
        effective_on=datetime.date(2026, 4, 15),
        expires_on=datetime.date(2027, 4, 14),
        toelichting="U woont in het vergunninggebied en de auto staat op uw naam.",
        actor=SYSTEM,
        expected_version=None,
    )

    letter = besluit.letter
    data = letter.file.read()
    assert data.startswith(b"%PDF-")
    assert letter.content_type == "application/pdf" and letter.filename.endswith(".pdf")
    assert letter.titel == "Besluit op uw aanvraag parkeervergunning"
    reader = PdfReader(io.BytesIO(data))
    xmp = reader.xmp_metadata.rdf_root.toxml()
    assert 'pdfaid:part="2"' in xmp, "declared PDF/A-2 in its XMP metadata"
    assert reader.metadata.title == "Besluit op uw aanvraag parkeervergunning"
    text = _text(data)
    assert "Gemeente Utrecht" in text and "Stadsplateau 1" in text, "the gemeente's letterhead"
    assert "Suzanne Moulin" in text and "Boterdiep 31" in text and "3077 AW" in text, (
        "the resident's name and BRP address"
    )
    assert "Besluit op uw aanvraag parkeervergunning" in text
    assert "Besluit: Besluit" not in text
    assert "U woont in het vergunninggebied" in text, "the grounds"
    assert "Geldig vanaf 15 april 2026" in text and "Geldig tot en met 14 april 2027" in text
    assert "U vroeg om een besluit vanaf 15 april 2026" in text, "the date the resident asked for"
    assert "bezwaar maken" in text and "binnen zes weken" in text and "uiterlijk op 13 mei 2026" in text
    assert "/utrecht/producten/bezwaar/" in text, "where to object: the gemeente's bezwaar product"
    assert besluit.identificatie in text


@time_machine.travel(APRIL_FIRST, tick=False)
def test_the_address_comes_from_the_brp_and_the_look_up_is_logged(zaak):
    before = ProcessingRecord.objects.filter(object_type="brp.persoon").count()
    services.decide_zaak(
        zaak=zaak,
        besluittype=zaak.zaaktype.besluittypen.get(),
        decided_on=datetime.date(2026, 4, 1),
        effective_on=datetime.date(2026, 4, 1),
        actor=SYSTEM,
        expected_version=None,
    )
    assert ProcessingRecord.objects.filter(object_type="brp.persoon").count() == before + 1


def test_the_requested_start_date_is_read_from_the_request(zaak):
    assert requested_period(zaak).start_on == datetime.date(2026, 4, 15)
    assert requested_period(zaak).end_on is None


def test_the_copy_of_the_request_lists_the_answers_in_dutch(zaak):
    copy = request_copy(zaak=zaak, actor=SYSTEM)
    assert copy.data.startswith(b"%PDF-") and copy.filename == f"aanvraag-{zaak.identificatie}.pdf"
    text = _text(copy.data)
    assert "Kopie van uw aanvraag parkeervergunning" in text
    assert "Vanaf wanneer?" in text and "15 april 2026" in text
    assert "Gemeente Utrecht" in text and zaak.identificatie in text


@time_machine.travel(APRIL_FIRST, tick=False)
def test_a_link_in_the_resident_s_text_is_never_fetched_while_rendering(zaak, monkeypatch):
    import urllib.request

    def refuse(*args, **kwargs):
        raise AssertionError("the renderer reached outside")

    monkeypatch.setattr(urllib.request.OpenerDirector, "open", refuse)
    besluit = services.decide_zaak(
        zaak=zaak,
        besluittype=zaak.zaaktype.besluittypen.get(),
        decided_on=datetime.date(2026, 4, 1),
        effective_on=datetime.date(2026, 4, 1),
        toelichting='<img src="http://169.254.169.254/latest"> zie ook http://example.org',
        actor=SYSTEM,
        expected_version=None,
    )
    assert "169.254.169.254" in _text(besluit.letter.file.read()), "shown as text, not fetched"


def test_without_a_working_pdf_renderer_the_decision_is_refused_in_plain_dutch_and_nothing_is_stored(
    zaak, monkeypatch
):
    from plus1.cases.exceptions import ZaakError

    def broken(*args, **kwargs):
        raise OSError("cannot load library 'libpango-1.0-0'")

    monkeypatch.setattr("weasyprint.HTML.write_pdf", broken)
    with pytest.raises(ZaakError, match="De brief kon niet als PDF worden gemaakt"):
        services.decide_zaak(
            zaak=zaak,
            besluittype=zaak.zaaktype.besluittypen.get(),
            decided_on=datetime.date.today(),
            effective_on=datetime.date.today(),
            actor=SYSTEM,
            expected_version=None,
        )
    assert not zaak.besluiten.exists() and not zaak.documenten.exists()


@time_machine.travel(APRIL_FIRST, tick=False)
def test_the_gemeente_s_logo_is_carried_inside_the_letter(zaak):
    from django.core.files.base import ContentFile
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), (200, 0, 0)).save(buffer, format="PNG")
    gemeente = zaak.tenant
    gemeente.logo.save("logo.png", ContentFile(buffer.getvalue()), save=True)
    besluit = services.decide_zaak(
        zaak=zaak,
        besluittype=zaak.zaaktype.besluittypen.get(),
        decided_on=datetime.date(2026, 4, 1),
        effective_on=datetime.date(2026, 4, 1),
        actor=SYSTEM,
        expected_version=None,
    )
    reader = PdfReader(io.BytesIO(besluit.letter.file.read()))
    assert [image.name for image in reader.pages[0].images], "the logo on the letterhead"
