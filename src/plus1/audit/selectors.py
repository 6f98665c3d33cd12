"""Reads of the processing log: by data subject (a resident's own page, a privacy officer's
search) and by actor. The subject is searched by its keyed hash under every key in use."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db.models import Q, QuerySet

from plus1.tenants.models import Organisation

from .models import ProcessingRecord
from .services import subject_hashes


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
