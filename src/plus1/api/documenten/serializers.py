"""How the Documenten API shows a document: the enkelvoudiginformatieobject of an ``InformatieObject`` row."""

from __future__ import annotations

import datetime

from django.utils import timezone

from plus1.cases.models import InformatieObject
from plus1.cases.services import documents as services
from plus1.core import zgw


def zulu(value: datetime.datetime | None) -> str | None:
    return value.isoformat().replace("+00:00", "Z") if value else None


def iso_date(value) -> str | None:
    return value.isoformat() if value else None


def serialize(document: InformatieObject) -> dict:
    """The enkelvoudiginformatieobject of a document row (its related rows already loaded)."""
    url = services.document_url(document)
    iot = document.informatieobjecttype
    has_content = bool(document.file)
    return {
        "url": url,
        "identificatie": document.identificatie,
        "bronorganisatie": document.bronorganisatie,
        "creatiedatum": iso_date(document.created_on or timezone.localdate(document.uploaded_at)),
        "titel": document.titel or document.filename,
        "vertrouwelijkheidaanduiding": document.confidentiality or iot.confidentiality,
        "isGereedVoorPublicatie": document.is_ready_for_publication,
        "tonenAanInitiator": document.is_shown_to_initiator,
        "auteur": document.author or document.added_by,
        "status": document.status,
        "inhoudIsVervallen": document.is_content_expired,
        "formaat": document.content_type,
        "taal": document.language,
        "versie": document.version,
        "beginRegistratie": zulu(document.registered_at or document.uploaded_at),
        "bestandsnaam": document.filename,
        "inhoud": f"{url}/download?versie={document.version}" if has_content else None,
        "bestandsomvang": document.size,
        "link": document.link,
        "beschrijving": document.description,
        "ontvangstdatum": iso_date(document.received_on),
        "verzenddatum": iso_date(document.sent_on),
        "indicatieGebruiksrecht": document.has_usage_rights,
        "verschijningsvorm": document.appearance,
        "ondertekening": document.signature or {"soort": "", "datum": None},
        "integriteit": document.integrity or {"algoritme": "", "waarde": "", "datum": None},
        "informatieobjecttype": zgw.url("catalogi", "informatieobjecttypen", iot.uuid),
        "locked": document.is_locked,
        "bestandsdelen": [
            {
                "url": zgw.url("documenten", "bestandsdelen", part.uuid),
                "volgnummer": part.volgnummer,
                "omvang": part.size,
                "voltooid": part.is_complete,
                "lock": document.lock,
            }
            for part in document.bestandsdelen.all()
        ],
        "trefwoorden": document.keywords or [],
    }


def serialize_rows(rows) -> list[dict]:
    return [serialize(document) for document in rows]
