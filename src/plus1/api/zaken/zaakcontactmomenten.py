"""The Zaken API's zaakcontactmomenten: a zaak is about a contactmoment in the Klantinteracties API.

Plus1 does not host that API: the contactmoment's URL is checked as a URL and stored as
given, not fetched. The relation is mirrored in that API (zrc-025, ``cases.services.mirrors``):
with the API configured (``PLUS1_KLANTINTERACTIES_*``) or in the local simulator.
"""

from __future__ import annotations

from plus1.cases.models import ZaakContactMoment
from plus1.cases.services import contacts as services

from .external_links import ExternalLink, external_link_router

router = external_link_router(
    ExternalLink(
        model=ZaakContactMoment,
        field="contactmoment",
        collection="zaakcontactmomenten",
        resource="zaakcontactmoment",
        schema_name="ZaakContactMoment",
        summaries={
            "list": "Alle ZAAKCONTACTMOMENTen opvragen.",
            "create": "Maak een ZAAKCONTACTMOMENT aan.",
            "retrieve": "Een specifiek ZAAKCONTACTMOMENT opvragen.",
            "destroy": "Verwijder een ZAAKCONTACTMOMENT.",
        },
        link=lambda zaak, url, actor, may_change_closed: services.link_contactmoment(
            zaak=zaak, contactmoment=url, actor=actor, may_change_closed=may_change_closed
        ),
        unlink=lambda link, actor, may_change_closed: services.unlink_contactmoment(
            link=link, actor=actor, may_change_closed=may_change_closed
        ),
    )
)
