"""Real DigiD and eHerkenning (SAML, django-digid-eherkenning) only when they are configured.

The library's views crash (a 500) while the DigiD or eHerkenning configuration in the admin has
no certificate, metadata or entity id yet. Its views are mounted here behind a guard: without a
usable configuration the resident gets a plain Dutch "not possible now" page (503) and the log
says what is missing; the deploy checks plus1.E002/E003 (connectors.checks) report the same.
"""

from __future__ import annotations

import logging
from typing import Any

from digid_eherkenning import views as library_views
from digid_eherkenning.exceptions import CertificateProblem
from digid_eherkenning.models import DigidConfiguration, EherkenningConfiguration
from digid_eherkenning.models.base import BaseConfiguration
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt

logger = logging.getLogger(__name__)


def configuration_problem(model: type[BaseConfiguration]) -> str | None:
    """What keeps this SAML configuration from serving a log-in, or None when nothing does.

    Reads without writing (``get_solo`` would create the row), so deploy checks may call it.
    Database errors propagate: the caller decides what an unreachable database means.
    """
    config = model.objects.first()
    if config is None:
        return "has not been filled in yet"
    if not config.idp_metadata_file:
        return "has no metadata of the identity provider (metadata file URL)"
    if not (config.entity_id and config.base_url):
        return "has no entity ID or base URL"
    try:
        config.select_certificates()
    except CertificateProblem:
        return "has no valid certificate with private key"
    return None


class ConfiguredOnlyMixin:
    """Answer 503 with a clear page instead of running the library's view unconfigured."""

    configuration: type[BaseConfiguration]
    service_name: str

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        problem = configuration_problem(self.configuration)
        if problem is None:
            try:
                return super().dispatch(request, *args, **kwargs)
            except CertificateProblem as exc:
                # A certificate expired between the check above and its use.
                problem = exc.message
        logger.error("%s log-in is not possible: the configuration %s", self.service_name, problem)
        return render(
            request, "connectors/login_unavailable.html", {"service_name": self.service_name}, status=503
        )


class DigidConfigured(ConfiguredOnlyMixin):
    configuration = DigidConfiguration
    service_name = "DigiD"


class EherkenningConfigured(ConfiguredOnlyMixin):
    configuration = EherkenningConfiguration
    service_name = "eHerkenning"


class DigiDLoginView(DigidConfigured, library_views.DigiDLoginView):
    pass


class DigiDAssertionConsumerServiceView(DigidConfigured, library_views.DigiDAssertionConsumerServiceView):
    pass


class DigiDLogoutView(DigidConfigured, library_views.DigiDLogoutView):
    pass


class DigidSingleLogoutRedirectView(DigidConfigured, library_views.DigidSingleLogoutRedirectView):
    pass


# The library exempts this SOAP endpoint (DigiD calls it server to server) from CSRF on its own
# dispatch; as_view() reads the mark from ours, so it is set again here.
@method_decorator(csrf_exempt, name="dispatch")
class DigidSingleLogoutSoapView(DigidConfigured, library_views.DigidSingleLogoutSoapView):
    pass


class EherkenningLoginView(EherkenningConfigured, library_views.eHerkenningLoginView):
    pass


class EherkenningAssertionConsumerServiceView(
    EherkenningConfigured, library_views.eHerkenningAssertionConsumerServiceView
):
    pass
