"""The gemeente asks for a kind of document; the resident's answer form proposes that kind."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from plus1.cases import services
from plus1.cases.exceptions import ZaakError
from plus1.cases.tests.factories import SYSTEM, adopt_with_team, handling_zaaktype, new_zaak
from plus1.catalog.models import InformatieObjectType, ZaakTypeInformatieObjectType
from plus1.core import clock

from .conftest import log_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def zaak(gemeente_a, team_a):
    zaaktype = handling_zaaktype()
    # A second kind of document the resident can add, so proposing one is a real choice.
    ZaakTypeInformatieObjectType.objects.create(
        zaaktype=zaaktype,
        informatieobjecttype=InformatieObjectType.objects.create(
            tenant=zaaktype.tenant,
            catalogus=zaaktype.process.catalogus,
            omschrijving="Kentekenbewijs",
            category="Bewijs",
            confidentiality="zaakvertrouwelijk",
            valid_from="2026-01-01",
            status="published",
        ),
        volgnummer=3,
        direction="inkomend",
    )
    return new_zaak(adopt_with_team(gemeente=gemeente_a, zaaktype=zaaktype, team_name=team_a.name))


def _kentekenbewijs(zaak):
    return zaak.zaaktype.document_types.get(informatieobjecttype__omschrijving="Kentekenbewijs")


def test_the_case_handler_names_a_document_and_the_resident_gets_it_proposed(client, behandelaar_a, zaak):
    wanted = _kentekenbewijs(zaak).informatieobjecttype_id
    log_in(client, behandelaar_a).post(
        reverse("backoffice:zaak-action", args=[zaak.identificatie, "vraag"]),
        {
            "vraag-version": zaak.version,
            "vraag-question": "Stuur een kopie van uw kentekenbewijs.",
            "vraag-answer_due_on": (clock.today() + datetime.timedelta(days=14)).isoformat(),
            "vraag-document_type": wanted,
        },
    )
    assert zaak.information_requests.get().requested_document_type_id == wanted

    client.logout()
    client.force_login(get_user_model().digid_objects.digid_create("999993653"))
    page = client.get(reverse("portal:my-zaak-detail", args=[zaak.tenant.slug, zaak.identificatie]))

    assert page.context["answer_form"]["informatieobjecttype"].value() == wanted
    assert f'<option value="{wanted}" selected>Kentekenbewijs</option>' in page.text


def test_without_a_named_document_nothing_is_preselected(client, zaak):
    services.request_information(
        zaak=zaak,
        question="Wanneer bent u thuis?",
        answer_due_on=clock.today() + datetime.timedelta(days=14),
        actor=SYSTEM,
        expected_version=None,
    )
    client.force_login(get_user_model().digid_objects.digid_create("999993653"))

    page = client.get(reverse("portal:my-zaak-detail", args=[zaak.tenant.slug, zaak.identificatie]))

    assert " selected>" not in page.text.split('name="informatieobjecttype"')[1].split("</select>")[0]


def test_a_document_type_of_another_zaaktype_is_refused(zaak):
    other = InformatieObjectType.objects.exclude(
        pk__in=zaak.zaaktype.document_types.values("informatieobjecttype_id")
    ).first() or InformatieObjectType.objects.create(
        tenant=zaak.zaaktype.tenant,
        catalogus=zaak.zaaktype.process.catalogus,
        omschrijving="Iets anders",
        category="Bewijs",
        confidentiality="zaakvertrouwelijk",
        valid_from="2026-01-01",
        status="published",
    )

    with pytest.raises(ZaakError, match="hoort niet bij deze zaak"):
        services.request_information(
            zaak=zaak,
            question="Stuur iets.",
            answer_due_on=clock.today() + datetime.timedelta(days=14),
            actor=SYSTEM,
            expected_version=None,
            document_type_id=other.pk,
        )
    assert not zaak.information_requests.exists()
