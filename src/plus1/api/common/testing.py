"""Test helpers for the ZGW APIs: register an application, sign its tokens, call over HTTP."""

from __future__ import annotations

import secrets
import time
from collections.abc import Sequence
from typing import Any

import httpx
import jwt

from plus1.apiclients.services import AutorisatieSpec, case_data_autorisaties, create_application
from plus1.audit.services import Actor
from plus1.tenants.models import Organisation


def make_client(
    gemeente: Organisation,
    *,
    all_autorisaties: bool = True,
    case_data: bool = False,
    autorisaties: Sequence[AutorisatieSpec] = (),
    client_id: str | None = None,
    secret: str | None = None,
    label: str = "Testapplicatie",
) -> tuple[str, str]:
    """Register an application of ``gemeente``; returns its (client id, secret).

    ``case_data`` grants what ``plus1 api-client create --all-case-data`` grants: everything on
    the gemeente's case data, but no changing of applications (its own autorisaties included).
    """
    if case_data:
        autorisaties = case_data_autorisaties(gemeente)
    client_id = client_id or f"test-{secrets.token_hex(4)}"
    secret = secret or secrets.token_urlsafe(24)
    create_application(
        tenant=gemeente,
        label=label,
        client_ids=[client_id],
        secret=secret,
        actor=Actor.system("test"),
        has_all_autorisaties=all_autorisaties and not autorisaties,
        autorisaties=autorisaties,
    )
    return client_id, secret


def make_token(
    client_id: str,
    secret: str,
    *,
    iat: float | None = None,
    user_id: str = "tester",
    user_representation: str = "Test Gebruiker",
    **claims: Any,
) -> str:
    """A ZGW JWT (HS256) as a consumer makes it."""
    payload = {
        "iss": client_id,
        "iat": int(time.time() if iat is None else iat),
        "client_id": client_id,
        "user_id": user_id,
        "user_representation": user_representation,
        **claims,
    }
    return jwt.encode(payload, secret, algorithm="HS256")


class ZgwClient(httpx.Client):
    """An HTTP client that sends a fresh token and the CRS headers the Zaken API asks for."""

    def __init__(self, base_url: str, client_id: str, secret: str, **kwargs: Any):
        super().__init__(base_url=base_url, timeout=30, **kwargs)
        self.client_id, self.secret = client_id, secret

    def request(self, method: str, url: Any, *, headers: dict | None = None, **kwargs: Any) -> httpx.Response:
        merged = {
            "Authorization": f"Bearer {make_token(self.client_id, self.secret)}",
            "Accept-Crs": "EPSG:4326",
            "Content-Crs": "EPSG:4326",
        }
        merged.update(headers or {})
        return super().request(
            method, url, headers={k: v for k, v in merged.items() if v is not None}, **kwargs
        )
