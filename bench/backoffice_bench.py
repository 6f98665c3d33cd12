"""Back-office benchmark on PostgreSQL: 1,000,000 zaken over 342 gemeenten, one team each.

Measures, through Django's test client (full middleware, view and template stack, no network hop),
as a case handler of a large gemeente:
- the team inbox, first page (25 zaken of ~2,900 open ones, sorted by legal end date),
- the zaak detail page,
- a status change (POST of the action form, with optimistic lock, audit row and redirect).
Inbox and zaak detail are timed with the processing log off and on (interleaved), to show its cost.

Run with `make bench` (or `python bench/backoffice_bench.py` with DATABASE_URL set to PostgreSQL).
Uses a throw-away test database and drops it afterwards. Prints figures; asserts nothing.
"""

import os
import random
import sys
import time

from dataset import HANDLERS_PER_TEAM, load_zaken
from harness import compare_processing_log, report, run_on_test_database, timed

ZAKEN = int(os.environ.get("PLUS1_BENCH_ZAKEN", "1000000"))
# Keep the loaded database between runs (for profiling); the first run loads it.
KEEPDB = os.environ.get("PLUS1_BENCH_KEEPDB") == "1"
SAMPLES = 300


def main() -> None:
    run_on_test_database("back-office benchmark", _run, keepdb=KEEPDB)


def _run() -> None:
    from django.db import connection

    from plus1.accounts.constants import Role
    from plus1.accounts.models import Membership, Team
    from plus1.accounts.services import create_employee, register_totp_device
    from plus1.audit.services import Actor
    from plus1.cases.models import Zaak
    from plus1.catalog import services
    from plus1.catalog.importer.loader import import_library
    from plus1.catalog.models import ZaakType
    from plus1.tenants.models import Organisation

    actor = Actor.system("bench")
    if KEEPDB and Zaak.objects.count() >= ZAKEN:
        _measure()
        return
    import_library(actor=actor)
    zaaktype = ZaakType.objects.get(process__identificatie="parkeervergunning")
    gemeenten = list(Organisation.objects.gemeenten().order_by("id"))
    teams = {}
    for gemeente in gemeenten:
        adoption = services.adopt_process(gemeente=gemeente, zaaktype=zaaktype, actor=actor)
        adoption.team = Team.objects.create(tenant=gemeente, name="Vergunningen")
        adoption.save(update_fields=["team"])
        teams[gemeente.id] = adoption.team.id

    started = time.perf_counter()
    load_zaken(connection, zaaktype, gemeenten, count=ZAKEN, teams=teams)
    print(f"loaded {ZAKEN:,} zaken over {len(gemeenten)} gemeenten in {time.perf_counter() - started:.0f} s")

    gemeente = gemeenten[0]
    team = Team.objects.get(pk=teams[gemeente.id])
    for number in range(HANDLERS_PER_TEAM):
        user = create_employee(username=f"bench-{number}", password="bench-wachtwoord-lang")
        Membership.objects.create(tenant=gemeente, user=user, role=Role.BEHANDELAAR)
        team.members.add(user)
        register_totp_device(user=user, key="3132333435363738393031323334353637383930")
    _measure()


def _measure() -> None:
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse
    from django_otp import DEVICE_ID_SESSION_KEY

    from plus1.cases.models import Zaak
    from plus1.catalog.models import ZaakType
    from plus1.tenants.models import Organisation

    zaaktype = ZaakType.objects.get(process__identificatie="parkeervergunning")
    gemeente = Organisation.objects.gemeenten().order_by("id").first()
    handlers = list(get_user_model().objects.filter(username__startswith="bench-").order_by("username"))
    open_zaken = list(
        Zaak.objects.filter(tenant=gemeente, ended_on__isnull=True).values_list("identificatie", flat=True)
    )
    print(f"gemeente {gemeente.name}: {len(open_zaken):,} open zaken in the team inbox")

    client = Client()
    client.force_login(handlers[0])
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = handlers[0].totpdevice_set.get().persistent_id
    session.save()

    inbox = reverse("backoffice:inbox")
    client.get(inbox)
    compare_processing_log("team inbox, first page", [lambda: client.get(inbox)] * SAMPLES)
    compare_processing_log(
        "team inbox, overdue filter", [lambda: client.get(inbox, {"termijn": "overdue"})] * 100
    )

    picks = random.Random(1).sample(open_zaken, min(SAMPLES, len(open_zaken)))
    compare_processing_log(
        "zaak detail", [lambda i=i: client.get(reverse("backoffice:zaak-detail", args=[i])) for i in picks]
    )

    statustypen = list(zaaktype.statustypen.order_by("volgnummer"))
    samples = []
    for identificatie in picks:
        zaak = Zaak.objects.select_related("current_status__statustype").get(
            tenant=gemeente, identificatie=identificatie
        )
        later = [s for s in statustypen[:-1] if s.volgnummer > zaak.current_status.statustype.volgnummer]
        if not later:
            continue
        url = reverse("backoffice:zaak-action", args=[identificatie, "status"])
        data = {"status-version": zaak.version, "status-statustype": later[0].pk}
        samples.append(timed(lambda url=url, data=data: client.post(url, data), expected=(302,)))
    report("status change", samples)


if __name__ == "__main__":
    sys.exit(main())
