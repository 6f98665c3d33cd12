"""Included without a namespace of its own: the names join the including app's namespace.

The incident register (issue 20) under /backoffice/incidenten/; the figures and the export
live in incident_figures_urls under /backoffice/incidenten/cijfers/.
"""

from django.urls import path

from . import incident_views

urlpatterns: list = [
    path("", incident_views.incident_list_view, name="incident-list"),
    path("melden/", incident_views.incident_report_view, name="incident-report"),
    path("melden/concept/", incident_views.incident_draft_view, name="incident-draft"),
    path("mijn/", incident_views.incident_mine_view, name="incident-mine"),
    path("<uuid:incident_uuid>/", incident_views.incident_detail_view, name="incident-detail"),
    path("<uuid:incident_uuid>/gemeld/", incident_views.incident_reported_view, name="incident-reported"),
    path("<uuid:incident_uuid>/wijzigen/", incident_views.incident_edit_view, name="incident-edit"),
    path(
        "<uuid:incident_uuid>/brief/<int:task_id>/",
        incident_views.incident_letter_view,
        name="incident-letter",
    ),
    path("<uuid:incident_uuid>/<slug:action>/", incident_views.incident_action_view, name="incident-action"),
]
