"""The signed link of an invitation and the short code of a contact moment.

The signed token binds the invitation's uuid to its gemeente (salt of our own), so a link
cannot be altered or moved to another gemeente's portal. Whether it still works (not used, not
expired) is read from the invitation itself: the token holds no expiry of its own.
"""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass

from django.core import signing

SALT = "plus1.feedback.invitation"
# No 0/O, 1/I/L: a code read out over the phone or typed from paper cannot be mistaken.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 8


@dataclass(frozen=True)
class TokenContent:
    invitation_uuid: uuid.UUID
    tenant_id: int


def make_token(*, invitation_uuid: uuid.UUID, tenant_id: int) -> str:
    """A signed token ``<uuid hex>.<tenant id>:<signature>`` for the invitation link."""
    return signing.Signer(salt=SALT).sign(f"{invitation_uuid.hex}.{tenant_id}")


def read_token(token: str) -> TokenContent:
    """The uuid and gemeente in a token; raises ``signing.BadSignature`` when it was altered."""
    value = signing.Signer(salt=SALT).unsign(token)
    uuid_hex, _dot, tenant_id = value.partition(".")
    try:
        return TokenContent(uuid.UUID(hex=uuid_hex), int(tenant_id))
    except ValueError as exc:
        raise signing.BadSignature("malformed token") from exc


def new_code() -> str:
    """Eight characters from an alphabet without look-alikes (31^8: about 850 billion codes)."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(code: str) -> str:
    """Upper case without spaces or dashes, as a resident may type it."""
    return code.strip().upper().replace(" ", "").replace("-", "")
