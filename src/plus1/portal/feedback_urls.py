"""Included without a namespace of its own: the names join the including app's namespace.

Klantwaardering (issue 19): the invitation links work without logging in.
"""

from django.urls import path

from . import feedback_views

urlpatterns = [
    path("waardering/bedankt/", feedback_views.thanks, name="feedback-thanks"),
    path("waardering/<str:token>/", feedback_views.answer, name="feedback-answer"),
    path("w/<str:code>/", feedback_views.short_link, name="feedback-short"),
]
