"""The secret of an appointment's manage link (``/<slug>/afspraak/<token>/``).

The token is a keyed hash of the appointment's random uuid with the installation's SECRET_KEY,
so every e-mail (confirmation, move, reminder) can carry the same link without the database
storing it: the database keeps only the token's SHA-256 (``Appointment.token_hash``) to find the
appointment again. A copy of the database alone cannot be used to move or cancel appointments.
"""

from __future__ import annotations

import base64
import hashlib
import uuid

from django.utils.crypto import salted_hmac

_SALT = "plus1.appointments.manage-link"
TOKEN_LENGTH = 32


def token_for(appointment_uuid: uuid.UUID) -> str:
    """The manage link's token: 32 URL-safe characters (192 bits)."""
    digest = salted_hmac(_SALT, str(appointment_uuid), algorithm="sha256").digest()
    return base64.urlsafe_b64encode(digest).decode()[:TOKEN_LENGTH]


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
