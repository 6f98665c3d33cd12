"""Rules of our own in the Besluiten API (docs/zgw-deviations.md) stop nothing a standard
client normally sends: each refusal is shown with the everyday request it leaves alone."""

from __future__ import annotations

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from plus1.cases.models import RequestDraft
from plus1.cases.services.intake import add_draft_document
from plus1.core import clock

from .test_besluiten_api import ROOT, besluittype_url, body_for, codes, document_url, zaak_of

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_a_besluit_that_ends_on_or_after_its_ingangsdatum_is_accepted(zgw_client, gemeente_a):
    # Own rule: vervaldatum not before ingangsdatum (the table holds it, as the back office does).
    zaak = zaak_of(gemeente_a)
    besluittype = zaak.zaaktype.besluittypen.get()
    app = zgw_client(gemeente_a)
    today = clock.today()
    for vervaldatum in (today, today + datetime.timedelta(days=365), None):
        response = app.post(
            f"{ROOT}/besluiten",
            json=body_for(
                app,
                besluittype,
                vervaldatum=vervaldatum.isoformat() if vervaldatum else None,
                vervalreden="tijdelijk" if vervaldatum else "",
            ),
        )
        assert response.status_code == 201, response.text
    refused = app.post(
        f"{ROOT}/besluiten",
        json=body_for(app, besluittype, vervaldatum=(today - datetime.timedelta(days=1)).isoformat()),
    )
    assert refused.status_code == 400 and codes(refused) == {("vervaldatum", "invalid")}


def test_dates_of_an_everyday_besluit_are_accepted(zgw_client, gemeente_a):
    # Own rule: dates lie between 1800-01-01 and 100 years from now.
    zaak = zaak_of(gemeente_a)
    app = zgw_client(gemeente_a)
    response = app.post(
        f"{ROOT}/besluiten",
        json=body_for(
            app,
            zaak.zaaktype.besluittypen.get(),
            datum="1998-06-30",
            ingangsdatum="1998-07-01",
            vervaldatum="2098-06-30",
            vervalreden="tijdelijk",
            publicatiedatum="1998-07-02",
            verzenddatum="1998-07-01",
            uiterlijkeReactiedatum="1998-08-12",
        ),
    )
    assert response.status_code == 201, response.text
    assert response.json()["vervaldatum"] == "2098-06-30"


def test_a_document_of_a_request_is_laid_down_in_a_besluit_once_the_request_is_sent(zgw_client, gemeente_a):
    # Own rule: an upload in a request the resident has not sent yet is not yet the gemeente's.
    zaak = zaak_of(gemeente_a)
    besluittype = zaak.zaaktype.besluittypen.get()
    link = zaak.zaaktype.document_types.get(direction="inkomend")
    draft = RequestDraft.objects.create(
        tenant=gemeente_a, adoption=zaak.zaaktype.adoptions.get(tenant=gemeente_a)
    )
    upload = add_draft_document(
        draft=draft,
        informatieobjecttype_id=link.informatieobjecttype_id,
        upload=SimpleUploadedFile("bewijs.pdf", PDF, content_type="application/pdf"),
    )
    app = zgw_client(gemeente_a)
    besluit = app.post(f"{ROOT}/besluiten", json=body_for(app, besluittype, zaak=zaak)).json()

    body = {"besluit": besluit["url"], "informatieobject": document_url(app, upload)}
    refused = app.post(f"{ROOT}/besluitinformatieobjecten", json=body)
    assert refused.status_code == 400 and codes(refused) == {("informatieobject", "draft-document")}

    # Sent: the document belongs to the zaak, and a client lays the besluit down in it.
    upload.zaak = zaak
    upload.save(update_fields=["zaak"])
    accepted = app.post(f"{ROOT}/besluitinformatieobjecten", json=body)
    assert accepted.status_code == 201, accepted.text
    assert besluittype_url(app, besluittype) == besluit["besluittype"]
