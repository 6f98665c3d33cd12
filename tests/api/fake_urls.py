"""A tiny ZGW-like NinjaAPI at ``/dingen/api/v1/``: the fuzz harness tests itself against it.

It answers like a well-behaved API (documented status codes, documented bodies) and demands the
harness's bearer token, signed with ``SECRET``.
"""

from __future__ import annotations

import uuid

import jwt
from django.urls import path
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, ValidationError
from ninja.security import HttpBearer

SECRET = "fake-api-secret-of-at-least-32-bytes"
CLIENT_ID = "fuzz-harness"


class _Bearer(HttpBearer):
    def authenticate(self, request, token):
        try:
            claims = jwt.decode(token, SECRET, algorithms=["HS256"])
        except jwt.InvalidTokenError:
            return None
        return claims if claims.get("client_id") == CLIENT_ID else None


class Ding(Schema):
    url: str
    uuid: str
    status: str


class Fout(Schema):
    code: str
    title: str
    status: int


api = NinjaAPI(title="Dingen API", version="1.0.0", urls_namespace="fake-dingen", auth=_Bearer())
ERRORS = {400: Fout, 401: Fout}


@api.exception_handler(AuthenticationError)
def _unauthorised(request, exc):
    return api.create_response(
        request, {"code": "not_authenticated", "title": "Geen token.", "status": 401}, status=401
    )


@api.exception_handler(ValidationError)
def _invalid(request, exc):
    return api.create_response(
        request, {"code": "invalid", "title": "Ongeldige invoer.", "status": 400}, status=400
    )


@api.get("/dingen", response={200: list[Ding], **ERRORS})
def list_dingen(request, status: str | None = None):
    return [
        {
            "url": f"http://localhost/dingen/api/v1/dingen/{index}",
            "uuid": str(uuid.UUID(int=index)),
            "status": status or "open",
        }
        for index in range(2)
    ]


@api.get("/dingen/{uuid}", response={200: Ding, 404: Fout, **ERRORS})
def get_ding(request, uuid: str):
    return 404, {"code": "not_found", "title": "Niet gevonden.", "status": 404}


urlpatterns = [path("dingen/api/v1/", api.urls)]
