"""Portal benchmark on PostgreSQL: 1,000,000 zaken over 342 gemeenten.

Measures, through Django's test client (the full middleware, view and template stack,
without a network hop):
- "Mijn zaken" for a resident with 20 zaken, with the processing log off and on (interleaved),
- the product search JSON,
- the submit of a completed request (draft -> zaak, with case number, status, rol, data).

Run with `make bench` (or `python bench/portal_bench.py` with DATABASE_URL set to PostgreSQL).
Uses a throw-away test database and drops it afterwards. Prints figures; asserts nothing.
"""

import os
import random
import sys
import time

from dataset import PER_RESIDENT, load_zaken
from harness import compare_processing_log, report, run_on_test_database, timed

ZAKEN = int(os.environ.get("PLUS1_BENCH_ZAKEN", "1000000"))
SAMPLES = 300


def main() -> None:
    run_on_test_database("portal benchmark", _run)


def _run() -> None:
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from plus1.audit.services import Actor
    from plus1.catalog import services
    from plus1.catalog.importer.loader import import_library
    from plus1.catalog.models import ZaakType
    from plus1.tenants.models import Organisation

    actor = Actor.system("bench")
    import_library(actor=actor)
    zaaktype = ZaakType.objects.get(process__identificatie="parkeervergunning")
    gemeenten = list(Organisation.objects.gemeenten().order_by("id"))
    adoptions = {g.id: services.adopt_process(gemeente=g, zaaktype=zaaktype, actor=actor) for g in gemeenten}

    started = time.perf_counter()
    load_zaken(connection, zaaktype, gemeenten, count=ZAKEN)
    print(f"loaded {ZAKEN:,} zaken over {len(gemeenten)} gemeenten in {time.perf_counter() - started:.0f} s")

    client = Client()
    residents = random.Random(1).sample(range(ZAKEN // PER_RESIDENT), SAMPLES)
    user_model = get_user_model()
    calls = []
    for resident in residents:
        bsn = f"{resident:09d}"
        gemeente = gemeenten[resident % len(gemeenten)]
        user = user_model.digid_objects.digid_create(bsn)
        url = reverse("portal:my-zaken", args=[gemeente.slug])

        def call(url=url, user=user):
            client.force_login(user)
            return client.get(url)

        call()
        calls.append(call)
    compare_processing_log("Mijn zaken (20 zaken)", calls)

    queries = ["ondertrouw", "kliko kapot", "ik ga verhuizen", "parkeervergunnig", "boom kappen", "paspoort"]
    search_url = reverse("portal:search-json", args=[gemeenten[0].slug])
    samples = [timed(lambda q=q: client.get(search_url, {"q": q})) for _ in range(50) for q in queries]
    report("product search (JSON)", samples)

    samples = []
    for resident in residents[:100]:
        bsn = f"{resident:09d}"
        gemeente = gemeenten[resident % len(gemeenten)]
        client.force_login(user_model.objects.get(bsn=bsn))
        from plus1.cases.services import save_draft_answers, start_or_resume_draft

        draft = start_or_resume_draft(tenant=gemeente, adoption=adoptions[gemeente.id], owner_bsn=bsn)
        save_draft_answers(
            draft=draft,
            answers={"kenteken": "AB-123-C", "auto_eigendom": "Van mij", "ingangsdatum": "2030-01-01"},
        )
        url = reverse("portal:request-summary", args=[gemeente.slug, "parkeervergunning"])
        samples.append(timed(lambda url=url, draft=draft: client.post(url, {"draft": str(draft.uuid)})))
    report("submit a request (draft -> zaak)", samples)


if __name__ == "__main__":
    sys.exit(main())
