"""Zaken API 1.7.0 at ``/zaken/api/v1/``, on the tables the portal and the back office use.

A zaak registered here lands in the inbox of the team that runs its process at the gemeente
and, once it has an initiator rol with a BSN, in that resident's Mijn zaken; a zaak from the
portal is visible here. Every change goes through a case service (``cases.services``),
which writes the audit row, the processing record and the ``zaken`` notification.

One module per resource, each with its own ``Router``; ``reading`` holds what they share
(scopes, lookups, what a client may see, list and detail).
"""

from __future__ import annotations

from plus1.cases.exceptions import MissingResultaat, ZaakClosed, ZaakError
from plus1.notifications.kanalen import describe

from ..common.api import make_api
from ..common.errors import ApiError, problem_response
from . import (
    klantcontacten,
    resultaten,
    rollen,
    statussen,
    zaakbesluiten,
    zaakcontactmomenten,
    zaakeigenschappen,
    zaakinformatieobjecten,
    zaaknotities,
    zaakobjecten,
    zaakverzoeken,
    zaken,
)

api = make_api("zaken", description=describe("zaken"))


@api.exception_handler(ZaakError)
def on_zaak_error(request, exc: ZaakError):
    if isinstance(exc, ZaakClosed):
        return problem_response(request, ApiError(403, "permission_denied", str(exc)))
    code = "resultaat-does-not-exist" if isinstance(exc, MissingResultaat) else "invalid"
    return problem_response(
        request, ApiError(400, "invalid", str(exc), invalid_params=[("nonFieldErrors", code, str(exc))])
    )


# ``zaken`` first: its ``/zaken/_zoek`` must be matched before ``/zaken/{uuid}``.
for module in (
    zaken,
    statussen,
    resultaten,
    rollen,
    zaakeigenschappen,
    zaakbesluiten,
    zaakobjecten,
    zaakinformatieobjecten,
    klantcontacten,
    zaakcontactmomenten,
    zaakverzoeken,
    zaaknotities,
):
    api.add_router("", module.router)
