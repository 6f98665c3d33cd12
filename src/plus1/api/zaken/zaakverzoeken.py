"""The Zaken API's zaakverzoeken: a zaak follows from a verzoek in the Klantinteracties API.

Plus1 does not host that API: the verzoek's URL is checked as a URL and stored as
given, not fetched. The relation is mirrored in that API (zrc-024, ``cases.services.mirrors``):
with the API configured (``PLUS1_KLANTINTERACTIES_*``) or in the local simulator.
"""

from __future__ import annotations

from plus1.cases.models import ZaakVerzoek
from plus1.cases.services import contacts as services

from .external_links import ExternalLink, external_link_router

router = external_link_router(
    ExternalLink(
        model=ZaakVerzoek,
        field="verzoek",
        collection="zaakverzoeken",
        resource="zaakverzoek",
        schema_name="ZaakVerzoek",
        summaries={
            "list": "Alle ZAAK-VERZOEKen opvragen.",
            "create": "Maak een ZAAK-VERZOEK aan.",
            "retrieve": "Een specifieke ZAAK-VERZOEK opvragen.",
            "destroy": "Verwijder een ZAAK-VERZOEK.",
        },
        link=lambda zaak, url, actor, may_change_closed: services.link_verzoek(
            zaak=zaak, verzoek=url, actor=actor, may_change_closed=may_change_closed
        ),
        unlink=lambda link, actor, may_change_closed: services.unlink_verzoek(
            link=link, actor=actor, may_change_closed=may_change_closed
        ),
    )
)
