"""The collective's shipped texts: what every gemeente shows until it writes its own (B1 Dutch).

The texts live in ``texts/<kind>.txt``. They describe Plus1 as it is: which data it keeps and
why, the cookies it really sets (their names come from the settings, see
``selectors.placeholder_values``) and how it is tested for accessibility. A gemeente (or the
collective, for all gemeenten) replaces a text in the admin.
"""

from pathlib import Path

from .constants import LegalPageKind

TEXTS = Path(__file__).resolve().parent / "texts"

TITLES = {
    LegalPageKind.PRIVACY: "Privacyverklaring",
    LegalPageKind.ACCESSIBILITY: "Toegankelijkheidsverklaring",
    LegalPageKind.COOKIES: "Cookieverklaring",
    LegalPageKind.COLOPHON: "Colofon",
}

DEFAULTS: dict[str, tuple[str, str]] = {
    kind.value: (title, (TEXTS / f"{kind.value}.txt").read_text(encoding="utf-8"))
    for kind, title in TITLES.items()
}
