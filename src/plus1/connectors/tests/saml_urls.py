"""The production DigiD/eHerkenning URLs, for tests that run with the simulator switched on."""

from django.urls import include, path

urlpatterns = [
    path("digid/", include("plus1.connectors.digid_urls")),
    path("eherkenning/", include("plus1.connectors.eherkenning_urls")),
]
