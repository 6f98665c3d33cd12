"""Chain partners and shared zaken for the tests: a GGD, a zaak with request data and a document."""

from __future__ import annotations

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile

from plus1.cases.models import Zaak, ZaakEigenschap, ZaakShare
from plus1.cases.services import add_zaak_document, share_zaak
from plus1.core import clock
from plus1.tenants.models import Organisation
from plus1.tenants.services import create_partner_organisation

from .factories import SYSTEM

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
ALL_PARTS = ["shares_request_data", "shares_documents", "shares_contact_data", "shares_status"]


def ggd() -> Organisation:
    return create_partner_organisation(name="GGD regio Utrecht", slug="ggd-regio-utrecht")


def schuldhulp() -> Organisation:
    return create_partner_organisation(name="Schuldhulp Utrecht", slug="schuldhulp-utrecht")


def with_request_data_and_document(zaak: Zaak) -> Zaak:
    """Give the zaak an answered question of its form and a document, to see what is shared."""
    eigenschap = zaak.zaaktype.eigenschappen.create(
        order=99, name="situatie", label="Uw situatie", data_type="text", step="Situatie"
    )
    ZaakEigenschap.objects.create(zaak=zaak, eigenschap=eigenschap, value="Geheime situatieschets")
    link = zaak.zaaktype.document_types.select_related("informatieobjecttype").first()
    add_zaak_document(
        zaak=zaak,
        informatieobjecttype_id=link.informatieobjecttype_id,
        upload=SimpleUploadedFile("medische-verklaring.pdf", PDF, content_type="application/pdf"),
        actor=SYSTEM,
    )
    zaak.refresh_from_db()
    return zaak


def shared(zaak: Zaak, partner: Organisation, *, parts=ALL_PARTS, days: int = 30, **options) -> ZaakShare:
    return share_zaak(
        tenant=zaak.tenant,
        zaak=zaak,
        partner=partner,
        purpose=options.pop("purpose", "Beoordelen of een medisch advies nodig is"),
        legal_ground=options.pop("legal_ground", "Wmo 2015, artikel 5.3.1"),
        parts=parts,
        valid_until=clock.today() + datetime.timedelta(days=days),
        actor=SYSTEM,
        **options,
    )
