"""Every change in klantwaardering: invitations (after a closed zaak or melding, after a contact
moment) and answers. Other apps and the delivery layers import from here."""

from .answering import is_phone_number, lead_time, submit_answer
from .invitations import (
    create_contact_invitation,
    invitation_path,
    invitation_token,
    invitation_url,
    invite_after_closing,
    invite_after_closing_safely,
    invite_on_commit,
    mail_invitation,
    resolve_invitation,
    zaken_to_invite,
)

__all__ = [
    "create_contact_invitation",
    "invitation_path",
    "invitation_token",
    "invitation_url",
    "invite_after_closing",
    "invite_after_closing_safely",
    "invite_on_commit",
    "is_phone_number",
    "lead_time",
    "mail_invitation",
    "resolve_invitation",
    "submit_answer",
    "zaken_to_invite",
]
