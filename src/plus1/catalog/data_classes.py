"""The data class of a request field when nobody chose one: read from its type and name.

A field whose type or name says it is a way to reach the person (phone, e-mail, address) is
contact data; one that identifies the person (BSN, birth date, name) is personal data; the
rest is about the case. When in doubt the stricter class wins: a chain partner sees contact
data only when the share grants it, and personal data from the form never.
"""

from __future__ import annotations

from .constants import DataClass, DataType

CONTACT_TYPES = {DataType.PHONE, DataType.EMAIL, DataType.POSTCODE}
# Parts of a field name (``telefoonnummer``, ``email_partner``, ``postcode_briefadres``).
CONTACT_WORDS = ("telefoon", "mobiel", "mail", "adres", "straat", "huisnummer", "postcode", "woonplaats")
PERSONAL_TYPES = {DataType.BSN}
# Whole words of a field name split on "_": ``naam`` is personal, ``namens_ander`` is not.
PERSONAL_WORDS = {
    "bsn",
    "geboortedatum",
    "naam",
    "namen",
    "voornaam",
    "voornamen",
    "voorletters",
    "achternaam",
    "geslachtsnaam",
}


def infer_data_class(name: str, data_type: str) -> str:
    """The class a request field gets by default (``DataClass`` value)."""
    lowered = name.lower()
    words = set(lowered.replace("-", "_").split("_"))
    if data_type in CONTACT_TYPES or any(word in lowered for word in CONTACT_WORDS):
        return DataClass.CONTACT
    if data_type in PERSONAL_TYPES or words & PERSONAL_WORDS or lowered.startswith("bsn"):
        return DataClass.PERSONAL
    return DataClass.CASE
