"""Invitations: after a closed zaak or melding (e-mail and Mijn zaken), and after a contact moment.

A closed zaak gets at most one invitation (a unique constraint), however often this is called:
by the back office and the Zaken API right after the close commits, and by the daily sweep
(``tasks.invite_for_closed_zaken``) for zaken closed any other way. An invitation never makes
the close itself fail: the callers run after the commit and catch everything
(``invite_after_closing_safely``).
"""

from __future__ import annotations

import datetime
import logging

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone

from plus1.accounts.models import Team
from plus1.audit.services import Actor, record_change
from plus1.cases.letters import mail
from plus1.cases.letters.content import initiator_of
from plus1.cases.letters.links import portal_url
from plus1.cases.models import Rol, Zaak
from plus1.catalog.models import Process
from plus1.core import clock
from plus1.tenants.models import Organisation

from .. import rollups, tokens
from ..constants import INVITATION_VALID_DAYS, Channel, InvitationMode, Source
from ..exceptions import FeedbackError, InvitationError
from ..models import Invitation, InvitationPolicy

logger = logging.getLogger(__name__)

SYSTEM = Actor.system("Klantwaardering")
# The audit action that remembers a zaak left out by "1 in N", so the sweep does not count it again.
SKIP_ACTION = "skip_feedback_invitation"
INVITATION_SUBJECT = "Hoe waardeert u onze dienstverlening?"
CODE_ATTEMPTS = 5


def invitation_token(invitation: Invitation) -> str:
    """The signed token of the invitation's link (binds its uuid and gemeente)."""
    return tokens.make_token(invitation_uuid=invitation.uuid, tenant_id=invitation.tenant_id)


def invitation_path(invitation: Invitation) -> str:
    """The portal path of the invitation on the shared host: its short link when it has a code,
    else its signed link (``/<slug>/w/<code>/`` or ``/<slug>/waardering/<token>/``)."""
    slug = invitation.tenant.slug
    if invitation.code:
        return reverse("portal:feedback-short", args=[slug, invitation.code])
    return reverse("portal:feedback-answer", args=[slug, invitation_token(invitation)])


def invitation_url(invitation: Invitation) -> str:
    """The full address of the invitation, on the gemeente's own host name when it has one."""
    if invitation.code:
        return portal_url(invitation.tenant, "portal:feedback-short", invitation.code)
    return portal_url(invitation.tenant, "portal:feedback-answer", invitation_token(invitation))


# --- after a closed zaak or melding -----------------------------------------------------------


def source_of(zaak: Zaak, rol: Rol | None) -> str | None:
    """What the resident is asked about, or None when nobody can be asked.

    A zaak of a resident or business who logs in (Mijn zaken, and e-mail when they left an
    address); an anonymous melding only when the reporter left an e-mail address.
    """
    if rol is None:
        return None
    if mail.can_use_mijn_zaken(rol):
        return Source.ZAAK
    if rol.email:
        return Source.MELDING if zaak.zaaktype.allows_anonymous else Source.ZAAK
    return None


def _policy_allows(zaak: Zaak, process: Process) -> bool:
    """Apply the gemeente's policy for the process; without one, every closed zaak is invited."""
    policy = (
        InvitationPolicy.objects.select_for_update().filter(tenant_id=zaak.tenant_id, process=process).first()
    )
    if policy is None or policy.mode == InvitationMode.ALWAYS:
        return True
    if policy.mode == InvitationMode.NEVER:
        return False
    policy.counter += 1
    invite = policy.counter >= max(1, policy.every_n)
    if invite:
        policy.counter = 0
    policy.save(update_fields=["counter"])
    if not invite:
        record_change(
            tenant=zaak.tenant,
            actor=SYSTEM,
            action=SKIP_ACTION,
            obj=zaak,
            main_object=policy,
            after={"every_n": policy.every_n},
        )
    return invite


def _was_left_out(zaak: Zaak) -> bool:
    from plus1.audit.models import AuditEntry

    return AuditEntry.objects.filter(
        tenant_id=zaak.tenant_id, object_type="cases.zaak", object_id=str(zaak.pk), action=SKIP_ACTION
    ).exists()


@transaction.atomic
def invite_after_closing(*, zaak: Zaak) -> Invitation | None:
    """Invite the resident of a closed zaak or melding to answer the survey; return the invitation.

    Issue 19: one invitation per zaak, valid 30 days, by e-mail (when an address is known) and
    in Mijn zaken. The gemeente's policy per process decides (always, 1 in N with a counter,
    never; always when it set none). Returns None when the zaak is open, nobody can be asked,
    or the policy leaves it out; returns the existing invitation when there is one.
    """
    # The zaak row serialises the callers (close hook, sweep) so a zaak is counted once.
    zaak = (
        Zaak.objects.select_for_update(of=("self",))
        .select_related("zaaktype__process", "tenant")
        .get(pk=zaak.pk)
    )
    if zaak.ended_on is None:
        return None
    existing = Invitation.objects.filter(tenant_id=zaak.tenant_id, zaak=zaak).first()
    if existing is not None:
        return existing
    rol = initiator_of(zaak)
    source = source_of(zaak, rol)
    if source is None or _was_left_out(zaak):
        return None
    process = zaak.zaaktype.process
    if not _policy_allows(zaak, process):
        return None
    now = clock.now()
    try:
        with transaction.atomic():
            invitation = Invitation.objects.create(
                tenant=zaak.tenant,
                source=source,
                zaak=zaak,
                process=process,
                team_id=zaak.team_id,
                channel=Channel.ONLINE,
                created_at=now,
                expires_at=now + datetime.timedelta(days=INVITATION_VALID_DAYS),
            )
    except IntegrityError:
        return Invitation.objects.get(tenant_id=zaak.tenant_id, zaak=zaak)
    rollups.count_invitation(invitation)
    record_change(
        tenant=zaak.tenant,
        actor=SYSTEM,
        action="invite_feedback",
        obj=invitation,
        after={"source": source, "zaak": zaak.identificatie, "by_email": bool(rol and rol.email)},
    )
    if rol is not None and rol.email:
        invitation_id = invitation.pk
        transaction.on_commit(lambda: mail_invitation(invitation_id))
    return invitation


def mail_invitation(invitation_id: int) -> bool:
    """E-mail the invitation link to the initiator's address; True when sent.

    Runs after the commit. A failed send is logged (no address, no BSN) and leaves
    ``emailed_at`` empty; the invitation still shows in Mijn zaken.
    """
    invitation = Invitation.objects.select_related("zaak__tenant", "tenant").filter(pk=invitation_id).first()
    if invitation is None or invitation.zaak is None or invitation.emailed_at is not None:
        return False
    zaak = invitation.zaak
    rol = initiator_of(zaak)
    if rol is None or not rol.email:
        return False
    try:
        mail.compose(
            zaak=zaak,
            to=rol.email,
            rol=rol,
            subject=INVITATION_SUBJECT,
            template="feedback/email/invitation.txt",
            context={
                "answer_url": invitation_url(invitation),
                "expires_on": timezone.localdate(invitation.expires_at),
                "is_melding": invitation.source == Source.MELDING,
            },
        ).send()
    except Exception:
        logger.exception("Could not e-mail feedback invitation %s", invitation_id)
        return False
    Invitation.objects.filter(pk=invitation_id).update(emailed_at=clock.now())
    return True


def invite_after_closing_safely(zaak_id: int) -> Invitation | None:
    """``invite_after_closing`` for the delivery layers: never raises, logs without personal data."""
    try:
        zaak = Zaak.objects.filter(pk=zaak_id).first()
        if zaak is None or zaak.ended_on is None:
            return None
        return invite_after_closing(zaak=zaak)
    except Exception:
        logger.exception("Could not invite for feedback after closing zaak %s", zaak_id)
        return None


def invite_on_commit(zaak: Zaak) -> None:
    """After the current transaction commits, invite the resident if the zaak is now closed.

    The back office and the Zaken API call this right after a status or close: the
    architecture has no domain signals, and cases may not import feedback.
    """
    zaak_id = zaak.pk
    transaction.on_commit(lambda: invite_after_closing_safely(zaak_id))


def zaken_to_invite(*, since: datetime.date):
    """Closed zaken since ``since`` without an invitation: the sweep's work."""
    return (
        Zaak.objects.filter(ended_on__gte=since)
        .exclude(Exists(Invitation.objects.filter(tenant_id=OuterRef("tenant_id"), zaak_id=OuterRef("pk"))))
        .order_by("ended_on", "pk")
    )


# --- after a contact moment -------------------------------------------------------------------


@transaction.atomic
def create_contact_invitation(
    *,
    tenant: Organisation,
    channel: str,
    process: Process | None,
    team: Team | None,
    created_by,
) -> Invitation:
    """Create an invitation for a contact at the counter or on the phone, with a short code.

    The employee hands out the short link (``/<slug>/w/<code>/``) or its QR code. The code is
    eight characters from an alphabet without look-alikes, unique over all gemeenten.
    """
    if channel not in Channel.values:
        raise FeedbackError("Kies hoe de inwoner contact had: balie, telefoon, e-mail, post of online.")
    if team is not None and team.tenant_id != tenant.pk:
        raise FeedbackError("Dit team hoort niet bij deze gemeente.")
    now = clock.now()
    invitation = None
    for _attempt in range(CODE_ATTEMPTS):
        try:
            with transaction.atomic():
                invitation = Invitation.objects.create(
                    tenant=tenant,
                    code=tokens.new_code(),
                    source=Source.CONTACT,
                    process=process,
                    team=team,
                    channel=channel,
                    created_by=created_by,
                    created_at=now,
                    expires_at=now + datetime.timedelta(days=INVITATION_VALID_DAYS),
                )
            break
        except IntegrityError:
            continue
    if invitation is None:
        raise FeedbackError("Er ging iets mis bij het maken van de code. Probeer het opnieuw.")
    rollups.count_invitation(invitation)
    record_change(
        tenant=tenant,
        actor=Actor.from_user(created_by) if created_by is not None else SYSTEM,
        action="create_contact_invitation",
        obj=invitation,
        after={
            "channel": channel,
            "process": str(process) if process else None,
            "team": str(team) if team else None,
        },
    )
    return invitation


# --- opening a link ---------------------------------------------------------------------------


def check_open(invitation: Invitation) -> None:
    """Raise when the invitation was used or has expired."""
    if invitation.used_at is not None:
        raise InvitationError("U heeft deze vragen al beantwoord. Dank u wel.", reason=InvitationError.USED)
    if invitation.expires_at <= clock.now():
        raise InvitationError("Deze uitnodiging is verlopen.", reason=InvitationError.EXPIRED)


def resolve_invitation(*, tenant: Organisation, token: str = "", code: str = "") -> Invitation:
    """Return the open invitation of a signed link or short code on ``tenant``'s portal.

    Raises ``InvitationError`` (Dutch) when the link was altered or is unknown, belongs to
    another gemeente, has expired, or was already used.
    """
    if token:
        try:
            content = tokens.read_token(token)
        except Exception as exc:
            raise InvitationError(
                "Deze link klopt niet. Controleer of u de hele link uit de e-mail hebt gebruikt.",
                reason=InvitationError.INVALID,
            ) from exc
        if content.tenant_id != tenant.pk:
            raise InvitationError(
                "Deze link hoort bij een andere gemeente. Gebruik de link uit de e-mail.",
                reason=InvitationError.OTHER_GEMEENTE,
            )
        invitation = Invitation.objects.filter(tenant=tenant, uuid=content.invitation_uuid).first()
        if invitation is None:
            # Signed by us, so it existed: removed some time after it expired.
            raise InvitationError("Deze uitnodiging is verlopen.", reason=InvitationError.EXPIRED)
    elif code:
        normalised = tokens.normalise_code(code)
        invitation = Invitation.objects.filter(tenant=tenant, code=normalised).first() if normalised else None
        if invitation is None:
            # A code of another gemeente gets the same answer as an unknown one: guessing codes on
            # one portal must not tell which codes exist elsewhere.
            raise InvitationError(
                "Deze code kennen wij niet. Controleer de code op uw briefje.", reason=InvitationError.INVALID
            )
    else:
        raise InvitationError("Deze link klopt niet.", reason=InvitationError.INVALID)
    check_open(invitation)
    return invitation
