"""Content-Security-Policy per path: django-csp's middleware with a few narrow, named additions.

The policy itself lives in ``settings.CONTENT_SECURITY_POLICY``. Pages we do not write ourselves
sometimes need one exception (the Django admin's changelist ``<style>`` block, the DigiD mock's
decorative ``style`` attributes); ``settings.PLUS1_CSP_PATH_UPDATES`` maps a path prefix to the
directives added there, so the exception stays on those paths and the rest keeps the strict policy.
A view that sets its own ``Content-Security-Policy`` header (the sandboxed document downloads)
keeps it: django-csp never overwrites a header that is already there.
"""

from __future__ import annotations

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest
from django.http.response import HttpResponseBase


class PathCSPMiddleware(CSPMiddleware):
    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only or parts.update is not None:
            return parts
        for prefix, update in getattr(settings, "PLUS1_CSP_PATH_UPDATES", {}).items():
            if request.path_info.startswith(prefix):
                parts.update = update
                break
        return parts
