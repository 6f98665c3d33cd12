"""What a resident may upload: checked by content, not by name, and never too large."""

from __future__ import annotations

import filetype
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from .exceptions import InvalidUpload

# Content types we accept, with the words residents know them by.
ALLOWED = {
    "application/pdf": "PDF",
    "image/jpeg": "foto (JPG)",
    "image/png": "afbeelding (PNG)",
}


def check_upload(upload: UploadedFile) -> str:
    """Return the real content type of ``upload``, or raise InvalidUpload in plain Dutch."""
    limit = settings.PLUS1_MAX_UPLOAD_BYTES
    if upload.size == 0:
        raise InvalidUpload(f"{upload.name} is leeg.")
    if upload.size > limit:
        raise InvalidUpload(
            f"{upload.name} is te groot ({upload.size / 1_000_000:.1f} MB). "
            f"Een bestand mag hoogstens {limit // 1_000_000} MB zijn."
        )
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind is None or kind.mime not in ALLOWED:
        raise InvalidUpload(
            f"{upload.name} is geen PDF, JPG of PNG, ook als de naam dat zegt. "
            "Sla het bestand op als PDF of maak een foto, en probeer het opnieuw."
        )
    return kind.mime
