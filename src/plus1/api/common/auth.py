"""The ZGW JWT scheme: an HS256 token signed with the secret of the caller's client id.

Validation follows the reference implementation (vng-api-common) and Open Zaak: decode,
look up the client id, check the signature, require ``iat`` and refuse tokens older than
``PLUS1_JWT_EXPIRY`` seconds (a JWT cannot be revoked, so it must be short-lived). The
token only says who calls; what it may do comes from its application's autorisaties,
looked up on every request, so a change applies at once.

Everything in the token is the caller's input until the signature is checked, and Python's
json reads ``NaN`` and ``Infinity`` as numbers: every claim we use is checked for its type
before it is compared (a NaN ``iat`` once made a token that never expired).
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import Any

import jwt
from django.conf import settings
from django.http import HttpRequest
from ninja.security import HttpBearer

from plus1.apiclients.access import ClientAccess, current_access
from plus1.audit.services import ApiCall, begin_api_call
from plus1.notifications.services import change_stamp

from .errors import ApiError, denied
from .text import unstorable_reason

COMPONENTS = {
    "catalogi": "ztc",
    "zaken": "zrc",
    "documenten": "drc",
    "besluiten": "brc",
    "autorisaties": "ac",
    "notificaties": "nrc",
}


# The one algorithm of the ZGW tokens; a token naming another (also "none") is refused.
ALGORITHM = "HS256"
# A ZGW token holds a few short claims (well under 1 KiB); a larger one is refused unread.
MAX_TOKEN_BYTES = 4096


@dataclass(frozen=True)
class TokenClaims:
    """The claims of a token we read before its signature is checked, type-checked."""

    client_id: str
    issued_at: Any
    user_id: str
    user_representation: str


def _refused(detail: str, code: str = "jwt-decode-error") -> ApiError:
    return ApiError(403, code, detail)


def _text_claim(claims: dict, name: str) -> str:
    """An optional string claim: absent or null is empty, anything but a string is refused."""
    value = claims.get(name)
    if value is None:
        return ""
    if not isinstance(value, str) or unstorable_reason(value):
        raise _refused(f"De claim {name} moet een tekst zijn.")
    return value


def read_claims(token: str) -> TokenClaims:
    """The header and claims of ``token``, unverified: refuse what no valid token holds."""
    if len(token) > MAX_TOKEN_BYTES:
        raise _refused(f"Het JWT is te groot (meer dan {MAX_TOKEN_BYTES} tekens).")
    try:
        header = jwt.get_unverified_header(token)
        claims = jwt.decode(token, options={"verify_signature": False})
    except jwt.PyJWTError as exc:
        raise _refused("Het JWT is niet te lezen.") from exc
    if header.get("alg") != ALGORITHM:
        raise _refused(f"Het JWT moet ondertekend zijn met {ALGORITHM}.", "jwt-invalid-algorithm")
    client_id = claims.get("client_id")
    if client_id is None or client_id == "":
        raise _refused("Het JWT mist de claim client_id.", "missing-client-identifier")
    if not isinstance(client_id, str) or unstorable_reason(client_id):
        raise _refused("De claim client_id moet een tekst zijn.", "invalid-client-identifier")
    return TokenClaims(
        client_id=client_id,
        issued_at=claims.get("iat"),
        user_id=_text_claim(claims, "user_id"),
        user_representation=_text_claim(claims, "user_representation"),
    )


def check_issued_at(issued_at: Any) -> None:
    """Refuse a missing, malformed, future or too old ``iat``.

    A NumericDate in whole seconds: an int, or a float without a fraction. ``bool`` is an int
    to Python and NaN compares false with everything, so both are refused before any compare.
    """
    if issued_at is None:
        raise _refused("Het JWT mist de claim iat.", "jwt-missing-iat")
    whole = isinstance(issued_at, int) and not isinstance(issued_at, bool)
    if isinstance(issued_at, float) and math.isfinite(issued_at) and issued_at.is_integer():
        whole = True
    if not whole:
        raise _refused("De claim iat moet een tijdstip in hele seconden zijn.", "jwt-invalid-iat")
    now = time.time()
    if issued_at > now + settings.PLUS1_JWT_LEEWAY:
        raise _refused("Het JWT is uitgegeven in de toekomst.", "jwt-immature")
    if now - issued_at > settings.PLUS1_JWT_EXPIRY + settings.PLUS1_JWT_LEEWAY:
        raise _refused("Het JWT is verlopen. Maak een nieuw token.", "jwt-expired")


def clean_header(value: str) -> str:
    """A header value for the audit trail, without the characters no text field can hold."""
    return value.replace("\x00", "")


def _component_of(path: str) -> str:
    return COMPONENTS.get(path.strip("/").split("/", 1)[0], "")


class ZgwJwtAuth(HttpBearer):
    openapi_scheme = "bearer"

    def __init__(self) -> None:
        super().__init__()
        self.openapi_bearerFormat = "JWT"

    def authenticate(self, request: HttpRequest, token: str) -> ClientAccess:
        claims = read_claims(token)
        found = current_access(claims.client_id)
        if found is None:
            raise ApiError(403, "invalid-client-identifier", "Deze client_id kennen wij niet.")
        access, secret = found.access, found.secret
        try:
            # Also checks ``exp`` and ``nbf`` when a client sends them.
            jwt.decode(
                token,
                secret,
                algorithms=[ALGORITHM],
                leeway=settings.PLUS1_JWT_LEEWAY,
                options={"require": ["iat"], "verify_iat": False},
            )
        except jwt.InvalidSignatureError as exc:
            raise ApiError(403, "invalid-jwt-signature", "De handtekening van het JWT klopt niet.") from exc
        except jwt.MissingRequiredClaimError as exc:
            raise ApiError(403, "jwt-missing-iat", "Het JWT mist de claim iat.") from exc
        except jwt.PyJWTError as exc:
            raise ApiError(403, "jwt-decode-error", "Het JWT is niet geldig.") from exc
        check_issued_at(claims.issued_at)
        access.user_id = claims.user_id[:255]
        access.user_representation = claims.user_representation[:255]
        request.tenant = access.tenant
        request._plus1_change_stamp = found.change_stamp
        begin_api_call(
            ApiCall(
                bron=_component_of(request.path),
                application_id=access.client_id,
                application_label=access.application.label,
                user_id=access.user_id,
                user_label=access.user_representation,
                toelichting=clean_header(request.headers.get("X-Audit-Toelichting", ""))[:1000],
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
