"""The outbox: every notification reaches its subscribers, in order, also after failures."""

import datetime
import math

import pytest
import time_machine
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from plus1.notifications import services
from plus1.notifications.models import Delivery, DeliveryStatus, Notification
from plus1.notifications.tasks import deliver_notifications

pytestmark = pytest.mark.django_db

ZAAK = "http://127.0.0.1:8000/zaken/api/v1/zaken/0b6e4a4e-7b1f-4d6c-9a3e-1c2d3e4f5a6b"


def _subscribe(gemeente, subscriber, **filters):
    return services.save_abonnement(
        tenant=gemeente,
        callback_url=subscriber.url,
        auth="Bearer abonnee-token",
        kanalen=[("zaken", filters)],
    )


def _publish(gemeente, actie="create", resource="zaak", zaaktype="https://zt/1"):
    return services.publish(
        tenant=gemeente,
        kanaal="zaken",
        hoofd_object=ZAAK,
        resource=resource,
        resource_url=ZAAK if resource == "zaak" else f"{ZAAK}/{resource}",
        actie=actie,
        kenmerken={
            "bronorganisatie": "100000009",
            "zaaktype": zaaktype,
            "vertrouwelijkheidaanduiding": "intern",
        },
    )


def test_a_change_reaches_the_subscriber_unchanged_with_its_auth_header(subscriber, gemeente_a):
    _subscribe(gemeente_a, subscriber)
    with pytest.raises(RuntimeError, match="stop"), transaction.atomic():
        _publish(gemeente_a)
        raise RuntimeError("stop")  # rolled back: nobody will hear of it
    assert not Notification.objects.exists()
    assert not Delivery.objects.exists()

    notification = _publish(gemeente_a)  # the test's transaction does not commit: deliver by hand
    deliver_notifications.call()
    assert subscriber.received == [notification.as_message()]
    assert subscriber.headers[0]["Authorization"] == "Bearer abonnee-token"
    assert subscriber.headers[0]["Idempotency-Key"] == str(notification.uuid)
    assert Delivery.objects.get().status == DeliveryStatus.DELIVERED


def test_only_the_gemeentes_own_subscribers_and_matching_filters_receive_it(
    subscriber, gemeente_a, gemeente_b
):
    _subscribe(gemeente_b, subscriber)
    _subscribe(gemeente_a, subscriber, zaaktype="https://zt/other")
    _publish(gemeente_a)
    assert not Delivery.objects.exists()

    matching = _subscribe(gemeente_a, subscriber, zaaktype="https://zt/1")
    _publish(gemeente_a)
    assert list(Delivery.objects.values_list("abonnement", flat=True)) == [matching.pk]


def test_a_failing_subscriber_is_retried_with_backoff_and_keeps_the_order(subscriber, gemeente_a):
    _subscribe(gemeente_a, subscriber)
    subscriber.answers = [500]
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        first = _publish(gemeente_a, actie="create")
        second = _publish(gemeente_a, actie="update")
        deliver_notifications.call()
        failed = Delivery.objects.get(notification=first)
        assert (failed.status, failed.attempts, failed.last_error) == (DeliveryStatus.PENDING, 1, "HTTP 500")
        assert failed.next_attempt_at == start + datetime.timedelta(seconds=5)
        # The update waits for the create: a subscriber never hears "update" first.
        assert Delivery.objects.get(notification=second).attempts == 0
        assert subscriber.received == []

    with time_machine.travel(start + datetime.timedelta(seconds=6), tick=False):
        deliver_notifications.call()
    assert [message["actie"] for message in subscriber.received] == ["create", "update"]


def test_nothing_is_lost_while_the_worker_is_down(subscriber, gemeente_a):
    _subscribe(gemeente_a, subscriber)
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        _publish(gemeente_a)
    # No worker ran: the delivery waits in the outbox.
    assert Delivery.objects.get().status == DeliveryStatus.PENDING
    assert subscriber.received == []
    deliver_notifications.call()  # the worker comes back
    assert len(subscriber.received) == 1


def test_a_subscriber_that_keeps_failing_shows_in_the_admin_and_can_be_retried(
    subscriber, gemeente_a, admin_client
):
    _subscribe(gemeente_a, subscriber)
    Delivery.objects.all().delete()
    _publish(gemeente_a)
    Delivery.objects.update(attempts=services.MAX_ATTEMPTS - 1)
    subscriber.answers = [503]
    deliver_notifications.call()
    delivery = Delivery.objects.get()
    assert delivery.status == DeliveryStatus.FAILED

    failures = admin_client.get(reverse("admin:notifications_delivery_changelist"), {"status": "failed"})
    assert "HTTP 503" in failures.content.decode()
    admin_client.post(
        reverse("admin:notifications_delivery_changelist"),
        {"action": "retry", "_selected_action": [delivery.pk]},
    )
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.PENDING, 0)
    deliver_notifications.call()
    assert len(subscriber.received) == 1
    assert Notification.objects.count() == 1


def test_the_worker_sweep_picks_up_a_delivery_whose_task_was_lost(subscriber, gemeente_a):
    from plus1.notifications.tasks import sweep_outbox

    _subscribe(gemeente_a, subscriber)
    assert not sweep_outbox()
    _publish(gemeente_a)  # the test transaction never commits, so no task was enqueued
    assert sweep_outbox()  # immediate backend: the sweep's task delivers right away
    assert len(subscriber.received) == 1
    assert not sweep_outbox()


def test_a_burst_of_changes_queues_one_delivery_run_that_delivers_them_all(
    subscriber, gemeente_a, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    _subscribe(gemeente_a, subscriber)
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        for _ in range(3):
            with django_capture_on_commit_callbacks(execute=True):
                _publish(gemeente_a)
        waiting = DBTaskResult.objects.ready()
        assert waiting.count() == 1

        # Once that run has started, the next change queues a run of its own.
        waiting.update(status="RUNNING")
        with django_capture_on_commit_callbacks(execute=True):
            _publish(gemeente_a, actie="update")
        assert DBTaskResult.objects.ready().count() == 1

    deliver_notifications.call()
    assert [message["actie"] for message in subscriber.received] == ["create"] * 3 + ["update"]


def _publish_for(gemeente, zaak_url, actie="create"):
    return services.publish(
        tenant=gemeente,
        kanaal="zaken",
        hoofd_object=zaak_url,
        resource="zaak",
        resource_url=zaak_url,
        actie=actie,
        kenmerken={"bronorganisatie": "100000009", "zaaktype": "https://zt/1"},
    )


def test_a_run_delivers_many_changes_with_a_few_statements_whatever_their_number(
    subscriber, gemeente_a, django_assert_max_num_queries
):
    _subscribe(gemeente_a, subscriber)
    for number in range(30):
        _publish_for(gemeente_a, f"{ZAAK[:-2]}{number:02d}")
    # Read what is due, see what is held back, take them all, and record the outcomes in steps.
    with django_assert_max_num_queries(3 + math.ceil(30 / services.RECORD_EVERY)):
        assert services.deliver_due() == 30
    assert len(subscriber.received) == 30
    assert set(Delivery.objects.values_list("status", "attempts")) == {(DeliveryStatus.DELIVERED, 1)}
    assert not Delivery.objects.filter(delivered_at=None).exists()


def test_changes_to_one_zaak_go_out_in_order_one_per_run(subscriber, gemeente_a):
    _subscribe(gemeente_a, subscriber)
    for actie in ("create", "update", "partial_update"):
        _publish(gemeente_a, actie=actie)
    assert services.deliver_due() == 1
    assert [message["actie"] for message in subscriber.received] == ["create"]
    deliver_notifications.call()  # a run repeats until nothing more lands
    assert [message["actie"] for message in subscriber.received] == ["create", "update", "partial_update"]


def test_a_change_waits_while_another_run_is_still_delivering_the_one_before(subscriber, gemeente_a):
    _subscribe(gemeente_a, subscriber)
    first = _publish(gemeente_a, actie="create")
    _publish(gemeente_a, actie="update")
    other = _publish_for(gemeente_a, f"{ZAAK[:-2]}99")
    # Another worker took the create a moment ago and has not heard back from the subscriber.
    Delivery.objects.filter(notification=first).update(
        attempts=1, next_attempt_at=timezone.now() + services.LEASE
    )
    assert services.deliver_due() == 1
    assert [message["resourceUrl"] for message in subscriber.received] == [other.resource_url]
    assert Delivery.objects.get(notification__actie="update").attempts == 0


def test_a_failure_records_its_own_attempt_and_back_off_next_to_deliveries_that_landed(
    subscriber, gemeente_a
):
    _subscribe(gemeente_a, subscriber)
    failing = services.save_abonnement(
        tenant=gemeente_a, callback_url="http://127.0.0.1:9/down", auth="", kanalen=[("zaken", {})]
    )
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        _publish(gemeente_a)
        assert services.deliver_due() == 1
    missed = Delivery.objects.get(abonnement=failing)
    assert (missed.status, missed.attempts) == (DeliveryStatus.PENDING, 1)
    assert missed.last_error.startswith("ConnectError")
    assert missed.next_attempt_at == start + services.backoff(1)
    assert Delivery.objects.exclude(abonnement=failing).get().status == DeliveryStatus.DELIVERED


def test_a_run_deferred_for_a_retry_does_not_stand_in_for_a_run_now(
    subscriber, gemeente_a, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    _subscribe(gemeente_a, subscriber)
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        deliver_notifications.using(run_after=timezone.now() + datetime.timedelta(minutes=5)).enqueue()
        with django_capture_on_commit_callbacks(execute=True):
            _publish(gemeente_a)
        # The retry run waits five minutes; this change needs a run that starts now.
        assert DBTaskResult.objects.ready().count() == 1
        assert DBTaskResult.objects.count() == 2


def test_a_subscriber_that_fails_is_not_called_again_in_the_same_run(subscriber, gemeente_a):
    _subscribe(gemeente_a, subscriber)
    down = services.save_abonnement(
        tenant=gemeente_a, callback_url="http://127.0.0.1:9/down", auth="", kanalen=[("zaken", {})]
    )
    _publish_for(gemeente_a, f"{ZAAK[:-2]}01")
    _publish_for(gemeente_a, f"{ZAAK[:-2]}02")
    assert services.deliver_due() == 2  # both reach the working subscriber
    tried, untried = Delivery.objects.filter(abonnement=down).order_by("id")
    assert (tried.attempts, tried.last_error[:12]) == (1, "ConnectError")
    # Put back as it was: no attempt counted, due again for the next run.
    assert (untried.attempts, untried.last_attempt_at, untried.status) == (0, None, DeliveryStatus.PENDING)
    assert untried.next_attempt_at <= timezone.now()
