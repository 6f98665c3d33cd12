"""Every change in klantwaardering: invitations, answers, call-backs."""

from __future__ import annotations

from plus1.accounts.models import Team
from plus1.cases.models import Zaak
from plus1.catalog.models import Process

from .models import Answer, Invitation


def invite_after_closing(*, zaak: Zaak) -> Invitation | None:
    """Invite the resident of a closed zaak or melding to answer the survey (policy; idempotent)."""
    raise NotImplementedError


def create_contact_invitation(
    *, tenant, channel: str, process: Process | None, team: Team | None, created_by
) -> Invitation:
    """Create an invitation for a contact moment, with a short code."""
    raise NotImplementedError


def invitation_path(invitation: Invitation) -> str:
    """Return the portal path of the invitation: the short link or the signed link."""
    raise NotImplementedError


def resolve_invitation(*, tenant, token: str = "", code: str = "") -> Invitation:
    """Return the open invitation of the link, or raise InvitationError."""
    raise NotImplementedError


def submit_answer(
    *,
    invitation: Invitation,
    score: int,
    effort: int | None,
    improvement: str,
    own_answers: dict,
    may_call: bool,
    call_phone: str,
    channel: str | None = None,
) -> Answer:
    """Store an answer in one transaction."""
    raise NotImplementedError
