"""Deliver the notification outbox (django-tasks); each run drains what is due."""

from __future__ import annotations

from django_tasks import default_task_backend, task

from . import services


@task()
def deliver_notifications() -> int:
    """Post every due delivery; when retries wait, schedule the next run for the first of them."""
    delivered = 0
    while True:
        landed = services.deliver_due()
        delivered += landed
        if not landed:
            break
    next_at = services.next_due_at()
    if next_at is not None and default_task_backend.supports_defer:
        deliver_notifications.using(run_after=next_at).enqueue()
    return delivered


def sweep_outbox() -> bool:
    """Enqueue a delivery run when a delivery is due; True when one was enqueued."""
    from django.utils import timezone

    next_at = services.next_due_at()
    if next_at is None or next_at > timezone.now():
        return False
    deliver_notifications.enqueue()
    return True
