from __future__ import annotations

import datetime
import hashlib
import hmac
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models, transaction
from django.utils.crypto import salted_hmac

from plus1.core import clock, tracing
from plus1.core.prepared import PreparedInsert
from plus1.tenants.models import Organisation

from .exceptions import InvalidAccessReviewSettings
from .models import AccessReviewSettings, AuditEntry, Channel, ProcessingAction, ProcessingRecord


@dataclass(frozen=True)
class Actor:
    """Who does something: an employee, an application, a resident, a business, a partner or the system.

    ``unit`` is the team or organisation unit a resident may be shown ("Team Wmo"); the
    label (an employee's user name) stays for the gemeente's own eyes.
    """

    type: str
    id: str
    label: str
    unit: str = ""

    @classmethod
    def system(cls, label: str = "Plus1") -> Actor:
        return cls(type="system", id="plus1", label=label, unit="Plus1 (automatisch)")

    @classmethod
    def from_user(cls, user: Any, *, unit: str = "") -> Actor:
        return cls(type="employee", id=str(user.pk), label=user.get_username(), unit=unit)


@dataclass(frozen=True)
class Activity:
    """A verwerkingsactiviteit as the log stores it: a plain copy, so a later edit changes no record."""

    code: str
    name: str
    purpose: str
    legal_ground: str
    retention_days: int


@dataclass(frozen=True)
class ApiCall:
    """The application (and its end user) behind the current ZGW API request, for the audittrail."""

    bron: str
    application_id: str
    application_label: str
    user_id: str = ""
    user_label: str = ""
    toelichting: str = ""


_api_call: ContextVar[ApiCall | None] = ContextVar("plus1_api_call", default=None)


@contextmanager
def api_call(call: ApiCall) -> Iterator[None]:
    """Changes inside are made by an application through a ZGW API: the audit rows say so."""
    token = _api_call.set(call)
    try:
        yield
    finally:
        _api_call.reset(token)


def begin_api_call(call: ApiCall) -> None:
    """Like ``api_call`` for the rest of the current context; the API middleware runs every
    request in a context of its own, so it ends with the request."""
    _api_call.set(call)


def current_api_call() -> ApiCall | None:
    return _api_call.get()


# Every change writes an audit row and a processing record: their INSERTs built once per process.
_INSERT_AUDIT_ENTRY = PreparedInsert(AuditEntry)
# ProcessingRecord.save() only refuses changing a saved record; a new one passes it.
_INSERT_PROCESSING_RECORD = PreparedInsert(ProcessingRecord, trust_save=True)


def record_change(
    *,
    tenant: Organisation,
    actor: Actor,
    action: str,
    obj: models.Model,
    before: dict | None = None,
    after: dict | None = None,
    note: str = "",
    main_object: models.Model | None = None,
    zgw_actie: str | None = None,
) -> AuditEntry:
    """Write one audit row; call it inside the service's transaction so both land or neither.

    ``main_object`` is the ZGW hoofdobject the change belongs to (the zaak of a status);
    the object itself when not given. ``zgw_actie`` is the actie the audittrail shows.
    """
    main = main_object if main_object is not None else obj
    call = _api_call.get()
    zgw: dict[str, Any] = {}
    if getattr(obj, "uuid", None) is not None:
        zgw["resource_uuid"] = str(obj.uuid)
    if getattr(main, "uuid", None) is not None:
        zgw["main_uuid"] = str(main.uuid)
    if call is not None:
        zgw.update(
            bron=call.bron,
            application_id=call.application_id[:100],
            application_label=call.application_label[:200],
            user_id=call.user_id[:255],
            user_label=call.user_label[:255],
        )
        note = note or call.toelichting
    if zgw_actie:
        zgw["actie"] = zgw_actie
    return _INSERT_AUDIT_ENTRY.save(
        AuditEntry(
            tenant=tenant,
            actor_type=actor.type,
            actor_id=actor.id,
            actor_label=actor.label[:255],
            action=action,
            object_type=obj._meta.label_lower,
            object_id=str(obj.pk),
            object_label=str(obj)[:255],
            before=before,
            after=after,
            note=note,
            main_object_type=main._meta.label_lower,
            main_object_id=str(main.pk),
            zgw=zgw or None,
        )
    )


# --- the data subject as a keyed hash ------------------------------------------------------


def subject_keys() -> list[tuple[str, bytes]]:
    """(key id, key) pairs, the current key first, then the earlier ones (key rotation).

    ``PLUS1_LOG_SUBJECT_KEY`` is a dedicated key; without it (development and tests only,
    production settings require it) the key is derived from SECRET_KEY.
    """
    current = settings.PLUS1_LOG_SUBJECT_KEY
    if current:
        keys = [(settings.PLUS1_LOG_SUBJECT_KEY_ID, current.encode())]
    else:
        derived = salted_hmac("plus1.audit.log-subject-key", "dev", algorithm="sha256").digest()
        keys = [("dev", derived)]
    for pair in settings.PLUS1_LOG_SUBJECT_PREVIOUS_KEYS:
        key_id, sep, key = pair.partition(":")
        if not sep or not key:
            raise ImproperlyConfigured("PLUS1_LOG_SUBJECT_PREVIOUS_KEYS: use key-id:key, comma-separated.")
        keys.append((key_id, key.encode()))
    return keys


def _hmac(key: bytes, identifier: str) -> str:
    return hmac.new(key, identifier.strip().encode(), hashlib.sha256).hexdigest()


def hash_subject(identifier: str) -> str:
    """HMAC-SHA256 of a BSN or KvK number with the current log key: searchable, not readable."""
    return _hmac(subject_keys()[0][1], identifier)


def subject_hashes(identifier: str) -> list[tuple[str, str]]:
    """(key id, hash) of ``identifier`` under every key in use: the current and earlier ones."""
    return [(key_id, _hmac(key, identifier)) for key_id, key in subject_keys()]


# --- processing records --------------------------------------------------------------------


@dataclass
class _Scope:
    pending: list[ProcessingRecord] = field(default_factory=list)
    memo: dict = field(default_factory=dict)


_scope: ContextVar[_Scope | None] = ContextVar("plus1_processing_scope", default=None)


def is_enabled() -> bool:
    """Off only for the with/without figures of the benchmarks; production forces it on."""
    return settings.PLUS1_PROCESSING_LOG


@contextmanager
def processing_scope() -> Iterator[None]:
    """Collect the read records of one request or task and write them when it ends.

    Reads are written after the work, in autocommit and also when it failed: the data was
    read even if the request then rolled back. Changes do not wait here (``record_processing``
    writes them inside the service's transaction, so they exist only if the change did).
    """
    token = _scope.set(_Scope())
    try:
        yield
    finally:
        scope = _scope.get()
        _scope.reset(token)
        if scope is not None and scope.pending:
            ProcessingRecord.objects.bulk_create(scope.pending)


def memo() -> dict:
    """A dictionary that lives as long as the current scope (e.g. to look up an activity once)."""
    scope = _scope.get()
    return scope.memo if scope is not None else {}


@dataclass(frozen=True)
class Subject:
    type: str  # "bsn" or "kvk"
    identifier: str


def subject_for(*, bsn: str = "", kvk_number: str = "") -> Subject | None:
    if bsn:
        return Subject("bsn", bsn)
    if kvk_number:
        return Subject("kvk", kvk_number)
    return None


@dataclass(frozen=True)
class ObjectRef:
    type: str
    id: str = ""
    label: str = ""

    @classmethod
    def of(cls, obj: models.Model, label: str = "") -> ObjectRef:
        return cls(obj._meta.label_lower, str(obj.pk), (label or str(obj))[:255])


def build_record(
    *,
    tenant: Organisation | int,
    actor: Actor,
    activity: Activity,
    action: str,
    channel: str,
    obj: ObjectRef,
    subject: Subject | None = None,
    operation: str = "",
) -> ProcessingRecord:
    """One unsaved processing record for the current span (a new trace when none runs)."""
    span = tracing.current_span() or tracing.start_span()
    now = clock.now()
    key_id, key = subject_keys()[0] if subject else ("", b"")
    return ProcessingRecord(
        tenant_id=tenant if isinstance(tenant, int) else tenant.pk,
        started_at=now,
        ended_at=now,
        trace_id=span.trace_id,
        span_id=span.span_id,
        parent_span_id=span.parent_span_id,
        operation=(operation or span.name or action)[:100],
        activity_code=activity.code,
        activity_name=activity.name[:200],
        purpose=activity.purpose[:300],
        legal_ground=activity.legal_ground[:300],
        action=action,
        channel=channel,
        actor_type=actor.type,
        actor_id=actor.id[:100],
        actor_label=actor.label[:255],
        actor_unit=actor.unit[:255],
        subject_type=subject.type if subject else "",
        subject_hash=_hmac(key, subject.identifier) if subject else "",
        subject_key_id=key_id,
        object_type=obj.type,
        object_id=obj.id,
        object_label=obj.label[:255],
        keep_until=clock.today() + datetime.timedelta(days=activity.retention_days),
    )


def record_processing(**kwargs: Any) -> ProcessingRecord | None:
    """Write a processing record now: for a change, inside the service's transaction."""
    if not is_enabled():
        return None
    return _INSERT_PROCESSING_RECORD.save(build_record(**kwargs))


def record_reads(records: Iterable[ProcessingRecord]) -> None:
    """Log reads: kept until the request or task ends (see ``processing_scope``), else written now."""
    if not is_enabled():
        return
    records = list(records)
    scope = _scope.get()
    if scope is not None:
        scope.pending.extend(records)
    elif records:
        ProcessingRecord.objects.bulk_create(records)


def record_read(**kwargs: Any) -> None:
    """Log one read of personal data (``action`` defaults to read); see ``record_reads``."""
    kwargs.setdefault("action", ProcessingAction.READ)
    record_reads([build_record(**kwargs)] if is_enabled() else [])


def record_access(
    *,
    tenant: Organisation,
    actor: Actor,
    activity: Activity,
    channel: str = Channel.BACKOFFICE,
    object_type: str,
    object_id: str = "",
    subject: Subject | None = None,
    action: str = ProcessingAction.SEARCH,
) -> None:
    """Write down that ``actor`` looked up personal data (e.g. a search on a BSN), and why.

    Logboek dataverwerkingen (VNG): every processing of personal data is logged with who,
    what, when and the purpose, so a resident can be told who looked at their data.
    """
    record_read(
        tenant=tenant,
        actor=actor,
        activity=activity,
        action=action,
        channel=channel,
        obj=ObjectRef(object_type, object_id),
        subject=subject,
    )


# --- thresholds of the unusual-access report -----------------------------------------------

ACCESS_REVIEW_FIELDS = ("distinct_subjects_per_day", "office_start", "office_end", "weekends_are_outside")


@transaction.atomic
def update_access_review_settings(
    *,
    tenant: Organisation,
    actor: Actor,
    distinct_subjects_per_day: int,
    office_start: datetime.time,
    office_end: datetime.time,
    weekends_are_outside: bool,
) -> AccessReviewSettings:
    """Set the gemeente's thresholds for unusual access; the change is in the audit trail."""
    if distinct_subjects_per_day < 1:
        raise InvalidAccessReviewSettings("Het aantal personen per dag moet minstens 1 zijn.")
    if office_start >= office_end:
        raise InvalidAccessReviewSettings("De kantoortijd moet eindigen na het begin.")
    row, created = AccessReviewSettings.objects.select_for_update().get_or_create(tenant=tenant)
    before = None if created else _settings_dict(row)
    row.distinct_subjects_per_day = distinct_subjects_per_day
    row.office_start = office_start
    row.office_end = office_end
    row.weekends_are_outside = weekends_are_outside
    row.save()
    record_change(
        tenant=tenant,
        actor=actor,
        action="update_access_review_settings",
        obj=row,
        before=before,
        after=_settings_dict(row),
    )
    return row


def _settings_dict(row: AccessReviewSettings) -> dict:
    return {
        name: value.isoformat(timespec="minutes") if isinstance(value, datetime.time) else value
        for name in ACCESS_REVIEW_FIELDS
        for value in [getattr(row, name)]
    }
