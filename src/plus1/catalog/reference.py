"""The addresses of the national reference lists, and reads of them by address.

A ZGW resultaattype or zaaktype points at a reference object by URL. Every object has two
addresses: the public VNG one stored in ``url`` (``https://selectielijst.openzaak.nl/api/v1/
procestypen/<uuid>``) and ours, served by ``plus1.api.referentielijsten`` at
``<host>/referentielijsten/api/v1/procestypen/<uuid>``. Both carry the same uuid, so a client may
use either and we resolve it locally by collection and uuid, never over the network.
"""

import uuid as uuid_lib
from typing import TypeVar
from urllib.parse import urlsplit

from django.db.models import Model, QuerySet

from .models import (
    Communicatiekanaal,
    ResultaatTypeOmschrijving,
    SelectielijstProcestype,
    SelectielijstResultaat,
)

# Where plus1.urls mounts our Referentielijsten API.
REFERENCE_API_PATH = "/referentielijsten/api/v1/"
# The public VNG Referentielijsten APIs (Open Zaak's and VNG's own) serve at /api/v1/.
OFFICIAL_HOSTS = frozenset({"selectielijst.openzaak.nl", "referentielijsten-api.vng.cloud"})
OFFICIAL_API_PATH = "/api/v1/"

COLLECTIONS: dict[type[Model], str] = {
    SelectielijstProcestype: "procestypen",
    SelectielijstResultaat: "resultaten",
    ResultaatTypeOmschrijving: "resultaattypeomschrijvingen",
    Communicatiekanaal: "communicatiekanalen",
}

ReferenceObject = (
    SelectielijstProcestype | SelectielijstResultaat | ResultaatTypeOmschrijving | Communicatiekanaal
)
T = TypeVar("T", bound=Model)


def parse_reference_url(url: str) -> tuple[str, uuid_lib.UUID] | None:
    """Return the collection and uuid a reference URL points at, or None if it is not one.

    Accepted: our own address on any host (path ``/referentielijsten/api/v1/<collection>/<uuid>``)
    and the official ``https://selectielijst.openzaak.nl/api/v1/...`` and
    ``https://referentielijsten-api.vng.cloud/api/v1/...`` addresses. A trailing slash is allowed.
    """
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    if parts.path.startswith(REFERENCE_API_PATH):
        rest = parts.path[len(REFERENCE_API_PATH) :]
    elif parts.hostname in OFFICIAL_HOSTS and parts.path.startswith(OFFICIAL_API_PATH):
        rest = parts.path[len(OFFICIAL_API_PATH) :]
    else:
        return None
    segments = rest.rstrip("/").split("/")
    if len(segments) != 2 or segments[0] not in COLLECTIONS.values():
        return None
    try:
        return segments[0], uuid_lib.UUID(segments[1])
    except ValueError:
        return None


def _for_url(url: str, model: type[T]) -> T | None:
    parsed = parse_reference_url(url)
    if parsed is None or parsed[0] != COLLECTIONS[model]:
        return None
    return model._default_manager.filter(uuid=parsed[1]).first()


def selectielijst_procestype_for_url(url: str) -> SelectielijstProcestype | None:
    """Return the selectielijst procestype that ``url`` (ours or VNG's) identifies, if any."""
    return _for_url(url, SelectielijstProcestype)


def selectielijst_resultaat_for_url(url: str) -> SelectielijstResultaat | None:
    """Return the selectielijst result class (ZGW ``selectielijstklasse``) ``url`` identifies, if any."""
    return _for_url(url, SelectielijstResultaat)


def resultaattypeomschrijving_for_url(url: str) -> ResultaatTypeOmschrijving | None:
    """Return the generic result description (ZGW ``resultaattypeomschrijving``) ``url`` identifies."""
    return _for_url(url, ResultaatTypeOmschrijving)


def communicatiekanaal_for_url(url: str) -> Communicatiekanaal | None:
    """Return the communicatiekanaal ``url`` identifies (ZGW Zaken zrc-010), if any."""
    return _for_url(url, Communicatiekanaal)


def local_reference_url(obj: ReferenceObject, base_url: str) -> str:
    """Return our own absolute address of a reference object.

    ``base_url`` is the scheme and host to serve from (``request.build_absolute_uri("/")``); a base
    that already ends in the API path (``http://host/referentielijsten/api/v1/``) is taken as is.
    """
    base = base_url.rstrip("/")
    api_root = REFERENCE_API_PATH.rstrip("/")
    if not base.endswith(api_root):
        base += api_root
    return f"{base}/{COLLECTIONS[type(obj)]}/{obj.uuid}"


def procestypen(*, jaar: int | None = None) -> QuerySet[SelectielijstProcestype]:
    """The selectielijst procestypen, by year and number; only those of ``jaar`` when given."""
    queryset = SelectielijstProcestype.objects.order_by("jaar", "nummer")
    return queryset if jaar is None else queryset.filter(jaar=jaar)


def selectielijst_resultaten(
    *, procestype: SelectielijstProcestype | None = None
) -> QuerySet[SelectielijstResultaat]:
    """The selectielijst result classes with their procestype, in the order of the list."""
    queryset = SelectielijstResultaat.objects.select_related("procestype").order_by(
        "procestype__jaar", "procestype__nummer", "id"
    )
    return queryset if procestype is None else queryset.filter(procestype=procestype)


def resultaattypeomschrijvingen() -> QuerySet[ResultaatTypeOmschrijving]:
    return ResultaatTypeOmschrijving.objects.order_by("omschrijving")


def communicatiekanalen() -> QuerySet[Communicatiekanaal]:
    return Communicatiekanaal.objects.order_by("naam")


def get_reference_object(model: type[T], *, uuid: uuid_lib.UUID) -> T:
    """Return the reference object of ``model`` with ``uuid``; raises ``model.DoesNotExist``."""
    queryset = model._default_manager.all()
    if model is SelectielijstResultaat:
        queryset = queryset.select_related("procestype")
    return queryset.get(uuid=uuid)
