"""Background work of klantwaardering, run by ``plus1 worker`` (PLUS1_SCHEDULE)."""

from __future__ import annotations

import datetime
import logging

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django_tasks import task

from plus1.core import clock, tracing

from .models import Answer, CallBack, FeedbackSettings, Invitation
from .services import invite_after_closing_safely, zaken_to_invite

logger = logging.getLogger(__name__)

# The sweep looks back this many days: a worker that was down a few days still catches up.
SWEEP_DAYS = 7
DEFAULT_RETENTION_DAYS = 90


@task()
def invite_for_closed_zaken(for_day: str | None = None) -> int:
    """Invite for every zaak closed in the last days that has no invitation yet; returns how many.

    The back office and the Zaken API invite right after a close; this catches every other way
    a zaak ends (an import, a path added later, a worker that missed its hook). The policy
    (1 in N) counts each zaak once: a zaak it left out is remembered.
    """
    today = datetime.date.fromisoformat(for_day) if for_day else clock.today()
    invited = 0
    with tracing.span(name="invite_for_closed_zaken", new_trace=True):
        for zaak_id in zaken_to_invite(since=today - datetime.timedelta(days=SWEEP_DAYS)).values_list(
            "pk", flat=True
        ):
            invitation = invite_after_closing_safely(zaak_id)
            if invitation is not None:
                invited += 1
    return invited


@task()
def remove_answer_links(for_day: str | None = None) -> dict[str, int]:
    """Remove what can trace an answer to a person once the follow-up no longer needs it.

    Per gemeente, after ``FeedbackSettings.link_retention_days`` (default 90) from the answer:
    ``Answer.zaak`` becomes empty and the phone number goes, unless a call-back on it is still
    open. Invitations go that long after they expired (the answer keeps its figures). The
    lead time and "within the norm" stay: the benchmark needs them, they name nobody.
    """
    now = clock.now()
    unlinked = deleted = 0
    with tracing.span(name="remove_answer_links", new_trace=True):
        retention = dict(FeedbackSettings.objects.values_list("tenant_id", "link_retention_days"))
        tenant_ids = set(
            Answer.objects.filter(Q(zaak__isnull=False) | ~Q(call_phone=""))
            .values_list("tenant_id", flat=True)
            .distinct()
        ) | set(Invitation.objects.values_list("tenant_id", flat=True).distinct())
        for tenant_id in sorted(tenant_ids):
            days = retention.get(tenant_id, DEFAULT_RETENTION_DAYS)
            cutoff = now - datetime.timedelta(days=days)
            with transaction.atomic():
                open_call_back = CallBack.objects.filter(answer_id=OuterRef("pk"), handled_at__isnull=True)
                unlinked += (
                    Answer.objects.filter(tenant_id=tenant_id, answered_at__lt=cutoff)
                    .filter(Q(zaak__isnull=False) | ~Q(call_phone=""))
                    .exclude(Exists(open_call_back))
                    .update(zaak=None, call_phone="")
                )
                deleted += Invitation.objects.filter(tenant_id=tenant_id, expires_at__lt=cutoff).delete()[0]
    return {"unlinked": unlinked, "invitations_deleted": deleted}
