"""Reads of the processing log: by data subject (a resident's own page, a privacy officer's
search) and by actor. The subject is searched by its keyed hash under every key in use."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db.models import Q, QuerySet
from django.utils import timezone

from plus1.tenants.models import Organisation

from .models import AccessReviewSettings, ProcessingRecord
from .services import Subject, subject_hashes

# The longest period a privacy officer's search or report may cover (a bound on the scan).
MAX_SEARCH_DAYS = 366


def _period(records: QuerySet, since: datetime.date | None, until: datetime.date | None) -> QuerySet:
    if since:
        records = records.filter(started_at__date__gte=since)
    if until:
        records = records.filter(started_at__date__lte=until)
    return records


def records_for_subject(
    *,
    tenant: Organisation,
    identifier: str,
    subject_type: str | None = None,
    objects: Iterable[tuple[str, str]] | None = None,
    exclude_actor_types: Iterable[str] = (),
    since: datetime.date | None = None,
    until: datetime.date | None = None,
) -> QuerySet[ProcessingRecord]:
    """The records about the person or business ``identifier`` (BSN or KvK number), newest first.

    ``objects`` narrows to (object type, object id) pairs, e.g. one zaak and its documents.

    The caller shows them to that person, or logs its own read (a privacy officer's search is
    a processing: activity ``inzage-verwerkingslog``).
    """
    if not identifier:
        return ProcessingRecord.objects.none()
    match = Q()
    for key_id, digest in subject_hashes(identifier):
        match |= Q(subject_key_id=key_id, subject_hash=digest)
    records = ProcessingRecord.objects.for_tenant(tenant).filter(match)
    if subject_type:
        records = records.filter(subject_type=subject_type)
    if objects is not None:
        about = Q(pk__in=[])
        for object_type, object_id in objects:
            about |= Q(object_type=object_type, object_id=object_id)
        records = records.filter(about)
    exclude = list(exclude_actor_types)
    if exclude:
        records = records.exclude(actor_type__in=exclude)
    return _period(records, since, until).order_by("-started_at", "-id")


def records_for_actor(
    *,
    tenant: Organisation,
    actor_type: str,
    actor_id: str,
    since: datetime.date | None = None,
    until: datetime.date | None = None,
) -> QuerySet[ProcessingRecord]:
    """What one employee, application or partner processed at this gemeente, newest first."""
    records = ProcessingRecord.objects.for_tenant(tenant).filter(actor_type=actor_type, actor_id=actor_id)
    return _period(records, since, until).order_by("-started_at", "-id")


def local_day_bounds(
    since: datetime.date, until: datetime.date
) -> tuple[datetime.datetime, datetime.datetime]:
    """[start of ``since``, start of the day after ``until``) in Dutch time, as aware datetimes.

    A range on ``started_at`` itself, so the (tenant, started_at) indexes serve it; a
    ``__date`` lookup would convert every row first.
    """
    zone = timezone.get_current_timezone()
    start = datetime.datetime.combine(since, datetime.time.min, tzinfo=zone)
    end = datetime.datetime.combine(until + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone)
    return start, end


def search_records(
    *,
    tenant: Organisation,
    since: datetime.date,
    until: datetime.date,
    subject: Subject | None = None,
    actor_id: str | None = None,
    activity_code: str | None = None,
    action: str | None = None,
) -> QuerySet[ProcessingRecord]:
    """The privacy officer's search: this gemeente's records in a period, newest first.

    Narrow by data subject (BSN or KvK number, found under every key), by employee
    (``actor_id``, the user's id as the log stores it), by activity and by kind of processing.
    The period may span at most ``MAX_SEARCH_DAYS``. The caller logs its own read
    (activity ``inzage-verwerkingslog``): a search of the log is a processing itself.
    """
    if until < since or (until - since).days >= MAX_SEARCH_DAYS:
        raise ValueError("The period must run forwards and span at most a year.")
    if subject is not None:
        records = records_for_subject(tenant=tenant, identifier=subject.identifier, subject_type=subject.type)
    else:
        records = ProcessingRecord.objects.for_tenant(tenant)
    start, end = local_day_bounds(since, until)
    records = records.filter(started_at__gte=start, started_at__lt=end)
    if actor_id:
        records = records.filter(actor_type__in=("employee", "partner"), actor_id=actor_id)
    if activity_code:
        records = records.filter(activity_code=activity_code)
    if action:
        records = records.filter(action=action)
    return records.order_by("-started_at", "-id")


def access_review_settings(*, tenant: Organisation) -> AccessReviewSettings:
    """The gemeente's thresholds for unusual access; the defaults (unsaved) when it set none."""
    return AccessReviewSettings.objects.for_tenant(tenant).first() or AccessReviewSettings(tenant=tenant)
