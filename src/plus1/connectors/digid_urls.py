"""The library's DigiD URLs (digid_eherkenning.digid_urls), each behind the configuration guard."""

from django.urls import path

from plus1.core.ratelimit import limit_per_ip

from . import saml

RETURN_LIMIT = limit_per_ip("digid-acs", rate_setting="PLUS1_RATELIMIT_PORTAL_LOGIN", methods=("GET", "POST"))

app_name = "digid"

urlpatterns = [
    path("login/", saml.DigiDLoginView.as_view(), name="login"),
    # The return address redeems the identity provider's answer: limited per IP like the log-in.
    path("acs/", RETURN_LIMIT(saml.DigiDAssertionConsumerServiceView.as_view()), name="acs"),
    path("logout/", saml.DigiDLogoutView.as_view(), name="logout"),
    path("slo/redirect/", saml.DigidSingleLogoutRedirectView.as_view(), name="slo-redirect"),
    path("slo/soap/", saml.DigidSingleLogoutSoapView.as_view(), name="slo-soap"),
]
