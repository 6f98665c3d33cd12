"""A subscriber can drop a message it already has: every post of one notification carries its id.

Delivery is at least once: a worker that stops after a post but before writing down that it
landed posts it again. The ``Idempotency-Key`` header is the notification's uuid, the same on
every attempt and for every abonnement, so the subscriber can tell the repeat.
"""

import datetime

import pytest
import time_machine
from django.utils import timezone

from plus1.notifications import services
from plus1.notifications.models import Delivery, DeliveryStatus
from plus1.notifications.tasks import deliver_notifications
from plus1.notifications.testing import publish_zaak_created

pytestmark = pytest.mark.django_db


def _subscribe(gemeente, subscriber):
    return services.save_abonnement(
        tenant=gemeente, callback_url=subscriber.url, auth="Bearer x", kanalen=[("zaken", {})]
    )


def test_a_retry_carries_the_same_idempotency_key(subscriber, gemeente_a):
    _subscribe(gemeente_a, subscriber)
    subscriber.answers = [503]
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        notification = publish_zaak_created(gemeente_a)
        deliver_notifications.call()
    with time_machine.travel(start + datetime.timedelta(seconds=6), tick=False):
        deliver_notifications.call()
    assert [headers["Idempotency-Key"] for headers in subscriber.attempts] == [str(notification.uuid)] * 2
    assert len(subscriber.received) == 1


def test_a_post_repeated_after_the_worker_stopped_carries_the_same_key(subscriber, gemeente_a, monkeypatch):
    _subscribe(gemeente_a, subscriber)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        notification = publish_zaak_created(gemeente_a)

        def killed(*args, **kwargs):
            raise SystemExit("worker killed between the post and writing down that it landed")

        with monkeypatch.context() as patch:
            patch.setattr(services, "_record", killed)
            with pytest.raises(SystemExit):
                services.deliver_due()
    assert len(subscriber.received) == 1
    assert Delivery.objects.get().status == DeliveryStatus.PENDING
    # When the lease of the stopped attempt runs out, another run posts it again.
    with time_machine.travel(start + services.LEASE + datetime.timedelta(seconds=1), tick=False):
        deliver_notifications.call()
    assert subscriber.received == [notification.as_message()] * 2
    assert [headers["Idempotency-Key"] for headers in subscriber.headers] == [str(notification.uuid)] * 2
    assert Delivery.objects.get().status == DeliveryStatus.DELIVERED


def test_every_abonnement_gets_the_id_of_the_notification_itself(subscriber, gemeente_a):
    _subscribe(gemeente_a, subscriber)
    _subscribe(gemeente_a, subscriber)
    first, second = publish_zaak_created(gemeente_a), publish_zaak_created(gemeente_a)
    for _ in range(2):  # in order per abonnement and object: one per run
        deliver_notifications.call()
    keys = [headers["Idempotency-Key"] for headers in subscriber.headers]
    assert sorted(keys) == sorted([str(first.uuid)] * 2 + [str(second.uuid)] * 2)
