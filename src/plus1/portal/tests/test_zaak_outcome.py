"""After closing, Mijn zaken shows the outcome in plain words and keeps the whole history."""

import datetime

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from plus1.cases import services
from plus1.cases.tests.factories import SYSTEM, adopt_with_team, handling_zaaktype, new_zaak
from plus1.portal import zaak_history

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _at(day: int, hour: int = 9):
    return time_machine.travel(datetime.datetime(2026, 3, day, hour, tzinfo=datetime.UTC), tick=False)


@pytest.fixture
def closed_zaak(gemeente_a):
    zaaktype = handling_zaaktype()
    resultaattype = zaaktype.resultaattypen.get()
    resultaattype.omschrijving = "Vergunning verleend"
    resultaattype.save()
    with _at(2):
        zaak = new_zaak(adopt_with_team(gemeente=gemeente_a, zaaktype=zaaktype))
    statustype = zaaktype.statustypen.get(omschrijving="In behandeling")
    statustype.informs_initiator = True
    statustype.statustekst = "Een medewerker bekijkt uw aanvraag."
    statustype.save()
    with _at(3):
        services.set_status(zaak=zaak, statustype=statustype, actor=SYSTEM)
    with _at(4):
        services.request_information(
            zaak=zaak,
            question="Stuur een kopie van uw kentekenbewijs.",
            answer_due_on=datetime.date(2026, 3, 18),
            actor=SYSTEM,
            expected_version=None,
        )
    bewijs = zaaktype.document_types.get(direction="inkomend").informatieobjecttype_id
    with _at(5):
        services.answer_information_request(
            zaak=zaak,
            answer="Hierbij mijn kentekenbewijs.",
            uploads=[(bewijs, SimpleUploadedFile("kenteken.pdf", PDF, content_type="application/pdf"))],
            actor=SYSTEM,
        )
    with _at(6):
        services.extend_zaak(
            zaak=zaak, reason="Wij vragen advies aan de wijkagent.", actor=SYSTEM, expected_version=None
        )
    with _at(20):
        services.decide_zaak(
            zaak=zaak,
            besluittype=zaaktype.besluittypen.get(),
            decided_on=datetime.date(2026, 3, 20),
            effective_on=datetime.date(2026, 4, 1),
            expires_on=datetime.date(2027, 3, 31),
            toelichting="U woont in het vergunninggebied.",
            actor=SYSTEM,
            expected_version=None,
        )
        services.close_zaak(zaak=zaak, resultaattype=resultaattype, actor=SYSTEM, expected_version=None)
    zaak.refresh_from_db()
    return zaak


def _login(client, bsn="999993653"):
    user = get_user_model().digid_objects.digid_create(bsn)
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def test_the_outcome_says_the_result_the_validity_and_offers_the_letter(closed_zaak):
    outcome = zaak_history.outcome_for(closed_zaak)
    assert outcome.result == "Vergunning verleend"
    assert (outcome.valid_from, outcome.valid_until) == (
        datetime.date(2026, 4, 1),
        datetime.date(2027, 3, 31),
    )
    [letter] = outcome.letters
    assert letter.title == "Besluit op uw aanvraag parkeervergunning"
    assert letter.document.content_type == "application/pdf"


def test_a_refusal_names_no_validity(closed_zaak):
    from plus1.catalog.models import ResultaatTypeOmschrijving

    resultaattype = closed_zaak.resultaat.resultaattype
    resultaattype.omschrijving = "Vergunning geweigerd"
    resultaattype.generic = ResultaatTypeOmschrijving.objects.get(omschrijving="Geweigerd")
    resultaattype.save()
    closed_zaak.refresh_from_db()
    outcome = zaak_history.outcome_for(closed_zaak)
    assert outcome.result == "Vergunning geweigerd"
    assert outcome.valid_from is None and outcome.valid_until is None
    assert outcome.letters, "the letter is offered all the same"


def test_an_open_zaak_has_no_outcome_yet(gemeente_a):
    zaak = new_zaak(adopt_with_team(gemeente=gemeente_a, zaaktype=handling_zaaktype()))
    assert zaak_history.outcome_for(zaak) is None


def test_the_history_keeps_questions_answers_with_documents_the_extension_and_statuses(closed_zaak):
    history = zaak_history.history_for(closed_zaak)
    kinds = [entry.kind for entry in history]
    assert kinds == [
        "submitted",
        "status",  # Ontvangen
        "status",  # In behandeling
        "question",
        "answer",
        "extension",
        "besluit",
        "result",
    ], [(entry.kind, entry.title) for entry in history]
    by_kind = {entry.kind: entry for entry in history}
    assert by_kind["question"].text == "Stuur een kopie van uw kentekenbewijs."
    assert by_kind["answer"].text == "Hierbij mijn kentekenbewijs."
    assert [d.filename for d in by_kind["answer"].documents] == ["kenteken.pdf"]
    assert by_kind["extension"].text == "Wij vragen advies aan de wijkagent."
    assert by_kind["besluit"].documents[0].content_type == "application/pdf"
    assert by_kind["result"].title == "Zaak afgehandeld: Vergunning verleend"


def test_mijn_zaken_shows_the_outcome_in_plain_dutch_with_the_letter_link(client, closed_zaak):
    detail = reverse("portal:my-zaak-detail", args=[closed_zaak.tenant.slug, closed_zaak.identificatie])
    page = _login(client).get(detail).content.decode()
    assert "Vergunning verleend" in page
    assert "Geldig van 1 april 2026 tot en met 31 maart 2027" in page
    letter = closed_zaak.besluiten.get().letter
    assert (
        f"/mijn-zaken/{closed_zaak.identificatie}/documenten/{letter.uuid}/" in page
        or str(letter.uuid) in page
    )
    assert "Besluit op uw aanvraag parkeervergunning" in page
    assert "Hierbij mijn kentekenbewijs." in page and "kenteken.pdf" in page
    assert "Wij vragen advies aan de wijkagent." in page

    listing = client.get(reverse("portal:my-zaken", args=[closed_zaak.tenant.slug])).content.decode()
    assert "Vergunning verleend" in listing and "Afgerond op 20 maart 2026" in listing


def test_the_list_reads_the_results_without_a_query_per_zaak(client, closed_zaak):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _login(client)
    url = reverse("portal:my-zaken", args=[closed_zaak.tenant.slug])
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    adoption = closed_zaak.zaaktype.adoptions.get()
    for _ in range(3):
        new_zaak(adoption)
    with CaptureQueriesContext(connection) as four:
        client.get(url)
    # Reads are logged per request, not per zaak; the results come in the same query as the zaken.
    assert len(four) == len(one)
