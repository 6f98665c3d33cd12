"""The addresses of ZGW resources: one place builds and reads them, for the APIs and the outbox.

A ZGW reference is an absolute URL (``https://host/zaken/api/v1/zaken/<uuid>``). Inside a
request the host is the one the caller used; elsewhere (a task, a command) it is
``PLUS1_BASE_URL``. Reading a URL back accepts every host Plus1 answers to, so a client may
send what it was given.
"""

from __future__ import annotations

import re
import uuid
from contextlib import contextmanager
from contextvars import ContextVar
from urllib.parse import urlsplit

from django.conf import settings

_base_url: ContextVar[str | None] = ContextVar("zgw_base_url", default=None)

# The mount point of each API, as the standard names them.
API_ROOTS = {
    "catalogi": "/catalogi/api/v1",
    "zaken": "/zaken/api/v1",
    "documenten": "/documenten/api/v1",
    "besluiten": "/besluiten/api/v1",
    "autorisaties": "/autorisaties/api/v1",
    "notificaties": "/notificaties/api/v1",
    "referentielijsten": "/referentielijsten/api/v1",
}

_UUID = re.compile(r"^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$")


def base_url() -> str:
    """The scheme and host of the current request, or ``PLUS1_BASE_URL`` outside one."""
    return (_base_url.get() or settings.PLUS1_BASE_URL).rstrip("/")


@contextmanager
def using_base_url(url: str):
    token = _base_url.set(url.rstrip("/"))
    try:
        yield
    finally:
        _base_url.reset(token)


def url(api: str, collection: str, object_uuid: uuid.UUID | str, *rest: str) -> str:
    """``url("zaken", "zaken", zaak.uuid)`` -> ``https://host/zaken/api/v1/zaken/<uuid>``."""
    tail = "".join(f"/{part}" for part in rest)
    return f"{base_url()}{API_ROOTS[api]}/{collection}/{object_uuid}{tail}"


def _is_local_host(netloc: str) -> bool:
    host = netloc.split("@")[-1].lower()
    ours = {urlsplit(base_url()).netloc.lower(), urlsplit(settings.PLUS1_BASE_URL).netloc.lower()}
    hostname = host.rsplit(":", 1)[0] if not host.startswith("[") else host
    return (
        host in ours
        or hostname in {h.lower() for h in settings.ALLOWED_HOSTS}
        or "*" in settings.ALLOWED_HOSTS
    )


def uuid_from_url(value: str, api: str, collection: str) -> uuid.UUID | None:
    """The uuid in a URL of ours that points at ``collection`` of ``api``; None for anything else.

    A URL of another host is not fetched: Plus1 only resolves references to itself.
    """
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not _is_local_host(parts.netloc):
        return None
    prefix = f"{API_ROOTS[api]}/{collection}/"
    if not parts.path.startswith(prefix):
        return None
    rest = parts.path[len(prefix) :].rstrip("/")
    if not _UUID.match(rest):
        return None
    return uuid.UUID(rest)
