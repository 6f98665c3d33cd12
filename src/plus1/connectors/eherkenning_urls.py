"""The library's eHerkenning URLs (digid_eherkenning.eherkenning_urls), behind the configuration guard."""

from django.urls import path

from . import saml

app_name = "eherkenning"

urlpatterns = [
    path("login/", saml.EherkenningLoginView.as_view(), name="login"),
    path("acs/", saml.EherkenningAssertionConsumerServiceView.as_view(), name="acs"),
]
