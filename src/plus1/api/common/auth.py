"""The ZGW JWT scheme: an HS256 token signed with the secret of the caller's client id.

Validation follows the reference implementation (vng-api-common) and Open Zaak: decode,
look up the client id, check the signature, require ``iat`` and refuse tokens older than
``PLUS1_JWT_EXPIRY`` seconds (a JWT cannot be revoked, so it must be short-lived). The
token only says who calls; what it may do comes from its application's autorisaties,
looked up on every request, so a change applies at once.
"""

from __future__ import annotations

import time

import jwt
from django.conf import settings
from django.http import HttpRequest
from ninja.security import HttpBearer

from plus1.apiclients.access import ClientAccess, current_access
from plus1.audit.services import ApiCall, begin_api_call
from plus1.notifications.services import change_stamp

from .errors import ApiError, denied

COMPONENTS = {
    "catalogi": "ztc",
    "zaken": "zrc",
    "documenten": "drc",
    "besluiten": "brc",
    "autorisaties": "ac",
    "notificaties": "nrc",
}


def _component_of(path: str) -> str:
    return COMPONENTS.get(path.strip("/").split("/", 1)[0], "")


class ZgwJwtAuth(HttpBearer):
    openapi_scheme = "bearer"

    def __init__(self) -> None:
        super().__init__()
        self.openapi_bearerFormat = "JWT"

    def authenticate(self, request: HttpRequest, token: str) -> ClientAccess:
        try:
            claims = jwt.decode(token, options={"verify_signature": False})
        except jwt.PyJWTError as exc:
            raise ApiError(403, "jwt-decode-error", "Het JWT is niet te lezen.") from exc
        client_id = claims.get("client_id")
        if not client_id:
            raise ApiError(403, "missing-client-identifier", "Het JWT mist de claim client_id.")
        found = current_access(str(client_id))
        if found is None:
            raise ApiError(403, "invalid-client-identifier", "Deze client_id kennen wij niet.")
        access, secret = found.access, found.secret
        try:
            jwt.decode(
                token,
                secret,
                algorithms=["HS256"],
                leeway=settings.PLUS1_JWT_LEEWAY,
                options={"require": ["iat"], "verify_iat": False},
            )
        except jwt.InvalidSignatureError as exc:
            raise ApiError(403, "invalid-jwt-signature", "De handtekening van het JWT klopt niet.") from exc
        except jwt.MissingRequiredClaimError as exc:
            raise ApiError(403, "jwt-missing-iat", "Het JWT mist de claim iat.") from exc
        except jwt.PyJWTError as exc:
            raise ApiError(403, "jwt-decode-error", "Het JWT is niet geldig.") from exc
        issued_at = claims.get("iat")
        if not isinstance(issued_at, int | float):
            raise ApiError(403, "jwt-missing-iat", "De claim iat moet een tijdstip in seconden zijn.")
        now = time.time()
        if issued_at > now + settings.PLUS1_JWT_LEEWAY:
            raise ApiError(403, "jwt-immature", "Het JWT is uitgegeven in de toekomst.")
        if now - issued_at > settings.PLUS1_JWT_EXPIRY + settings.PLUS1_JWT_LEEWAY:
            raise ApiError(403, "jwt-expired", "Het JWT is verlopen. Maak een nieuw token.")
        access.user_id = str(claims.get("user_id", ""))[:255]
        access.user_representation = str(claims.get("user_representation", ""))[:255]
        request.tenant = access.tenant
        request._plus1_change_stamp = found.change_stamp
        begin_api_call(
            ApiCall(
                bron=_component_of(request.path),
                application_id=access.client_id,
                application_label=access.application.label,
                user_id=access.user_id,
                user_label=access.user_representation,
                toelichting=request.headers.get("X-Audit-Toelichting", "")[:1000],
            )
        )
        return access


def change_stamp_of(request: HttpRequest) -> int:
    """The calling gemeente's change stamp, as read when the caller was authenticated."""
    stamp = getattr(request, "_plus1_change_stamp", None)
    if stamp is None:
        stamp = request._plus1_change_stamp = change_stamp(request.tenant.pk)
    return stamp


def client(request: HttpRequest) -> ClientAccess:
    """The calling application (set by ``ZgwJwtAuth``)."""
    return request.auth  # type: ignore[attr-defined,return-value]


def require_scope(request: HttpRequest, component: str, *scopes: str) -> ClientAccess:
    """403 unless the application holds one of ``scopes`` on ``component`` for some type."""
    access = client(request)
    if not access.has_scope(component, *scopes):
        raise denied(f"Hiervoor is een van deze scopes nodig: {', '.join(scopes)}.")
    return access


def require_for_object(
    request: HttpRequest, component: str, *scopes: str, type_id: int, confidentiality: str | None = None
) -> ClientAccess:
    """403 unless a scope is granted for this object's type, up to its confidentiality."""
    access = client(request)
    if not access.allows(component, *scopes, type_id=type_id, confidentiality=confidentiality):
        raise denied(f"Hiervoor is een van deze scopes nodig voor dit type: {', '.join(scopes)}.")
    return access


def actor_for(access: ClientAccess):
    """The application as the actor of a change (audit, processing log)."""
    from plus1.audit.services import Actor

    return Actor(
        type="application",
        id=access.client_id,
        label=access.application.label,
        unit=access.application.label,
    )
