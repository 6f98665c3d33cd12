"""Included without a namespace of its own: the names join the including app's namespace."""

from django.urls import path

from . import feedback_views

urlpatterns = [
    path("", feedback_views.feedback_dashboard_view, name="feedback-dashboard"),
    path("themas/", feedback_views.feedback_themes_view, name="feedback-themes"),
    path("benchmark/", feedback_views.feedback_benchmark_view, name="feedback-benchmark"),
    path("landelijk/", feedback_views.feedback_national_view, name="feedback-national"),
    path("export/", feedback_views.feedback_export_view, name="feedback-export"),
]
