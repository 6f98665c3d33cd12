"""The factory every ZGW API is made with: auth, error bodies, OpenAPI metadata."""

from __future__ import annotations

from ninja import NinjaAPI

from . import errors
from .auth import ZgwJwtAuth

TITLES = {
    "catalogi": ("Catalogi API", "1.3.3"),
    "zaken": ("Zaken API", "1.7.0"),
    "documenten": ("Documenten API", "1.7.0"),
    "besluiten": ("Besluiten API", "1.1.0"),
    "autorisaties": ("Autorisaties API", "1.1.0"),
    "notificaties": ("Notificaties API", "1.0.1"),
}


def make_api(name: str, *, description: str = "") -> NinjaAPI:
    """A NinjaAPI for one standard API, mounted at ``/<name>/api/v1/``.

    No interactive docs page: it would load Swagger UI from a CDN, and Plus1 serves
    everything itself. The OpenAPI document is at ``schema/openapi.json``.
    """
    title, version = TITLES[name]
    api = NinjaAPI(
        title=title,
        version=version,
        description=description,
        urls_namespace=f"zgw-{name}",
        auth=ZgwJwtAuth(),
        docs_url=None,
        openapi_url="/schema/openapi.json",
        servers=[{"url": f"/{name}/api/v1"}],
    )
    errors.install(api)
    return api
