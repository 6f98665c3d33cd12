"""The six ZGW APIs: name, version, component code and where their official OpenAPI document is.

Each API is a ``ninja.NinjaAPI`` named ``api`` in ``plus1.api.<name>.api``, mounted at
``/<name>/api/v1/``. Our generated document is committed next to it as ``openapi.yaml``.
"""

from __future__ import annotations

import functools
import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ninja import NinjaAPI

API_DIR = Path(__file__).resolve().parent
REPO_ROOT = API_DIR.parents[2]
# The in-project copy the tooling reads (byte-identical, see standard/README.md): a clone in CI
# has no ../shared next to it.
STANDARD_DIR = API_DIR / "standard"
# Where the copy came from; present on a developer's machine, absent in CI.
SHARED_STANDARD_DIR = REPO_ROOT.parent / "shared" / "standards" / "zgw"


@dataclass(frozen=True)
class ApiSpec:
    name: str
    version: str
    component: str
    official_file: str

    @property
    def module(self) -> str:
        return f"plus1.api.{self.name}.api"

    @property
    def mount(self) -> str:
        """The API root, without trailing slash, as it appears in our document's ``servers``."""
        return f"/{self.name}/api/v1"

    @property
    def official_path(self) -> Path:
        return STANDARD_DIR / self.official_file

    @property
    def openapi_path(self) -> Path:
        """Our committed, generated document."""
        return API_DIR / self.name / "openapi.yaml"


APIS: dict[str, ApiSpec] = {
    spec.name: spec
    for spec in (
        ApiSpec("catalogi", "1.3.3", "ztc", "catalogi-1.3.3.yaml"),
        ApiSpec("zaken", "1.7.0", "zrc", "zaken-1.7.0.yaml"),
        ApiSpec("documenten", "1.7.0", "drc", "documenten-1.7.0.yaml"),
        ApiSpec("besluiten", "1.1.0", "brc", "besluiten-1.1.0.yaml"),
        ApiSpec("autorisaties", "1.1.0", "ac", "autorisaties-1.1.0.yaml"),
        ApiSpec("notificaties", "1.0.1", "nrc", "notificaties-1.0.1.yaml"),
    )
}


def load_api(name: str) -> NinjaAPI | None:
    """Return the ``api`` of ``plus1.api.<name>.api``, or None while that module does not exist.

    Only a missing module counts as "not built yet": an import error inside an existing API
    module is raised, so a broken API never silently drops out of the checks.
    """
    spec = APIS[name]
    try:
        module = importlib.import_module(spec.module)
    except ModuleNotFoundError as exc:
        if exc.name in (spec.module, f"plus1.api.{name}"):
            return None
        raise
    return module.api


def existing_apis() -> list[ApiSpec]:
    """The APIs whose module exists, in registry order."""
    return [spec for spec in APIS.values() if load_api(spec.name) is not None]


@functools.cache
def official_document(name: str) -> dict:
    """The official OpenAPI document of API ``name``, parsed once per process (read-only).

    The request gate and the header checks read it on the first request; parsed in pure Python
    the seven documents cost seconds of CPU in every app process, so libyaml's loader is used
    where it is installed, and ``warm_up()`` does it before the first request.
    """
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(APIS[name].official_path.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506


def warm_up() -> None:
    """Parse every official document now (at start-up), not in the first request that needs it."""
    for name in APIS:
        official_document(name)
