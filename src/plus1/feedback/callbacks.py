"""Call-backs: an unhappy resident who may be called, as work for the team, and how it went.

A call-back is created with the answer (``services.submit_answer``: score 5 or lower and
"u mag mij bellen" ticked). Here are the rest of its life: who may see and handle one, the
open ones of a team, and recording the outcome of the call.

Who: behandelaars and teamleiders of the call-back's team; a teamleider of the gemeente
sees every team's call-backs (also those without a team), as for the zaken they lead.

Privacy: an answer shown with its zaak link can be traced to a person, so every such read is
logged in the processing log (Logboek dataverwerkingen) as a read of that zaak, with the
zaak's own activity. An answer without a zaak (a contact moment, or after the retention
period) still shows a phone number: its read is logged against the call-back itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from plus1.accounts.constants import Role
from plus1.accounts.models import Membership, Team
from plus1.audit.models import ProcessingAction
from plus1.audit.services import Actor, record_access, record_change
from plus1.cases.processing import Purpose, log_zaak_reads
from plus1.catalog.processing import ActivityCode, activity_for_code
from plus1.core import clock
from plus1.tenants.models import Organisation

from .answers import answer_for_follow_up
from .constants import MAX_TEXT_LENGTH
from .exceptions import FeedbackError
from .models import CallBack

User = AbstractBaseUser | AnonymousUser

# Who works on call-backs: those who handle the zaken they come from.
CALL_BACK_ROLES = (Role.BEHANDELAAR, Role.TEAMLEIDER)


class CallBackError(FeedbackError):
    """A call-back cannot be handled: already handled, no outcome, or not this person's."""


# --- who ------------------------------------------------------------------------------------


def _roles(user: User, tenant: Organisation) -> set[str]:
    if not user.is_authenticated:
        return set()
    return set(Membership.objects.filter(user=user, tenant=tenant).values_list("role", flat=True))


def visible_team_ids(user: User, tenant: Organisation) -> list[int] | None:
    """The teams whose call-backs ``user`` sees at ``tenant``: ``None`` means every team (a
    teamleider of the gemeente), an empty list none at all."""
    roles = _roles(user, tenant)
    if Role.TEAMLEIDER in roles:
        return None
    if Role.BEHANDELAAR not in roles:
        return []
    return list(Team.objects.for_tenant(tenant).filter(members=user).values_list("pk", flat=True))


def can_work_on_call_backs(user: User, tenant: Organisation) -> bool:
    """Whether ``user`` has a role that works on call-backs at ``tenant`` at all."""
    return bool(_roles(user, tenant) & set(CALL_BACK_ROLES))


def can_handle_call_back(user: User, call_back: CallBack) -> bool:
    """A behandelaar or teamleider of the call-back's team, or any teamleider of its gemeente."""
    team_ids = visible_team_ids(user, call_back.tenant)
    if team_ids is None:
        return True
    return call_back.team_id is not None and call_back.team_id in team_ids


# --- reads ----------------------------------------------------------------------------------


def _with_answer(call_backs: QuerySet[CallBack]) -> QuerySet[CallBack]:
    return call_backs.select_related(
        "team",
        "handled_by",
        "answer__process",
        "answer__zaak__zaaktype__processing_activity",
        "answer__zaak__tenant",
    )


def _call_backs(tenant: Organisation, team_ids: Sequence[int] | None) -> QuerySet[CallBack]:
    call_backs = CallBack.objects.for_tenant(tenant)
    if team_ids is not None:
        call_backs = call_backs.filter(team_id__in=list(team_ids))
    return call_backs


def open_call_backs_for(
    *, tenant: Organisation, team_ids: Sequence[int] | None, purpose: Purpose | None = None
) -> list[CallBack]:
    """The open call-backs of ``team_ids`` (``None``: every team of the gemeente), oldest first.

    With a ``purpose`` (a page that shows them), each answer's zaak is logged as read: the
    answer next to its zaak link is about a person.
    """
    rows = list(
        _with_answer(_call_backs(tenant, team_ids).filter(handled_at__isnull=True)).order_by(
            "created_at", "pk"
        )
    )
    if purpose is not None:
        log_call_back_reads(rows, purpose)
    return rows


def count_open_call_backs(*, tenant: Organisation, team_ids: Sequence[int] | None) -> int:
    """How many call-backs wait for ``team_ids``: a count shows nobody's data, so nothing is logged."""
    return _call_backs(tenant, team_ids).filter(handled_at__isnull=True).count()


def open_count_for_employee(*, user: User, tenant: Organisation) -> int | None:
    """The number of call-backs waiting for ``user`` (for the werkvoorraad's filter), or None
    when their role does not work on call-backs."""
    if not can_work_on_call_backs(user, tenant):
        return None
    return count_open_call_backs(tenant=tenant, team_ids=visible_team_ids(user, tenant))


def handled_call_backs_for(
    *, tenant: Organisation, team_ids: Sequence[int] | None, limit: int = 20, purpose: Purpose | None = None
) -> list[CallBack]:
    """The most recently handled call-backs of ``team_ids``, newest first (logged like the open ones)."""
    rows = list(
        _with_answer(_call_backs(tenant, team_ids).filter(handled_at__isnull=False)).order_by(
            "-handled_at", "-pk"
        )[:limit]
    )
    if purpose is not None:
        log_call_back_reads(rows, purpose)
    return rows


def get_call_back(*, tenant: Organisation, call_back_id: int) -> CallBack:
    """One call-back of ``tenant`` with its answer; raises CallBack.DoesNotExist (also for
    another gemeente's call-back, so its existence is not given away)."""
    return _with_answer(CallBack.objects.for_tenant(tenant)).get(pk=call_back_id)


def call_back_for_follow_up(*, call_back: CallBack, viewer: Actor) -> CallBack:
    """The call-back with its answer for its own page, the read logged.

    With a zaak, through ``answers.answer_for_follow_up`` (a read of the zaak about its
    initiator); without one, against the call-back (the phone number is still personal data).
    """
    if call_back.answer.zaak_id is None:
        log_call_back_reads(
            [call_back], Purpose.handling(viewer, operation="klantwaardering: terugbelverzoek")
        )
        return call_back
    call_back.answer = answer_for_follow_up(answer=call_back.answer, viewer=viewer, purpose="terugbelverzoek")
    return call_back


def log_call_back_reads(call_backs: Iterable[CallBack], purpose: Purpose) -> None:
    """Log that the answers of ``call_backs`` were shown: a read of each linked zaak, with its
    initiator as the data subject; an answer without a zaak as a read of the call-back."""
    call_backs = list(call_backs)
    zaken = list({cb.answer.zaak_id: cb.answer.zaak for cb in call_backs if cb.answer.zaak_id}.values())
    log_zaak_reads(zaken, purpose)
    for call_back in call_backs:
        if call_back.answer.zaak_id is None:
            record_access(
                tenant=call_back.tenant,
                actor=purpose.actor,
                activity=activity_for_code(ActivityCode.ZAAK_HANDLING),
                channel=purpose.channel,
                object_type="feedback.callback",
                object_id=str(call_back.pk),
                action=ProcessingAction.READ,
            )


# --- the change -----------------------------------------------------------------------------


def clean_outcome(outcome: str) -> str:
    """The outcome as it is stored: trimmed, required, at most MAX_TEXT_LENGTH characters."""
    text = (outcome or "").replace("\x00", "").strip()
    if not text:
        raise CallBackError("Schrijf op hoe het gesprek ging, of waarom er geen gesprek was.")
    if len(text) > MAX_TEXT_LENGTH:
        raise CallBackError(
            f"De uitkomst is te lang: gebruik hoogstens {MAX_TEXT_LENGTH} tekens (nu {len(text)})."
        )
    return text


@transaction.atomic
def handle_call_back(*, call_back: CallBack, outcome: str, user: AbstractBaseUser, actor: Actor) -> CallBack:
    """Record that the resident was called back (or could not be reached), and how it went.

    The row is locked first, so two colleagues who open the same call-back cannot both record
    an outcome: the second is refused with who handled it and when. Handling is the only
    change a call-back has (open -> handled), so its ``handled_at`` is the version to check.
    One transaction with its audit record.
    """
    text = clean_outcome(outcome)
    locked = (
        CallBack.objects.select_for_update(of=("self",))
        .select_related("tenant", "handled_by")
        .get(pk=call_back.pk)
    )
    if locked.handled_at is not None:
        by = locked.handled_by
        who = (by.get_full_name() or by.get_username()) if by is not None else ""
        when = timezone.localtime(locked.handled_at).strftime("%d-%m-%Y %H:%M")
        raise CallBackError(
            f"Dit terugbelverzoek is al afgehandeld{f' door {who}' if who else ''} op {when}. "
            "U hoeft niets meer te doen."
        )
    if not can_handle_call_back(user, locked):
        raise CallBackError("U kunt alleen terugbelverzoeken van uw eigen team afhandelen.")
    locked.handled_at = clock.now()
    locked.handled_by = user
    locked.outcome = text
    locked.save(update_fields=["handled_at", "handled_by", "outcome"])
    record_change(
        tenant=locked.tenant,
        actor=actor,
        action="handle_call_back",
        obj=locked,
        before={"handled_at": None},
        after={
            "handled_at": locked.handled_at.isoformat(),
            "handled_by": user.get_username(),
            "outcome": text,
        },
    )
    return locked
