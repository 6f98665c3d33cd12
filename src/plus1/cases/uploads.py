"""What a resident may upload: checked by content, not by name, and never too large.

Also the rules on file names for every channel: a name is only ever shown (and offered on
download), never used as a path, so the files on disk are named after the document.
"""

from __future__ import annotations

import re
import unicodedata
import uuid

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


# ZGW ``bestandsnaam`` maxLength; counted in characters, as the database column is.
MAX_FILENAME_LENGTH = 255
# Unicode categories refused in a name: control and format characters (a right-to-left override
# shows "rapport\u202efdp.exe" as "rapportexe.pdf"), surrogates, private use, unassigned and
# line or paragraph separators.
_REFUSED_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}
_EXTENSION = re.compile(r"\.([A-Za-z0-9]{1,10})$")


def filename_problem(name: str) -> str | None:
    """The reason in plain Dutch why ``name`` cannot be a document's file name, or None.

    A file name is a name, not a path: no folder separators, no ``.`` or ``..``, no control
    characters, at most 255 characters.
    """
    if len(name) > MAX_FILENAME_LENGTH:
        return f"De bestandsnaam is te lang. Gebruik hoogstens {MAX_FILENAME_LENGTH} tekens."
    if "/" in name or "\\" in name or name.strip() in (".", ".."):
        return "Geef alleen de naam van het bestand, zonder map (geen / of \\ en geen '..')."
    if any(unicodedata.category(char) in _REFUSED_CATEGORIES for char in name):
        return "De bestandsnaam bevat een teken dat niet in een naam mag staan, zoals een regeleinde."
    return None


def stored_name(key: uuid.UUID, filename: str | None) -> str:
    """The name of a document's file on disk: its id and a plain extension, never the user's name.

    So no name can point outside the documents folder or pass the file system's limit of
    255 bytes (a name of 255 characters can be 1,020 bytes in UTF-8).
    """
    match = _EXTENSION.search(filename or "")
    return f"{key.hex}.{match.group(1).lower() if match else 'bin'}"


def size_problem(size: int) -> str | None:
    """The reason in plain Dutch why a document of ``size`` bytes is too large, or None.

    ``PLUS1_MAX_UPLOAD_BYTES`` is the one maximum of every channel: the portal, the back office
    and the Documenten API (inline ``inhoud`` and ``bestandsomvang`` for bestandsdelen).
    """
    limit = settings.PLUS1_MAX_UPLOAD_BYTES
    if size > limit:
        return f"Een document mag hoogstens {limit // 1_000_000} MB ({limit} bytes) zijn."
    return None


def check_upload(upload: UploadedFile) -> str:
    """Return the real content type of ``upload``, or raise InvalidUpload in plain Dutch."""
    limit = settings.PLUS1_MAX_UPLOAD_BYTES
    if reason := filename_problem(upload.name or ""):
        raise InvalidUpload(reason)
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
