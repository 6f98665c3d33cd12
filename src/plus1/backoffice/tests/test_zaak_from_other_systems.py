"""What other systems write about a zaak through the Zaken API shows on the case handler's page:
related zaken, documents linked from another zaak, objects, the place, contactmomenten and
verzoeken. In plain Dutch, to employees of the gemeente only; a partner sees none of it unless
a share says so (documents)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from plus1.audit.models import AuditEntry
from plus1.audit.services import Actor
from plus1.cases.models import Zaak, ZaakLink
from plus1.cases.services import add_zaak_document, contacts, documents, registration
from plus1.cases.services.links import RelatedZaak, link_zaken, links_of
from plus1.cases.tests.factories import adopt_with_team, handling_zaaktype, new_zaak
from plus1.cases.tests.sharing import ALL_PARTS, PDF, ggd, schuldhulp, shared

from .conftest import log_in, make_partner_employee

pytestmark = pytest.mark.django_db

APP = Actor(type="application", id="vakapp", label="Vakapplicatie")
ELSEWHERE = "https://zaken.andere-leverancier.example/api/v1/zaken/7"


@pytest.fixture
def adoption(gemeente_a, team_a):
    return adopt_with_team(gemeente=gemeente_a, zaaktype=handling_zaaktype(), team_name=team_a.name)


def _detail(zaak):
    return reverse("backoffice:zaak-detail", args=[zaak.identificatie])


def _through_the_api(zaak, **values):
    """As the Zaken API's PATCH does: the registration service with ZGW-derived values."""
    return registration.update_zaak(
        zaak=zaak, values=values, actor=APP, may_change_closed=False, zgw_actie="partial_update"
    )


def _link_earlier_and_elsewhere_through_the_api(zaak, earlier):
    _through_the_api(
        zaak,
        relevante_andere_zaken=[
            RelatedZaak(other=earlier, relation="vervolg"),
            RelatedZaak(url=ELSEWHERE, relation="bijdrage"),
        ],
    )


def _section(page: str, heading_id: str) -> str:
    start = page.index(f'id="{heading_id}"')
    return page[start : page.index("</section>", start)]


def test_related_zaken_from_the_api_and_from_this_page_show_together(client, behandelaar_a, adoption):
    zaak, earlier, subject = new_zaak(adoption), new_zaak(adoption), new_zaak(adoption)
    _link_earlier_and_elsewhere_through_the_api(zaak, earlier)
    log_in(client, behandelaar_a)
    response = client.post(
        reverse("backoffice:zaak-action", args=[zaak.identificatie, "koppelen"]),
        {
            "koppelen-version": Zaak.objects.get(pk=zaak.pk).version,
            "koppelen-other": subject.identificatie,
            "koppelen-relation": "onderwerp",
        },
    )
    assert response.status_code == 302

    related = _section(client.get(_detail(zaak)).content.decode(), "kop-gekoppeld")
    assert f'href="{_detail(earlier)}"' in related
    assert "Die zaak was de aanleiding voor deze zaak (vervolg)." in related
    assert "Zaak in een ander systeem: " + ELSEWHERE in related
    assert "Deze zaak helpt die zaak verder (bijdrage)." in related
    assert f'href="{_detail(subject)}"' in related and "Deze zaak gaat over die zaak (onderwerp)." in related
    # The other zaak says which zaken point at it.
    pointing = _section(client.get(_detail(earlier)).content.decode(), "kop-gekoppeld")
    assert "Andere zaken die naar deze zaak verwijzen" in pointing and f'href="{_detail(zaak)}"' in pointing


def _unlink(client, zaak, link):
    return client.post(
        reverse("backoffice:zaak-action", args=[zaak.identificatie, "ontkoppelen"]),
        {"ontkoppelen-version": Zaak.objects.get(pk=zaak.pk).version, "ontkoppelen-link": link.pk},
    )


def test_a_case_handler_removes_a_link_an_application_made_and_the_api_no_longer_lists_it(
    client, behandelaar_a, adoption
):

    zaak, earlier = new_zaak(adoption), new_zaak(adoption)
    _link_earlier_and_elsewhere_through_the_api(zaak, earlier)
    log_in(client, behandelaar_a)
    related = _section(client.get(_detail(zaak)).content.decode(), "kop-gekoppeld")
    assert related.count(">Ontkoppelen<") == 2
    assert f'Ontkoppelen<span class="visually-hidden">: {earlier.identificatie}</span>' in related

    response = _unlink(client, zaak, ZaakLink.objects.get(zaak=zaak, other=earlier))
    assert response.status_code == 302
    page = client.get(_detail(zaak)).content.decode()
    assert "De koppeling is verwijderd." in page
    related = _section(page, "kop-gekoppeld")
    assert f'href="{_detail(earlier)}"' not in related and ELSEWHERE in related
    # relevanteAndereZaken in the Zaken API are these same rows.
    assert [(link.url, link.relation) for link in links_of(Zaak.objects.get(pk=zaak.pk))] == [
        (ELSEWHERE, "bijdrage")
    ]
    entry = AuditEntry.objects.filter(action="unlink_zaken").get()
    assert entry.before == {"other": earlier.identificatie, "relation": "vervolg"}
    assert entry.actor_label and entry.object_id == str(zaak.pk)


def test_a_link_removed_a_moment_ago_or_of_another_zaak_is_refused_in_plain_words(
    client, behandelaar_a, adoption
):

    zaak, other, third = new_zaak(adoption), new_zaak(adoption), new_zaak(adoption)
    own = link_zaken(zaak=zaak, other_identificatie=other.identificatie, relation="onderwerp", actor=APP)
    elsewhere = link_zaken(
        zaak=third, other_identificatie=other.identificatie, relation="onderwerp", actor=APP
    )
    log_in(client, behandelaar_a)

    response = _unlink(client, zaak, elsewhere)  # a link of another zaak, sent on this zaak's page
    assert response.status_code == 400
    assert "Deze koppeling bestaat niet meer." in response.content.decode()
    assert ZaakLink.objects.filter(pk=elsewhere.pk).exists()

    ZaakLink.objects.filter(pk=own.pk).delete()  # a colleague was quicker
    response = _unlink(client, zaak, own)
    assert response.status_code == 400
    assert "Deze koppeling bestaat niet meer." in response.content.decode()
    assert ZaakLink.objects.filter(zaak=third).count() == 1


def test_an_employee_outside_the_team_cannot_remove_a_link(client, behandelaar_b, adoption):

    zaak, other = new_zaak(adoption), new_zaak(adoption)
    link = link_zaken(zaak=zaak, other_identificatie=other.identificatie, relation="onderwerp", actor=APP)
    log_in(client, behandelaar_b)  # another gemeente: the zaak does not exist for them
    assert _unlink(client, zaak, link).status_code == 404
    assert ZaakLink.objects.filter(pk=link.pk).exists()


def test_a_document_linked_from_another_zaak_shows_and_opens_on_both(client, behandelaar_a, adoption):
    first, second = new_zaak(adoption), new_zaak(adoption)
    document = add_zaak_document(
        zaak=first,
        informatieobjecttype_id=first.zaaktype.document_types.first().informatieobjecttype_id,
        upload=SimpleUploadedFile("bouwtekening.pdf", PDF, content_type="application/pdf"),
        actor=APP,
    )
    # What POST /zaakinformatieobjecten does for the second zaak.
    documents.link_zaak_document(zaak=second, document=document, actor=APP)
    log_in(client, behandelaar_a)

    page = client.get(_detail(second)).content.decode()
    listed = _section(page, "kop-documenten")
    assert "bouwtekening.pdf" in listed and f"Hoort ook bij zaak {first.identificatie}." in listed
    assert "Document: bouwtekening.pdf" in _section(page, "kop-tijdlijn").replace("</strong>", "")
    opened = client.get(reverse("backoffice:zaak-document", args=[second.identificatie, document.uuid]))
    assert opened.status_code == 200 and b"".join(opened.streaming_content) == PDF
    assert "Hoort ook bij zaak" not in _section(client.get(_detail(first)).content.decode(), "kop-documenten")


def test_a_partner_sees_a_linked_document_only_when_documents_are_shared(client, actor, adoption):
    first, second = new_zaak(adoption), new_zaak(adoption)
    document = add_zaak_document(
        zaak=first,
        informatieobjecttype_id=first.zaaktype.document_types.first().informatieobjecttype_id,
        upload=SimpleUploadedFile("advies.pdf", PDF, content_type="application/pdf"),
        actor=APP,
    )
    documents.link_zaak_document(zaak=second, document=document, actor=APP)
    with_documents, without = shared(second, ggd()), shared(second, schuldhulp(), parts=["shares_status"])

    def open_as(share, username):
        log_in(client, make_partner_employee(username, partner=share.partner, actor=actor))
        page = client.get(reverse("backoffice:shared-zaak", args=[share.uuid])).content.decode()
        response = client.get(reverse("backoffice:shared-document", args=[share.uuid, document.uuid]))
        return "advies.pdf" in page, response.status_code

    assert open_as(with_documents, "ggd-arts") == (True, 200)
    assert open_as(without, "schuldhulpverlener") == (False, 404)


def _with_objects_place_and_contacts(zaak: Zaak, *, objects: int = 1) -> None:
    for number in range(1, objects + 1):
        registration.set_zaakobject(
            zaak=zaak,
            values={
                "object_type": "adres",
                "object": f"https://bag.example.nl/adressen/{number}",
                "relatieomschrijving": "Hier komt de uitrit",
                "object_identification": {
                    "gorOpenbareRuimteNaam": "Stationsstraat",
                    "huisnummer": number,
                    "huisletter": "a",
                    "postcode": "3511 AB",
                    "wplWoonplaatsNaam": "Utrecht",
                },
            },
            actor=APP,
            may_change_closed=False,
        )
    registration.set_zaakobject(
        zaak=zaak,
        values={
            "object_type": "overige",
            "object_type_overige": "Boom",
            "object": "https://bomen.example/12",
        },
        actor=APP,
        may_change_closed=False,
    )
    _through_the_api(zaak, zaakgeometrie={"type": "Point", "coordinates": [5.1214, 52.0907]})
    contacts.link_contactmoment(
        zaak=zaak,
        contactmoment="https://klantinteracties.example/contactmomenten/1",
        actor=APP,
        may_change_closed=False,
    )
    contacts.link_verzoek(
        zaak=zaak, verzoek="https://klantinteracties.example/verzoeken/2", actor=APP, may_change_closed=False
    )


def test_objects_place_contactmomenten_and_verzoeken_show_in_plain_words(client, behandelaar_a, adoption):
    zaak = new_zaak(adoption)
    _with_objects_place_and_contacts(zaak)

    page = log_in(client, behandelaar_a).get(_detail(zaak)).content.decode()

    about = _section(page, "kop-objecten")
    assert "Waar gaat de zaak over?" in about
    assert "<dt>Adres</dt>" in about and "Stationsstraat 1a, 3511 AB Utrecht" in about
    assert "Hier komt de uitrit" in about and "https://bag.example.nl/adressen/1" in about
    assert "<dt>Boom</dt>" in about and "https://bomen.example/12" in about
    assert (
        "<dt>Plaats</dt>" in about
        and "1 punt op breedtegraad 52,09070, lengtegraad 5,12140 (WGS84)." in about
    )
    contact = _section(page, "kop-contact")
    assert "Contactmoment: https://klantinteracties.example/contactmomenten/1" in contact
    assert "Verzoek: https://klantinteracties.example/verzoeken/2" in contact


def test_an_area_reads_as_the_box_it_lies_in(client, behandelaar_a, adoption):
    zaak = new_zaak(adoption)
    square = [[[5.1, 52.0], [5.2, 52.0], [5.2, 52.1], [5.1, 52.1], [5.1, 52.0]]]
    _through_the_api(zaak, zaakgeometrie={"type": "Polygon", "coordinates": square})

    about = _section(log_in(client, behandelaar_a).get(_detail(zaak)).content.decode(), "kop-objecten")

    assert (
        "1 vlak, tussen breedtegraad 52,00000 en 52,10000 en lengtegraad 5,10000 en 5,20000 (WGS84)." in about
    )


def test_a_partner_sees_none_of_the_objects_place_or_contacts(client, actor, adoption):
    zaak = new_zaak(adoption)
    _with_objects_place_and_contacts(zaak)
    partner = ggd()
    share = shared(zaak, partner, parts=ALL_PARTS)

    page = log_in(client, make_partner_employee("ggd-arts", partner=partner, actor=actor))
    content = page.get(reverse("backoffice:shared-zaak", args=[share.uuid])).content.decode()

    for text in ("Stationsstraat", "bomen.example", "breedtegraad", "klantinteracties.example"):
        assert text not in content


def test_an_employee_of_another_gemeente_sees_none_of_it(client, behandelaar_b, adoption):
    zaak = new_zaak(adoption)
    _with_objects_place_and_contacts(zaak)

    assert log_in(client, behandelaar_b).get(_detail(zaak)).status_code == 404


def test_the_page_takes_the_same_number_of_queries_for_one_part_or_many(
    client, behandelaar_a, adoption, django_assert_max_num_queries
):
    zaak = new_zaak(adoption)
    _with_objects_place_and_contacts(zaak)
    _through_the_api(zaak, relevante_andere_zaken=[RelatedZaak(other=new_zaak(adoption), relation="vervolg")])
    log_in(client, behandelaar_a)
    client.get(_detail(zaak))  # warm the per-process caches (session, catalog)
    with CaptureQueriesContext(connection) as one:
        assert client.get(_detail(zaak)).status_code == 200

    many = new_zaak(adoption)
    _with_objects_place_and_contacts(many, objects=5)
    others = [new_zaak(adoption) for _ in range(4)]
    _through_the_api(
        many, relevante_andere_zaken=[RelatedZaak(other=o, relation="onderwerp") for o in others]
    )
    for other in others:
        _through_the_api(other, relevante_andere_zaken=[RelatedZaak(other=many, relation="bijdrage")])

    with django_assert_max_num_queries(len(one)):
        page = client.get(_detail(many)).content.decode()
    assert page.count("Stationsstraat") == 5
