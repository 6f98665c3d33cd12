"""The zaak detail page as a case handler uses it: see everything, act, and never overwrite a colleague."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from plus1.audit.services import Actor
from plus1.cases.models import Zaak
from plus1.cases.services import contacts, registration
from plus1.cases.tests.factories import SYSTEM, adopt_with_team, handling_zaaktype, new_zaak
from plus1.catalog.constants import RolOmschrijvingGeneriek
from plus1.catalog.models import RolType
from plus1.core import clock

from .conftest import log_in, make_employee

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def zaak(gemeente_a, team_a):
    adoption = adopt_with_team(gemeente=gemeente_a, zaaktype=handling_zaaktype(), team_name=team_a.name)
    return new_zaak(adoption)


def _detail(zaak):
    return reverse("backoffice:zaak-detail", args=[zaak.identificatie])


def _action(zaak, name):
    return reverse("backoffice:zaak-action", args=[zaak.identificatie, name])


def test_the_detail_shows_request_resident_deadline_and_timeline(client, behandelaar_a, zaak):
    response = log_in(client, behandelaar_a).get(_detail(zaak))

    assert response.status_code == 200
    page = response.content.decode()
    assert zaak.identificatie in page and "Suzanne Moulin" in page
    assert "Wettelijke einddatum" in page and "Tijdlijn" in page
    assert 'id="actie-vraag"' in page and 'id="actie-afsluiten"' in page


def test_claim_then_set_status_through_the_page(client, behandelaar_a, zaak):
    log_in(client, behandelaar_a)
    response = client.post(_action(zaak, "oppakken"), {"oppakken-version": zaak.version})
    assert response.status_code == 302
    zaak.refresh_from_db()
    assert zaak.assignee == behandelaar_a

    in_behandeling = zaak.zaaktype.statustypen.get(omschrijving="In behandeling")
    client.post(
        _action(zaak, "status"), {"status-version": zaak.version, "status-statustype": in_behandeling.pk}
    )
    zaak.refresh_from_db()
    assert zaak.current_status.statustype == in_behandeling


def test_two_handlers_at_once_the_second_gets_a_conflict_and_keeps_their_text(
    client, behandelaar_a, gemeente_a, team_a, actor, zaak
):
    colleague = make_employee("collega", gemeente=gemeente_a, team=team_a, actor=actor)
    seen = zaak.version
    log_in(client, colleague).post(
        _action(zaak, "notitie"), {"notitie-version": seen, "notitie-text": "Eerst"}
    )

    log_in(client, behandelaar_a)
    response = client.post(
        _action(zaak, "vraag"),
        {
            "vraag-version": seen,
            "vraag-question": "Stuur uw kentekenbewijs.",
            "vraag-answer_due_on": "2099-01-01",
        },
    )

    assert response.status_code == 409
    page = response.content.decode()
    assert "Iemand anders heeft deze zaak net gewijzigd" in page
    assert "Stuur uw kentekenbewijs." in page, "the typed question is kept"
    assert not Zaak.objects.get(pk=zaak.pk).information_requests.exists()


def test_a_refused_rule_shows_a_dutch_message_and_changes_nothing(client, behandelaar_a, zaak):
    response = log_in(client, behandelaar_a).post(
        _action(zaak, "vraag"),
        {"vraag-version": zaak.version, "vraag-question": "Vraag", "vraag-answer_due_on": "2000-01-01"},
    )
    assert response.status_code == 400
    assert "moet na vandaag liggen" in response.content.decode()
    assert not zaak.information_requests.exists()


def test_request_information_decide_and_close(client, behandelaar_a, zaak):
    log_in(client, behandelaar_a)
    due = (clock.today() + datetime.timedelta(days=14)).isoformat()
    client.post(
        _action(zaak, "vraag"),
        {"vraag-version": zaak.version, "vraag-question": "Stuur een foto.", "vraag-answer_due_on": due},
    )
    zaak.refresh_from_db()
    assert zaak.is_suspended
    assert "Termijn staat stil" in client.get(_detail(zaak)).content.decode()

    client.post(
        _action(zaak, "hervatten"), {"hervatten-version": zaak.version, "hervatten-note": "Telefonisch"}
    )
    zaak.refresh_from_db()
    # A besluit fits once the zaak is in behandeling (backoffice/next_step.py).
    in_behandeling = zaak.zaaktype.statustypen.get(omschrijving="In behandeling")
    client.post(
        _action(zaak, "status"), {"status-version": zaak.version, "status-statustype": in_behandeling.pk}
    )
    zaak.refresh_from_db()
    today = clock.today().isoformat()
    besluittype = zaak.zaaktype.besluittypen.get()
    client.post(
        _action(zaak, "besluit"),
        {
            "besluit-version": zaak.version,
            "besluit-besluittype": besluittype.pk,
            "besluit-decided_on": today,
            "besluit-effective_on": today,
        },
    )
    zaak.refresh_from_db()
    letter = zaak.besluiten.get().letter
    document = client.get(reverse("backoffice:zaak-document", args=[zaak.identificatie, letter.uuid]))
    assert document.status_code == 200 and document["Content-Security-Policy"] == "sandbox"

    resultaattype = zaak.zaaktype.resultaattypen.get()
    client.post(
        _action(zaak, "afsluiten"),
        {"afsluiten-version": zaak.version, "afsluiten-resultaattype": resultaattype.pk},
    )
    zaak.refresh_from_db()
    assert not zaak.is_open and zaak.archive_nomination == "vernietigen"


def test_a_disguised_upload_is_refused_with_a_clear_message(client, behandelaar_a, zaak):
    iot = zaak.zaaktype.document_types.first().informatieobjecttype_id
    fake = SimpleUploadedFile("brief.pdf", b"MZ\x90\x00 this is an exe", content_type="application/pdf")
    response = log_in(client, behandelaar_a).post(
        _action(zaak, "document"),
        {"document-version": zaak.version, "document-informatieobjecttype": iot, "document-file": fake},
    )
    assert response.status_code == 400
    assert "geen PDF, JPG of PNG" in response.content.decode()
    assert not zaak.documenten.exists()

    good = SimpleUploadedFile("brief.pdf", PDF, content_type="application/pdf")
    client.post(
        _action(zaak, "document"),
        {"document-version": zaak.version, "document-informatieobjecttype": iot, "document-file": good},
    )
    assert zaak.documenten.count() == 1


def test_a_behandelaar_of_another_team_may_look_but_not_act(client, gemeente_a, actor, zaak):
    from plus1.accounts.services import create_team

    other_team = create_team(tenant=gemeente_a, name="Burgerzaken", actor=actor)
    outsider = make_employee("buiten-team", gemeente=gemeente_a, team=other_team, actor=actor)
    log_in(client, outsider)

    page = client.get(_detail(zaak)).content.decode()
    assert "Alleen het team van deze zaak" in page and 'id="actie-' not in page
    response = client.post(
        _action(zaak, "notitie"), {"notitie-version": zaak.version, "notitie-text": "Hallo"}
    )
    assert response.status_code == 403
    assert not zaak.notes.exists()


def test_an_employee_of_another_gemeente_gets_404_for_the_zaak_and_its_documents(client, behandelaar_b, zaak):
    log_in(client, behandelaar_b)
    assert client.get(_detail(zaak)).status_code == 404
    response = client.post(_action(zaak, "notitie"), {"notitie-version": zaak.version, "notitie-text": "x"})
    assert response.status_code == 404
    assert not zaak.notes.exists()


def test_actions_need_csrf(behandelaar_a, zaak):
    from django.test import Client

    client = log_in(Client(enforce_csrf_checks=True), behandelaar_a)
    response = client.post(_action(zaak, "notitie"), {"notitie-version": zaak.version, "notitie-text": "x"})
    assert response.status_code == 403
    assert not zaak.notes.exists()


def test_a_besluit_registered_through_the_besluiten_api_shows_on_the_zaak(client, behandelaar_a, zaak):
    from plus1.cases.services import besluiten

    besluiten.create_besluit(
        tenant=zaak.tenant,
        actor=Actor(type="application", id="vakapp", label="Vakapplicatie"),
        besluittype=zaak.zaaktype.besluittypen.get(),
        verantwoordelijke_organisatie="100000009",
        decided_on=clock.today(),
        effective_on=clock.today(),
        zaak=zaak,
        toelichting="Vergund via de vakapplicatie.",
    )

    page = log_in(client, behandelaar_a).get(_detail(zaak)).content.decode()

    assert f"BESLUIT-{clock.today().year}-0000000001" in page
    assert "Vergund via de vakapplicatie." in page, "the timeline shows the besluit"


def test_notities_and_klantcontacten_from_the_zaken_api_show_in_the_timeline(client, behandelaar_a, zaak):
    """What an application writes through the Zaken API (its handlers call these services)."""

    part = {
        "zaak": zaak,
        "actor": Actor(type="application", id="vakapp", label="Vakapplicatie"),
        "may_change_closed": False,
    }
    contacts.add_zaaknotitie(
        values={
            "subject": "Telefoon",
            "text": "Inwoner belde over de parkeerplek.",
            "author": "J. de Vries",
            "status": "definitief",
        },
        **part,
    )
    contacts.add_zaaknotitie(
        values={"subject": "Balie", "text": "Kwam langs.", "note_type": "extern"}, **part
    )
    contacts.add_klantcontact(
        contacted_at=datetime.datetime(2026, 11, 3, 9, 30, tzinfo=datetime.UTC),
        channel="telefoon",
        subject="Vraag over de termijn",
        toelichting="Wil weten wanneer het besluit komt.",
        **part,
    )

    page = log_in(client, behandelaar_a).get(_detail(zaak)).content.decode()
    timeline = page[page.index('id="kop-tijdlijn"') :]

    assert "Notitie: Telefoon</strong>" in timeline and "Inwoner belde over de parkeerplek." in timeline
    assert ", J. de Vries" in timeline, "the author the application gave"
    assert "Notitie: Balie</strong>" in timeline and "via een koppeling met een ander systeem" in timeline
    assert timeline.count('<span class="badge">concept</span>') == 1, "only the second notitie is a concept"
    assert timeline.count('<span class="badge">extern</span>') == 1
    assert "Contact met de klant via telefoon: Vraag over de termijn" in timeline
    assert "Wil weten wanneer het besluit komt." in timeline
    assert '<time datetime="2026-11-03T' in timeline


def test_the_zaak_detail_takes_the_same_number_of_queries_for_one_notitie_or_many(
    client, behandelaar_a, zaak, django_assert_max_num_queries
):

    part = {"zaak": zaak, "actor": SYSTEM, "may_change_closed": True}
    contacts.add_zaaknotitie(values={"subject": "Eerste", "text": "Tekst"}, **part)
    contacts.add_klantcontact(contacted_at=clock.now(), toelichting="Belde.", **part)
    log_in(client, behandelaar_a)
    client.get(_detail(zaak))  # warm the per-process caches (session, catalog)
    with CaptureQueriesContext(connection) as one:
        assert client.get(_detail(zaak)).status_code == 200
    for index in range(5):
        contacts.add_zaaknotitie(values={"subject": f"Notitie {index}", "text": "Tekst"}, **part)
        contacts.add_klantcontact(contacted_at=clock.now(), toelichting="Belde.", **part)

    with django_assert_max_num_queries(len(one)):
        page = client.get(_detail(zaak)).content.decode()

    assert page.count("Notitie 4") == 1 and page.count("Belde.") == 6


def test_what_an_application_adds_to_the_zaak_itself_shows_on_the_page(client, behandelaar_a, zaak):
    """Omschrijving, toelichting, resultaat toelichting and rollen besides the initiator."""

    app = Actor(type="application", id="vakapp", label="Vakapplicatie")
    registration.update_zaak(
        zaak=zaak,
        values={"omschrijving": "Parkeerplek bij de school", "toelichting": "Aangevraagd aan de balie."},
        actor=app,
        may_change_closed=False,
        zgw_actie="partial_update",
    )
    adviseur = RolType.objects.create(
        zaaktype=zaak.zaaktype, omschrijving="Adviseur", generic=RolOmschrijvingGeneriek.ADVISEUR
    )
    registration.add_rol(
        zaak=zaak,
        roltype=adviseur,
        values={"subject_type": "medewerker", "name": "P. Jansen", "roltoelichting": "Verkeerskundige"},
        actor=app,
        may_change_closed=False,
    )
    registration.set_resultaat(
        zaak=zaak,
        resultaattype=zaak.zaaktype.resultaattypen.first(),
        toelichting="Toegekend na advies.",
        actor=app,
        may_change_closed=False,
    )

    page = log_in(client, behandelaar_a).get(_detail(zaak)).content.decode()

    assert "Parkeerplek bij de school" in page and "Aangevraagd aan de balie." in page
    assert "Andere betrokkenen" in page and "Adviseur" in page and "P. Jansen" in page
    assert "Verkeerskundige" in page
    assert "Toegekend na advies." in page
    assert page.count("Suzanne Moulin") == 1, "the initiator is not listed twice"
