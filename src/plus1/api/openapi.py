"""Our generated OpenAPI document per ZGW API: build it, render it as stable YAML, find drift.

The document is what django-ninja generates with paths relative to the API root (``/zaken``,
``/zaken/{uuid}``, like the standard), and ``servers`` naming that root (``/zaken/api/v1``).
The YAML has sorted keys and no aliases, so the same code always gives the same bytes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from plus1.api import registry

if TYPE_CHECKING:
    from ninja import NinjaAPI

    from plus1.api.registry import ApiSpec


def build_document(spec: ApiSpec, api: NinjaAPI) -> dict[str, Any]:
    """Return the OpenAPI document of one API as plain JSON data."""
    schema = api.get_openapi_schema(path_prefix="")
    # Through JSON: plain dicts, lists and scalars only (no OpenAPISchema, enums or lazy strings).
    document = json.loads(json.dumps(schema, default=str))
    document["servers"] = [{"url": spec.mount}]
    _document_gate_answers(document)
    return document


# Answers no operation declares, because they come before it runs: ``304`` from the ETag of a
# read (``api.common.http``, ``readcache``); ``411`` and ``413`` from the request gate
# (``api.common.gate``: a chunked body, a body over its limit), in the ZGW error shape; ``414``
# from the web server (a request line over its limit), without a ZGW body. Documented on every
# operation they can come from, so a client that checks answers against the document expects them.
GATE_ANSWERS = {
    "304": ("Niet gewijzigd: de versie die u al heeft (If-None-Match) is nog actueel.", {"get", "head"}),
    "411": ("Geef de lengte van de invoer mee (Content-Length).", {"post", "put", "patch"}),
    "413": ("De invoer is te groot.", {"post", "put", "patch"}),
    "414": ("Het adres (URL) is te lang.", {"get", "head", "post", "put", "patch", "delete"}),
}
WITHOUT_BODY = {"304", "414"}


def _document_gate_answers(document: dict[str, Any]) -> None:
    has_fout = "Fout" in document.get("components", {}).get("schemas", {})
    for operations in document.get("paths", {}).values():
        for method, operation in operations.items():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            for code, (description, methods) in GATE_ANSWERS.items():
                if method not in methods or code in operation["responses"]:
                    continue
                answer: dict[str, Any] = {"description": description}
                if code not in WITHOUT_BODY and has_fout:
                    schema = {"$ref": "#/components/schemas/Fout"}
                    answer["content"] = {"application/problem+json": {"schema": schema}}
                operation["responses"][code] = answer


class _NoAliasDumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


def render(document: dict[str, Any]) -> str:
    """Dump the document as deterministic YAML (sorted keys, unicode kept, no line wrapping)."""
    return yaml.dump(
        document,
        Dumper=_NoAliasDumper,
        sort_keys=True,
        allow_unicode=True,
        default_flow_style=False,
        width=1_000_000,
    )


@dataclass(frozen=True)
class Generated:
    spec: ApiSpec
    path: Path
    text: str

    @property
    def is_up_to_date(self) -> bool:
        return self.path.is_file() and self.path.read_text(encoding="utf-8") == self.text


def generate(spec: ApiSpec) -> Generated | None:
    """Render the current document of one API, or None while the API does not exist yet."""
    api = registry.load_api(spec.name)
    if api is None:
        return None
    return Generated(spec=spec, path=spec.openapi_path, text=render(build_document(spec, api)))


def generate_all(names: list[str] | None = None) -> list[Generated]:
    """Render the documents of the APIs that exist (all six, or the ones named)."""
    specs = [registry.APIS[name] for name in names] if names else list(registry.APIS.values())
    return [generated for spec in specs if (generated := generate(spec)) is not None]
