"""Catalogi API 1.3.3 at ``/catalogi/api/v1/``, over the catalog the portal and back office use.

One module per resource, each with its own ``Router``; ``reading`` and ``writing`` hold what
they share (scopes, tenancy, filters, list/detail, ownership, publish and delete).
"""

from __future__ import annotations

from ninja.operation import Operation

from plus1.notifications.kanalen import describe

from ..common.api import make_api
from . import (
    besluittypen,
    catalogussen,
    eigenschappen,
    informatieobjecttypen,
    resultaattypen,
    roltypen,
    statustypen,
    zaakobjecttypen,
    zaaktype_informatieobjecttypen,
    zaaktypen,
)

api = make_api("catalogi", description=describe("zaaktypen", "besluittypen", "informatieobjecttypen"))


def _operation_id(operation: Operation) -> str:
    # The ids clients generate code from stay as they were when this module held every operation.
    return f"plus1_api_catalogi_api_{operation.view_func.__name__}"


api.get_openapi_operation_id = _operation_id  # type: ignore[method-assign]

for module in (
    catalogussen,
    zaaktypen,
    informatieobjecttypen,
    besluittypen,
    statustypen,
    roltypen,
    resultaattypen,
    eigenschappen,
    zaakobjecttypen,
    zaaktype_informatieobjecttypen,
):
    api.add_router("", module.router)
