"""The factory every ZGW API is made with: auth, error bodies, OpenAPI metadata."""

from __future__ import annotations

import functools
from typing import Any

from ninja import NinjaAPI

from . import errors
from .auth import ZgwJwtAuth
from .gate import ZgwParser
from .schemas import Fout, ValidatieFout

TITLES = {
    "catalogi": ("Catalogi API", "1.3.3"),
    "zaken": ("Zaken API", "1.7.0"),
    "documenten": ("Documenten API", "1.7.0"),
    "besluiten": ("Besluiten API", "1.1.0"),
    "autorisaties": ("Autorisaties API", "1.1.0"),
    "notificaties": ("Notificaties API", "1.0.1"),
}


ERROR_STATUSES = (400, 401, 403, 404, 406, 409, 410, 412, 415, 429, 500)

# The APIs whose detail reads answer If-None-Match (``http.detail_response``), as their standard says.
CONDITIONAL_GET = {"catalogi", "zaken", "documenten"}
IF_NONE_MATCH = {
    "in": "header",
    "name": "If-None-Match",
    "required": False,
    "schema": {"type": "string"},
    "description": "Een of meer ETag-waarden; staat de huidige erbij, dan volgt 304 zonder inhoud.",
}


# Request headers every operation of ours honours where its standard declares them:
# X-Audit-Toelichting goes into the audittrail (``auth``), the CRS headers give 412/406
# (``http.check_crs``). Declared as the standard spells them.
HONOURED_HEADERS = {"x-audit-toelichting", "accept-crs", "content-crs"}


@functools.cache
def _standard_headers(name: str) -> dict[tuple[str, str], list[dict]]:
    """(METHOD, path template) -> the honoured header parameters the standard declares there."""
    from plus1.api.oas_compare import path_template
    from plus1.api.registry import official_document

    document = official_document(name)
    shared = document.get("components", {}).get("parameters", {})
    found: dict[tuple[str, str], list[dict]] = {}
    for path, item in document.get("paths", {}).items():
        for method, operation in item.items():
            if method == "parameters" or not isinstance(operation, dict):
                continue
            headers = []
            for parameter in [*item.get("parameters", []), *operation.get("parameters", [])]:
                if "$ref" in parameter:
                    parameter = shared[parameter["$ref"].rsplit("/", 1)[-1]]
                if parameter.get("in") == "header" and parameter["name"].lower() in HONOURED_HEADERS:
                    headers.append(dict(parameter))
            if headers:
                found[(method.upper(), path_template(path))] = headers
    return found


class ZgwNinjaAPI(NinjaAPI):
    """A NinjaAPI whose document says what the API answers.

    Errors are ``application/problem+json``; detail reads of the APIs with ETags document the
    ``If-None-Match`` header that every one of them honours.
    """

    zgw_name = ""
    operation_id_prefix = ""

    def get_openapi_operation_id(self, operation: Any) -> str:
        if self.operation_id_prefix:
            return f"{self.operation_id_prefix}_{operation.view_func.__name__}"
        return super().get_openapi_operation_id(operation)

    def get_openapi_schema(self, *args: Any, **kwargs: Any):
        schema = super().get_openapi_schema(*args, **kwargs)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        for name, model in (("Fout", Fout), ("ValidatieFout", ValidatieFout)):
            if name not in components:
                definition = model.model_json_schema(ref_template="#/components/schemas/{model}")
                components.update(definition.pop("$defs", {}))
                components[name] = definition
        for path, operations in schema.get("paths", {}).items():
            for method, operation in operations.items():
                # Every operation can meet these (bad token, no access, unknown object, bad
                # input, overload): each is documented, with the ZGW body it comes with.
                responses = operation.setdefault("responses", {})
                for status in ERROR_STATUSES:
                    body = "ValidatieFout" if status == 400 else "Fout"
                    responses.setdefault(
                        str(status),
                        {
                            "description": errors.TITLES[status],
                            "content": {
                                "application/problem+json": {
                                    "schema": {"$ref": f"#/components/schemas/{body}"}
                                }
                            },
                        },
                    )
                declared = {p.get("name", "").lower() for p in operation.get("parameters", [])}
                for header in self._standard_headers(method, path):
                    if header["name"].lower() not in declared:
                        operation.setdefault("parameters", []).append(header)
                if self.zgw_name in CONDITIONAL_GET and method in ("get", "head") and path.endswith("}"):
                    parameters = operation.setdefault("parameters", [])
                    if not any(p.get("name") == "If-None-Match" for p in parameters):
                        parameters.append(dict(IF_NONE_MATCH))
                for status, response in operation.get("responses", {}).items():
                    content = response.get("content")
                    if str(status) >= "400" and content and "application/json" in content:
                        response["content"] = {"application/problem+json": content.pop("application/json")}
        return schema

    def _standard_headers(self, method: str, path: str) -> list[dict]:
        from plus1.api.oas_compare import path_template

        return _standard_headers(self.zgw_name).get((method.upper(), path_template(path)), [])


def make_api(name: str, *, description: str = "", operation_id_prefix: str = "") -> NinjaAPI:
    """A NinjaAPI for one standard API, mounted at ``/<name>/api/v1/``.

    ``operation_id_prefix`` fixes the start of every operation id (ninja derives it from the
    view's module otherwise), so moving views between modules does not rename operations.

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
        # The body the request gate (``gate.check_request``) has read and checked.
        parser=ZgwParser(),
        docs_url=None,
        openapi_url="/schema/openapi.json",
        servers=[{"url": f"/{name}/api/v1"}],
    )
    api.zgw_name = name
    api.operation_id_prefix = operation_id_prefix
    errors.install(api)
    return api
