"""A text field kept encrypted at rest (Fernet from the ``cryptography`` package).

Why Fernet: ``cryptography`` is kept by the Python Cryptographic Authority, already comes with
the SAML libraries, and Fernet is authenticated (AES-128-CBC with HMAC-SHA256), so a changed
value is refused rather than decrypted into garbage. The key comes from
``PLUS1_FIELD_ENCRYPTION_KEY`` (one or more Fernet keys, comma separated: the first encrypts,
all decrypt, so a key can be rotated); without it a key is derived from ``SECRET_KEY``, which
then must never change. A database dump alone never holds a gemeente's payment passphrases.
"""

from __future__ import annotations

import base64
import hashlib
from functools import cache
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models

PREFIX = "fernet:"


@cache
def _fernet(keys: str, secret_key: str) -> MultiFernet:
    if keys:
        try:
            return MultiFernet([Fernet(key.strip().encode()) for key in keys.split(",") if key.strip()])
        except ValueError as exc:
            raise ImproperlyConfigured(
                "PLUS1_FIELD_ENCRYPTION_KEY is not a Fernet key (32 bytes, url-safe base64); "
                "make one with: python -c 'from cryptography.fernet import Fernet; "
                "print(Fernet.generate_key().decode())'"
            ) from exc
    derived = hashlib.sha256(f"plus1.payments.fields:{secret_key}".encode()).digest()
    return MultiFernet([Fernet(base64.urlsafe_b64encode(derived))])


def fernet() -> MultiFernet:
    return _fernet(getattr(settings, "FIELD_ENCRYPTION_KEY", ""), settings.SECRET_KEY)


def encrypt(value: str) -> str:
    return PREFIX + fernet().encrypt(value.encode()).decode()


def decrypt(stored: str) -> str:
    if not stored.startswith(PREFIX):
        return stored
    try:
        return fernet().decrypt(stored[len(PREFIX) :].encode()).decode()
    except InvalidToken as exc:
        raise ImproperlyConfigured(
            "An encrypted value cannot be read: PLUS1_FIELD_ENCRYPTION_KEY (or SECRET_KEY) changed."
        ) from exc


class EncryptedTextField(models.TextField):
    """Stores ``fernet:<token>``; Python code only ever sees the clear text."""

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> str | None:
        return None if value is None else decrypt(value)

    def to_python(self, value: Any) -> Any:
        return decrypt(value) if isinstance(value, str) else value

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value in (None, ""):
            return value
        return encrypt(value)
