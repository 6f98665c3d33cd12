"""The six ZGW APIs, each at the root the standard gives it."""

from django.urls import path

from . import registry
from .autorisaties.api import api as autorisaties
from .besluiten.api import api as besluiten
from .catalogi.api import api as catalogi
from .documenten.api import api as documenten
from .feedback.api import api as klantwaardering
from .notificaties.api import api as notificaties
from .zaken.api import api as zaken

urlpatterns = [
    path("catalogi/api/v1/", catalogi.urls),
    path("zaken/api/v1/", zaken.urls),
    path("documenten/api/v1/", documenten.urls),
    path("besluiten/api/v1/", besluiten.urls),
    path("autorisaties/api/v1/", autorisaties.urls),
    path("notificaties/api/v1/", notificaties.urls),
    # Not a ZGW standard: Plus1's read-only Klantwaardering API (issue 19), with the same JWT.
    path("klantwaardering/api/v1/", klantwaardering.urls),
]

# The official documents the request gate checks media types and headers against, parsed with
# the URLconf (at start-up; with gunicorn's preload once, in the master) instead of in the
# first write each process answers, which spent seconds of CPU parsing YAML.
registry.warm_up()
