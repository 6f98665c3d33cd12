"""The DigiD simulator's URLs (django-digid-eherkenning's mock), rate-limited per IP address.

The simulator asks for no password, but its form and its return address (``acs``) log a person
in, as the real DigiD's would: they are limited like the portal's own log-in
(``PLUS1_RATELIMIT_PORTAL_LOGIN``), so a script cannot create residents by the thousand. Only
mounted while ``PLUS1_DIGID_MOCK`` is on; production refuses to start with it.
"""

from digid_eherkenning.mock.idp.views.digid import DigiDMockIDPBSNLoginView, DigiDMockIDPLoginView
from digid_eherkenning.mock.views.digid import (
    DigiDAssertionConsumerServiceMockView,
    DigiDLoginMockView,
    DigiDLogoutMockView,
)
from django.urls import include, path

from plus1.core.ratelimit import limit_per_ip

MOCK_TEMPLATES = "connectors/digid_mock/"
LIMITED_FORM = limit_per_ip("digid-mock", rate_setting="PLUS1_RATELIMIT_PORTAL_LOGIN")
LIMITED_RETURN = limit_per_ip("digid-mock-acs", rate_setting="PLUS1_RATELIMIT_PORTAL_LOGIN", methods=("GET",))

service_patterns = [
    path("login/", DigiDLoginMockView.as_view(), name="login"),
    path("acs/", LIMITED_RETURN(DigiDAssertionConsumerServiceMockView.as_view()), name="acs"),
    path("logout/", DigiDLogoutMockView.as_view(), name="logout"),
]

idp_patterns = [
    # Our own templates: the library's load a script that fails on its BSN page.
    path(
        "inloggen/",
        DigiDMockIDPLoginView.as_view(template_name=f"{MOCK_TEMPLATES}login.html"),
        name="login",
    ),
    path(
        "inloggen_bsn/",
        LIMITED_FORM(DigiDMockIDPBSNLoginView.as_view(template_name=f"{MOCK_TEMPLATES}bsn.html")),
        name="bsn",
    ),
]

# The library's URL namespaces, so its redirects and templates keep working.
urlpatterns = [
    path("", include((service_patterns, "digid"))),
    path("idp/", include((idp_patterns, "digid-mock"))),
]
