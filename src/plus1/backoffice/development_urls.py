"""Included without a namespace of its own: the names join the including app's namespace.

Mounted at /backoffice/medewerkers/: competences, development plans, learning offer,
engagement pulse and the team view (issue 22).
"""

from django.urls import path

from . import development_views

urlpatterns: list = [
    path("", development_views.home_view, name="development-home"),
]
