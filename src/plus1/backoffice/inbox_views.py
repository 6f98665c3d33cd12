"""The team inbox (werkvoorraad): the zaken of the employee's teams, with filters and bulk actions."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from .access import employee_view


@employee_view
def inbox_view(request: HttpRequest) -> HttpResponse:
    return render(request, "backoffice/inbox.html", {"nav": "inbox"})


@employee_view
def assign_view(request: HttpRequest) -> HttpResponse:
    raise Http404


@employee_view
def claim_view(request: HttpRequest, identificatie: str) -> HttpResponse:
    raise Http404


@employee_view
def zaak_placeholder_view(request: HttpRequest, identificatie: str) -> HttpResponse:
    raise Http404
