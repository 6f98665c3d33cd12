"""The URLs on a gemeente's own host name (loket.utrecht.nl): its portal at ``/``, no slug.

``plus1.portal.middleware.PortalHostMiddleware`` picks this urlconf when the host name belongs
to a gemeente. There is no admin and no other gemeente here, so no path leads to another's data.
"""

from django.urls import include, path

from plus1.portal.urls import app_name, gemeente_patterns

from .urls import common_patterns

urlpatterns = [
    *common_patterns,
    path("", include((gemeente_patterns, app_name))),
]
