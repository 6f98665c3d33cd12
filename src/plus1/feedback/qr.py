"""A contact-moment link as a QR code (inline SVG) and as a code to read out.

The QR code is drawn with ``qrcode``, the library the back office already uses for the
authenticator set-up (``backoffice/totp.py``): one QR library in the project, no image
service, and SVG without style attributes or scripts, so it passes the strict CSP inline.
"""

from __future__ import annotations

import re

import qrcode
import qrcode.image.svg
from django.utils.safestring import SafeString, mark_safe

# Characters per group when a code is read out or typed over ("K7QF 9XZ2").
GROUP_SIZE = 4


def qr_code_svg(url: str) -> SafeString:
    """``url`` as an inline SVG QR code; the figure around it carries the text alternative."""
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=4)
    svg = image.to_string(encoding="unicode")
    svg = re.sub(r"^<\?xml[^>]*\?>\s*", "", svg)
    svg = svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)
    return mark_safe(svg)  # noqa: S308 - drawn by qrcode from our own link, no user input


def readable_code(code: str) -> str:
    """The short code in groups of four, to read out on the phone or copy from a note."""
    code = code.upper()
    return " ".join(code[i : i + GROUP_SIZE] for i in range(0, len(code), GROUP_SIZE))
