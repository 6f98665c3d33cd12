"""Included without a namespace of its own: the names join the including app's namespace.

Mounted at /backoffice/betalingen/: the daily reconciliation, its CSV and refunds (issue 21).
"""

from django.urls import path

from . import payment_views

urlpatterns: list = [
    path("", payment_views.reconciliation_view, name="payment-reconciliation"),
    path("afstemming.csv", payment_views.reconciliation_csv_view, name="payment-reconciliation-csv"),
    path("<uuid:payment_uuid>/terugbetalen/", payment_views.refund_view, name="payment-refund"),
]
