"""``plus1 processing-log purge`` and ``plus1 processing-log export --gemeente GM0344``.

Purge removes the records whose retention ended (the database refuses any other delete).
Export writes one JSON object per line to stdout, oldest first; the export is itself a
processing and lands in the log.
"""

from __future__ import annotations

import datetime
import json

from django.core.management.base import BaseCommand, CommandError

from plus1.audit.models import Channel, ProcessingAction, ProcessingRecord
from plus1.audit.services import Actor, ObjectRef, processing_scope, record_read
from plus1.catalog.processing import ActivityCode, activity_for_code
from plus1.core import clock, tracing
from plus1.tenants.models import Organisation

EXPORT_FIELDS = [
    f.attname for f in ProcessingRecord._meta.concrete_fields if f.attname not in ("id", "tenant_id")
]


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"Geen datum (JJJJ-MM-DD): {value}") from exc


class Command(BaseCommand):
    help = "Purge or export the processing log (Logboek dataverwerkingen)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("purge", help="delete the records whose retention has ended")
        export = sub.add_parser("export", help="write a gemeente's records as JSON lines to stdout")
        export.add_argument("--gemeente", required=True, help="CBS code, e.g. GM0344")
        export.add_argument("--since", type=_date, help="first day (inclusive)")
        export.add_argument("--until", type=_date, help="last day (inclusive)")

    def handle(self, *args, action: str, **options):
        with tracing.span(name=f"processing-log {action}", new_trace=True), processing_scope():
            if action == "purge":
                count = ProcessingRecord.objects.purge_expired(today=clock.today())
                self.stderr.write(f"{count} verwerkingsregels verwijderd (bewaartermijn verstreken).")
                self.stdout.write(str(count))
            else:
                self._export(**options)

    def _export(self, *, gemeente: str, since, until, **options) -> None:
        tenant = Organisation.objects.gemeenten().filter(cbs_code=gemeente.upper()).first()
        if tenant is None:
            raise CommandError(f"Onbekende gemeente: {gemeente}")
        records = ProcessingRecord.objects.for_tenant(tenant).order_by("started_at", "id")
        if since:
            records = records.filter(started_at__date__gte=since)
        if until:
            records = records.filter(started_at__date__lte=until)
        count = 0
        for row in records.values(*EXPORT_FIELDS).iterator(chunk_size=2000):
            row["organisation"] = tenant.cbs_code
            self.stdout.write(json.dumps(row, default=str, ensure_ascii=False))
            count += 1
        record_read(
            tenant=tenant,
            actor=Actor.system("processing-log export"),
            activity=activity_for_code(ActivityCode.LOG_EXPORT),
            action=ProcessingAction.EXPORT,
            channel=Channel.EXPORT,
            obj=ObjectRef("audit.processingrecord", "", f"{count} regels, {since or '…'} t/m {until or '…'}"),
        )
