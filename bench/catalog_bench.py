"""Catalog benchmark: import the library, adopt it in all 342 gemeenten, read adoption lists.

Run with `make bench` (PostgreSQL when reachable, else SQLite). Prints its figures; asserts
nothing. Uses a throw-away test database (Django's test_<name>) and drops it afterwards.
"""

import os
import statistics
import sys
import time

import django


def _percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "plus1.conf.test")
    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases

    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    print(f"database: {engine}")
    old = setup_databases(verbosity=0, interactive=False)
    try:
        from plus1.audit.services import Actor
        from plus1.catalog import selectors, services
        from plus1.catalog.importer.loader import import_library
        from plus1.tenants.models import Organisation

        actor = Actor.system("bench")
        started = time.perf_counter()
        report = import_library(actor=actor)
        print(f"library import: {len(report.created)} processes in {time.perf_counter() - started:.2f} s")
        started = time.perf_counter()
        again = import_library(actor=actor)
        elapsed = time.perf_counter() - started
        print(f"re-import (nothing changes, {len(again.unchanged)} unchanged): {elapsed:.2f} s")

        gemeenten = list(Organisation.objects.gemeenten())
        zaaktypen = list(selectors.published_zaaktypen())
        started = time.perf_counter()
        for gemeente in gemeenten:
            for zaaktype in zaaktypen:
                services.adopt_process(gemeente=gemeente, zaaktype=zaaktype, actor=actor)
        count = len(gemeenten) * len(zaaktypen)
        elapsed = time.perf_counter() - started
        print(f"adopt: {count} adoptions in {elapsed:.1f} s ({1000 * elapsed / count:.2f} ms each)")

        samples = []
        for _round in range(3):
            for gemeente in gemeenten:
                started = time.perf_counter()
                rows = list(selectors.adoptions_for_gemeente(gemeente))
                samples.append((time.perf_counter() - started) * 1000)
        assert rows
        print(
            f"adoption list of one gemeente ({len(rows)} rows, pending-upgrade annotated): "
            f"p50 {statistics.median(samples):.2f} ms, p95 {_percentile(samples, 0.95):.2f} ms "
            f"over {len(samples)} reads"
        )
        from plus1.catalog.search import search_products

        queries = [
            "ondertrouw",
            "kliko kapot",
            "ik ga verhuizen",
            "parkeervergunnig",
            "boom kappen",
            "paspoort",
            "hulp in huis",
            "schulden",
            "lantaarnpaal kapot",
            "evenemnt vergunning",
            "uittreksel",
            "hond",
        ]
        search_products("warm-up")
        samples = []
        for _round in range(50):
            for query in queries:
                started = time.perf_counter()
                search_products(query)
                samples.append((time.perf_counter() - started) * 1000)
        print(
            f"product search ({len(queries)} everyday queries): p50 {statistics.median(samples):.2f} ms, "
            f"p95 {_percentile(samples, 0.95):.2f} ms over {len(samples)} searches"
        )
        connection.close()
    finally:
        teardown_databases(old, verbosity=0)


if __name__ == "__main__":
    sys.exit(main())
