"""The factory every ZGW API is made with: auth, error bodies, OpenAPI metadata."""

from __future__ import annotations

from typing import Any

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


# The APIs whose detail reads answer If-None-Match (``http.detail_response``), as their standard says.
CONDITIONAL_GET = {"catalogi", "zaken", "documenten"}
IF_NONE_MATCH = {
    "in": "header",
    "name": "If-None-Match",
    "required": False,
    "schema": {"type": "string"},
    "description": "Een of meer ETag-waarden; staat de huidige erbij, dan volgt 304 zonder inhoud.",
}


class ZgwNinjaAPI(NinjaAPI):
    """A NinjaAPI whose document says what the API answers.

    Errors are ``application/problem+json``; detail reads of the APIs with ETags document the
    ``If-None-Match`` header that every one of them honours.
    """

    zgw_name = ""

    def get_openapi_schema(self, *args: Any, **kwargs: Any):
        schema = super().get_openapi_schema(*args, **kwargs)
        for path, operations in schema.get("paths", {}).items():
            for method, operation in operations.items():
                if self.zgw_name in CONDITIONAL_GET and method in ("get", "head") and path.endswith("}"):
                    parameters = operation.setdefault("parameters", [])
                    if not any(p.get("name") == "If-None-Match" for p in parameters):
                        parameters.append(dict(IF_NONE_MATCH))
                for status, response in operation.get("responses", {}).items():
                    content = response.get("content")
                    if str(status) >= "400" and content and "application/json" in content:
                        response["content"] = {"application/problem+json": content.pop("application/json")}
        return schema


def make_api(name: str, *, description: str = "") -> NinjaAPI:
    """A NinjaAPI for one standard API, mounted at ``/<name>/api/v1/``.

    No interactive docs page: it would load Swagger UI from a CDN, and Plus1 serves
    everything itself. The OpenAPI document is at ``schema/openapi.json``.
    """
    title, version = TITLES[name]
    api = ZgwNinjaAPI(
        title=title,
        version=version,
        description=description,
        urls_namespace=f"zgw-{name}",
        auth=ZgwJwtAuth(),
        docs_url=None,
        openapi_url="/schema/openapi.json",
        servers=[{"url": f"/{name}/api/v1"}],
    )
    api.zgw_name = name
    errors.install(api)
    return api
