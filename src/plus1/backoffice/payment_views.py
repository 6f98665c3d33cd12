"""Placeholder: replaced by the owner of this module."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .access import employee_view


@employee_view
def reconciliation_view(request: HttpRequest) -> HttpResponse:
    return render(request, "backoffice/forbidden.html", status=403)
