"""Sharing a zaak with a chain partner in the back office: the gemeente shares and revokes,
the partner sees only the shared parts while the share is in force, and every view is logged."""

import datetime

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from plus1.accounts.selectors import current_totp_code
from plus1.audit.models import ProcessingRecord
from plus1.cases.models import ZaakShare
from plus1.cases.services import contacts
from plus1.cases.tests.factories import SYSTEM, adopt_with_team, handling_zaaktype, new_zaak
from plus1.cases.tests.sharing import PDF, ggd, schuldhulp, shared, with_request_data_and_document
from plus1.core import clock

from .conftest import log_in, make_employee, make_partner_employee

pytestmark = pytest.mark.django_db


@pytest.fixture
def zaak(gemeente_a, team_a):
    adoption = adopt_with_team(gemeente=gemeente_a, zaaktype=handling_zaaktype(), team_name=team_a.name)
    return with_request_data_and_document(new_zaak(adoption))


@pytest.fixture
def partner(db):
    return ggd()


@pytest.fixture
def arts(partner, actor):
    return make_partner_employee(
        "ggd-arts", partner=partner, actor=actor, first_name="Fatima", last_name="Arts"
    )


def _share_post(zaak, partner, **changes):
    data = {
        "delen-version": zaak.version,
        "delen-partner": partner.pk,
        "delen-purpose": "Beoordelen of een medisch advies nodig is",
        "delen-legal_ground": "Wmo 2015, artikel 5.3.1",
        "delen-parts": ["shares_status", "shares_contact_data"],
        "delen-partner_may": ["partner_may_add_notes"],
        "delen-valid_until": str(clock.today() + datetime.timedelta(days=30)),
    }
    data.update(changes)
    return data


def _detail(share):
    return reverse("backoffice:shared-zaak", args=[share.uuid])


def test_a_case_handler_shares_the_zaak_and_sees_the_share_on_the_page(client, behandelaar_a, zaak, partner):
    log_in(client, behandelaar_a)
    page = client.get(reverse("backoffice:zaak-detail", args=[zaak.identificatie])).content.decode()
    assert 'id="actie-delen"' in page and "Deze zaak is niet gedeeld." in page

    response = client.post(
        reverse("backoffice:zaak-action", args=[zaak.identificatie, "delen"]), _share_post(zaak, partner)
    )

    assert response.status_code == 302
    share = ZaakShare.objects.get()
    assert (share.partner, share.shares_status, share.shares_documents) == (partner, True, False)
    assert share.partner_may_add_notes and not share.partner_may_add_documents
    assert share.created_by == behandelaar_a
    page = client.get(response.url).content.decode()
    assert "De zaak is gedeeld met GGD regio Utrecht" in page
    assert "Beoordelen of een medisch advies nodig is" in page and "Intrekken" in page


def test_a_share_without_purpose_or_too_long_is_refused_in_plain_dutch(client, behandelaar_a, zaak, partner):
    log_in(client, behandelaar_a)
    url = reverse("backoffice:zaak-action", args=[zaak.identificatie, "delen"])

    too_long = client.post(
        url,
        _share_post(
            zaak, partner, **{"delen-valid_until": str(clock.today() + datetime.timedelta(days=400))}
        ),
    )
    no_purpose = client.post(url, _share_post(zaak, partner, **{"delen-purpose": ""}))

    assert too_long.status_code == 400 and "hoogstens 365 dagen" in too_long.content.decode()
    assert no_purpose.status_code == 400 and "Dit veld is verplicht" in no_purpose.content.decode()
    assert not ZaakShare.objects.exists()


def test_someone_outside_the_zaaks_team_cannot_share(client, gemeente_a, actor, zaak, partner):
    outsider = make_employee("buiten-team", gemeente=gemeente_a, actor=actor)
    log_in(client, outsider)

    response = client.post(
        reverse("backoffice:zaak-action", args=[zaak.identificatie, "delen"]), _share_post(zaak, partner)
    )

    assert response.status_code == 403
    assert not ZaakShare.objects.exists()


def test_revoking_ends_the_partners_access_at_once(client, behandelaar_a, arts, zaak, partner):
    share = shared(zaak, partner)
    log_in(client, arts)
    assert client.get(_detail(share)).status_code == 200

    log_in(client, behandelaar_a).post(
        reverse("backoffice:zaak-share-revoke", args=[zaak.identificatie, share.uuid]),
        {"reason": "Hulp is geregeld"},
    )

    share.refresh_from_db()
    assert share.is_revoked and share.revoke_reason == "Hulp is geregeld"
    response = log_in(client, arts).get(_detail(share))
    page = response.content.decode()
    assert response.status_code == 404
    assert "niet meer met u gedeeld" in page and "heeft het delen ingetrokken" in page
    assert "Suzanne Moulin" not in page


def test_the_partner_sees_only_the_zaken_shared_with_it(client, arts, zaak, partner, gemeente_b, team_b):
    mine = shared(zaak, partner)
    other_partner = shared(
        new_zaak(adopt_with_team(gemeente=gemeente_b, zaaktype=handling_zaaktype()), name="Karel Groen"),
        schuldhulp(),
    )
    log_in(client, arts)

    page = client.get(reverse("backoffice:shared-zaken")).content.decode()

    assert zaak.identificatie in page and "1 zaak gedeeld." in page
    assert "GGD regio Utrecht" in page and "Werkvoorraad" not in page
    assert client.get(_detail(other_partner)).status_code == 404
    assert client.get(_detail(mine)).status_code == 200


def test_the_partner_sees_only_the_shared_parts(client, arts, zaak, partner):
    share = shared(zaak, partner, parts=["shares_status", "shares_contact_data"])
    document = zaak.documenten.get()
    log_in(client, arts)

    page = client.get(_detail(share)).content.decode()

    assert "Suzanne Moulin" in page and "suzanne@example.org" in page, "contact data is shared"
    assert "999993653" not in page, "the BSN is never shown to a partner"
    assert "Geheime situatieschets" not in page, "request data is not shared"
    assert "medische-verklaring.pdf" not in page, "documents are not shared"
    assert "Ontvangen" in page, "the status is shared"
    document_url = reverse("backoffice:shared-document", args=[share.uuid, document.uuid])
    assert client.get(document_url).status_code == 404
    assert 'id="actie-notitie"' not in page and 'id="actie-document"' not in page


def test_shared_documents_and_request_data_can_be_opened(client, arts, zaak, partner):
    share = shared(zaak, partner, parts=["shares_documents", "shares_request_data"])
    document = zaak.documenten.get()
    log_in(client, arts)

    page = client.get(_detail(share)).content.decode()
    response = client.get(reverse("backoffice:shared-document", args=[share.uuid, document.uuid]))

    assert "Geheime situatieschets" in page and "medische-verklaring.pdf" in page
    assert "Suzanne Moulin" not in page, "contact data is not shared"
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert response["Content-Security-Policy"] == "sandbox"


def test_after_the_end_date_the_partner_sees_nothing(client, arts, zaak, partner):
    share = shared(zaak, partner, days=5)
    log_in(client, arts)
    after = datetime.datetime.combine(share.valid_until + datetime.timedelta(days=1), datetime.time(9))

    with time_machine.travel(after.replace(tzinfo=datetime.UTC), tick=False):
        listing = client.get(reverse("backoffice:shared-zaken")).content.decode()
        response = client.get(_detail(share))

    assert zaak.identificatie not in listing
    assert response.status_code == 404 and "niet meer met u gedeeld" in response.content.decode()
    assert "Suzanne Moulin" not in response.content.decode()


def test_the_partner_adds_a_note_and_a_document_when_allowed(client, arts, zaak, partner, behandelaar_a):
    share = shared(zaak, partner, partner_may_add_notes=True, partner_may_add_documents=True)
    type_id = zaak.zaaktype.document_types.first().informatieobjecttype_id
    log_in(client, arts)

    client.post(reverse("backoffice:shared-action", args=[share.uuid, "notitie"]), {"text": "Advies volgt"})
    bad = client.post(
        reverse("backoffice:shared-action", args=[share.uuid, "document"]),
        {"informatieobjecttype": type_id, "file": SimpleUploadedFile("advies.pdf", b"not a pdf")},
    )
    client.post(
        reverse("backoffice:shared-action", args=[share.uuid, "document"]),
        {"informatieobjecttype": type_id, "file": SimpleUploadedFile("advies.pdf", PDF)},
    )

    assert bad.status_code == 400 and "geen PDF" in bad.content.decode()
    assert zaak.notes.get().author_label == "Fatima Arts (GGD regio Utrecht)"
    assert zaak.documenten.filter(share=share).get().filename == "advies.pdf"
    page = log_in(client, behandelaar_a).get(reverse("backoffice:zaak-detail", args=[zaak.identificatie]))
    assert "Advies volgt" in page.content.decode() and "advies.pdf" in page.content.decode()


def test_the_partner_cannot_add_notes_or_documents_when_not_allowed(client, arts, zaak, partner):
    share = shared(zaak, partner)
    log_in(client, arts)

    response = client.post(
        reverse("backoffice:shared-action", args=[share.uuid, "notitie"]), {"text": "Hallo"}
    )

    assert response.status_code == 403
    assert not zaak.notes.exists()


def test_every_partner_view_is_logged_for_the_gemeente(client, arts, zaak, partner, gemeente_a):
    share = shared(zaak, partner)
    log_in(client, arts)

    client.get(_detail(share))
    client.get(_detail(share))
    client.get(reverse("backoffice:shared-zaken"))

    records = ProcessingRecord.objects.for_tenant(gemeente_a).filter(actor_type="partner")
    assert records.count() == 2
    assert {(r.actor_unit, r.purpose, r.legal_ground) for r in records} == {
        ("GGD regio Utrecht", share.purpose, share.legal_ground)
    }


def test_a_partner_cannot_reach_any_gemeente_page(client, arts, zaak, partner):
    shared(zaak, partner)
    log_in(client, arts)

    for url in (
        reverse("backoffice:inbox"),
        reverse("backoffice:dashboard"),
        reverse("backoffice:zaak-detail", args=[zaak.identificatie]),
    ):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "Suzanne Moulin" not in response.content.decode()
        assert "Naar de zaken die met u zijn gedeeld" in response.content.decode()


def test_a_gemeente_employee_cannot_open_the_partner_pages(client, behandelaar_a, zaak, partner):
    share = shared(zaak, partner)

    response = log_in(client, behandelaar_a).get(_detail(share))

    assert response.status_code == 403


def test_a_partner_employee_logs_in_with_password_and_code_and_lands_on_the_shared_zaken(client, arts):
    step_one = client.post(
        reverse("backoffice:login"), {"username": "ggd-arts", "password": "een-lang-wachtwoord"}
    )
    assert step_one.status_code == 302 and step_one.url.startswith(reverse("backoffice:login-code"))

    step_two = client.post(step_one.url, {"code": current_totp_code(arts)}, follow=True)

    assert step_two.redirect_chain[-1][0] == reverse("backoffice:shared-zaken")
    assert "GGD regio Utrecht" in step_two.text and "Gemeente" not in step_two.text.split("<main")[0]
    assert "Ingelogd als Fatima Arts" in step_two.text


@pytest.mark.parametrize(("parts", "sees_notitie"), [(["shares_status"], False), (["shares_notes"], True)])
def test_a_partner_sees_api_notities_only_with_the_notes_and_never_a_klantcontact(
    client, arts, zaak, partner, parts, sees_notitie
):
    part = {"zaak": zaak, "actor": SYSTEM, "may_change_closed": True}
    contacts.add_zaaknotitie(values={"subject": "Telefoon", "text": "Inwoner belde."}, **part)
    contacts.add_klantcontact(
        contacted_at=clock.now(), subject="Termijn", toelichting="Vroeg naar de termijn.", **part
    )
    share = shared(zaak, partner, parts=parts)

    page = log_in(client, arts).get(_detail(share)).content.decode()

    assert ("Notitie: Telefoon" in page and "Inwoner belde." in page) is sees_notitie
    assert "Vroeg naar de termijn." not in page, "contact with the resident is not part of any share"
