"""Included without a namespace of its own: the names join the including app's namespace.

Klantwaardering follow-up (issue 19) at /backoffice/opvolging/: call-backs of unhappy
residents, and invitations after a contact moment at the counter or on the phone.
"""

from django.urls import path

from . import feedback_followup_views as views

urlpatterns = [
    path("terugbellen/", views.callback_list_view, name="callback-list"),
    path("terugbellen/<int:callback_id>/", views.callback_detail_view, name="callback-detail"),
    path("uitnodiging/", views.contact_invitation_view, name="contact-invitation"),
    path(
        "uitnodiging/<int:invitation_id>/",
        views.contact_invitation_detail_view,
        name="contact-invitation-detail",
    ),
]
