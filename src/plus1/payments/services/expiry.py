"""Unpaid payments that passed their date: expired, so the resident sees a clear message.

Only open, cancelled or failed attempts expire; a paid one never does, and a "paid" that
arrives after expiry still counts (handle_feedback). The draft itself stays: its answers are
kept and paying again starts a new period.
"""

from __future__ import annotations

import datetime

from plus1.core import clock

from ..constants import PaymentStatus
from ..models import Payment

EXPIRING = (PaymentStatus.OPEN, PaymentStatus.CANCELLED, PaymentStatus.FAILED)


def expire_unpaid(*, now: datetime.datetime | None = None) -> int:
    """Mark every unpaid payment past its ``expires_at`` expired; returns how many.

    One UPDATE guarded by the status, so a payment paid at the same moment (its row locked by
    handle_feedback) is never expired: the update waits and then no longer matches.
    """
    now = now or clock.now()
    return Payment.objects.filter(status__in=EXPIRING, expires_at__lte=now).update(
        status=PaymentStatus.EXPIRED, updated_at=now
    )
