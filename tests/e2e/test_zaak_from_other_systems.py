"""In a real browser: the zaak page with everything other systems wrote through the Zaken API
(related zaken both ways and one elsewhere, a document linked from another zaak, objects, the
place, contactmomenten and verzoeken) passes axe (WCAG 2.2 AA)."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from plus1.audit.services import Actor
from plus1.backoffice.tests.conftest import make_employee
from plus1.cases.services import add_zaak_document, contacts, documents, registration
from plus1.cases.services.links import RelatedZaak
from plus1.cases.tests.factories import adopt_with_team, handling_zaaktype, new_zaak

from .conftest import assert_accessible
from .test_case_handling_journey import PDF, _employee_logs_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

APP = Actor(type="application", id="vakapp", label="Vakapplicatie")


def test_the_zaak_page_with_what_other_systems_wrote_is_accessible(live_server, page, gemeente_a, actor):
    adoption = adopt_with_team(gemeente=gemeente_a, zaaktype=handling_zaaktype(), team_name="Vergunningen")
    zaak, earlier, pointing = new_zaak(adoption), new_zaak(adoption), new_zaak(adoption)
    part = {"actor": APP, "may_change_closed": False}
    registration.update_zaak(
        zaak=zaak,
        values={
            "relevante_andere_zaken": [
                RelatedZaak(other=earlier, relation="vervolg"),
                RelatedZaak(url="https://zaken.elders.example/api/v1/zaken/7", relation="bijdrage"),
            ],
            "zaakgeometrie": {"type": "Point", "coordinates": [5.1214, 52.0907]},
        },
        zgw_actie="partial_update",
        **part,
    )
    registration.update_zaak(
        zaak=pointing,
        values={"relevante_andere_zaken": [RelatedZaak(other=zaak, relation="onderwerp")]},
        zgw_actie="partial_update",
        **part,
    )
    document = add_zaak_document(
        zaak=earlier,
        informatieobjecttype_id=earlier.zaaktype.document_types.first().informatieobjecttype_id,
        upload=SimpleUploadedFile("bouwtekening.pdf", PDF, content_type="application/pdf"),
        actor=APP,
    )
    documents.link_zaak_document(zaak=zaak, document=document, actor=APP)
    registration.set_zaakobject(
        zaak=zaak,
        values={
            "object_type": "adres",
            "object": "https://bag.example.nl/adressen/1",
            "object_identification": {"gorOpenbareRuimteNaam": "Stationsstraat", "huisnummer": 1},
        },
        **part,
    )
    contacts.link_contactmoment(
        zaak=zaak, contactmoment="https://klantinteracties.example/contactmomenten/1", **part
    )
    contacts.link_verzoek(zaak=zaak, verzoek="https://klantinteracties.example/verzoeken/2", **part)
    anna = make_employee("anna", gemeente=gemeente_a, team=zaak.team, actor=actor, first_name="Anna")

    _employee_logs_in(page, live_server.url, anna)
    page.goto(f"{live_server.url}/backoffice/zaken/{zaak.identificatie}/")
    page.wait_for_url(re.compile(rf"/backoffice/zaken/{zaak.identificatie}/$"))

    for text in (
        "Waar gaat de zaak over?",
        "Stationsstraat 1",
        "bouwtekening.pdf",
        "Zaak in een ander systeem",
    ):
        assert page.get_by_text(text, exact=False).count() >= 1, text
    assert page.get_by_role("heading", name="Contact en verzoeken in andere systemen").count() == 1
    assert_accessible(page)
