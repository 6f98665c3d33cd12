"""The manage link of an appointment, for e-mails (which have no request to go by)."""

from __future__ import annotations

from plus1.cases.letters.links import portal_url
from plus1.tenants.models import Organisation

# The portal's URL name of the manage page (portal/appointment_urls.py, one argument: the token).
MANAGE_URL_NAME = "portal:appointment-manage"


def manage_url(gemeente: Organisation, token: str) -> str:
    """The full address of ``/<slug>/afspraak/<token>/`` (``/afspraak/<token>/`` on its own host)."""
    return portal_url(gemeente, MANAGE_URL_NAME, token)
