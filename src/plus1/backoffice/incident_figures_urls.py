"""Included without a namespace of its own: the names join the including app's namespace.

Mounted at /backoffice/incidenten/cijfers/: the figures, the ARO/GIR export and its submission.
"""

from django.urls import path

from . import incident_figures_views

urlpatterns: list = [
    path("", incident_figures_views.incident_figures_view, name="incident-figures"),
    path("export/", incident_figures_views.incident_export_view, name="incident-export"),
    path("export/aro/", incident_figures_views.incident_aro_submit_view, name="incident-aro-submit"),
]
