"""The library's eHerkenning URLs (digid_eherkenning.eherkenning_urls), behind the configuration guard."""

from django.urls import path

from plus1.core.ratelimit import limit_per_ip

from . import saml

RETURN_LIMIT = limit_per_ip(
    "eherkenning-acs", rate_setting="PLUS1_RATELIMIT_PORTAL_LOGIN", methods=("GET", "POST")
)

app_name = "eherkenning"

urlpatterns = [
    path("login/", saml.EherkenningLoginView.as_view(), name="login"),
    # The return address redeems the identity provider's answer: limited per IP like the log-in.
    path("acs/", RETURN_LIMIT(saml.EherkenningAssertionConsumerServiceView.as_view()), name="acs"),
]
