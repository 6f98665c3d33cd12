"""Documenten API 1.7.0 at ``/documenten/api/v1/``.

An enkelvoudiginformatieobject is the same ``InformatieObject`` row the portal and the back
office use: a resident's upload shows here, and a document registered here shows on its zaak
once a zaakinformatieobject links them. Every change goes through
``plus1.cases.services.documents``. One router module per resource.
"""

from __future__ import annotations

from plus1.notifications.kanalen import describe

from ..common import audittrail
from ..common.api import make_api
from .access import EIO
from .bestandsdelen import router as bestandsdelen
from .enkelvoudiginformatieobjecten import router as enkelvoudiginformatieobjecten
from .gebruiksrechten import router as gebruiksrechten
from .objectinformatieobjecten import router as objectinformatieobjecten
from .verzendingen import router as verzendingen

# Generated clients name their methods after the operation ids, which were made from this
# module before it was split into routers: they stay as they were.
api = make_api(
    "documenten", description=describe("documenten"), operation_id_prefix="plus1_api_documenten_api"
)

audittrail.register("cases.informatieobject", "documenten", EIO, "enkelvoudiginformatieobject")
audittrail.register("cases.verzending", "documenten", "verzendingen", "verzending")

for router in (
    enkelvoudiginformatieobjecten,
    bestandsdelen,
    objectinformatieobjecten,
    gebruiksrechten,
    verzendingen,
):
    api.add_router("", router)
