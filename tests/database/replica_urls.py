"""Two views for the replica routing tests: one writes, one reads and says where from."""

from django.contrib.auth.models import Group
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import path


def write(request: HttpRequest) -> HttpResponse:
    Group.objects.create(name=request.POST["name"])
    return HttpResponse("opgeslagen")


def read(request: HttpRequest) -> JsonResponse:
    groups = Group.objects.order_by("name")
    return JsonResponse({"names": [group.name for group in groups], "db": groups.db})


urlpatterns = [
    path("schrijven/", write, name="replica-test-write"),
    path("lezen/", read, name="replica-test-read"),
]
