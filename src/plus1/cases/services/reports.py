"""Reports made without logging in (melding openbare ruimte) with photos and a point on the map."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from plus1.audit.services import Actor
from plus1.catalog.constants import GENERATED_DOCUMENT_TYPES
from plus1.catalog.models import Adoption, ZaakType, ZaakTypeInformatieObjectType
from plus1.tenants.models import Organisation

from ..exceptions import InvalidRequestData, InvalidUpload
from ..models import RequestDraft, Zaak
from ..uploads import check_upload
from . import documents
from .intake import submit_anonymous_report

# Enough to show the spot and the problem; the rate limit of the report form covers the rest.
MAX_REPORT_PHOTOS = 5
# A point must lie in (or just around) the Netherlands: a slip of the finger on a map of the
# world should not send a gemeente's team to the ocean. WGS84 degrees.
LATITUDE_RANGE = (Decimal("50.5"), Decimal("53.8"))
LONGITUDE_RANGE = (Decimal("3.2"), Decimal("7.3"))


def photo_document_type(zaaktype: ZaakType) -> ZaakTypeInformatieObjectType | None:
    """The document type a report's photos are stored as: its first document the reporter supplies."""
    return (
        zaaktype.document_types.filter(direction="inkomend")
        .exclude(informatieobjecttype__omschrijving__in=GENERATED_DOCUMENT_TYPES)
        .select_related("informatieobjecttype")
        .order_by("volgnummer")
        .first()
    )


def check_photo(upload: UploadedFile) -> str:
    """Return the content type of a photo (JPG or PNG, by content, within the upload limit)."""
    content_type = check_upload(upload)
    if not content_type.startswith("image/"):
        raise InvalidUpload(f"{upload.name} is geen foto. Voeg een foto toe als JPG of PNG.")
    return content_type


def report_point(latitude: str, longitude: str) -> dict[str, Any] | None:
    """A GeoJSON Point (WGS84, as the zaakgeometrie holds it) from the map's two fields, or None."""
    if not latitude.strip() and not longitude.strip():
        return None
    try:
        lat, lon = Decimal(latitude.strip()), Decimal(longitude.strip())
    except InvalidOperation as exc:
        raise InvalidRequestData({"locatie": "Het punt op de kaart is niet goed doorgekomen."}) from exc
    if not (
        LATITUDE_RANGE[0] <= lat <= LATITUDE_RANGE[1] and LONGITUDE_RANGE[0] <= lon <= LONGITUDE_RANGE[1]
    ):
        raise InvalidRequestData(
            {"locatie": "Het punt op de kaart ligt niet in Nederland. Kies de plek opnieuw."}
        )
    return {"type": "Point", "coordinates": [float(round(lon, 6)), float(round(lat, 6))]}


@transaction.atomic
def submit_report(
    *,
    tenant: Organisation,
    adoption: Adoption,
    token: uuid.UUID,
    answers: dict[str, str],
    email: str,
    actor: Actor,
    photos: Sequence[UploadedFile] = (),
    point: dict[str, Any] | None = None,
) -> Zaak:
    """Register a report with its photos (as the zaak's documents) and its point on the map.

    Every photo is checked (content, size) before anything is written; one bad photo stops the
    whole report, so nothing is half stored. Sending the same form again (same ``token``)
    returns the zaak it made and adds nothing.
    """
    if len(photos) > MAX_REPORT_PHOTOS:
        raise InvalidUpload(f"U kunt hoogstens {MAX_REPORT_PHOTOS} foto's meesturen.")
    photo_type = photo_document_type(adoption.zaaktype) if photos else None
    if photos and photo_type is None:
        raise InvalidUpload("Bij deze melding kunt u geen foto's meesturen.")
    checked = [(photo, check_photo(photo)) for photo in photos]
    already_sent = RequestDraft.objects.filter(uuid=token, zaak__isnull=False).exists()
    zaak = submit_anonymous_report(
        tenant=tenant, adoption=adoption, token=token, answers=answers, email=email, actor=actor
    )
    if already_sent:
        return zaak
    for photo, content_type in checked:
        documents.store_upload(
            tenant=tenant,
            zaak=zaak,
            informatieobjecttype_id=photo_type.informatieobjecttype_id,
            upload=photo,
            content_type=content_type,
            actor=actor,
        )
    if point is not None:
        zaak.zaakgeometrie = point
        zaak.save(update_fields=["zaakgeometrie"])
    return zaak
