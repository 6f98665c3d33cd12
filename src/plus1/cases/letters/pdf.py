"""Render a template as an archivable PDF/A document (WeasyPrint, with Debian's pango).

PDF/A-2a: PDF/A-2 keeps the fonts inside the file, so an archive can show the letter in
decades (Archiefwet; the Nationaal Archief accepts PDF/A); level "a" also tags the structure
(headings, paragraphs, lists), so a screen reader reads the letter in order. The fonts are
Debian's DejaVu (free licence), never fetched from a CDN: a letter never reaches outside.
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation

from ..exceptions import ZaakError

PDF_VARIANT = "pdf/a-2a"
STYLESHEET = Path(__file__).resolve().parent / "letter.css"
logger = logging.getLogger(__name__)


class LetterNotRendered(ZaakError):
    """The PDF could not be made (e.g. Debian's pango is missing); nothing is stored."""


@functools.cache
def _stylesheet() -> Any:
    from weasyprint import CSS

    return CSS(string=STYLESHEET.read_text(encoding="utf-8"))


def render_pdf(template_name: str, context: dict[str, Any]) -> bytes:
    """The template rendered in Dutch as a PDF/A document; its <title> becomes the PDF title."""
    with translation.override("nl"):
        html = render_to_string(template_name, context)
    try:
        # Imported here: loading pango costs a third of a second, which only letters should pay.
        from weasyprint import HTML
        from weasyprint.urls import URLFetcher

        # Everything a letter shows is inside it (the logo as a data: URL): an address in the
        # text, such as a resident's answer, never makes the server fetch anything.
        document = HTML(string=html, url_fetcher=URLFetcher(allowed_protocols={"data"}), base_url=".")
        return document.write_pdf(stylesheets=[_stylesheet()], pdf_variant=PDF_VARIANT)
    except (ImportError, OSError) as exc:
        logger.exception("Rendering %s as PDF failed", template_name)
        raise LetterNotRendered(
            "De brief kon niet als PDF worden gemaakt. Probeer het later opnieuw of vraag de "
            "beheerder de installatie te controleren."
        ) from exc
