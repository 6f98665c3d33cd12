"""The bestandsdelen: the parts a large document is uploaded in (multipart/form-data)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import File, Form, Router, UploadedFile

from plus1.cases.models import BestandsDeel
from plus1.cases.services import documents as services
from plus1.core import zgw

from ..common.auth import actor_for, require_for_object, require_scope
from ..common.errors import invalid, not_found
from ..common.http import json_response
from ..common.schemas import WRITE_ERRORS
from .access import (
    DRC,
    UPDATE,
    parse_uuid,
)
from .schemas import (
    BestandsDeelResponse,
)

router = Router()


@router.put(
    "/bestandsdelen/{uuid}",
    response={200: BestandsDeelResponse, **WRITE_ERRORS},
    summary="Werk een BESTANDSDEEL in zijn geheel bij.",
)
def bestandsdeel_update(
    request: HttpRequest, uuid: str, lock: Form[str], inhoud: File[UploadedFile] = None
) -> HttpResponse:
    access = require_scope(request, DRC, UPDATE)
    part = (
        BestandsDeel.objects.for_tenant(request.tenant)
        .select_related("informatieobject__informatieobjecttype")
        .filter(uuid=parse_uuid(uuid))
        .first()
    )
    if part is None:
        raise not_found()
    document = part.informatieobject
    require_for_object(
        request,
        DRC,
        UPDATE,
        type_id=document.informatieobjecttype_id,
        confidentiality=document.confidentiality,
    )
    if inhoud is None:
        raise invalid("inhoud", "required", "Stuur de inhoud van dit bestandsdeel mee.")
    part = services.upload_part(part=part, actor=actor_for(access), lock=lock, upload=inhoud)
    url = zgw.url("documenten", "bestandsdelen", part.uuid)
    return json_response(
        {
            "url": url,
            "lock": lock,
            "omvang": part.size,
            "inhoud": url,
            "voltooid": part.is_complete,
            "volgnummer": part.volgnummer,
        }
    )
