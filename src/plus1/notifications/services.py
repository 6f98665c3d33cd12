"""Publish notifications through the outbox and deliver them to subscribers.

``publish`` is called inside the transaction of the change it tells about: the notification
and one delivery per matching abonnement are written with it, so a change that rolls back
tells nobody, and a change that commits is never lost, also when the worker or a subscriber
is down. Delivery runs in the background (``tasks.deliver_notifications``), in order per
abonnement and hoofdobject, with retries and back-off; what keeps failing shows in the admin.
"""

from __future__ import annotations

import datetime
import logging
import time
import unicodedata
from collections.abc import Iterable, Mapping

import httpx
from django.conf import settings
from django.db import connection, transaction
from django.db.models import F, Min, Q
from django.utils import timezone

from plus1.core import outbound
from plus1.core.exceptions import FieldProblem
from plus1.core.prepared import PreparedInsert, PreparedQuery
from plus1.tenants.models import Organisation, OrganisationKind

from .kanalen import STANDARD_KANALEN
from .models import (
    Abonnement,
    AbonnementKanaal,
    ChangeStamp,
    Delivery,
    DeliveryStatus,
    Kanaal,
    Notification,
)

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
TIMEOUT_SECONDS = 5.0
# While one attempt runs, nobody else takes the delivery; after this it may be taken again (a
# worker killed mid-run loses nothing: another takes its deliveries over once this has passed).
LEASE = datetime.timedelta(seconds=settings.PLUS1_TASK_LEASE_SECONDS)


def backoff(attempts: int) -> datetime.timedelta:
    """Wait 5 s after the first failure, doubling up to one hour."""
    return datetime.timedelta(seconds=min(5 * 2 ** max(attempts - 1, 0), 3600))


def ensure_standard_kanalen() -> None:
    """Register the standard kanalen that do not exist yet (a provider registers its own)."""
    existing = set(Kanaal.objects.filter(tenant__isnull=True).values_list("naam", flat=True))
    Kanaal.objects.bulk_create(
        Kanaal(naam=naam, filters=filters)
        for naam, filters in STANDARD_KANALEN.items()
        if naam not in existing
    )


def _matches(filters: Mapping[str, str], kenmerken: Mapping[str, object]) -> bool:
    return all(
        value in ("", "*") or str(kenmerken.get(key, "")) == str(value) for key, value in filters.items()
    )


# Every change of a gemeente asks this one: compiled once per process.
_GEMEENTE_SUBSCRIPTIONS = PreparedQuery(
    lambda kanaal, tenant_id: AbonnementKanaal.objects.filter(
        kanaal__naam=kanaal, abonnement__tenant_id=tenant_id
    ).select_related("abonnement"),
    "\x00placeholder-kanaal",
    -1,
)


# Every change writes a notification, most with one delivery: their INSERTs built once per process.
_INSERT_NOTIFICATION = PreparedInsert(Notification)
_INSERT_DELIVERY = PreparedInsert(Delivery)


# No savepoint: publish is always part of the change it tells about, and fails with it.
@transaction.atomic(savepoint=False)
def publish(
    *,
    tenant: Organisation | int,
    kanaal: str,
    hoofd_object: str,
    resource: str,
    resource_url: str,
    actie: str,
    kenmerken: Mapping[str, object],
    aanmaakdatum: datetime.datetime | None = None,
) -> Notification:
    """Put a notification in the outbox, with a delivery for every abonnement it matches.

    A gemeente's notification goes to that gemeente's abonnementen only; the collective's
    (catalog) notifications go to every abonnement.
    """
    tenant_id = tenant if isinstance(tenant, int) else tenant.pk
    notification = _INSERT_NOTIFICATION.save(
        Notification(
            tenant_id=tenant_id,
            kanaal=kanaal,
            hoofd_object=hoofd_object,
            resource=resource,
            resource_url=resource_url,
            actie=actie,
            aanmaakdatum=aanmaakdatum or timezone.now(),
            kenmerken=dict(kenmerken),
        )
    )
    is_collective = (
        tenant.is_collective
        if isinstance(tenant, Organisation)
        else Organisation.objects.filter(pk=tenant_id, kind=OrganisationKind.COLLECTIVE).exists()
    )
    if is_collective:
        # Only the collective's own kanaal: a gemeente's kanaal of the same name stays its own.
        subscriptions = AbonnementKanaal.objects.filter(
            kanaal__naam=kanaal, kanaal__tenant__isnull=True
        ).select_related("abonnement")
    else:
        # A gemeente's abonnementen only take the collective's kanalen and the gemeente's own.
        subscriptions = _GEMEENTE_SUBSCRIPTIONS.all(kanaal, tenant_id)
    # An abonnement may list a kanaal more than once, with other filters: any match counts, once.
    matched = dict.fromkeys(
        subscription.abonnement_id
        for subscription in subscriptions
        if _matches(subscription.filters, notification.kenmerken)
    )
    deliveries = [
        Delivery(
            notification=notification,
            abonnement_id=abonnement_id,
            hoofd_object=hoofd_object,
            next_attempt_at=notification.aanmaakdatum,
        )
        for abonnement_id in matched
    ]
    if len(deliveries) == 1:
        _INSERT_DELIVERY.save(deliveries[0])
    elif deliveries:
        Delivery.objects.bulk_create(deliveries)
    if deliveries:
        transaction.on_commit(_enqueue_delivery)
    bump_change_stamp(tenant_id)
    return notification


def bump_change_stamp(tenant_id: int) -> None:
    """Move the organisation's change stamp, in the caller's transaction.

    ``publish`` does this last, so the row lock it takes is held as briefly as the transaction
    allows; call it yourself only for a change that publishes nothing for this organisation.
    """
    _bump(tenant_id, "value")


def bump_access_stamp(tenant_id: int) -> None:
    """Move the organisation's access stamp, in the caller's transaction.

    Call it with every change to one of the organisation's API applications: the kept access
    of its client ids is current only while this stamp stays put.
    """
    _bump(tenant_id, "access_value")


def _bump(tenant_id: int, counter: str) -> None:
    # Plain SQL: it runs with every change, and building the ORM update cost more than running it.
    table = connection.ops.quote_name(ChangeStamp._meta.db_table)
    column = connection.ops.quote_name(ChangeStamp._meta.get_field(counter).column)
    tenant = connection.ops.quote_name(ChangeStamp._meta.get_field("tenant").column)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET {column} = {column} + 1 WHERE {tenant} = %s",  # noqa: S608
            [tenant_id],
        )
        if cursor.rowcount:
            return
    # The organisation's first change: another transaction may be creating the row too.
    ChangeStamp.objects.bulk_create([ChangeStamp(tenant_id=tenant_id)], ignore_conflicts=True)
    ChangeStamp.objects.filter(tenant_id=tenant_id).update(**{counter: F(counter) + 1})


def change_stamp(tenant_id: int) -> int:
    """How many changes this organisation has published: moves with every one of them."""
    return ChangeStamp.objects.filter(tenant_id=tenant_id).values_list("value", flat=True).first() or 0


def _enqueue_delivery() -> None:
    from .tasks import deliver_notifications

    if _a_delivery_run_waits(deliver_notifications):
        # A run that has not started yet drains every due delivery, this one included: a
        # burst of changes queues one run, not a task row (and a commit) per change.
        return
    try:
        deliver_notifications.enqueue()
    except Exception:
        # The outbox keeps the deliveries; the worker's sweep picks them up.
        logger.exception("Could not enqueue notification delivery")


def _a_delivery_run_waits(task) -> bool:
    from django_tasks import TaskResultStatus
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult, get_date_max

    if not isinstance(task.get_backend(), DatabaseBackend):
        return False
    # Called after the change committed: a run still READY now starts later and sees it.
    # ``DBTaskResult.objects.ready()`` as plain SQL: building that queryset after every
    # change cost more than the query. A run deferred to later (a retry) does not count.
    adapt = connection.ops.adapt_datetimefield_value
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT 1 FROM {connection.ops.quote_name(DBTaskResult._meta.db_table)}"  # noqa: S608
            " WHERE status = %s AND task_path = %s AND (run_after = %s OR run_after <= %s) LIMIT 1",
            [TaskResultStatus.READY.value, task.module_path, adapt(get_date_max()), adapt(timezone.now())],
        )
        return cursor.fetchone() is not None


def _claim(deliveries: list[Delivery], now: datetime.datetime) -> list[Delivery]:
    """Take deliveries for one attempt each, in one statement; those another worker took are left out.

    The lease (``next_attempt_at`` moved past now) keeps every other run off them while the
    attempt runs, and makes them count as "earlier, still pending" for the ordering rule.
    """
    if not deliveries:
        return []
    table = connection.ops.quote_name(Delivery._meta.db_table)
    adapt = connection.ops.adapt_datetimefield_value
    placeholders = ", ".join(["%s"] * len(deliveries))
    # Only the model's table name and placeholders are put in the text; RETURNING (PostgreSQL,
    # SQLite 3.35+) tells which rows this run took, which the ORM's update() cannot.
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET attempts = attempts + 1, last_attempt_at = %s, next_attempt_at = %s"  # noqa: S608
            f" WHERE id IN ({placeholders}) AND status = %s AND next_attempt_at <= %s"
            " RETURNING id, attempts",
            [
                adapt(now),
                adapt(now + LEASE),
                *(delivery.pk for delivery in deliveries),
                DeliveryStatus.PENDING.value,
                adapt(now),
            ],
        )
        attempts = dict(cursor.fetchall())
    claimed = [delivery for delivery in deliveries if delivery.pk in attempts]
    for delivery in claimed:
        delivery.attempts = attempts[delivery.pk]
    return claimed


def _first_per_object(due: list[Delivery], now: datetime.datetime) -> list[Delivery]:
    """Of the due deliveries (oldest first), the ones that may go now without breaking the order.

    Per abonnement and hoofdobject one delivery per run, and only when no earlier one is still
    pending: one waiting for its retry, or one another run is attempting right now. Every due
    delivery older than the newest in ``due`` is in ``due`` itself, so only the pending ones
    that are not due can hold a delivery back: one query for the whole run.
    """
    waiting: dict[tuple[int, str], int] = {}
    for abonnement_id, hoofd_object, pk in Delivery.objects.filter(
        status=DeliveryStatus.PENDING,
        next_attempt_at__gt=now,
        hoofd_object__in={delivery.hoofd_object for delivery in due},
    ).values_list("abonnement_id", "hoofd_object", "id"):
        key = (abonnement_id, hoofd_object)
        waiting[key] = min(pk, waiting.get(key, pk))
    chosen, seen = [], set()
    for delivery in due:
        key = (delivery.abonnement_id, delivery.hoofd_object)
        if key not in seen and waiting.get(key, delivery.pk) >= delivery.pk:
            chosen.append(delivery)
        seen.add(key)
    return chosen


def allows_private_callbacks() -> bool:
    return settings.PLUS1_NOTIFICATIONS_ALLOW_PRIVATE_CALLBACKS


def check_callback_url(url: str) -> outbound.Target:
    """The callback URL, checked as the worker will check it before every delivery.

    Raises ``FieldProblem`` on ``callbackUrl``: not a full http(s)-URL, a name that does not
    resolve, or (unless ``PLUS1_NOTIFICATIONS_ALLOW_PRIVATE_CALLBACKS``) an internal address.
    """
    try:
        return outbound.check_url(url, allow_private=allows_private_callbacks())
    except outbound.RefusedURL as exc:
        raise FieldProblem.single("callbackUrl", exc.code, str(exc)) from None


def idempotency_key(delivery: Delivery) -> str:
    """The same for every attempt and every abonnement of one notification: its uuid."""
    return str(delivery.notification.uuid)


def _post(delivery: Delivery, client: httpx.Client, targets: dict[str, outbound.Target]) -> tuple[str, bool]:
    """Post one notification to its subscriber: the error ("" when it landed), and whether to give up.

    The callback URL is checked again now, not only when it was registered: a name may have
    moved to an internal address since. A refused URL is never called and not retried.
    """
    url = delivery.abonnement.callback_url
    try:
        # Checked once per run and URL; the post goes to the address that was checked.
        target = targets.get(url) or targets.setdefault(
            url, outbound.check_url(url, allow_private=allows_private_callbacks())
        )
    except outbound.RefusedURL as exc:
        return f"Geweigerd, niet verstuurd: {exc}"[:500], True
    try:
        response = outbound.post(
            client,
            target,
            json=delivery.notification.as_message(),
            headers={
                "Authorization": delivery.abonnement.auth,
                # The subscriber can drop a message it already has (a retry after a lost answer,
                # or after a worker stopped between the post and recording it).
                "Idempotency-Key": idempotency_key(delivery),
            },
        )
    except httpx.HTTPError as exc:
        return f"{type(exc).__name__}: {exc}"[:500], False
    # A redirect is not followed (it could lead anywhere): it counts as a failure.
    return ("" if 200 <= response.status_code < 300 else f"HTTP {response.status_code}"), False


# Outcomes are written every so many posts, so a worker that stops mid-run repeats little.
RECORD_EVERY = 20


def deliver_due(*, limit: int = 200) -> int:
    """Deliver what is due now, oldest first; returns how many landed.

    A run costs a few statements whatever its size: one to read what is due, one to see what
    is held back, one to take them all, and one per ``RECORD_EVERY`` posts for the outcomes.
    A subscriber that fails is not called again in this run: its other deliveries go back
    untried, as does everything left when half the lease has passed, so no attempt outlives
    its lease and another run never takes a delivery that is still being posted.
    """
    now = timezone.now()
    due = list(
        Delivery.objects.filter(status=DeliveryStatus.PENDING, next_attempt_at__lte=now)
        .select_related("notification", "abonnement")
        .order_by("id")[:limit]
    )
    claimed = _claim(_first_per_object(due, now), now) if due else []
    if not claimed:
        return 0
    deadline = time.monotonic() + LEASE.total_seconds() / 2
    failing: set[int] = set()
    landed: list[Delivery] = []
    failed: list[Delivery] = []
    untried: list[Delivery] = []
    delivered = 0
    targets: dict[str, outbound.Target] = {}
    with outbound.new_client(timeout=TIMEOUT_SECONDS) as client:
        for index, delivery in enumerate(claimed, start=1):
            if delivery.abonnement_id in failing or time.monotonic() > deadline:
                untried.append(delivery)
                continue
            error, give_up = _post(delivery, client, targets)
            if error:
                failing.add(delivery.abonnement_id)
                _mark_failed(delivery, error, give_up=give_up)
                failed.append(delivery)
            else:
                delivery.status, delivery.delivered_at, delivery.last_error = (
                    DeliveryStatus.DELIVERED,
                    timezone.now(),
                    "",
                )
                landed.append(delivery)
            if index % RECORD_EVERY == 0:
                delivered += _record(landed, failed)
    delivered += _record(landed, failed)
    if untried:
        _put_back(untried)
    return delivered


def _mark_failed(delivery: Delivery, error: str, *, give_up: bool = False) -> None:
    gives_up = give_up or delivery.attempts >= MAX_ATTEMPTS
    delivery.status = DeliveryStatus.FAILED if gives_up else DeliveryStatus.PENDING
    delivery.next_attempt_at = timezone.now() + backoff(delivery.attempts)
    delivery.last_error = error
    logger.warning("Notification delivery %s failed (attempt %s): %s", delivery.pk, delivery.attempts, error)


def _record(landed: list[Delivery], failed: list[Delivery]) -> int:
    """Write the outcomes so far (and empty the lists); returns how many landed."""
    count = len(landed)
    if landed:
        Delivery.objects.bulk_update(landed, ["status", "delivered_at", "last_error"])
    if failed:
        Delivery.objects.bulk_update(failed, ["status", "next_attempt_at", "last_error"])
    landed.clear()
    failed.clear()
    return count


def _put_back(deliveries: list[Delivery]) -> None:
    """Undo the claim of deliveries this run did not try: as they were, due again."""
    for delivery in deliveries:
        delivery.attempts -= 1
    # ``next_attempt_at`` and ``last_attempt_at`` are still the values read before the claim.
    Delivery.objects.bulk_update(deliveries, ["attempts", "next_attempt_at", "last_attempt_at"])


def next_due_at() -> datetime.datetime | None:
    return Delivery.objects.filter(status=DeliveryStatus.PENDING).aggregate(at=Min("next_attempt_at"))["at"]


def retry_deliveries(deliveries: Iterable[Delivery]) -> int:
    """Put failed (or waiting) deliveries back in the queue, to go out now (the admin's "retry")."""
    ids = [delivery.pk for delivery in deliveries]
    count = (
        Delivery.objects.filter(pk__in=ids)
        .exclude(status=DeliveryStatus.DELIVERED)
        .update(status=DeliveryStatus.PENDING, attempts=0, next_attempt_at=timezone.now(), last_error="")
    )
    if count:
        transaction.on_commit(_enqueue_delivery)
    return count


# Kanalen and abonnementen, for the Notificaties API ------------------------------------------

# The standard allows any 1 to 50 characters for a kanaal's name and 1 to 100 for a kenmerk (a
# filter). Plus1 only refuses what no client means to send and what would make one name look like
# another in a list: control, format (e.g. U+202E), surrogate, private-use, unassigned and
# line/paragraph-separator characters, and spaces at either end.
_REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def is_plain_name(value: str, *, max_length: int) -> bool:
    """Whether ``value`` is a name the Notificaties API stores: 1..max_length plain characters."""
    return (
        0 < len(value) <= max_length
        and value == value.strip()
        and not any(unicodedata.category(char) in _REFUSED_CATEGORIES for char in value)
    )


MAX_KANAAL_FILTERS = 50


def _owner_id(tenant: Organisation | None) -> int | None:
    """The tenant a kanaal belongs to: none for the collective, whose kanalen everyone sees."""
    return None if tenant is None or tenant.is_collective else tenant.pk


@transaction.atomic
def create_kanaal(
    *,
    tenant: Organisation | None = None,
    naam: str,
    documentatie_link: str = "",
    filters: list[str] | None = None,
) -> Kanaal:
    """Register a kanaal: the gemeente's own, or the collective's (``tenant`` None or the collective).

    A gemeente may not take the name of one of the collective's kanalen, nor use a name twice;
    another gemeente may have a kanaal of the same name.
    """
    filters = filters or []
    problems = []
    if not is_plain_name(naam, max_length=50):
        problems.append(
            (
                "naam",
                "invalid",
                "Een kanaalnaam heeft 1 tot 50 tekens, zonder spatie aan het begin of eind en zonder "
                "stuurtekens.",
            )
        )
    if len(filters) > MAX_KANAAL_FILTERS:
        problems.append(("filters", "max_length", f"Geef hoogstens {MAX_KANAAL_FILTERS} filters."))
    problems += [
        (
            f"filters.{index}",
            "invalid",
            "Een filter heeft 1 tot 100 tekens, zonder spatie aan het begin of eind en zonder stuurtekens.",
        )
        for index, kenmerk in enumerate(filters)
        if not is_plain_name(kenmerk, max_length=100)
    ]
    if documentatie_link:
        try:
            outbound.check_url(documentatie_link, allow_private=True)
        except outbound.RefusedURL as exc:
            problems.append(("documentatieLink", exc.code, str(exc)))
    if problems:
        raise FieldProblem(problems)
    owner_id = _owner_id(tenant)
    if Kanaal.objects.filter(naam=naam).filter(Q(tenant__isnull=True) | Q(tenant_id=owner_id)).exists():
        raise FieldProblem.single("naam", "unique", "Er bestaat al een kanaal met deze naam.")
    return Kanaal.objects.create(
        tenant_id=owner_id, naam=naam, documentatie_link=documentatie_link, filters=filters
    )


def _kanaal_rows(
    tenant: Organisation, kanalen: list[tuple[str, dict[str, str]]]
) -> list[tuple[Kanaal, dict[str, str]]]:
    names = [naam for naam, _ in kanalen]
    # A gemeente's own kanaal before the collective's of the same name (when one was added later).
    known: dict[str, Kanaal] = {}
    for kanaal in (
        Kanaal.objects.visible_to(_owner_id(tenant))
        .filter(naam__in=names)
        .order_by(F("tenant_id").asc(nulls_last=True))
    ):
        known.setdefault(kanaal.naam, kanaal)
    problems = [
        (f"kanalen.{index}.naam", "does_not_exist", f"Kanaal {naam} bestaat niet.")
        for index, naam in enumerate(names)
        if naam not in known
    ]
    if problems:
        raise FieldProblem(problems)
    return [(known[naam], filters) for naam, filters in kanalen]


@transaction.atomic
def save_abonnement(
    *,
    tenant: Organisation,
    callback_url: str,
    auth: str,
    kanalen: list[tuple[str, dict[str, str]]],
    created_by: str = "",
    abonnement: Abonnement | None = None,
) -> Abonnement:
    """Create an abonnement, or replace one's callback, auth and kanalen (PUT/PATCH).

    A new or changed callback URL is checked as the worker checks it before each delivery.
    """
    if abonnement is None or callback_url != abonnement.callback_url:
        check_callback_url(callback_url)
    rows = _kanaal_rows(tenant, kanalen)
    if abonnement is None:
        abonnement = Abonnement.objects.create(
            tenant=tenant, callback_url=callback_url, auth=auth, created_by=created_by
        )
    else:
        abonnement.callback_url, abonnement.auth = callback_url, auth
        abonnement.save(update_fields=["callback_url", "auth"])
        abonnement.kanalen.all().delete()
    AbonnementKanaal.objects.bulk_create(
        AbonnementKanaal(abonnement=abonnement, kanaal=kanaal, filters=filters) for kanaal, filters in rows
    )
    return abonnement


@transaction.atomic
def delete_abonnement(*, abonnement: Abonnement) -> None:
    abonnement.delete()
