"""Included without a namespace of its own: the names join the including app's namespace (issue 21).

Paying leges: start (or restart) a payment for a saved request, the ways back from the provider's
page and the provider's server-to-server notice.
"""

from django.urls import path

from . import payment_views

urlpatterns: list = [
    path("betalen/melding/", payment_views.payment_notice, name="payment-notice"),
    path("betalen/aanvraag/<uuid:draft_uuid>/", payment_views.pay_draft, name="payment-start"),
    path("betalen/terug/<slug:outcome>/", payment_views.payment_return, name="payment-return"),
]
