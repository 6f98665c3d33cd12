from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from plus1.accounts.constants import Role

from .access import employee_view


@employee_view(roles=[Role.TEAMLEIDER])
def dashboard_view(request: HttpRequest) -> HttpResponse:
    return render(request, "backoffice/dashboard.html", {"nav": "dashboard"})
