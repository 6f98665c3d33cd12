"""The library's DigiD URLs (digid_eherkenning.digid_urls), each behind the configuration guard."""

from django.urls import path

from . import saml

app_name = "digid"

urlpatterns = [
    path("login/", saml.DigiDLoginView.as_view(), name="login"),
    path("acs/", saml.DigiDAssertionConsumerServiceView.as_view(), name="acs"),
    path("logout/", saml.DigiDLogoutView.as_view(), name="logout"),
    path("slo/redirect/", saml.DigidSingleLogoutRedirectView.as_view(), name="slo-redirect"),
    path("slo/soap/", saml.DigidSingleLogoutSoapView.as_view(), name="slo-soap"),
]
