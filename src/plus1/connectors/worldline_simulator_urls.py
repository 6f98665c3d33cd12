"""The Worldline simulator's pages; only mounted while ``PLUS1_DIGID_MOCK`` is on (urls.py)."""

from django.urls import path

from . import worldline_simulator

app_name = "worldline-simulator"

urlpatterns = [
    path("", worldline_simulator.pay, name="pay"),
    path("keuze/", worldline_simulator.decide, name="decide"),
]
