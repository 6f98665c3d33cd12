"""``expand`` benchmark: the largest answer the limits allow, on the real process library.

The Catalogi API expands without bound would answer hundreds of megabytes
(``zaaktypen?expand=statustypen.zaaktype...``); ``api.common.expand`` bounds depth, cycles,
the number of attributes and the objects and bytes one answer may hold. This finds, for every
Catalogi collection, the widest ``expand`` those limits let through (the attributes whose
expansion is largest on this catalog, added while the request is still allowed), and prints
its time, the memory it takes and its size; then what the refused requests cost.

Run alone with `python bench/expand_bench.py` (DATABASE_URL pointing at PostgreSQL); `make bench`
runs it too; PLUS1_BENCH_EXPAND=zaaktypen,catalogussen measures only those collections. Prints
figures; asserts nothing.
"""

from __future__ import annotations

import gc
import os
import statistics
import sys
import time
import tracemalloc

from harness import percentile, run_on_test_database

ROOT = "/catalogi/api/v1"
COLLECTIONS = {
    "catalogussen": "catalogus",
    "zaaktypen": "zaaktype",
    "besluittypen": "besluittype",
    "informatieobjecttypen": "informatieobjecttype",
    "statustypen": "statustype",
    "resultaattypen": "resultaattype",
    "roltypen": "roltype",
    "eigenschappen": "eigenschap",
    "zaakobjecttypen": "zaakobjecttype",
}
ROUNDS = 10


def main() -> None:
    run_on_test_database("expand benchmark", _run)


def _paths(kind: str, kinds, max_depth: int) -> list[str]:
    """Every path ``expand`` allows from ``kind``: the attributes of each level, no way back."""
    found: list[str] = []

    def walk(current, passed: tuple[str, ...], path: tuple[str, ...]) -> None:
        if len(path) == max_depth:
            return
        for name, relation in sorted(current.relations.items()):
            if relation.kind is None:
                continue
            target = kinds[relation.kind]
            if target.name != current.name and target.name in passed:
                continue
            found.append(".".join((*path, name)))
            walk(target, (*passed, target.name), (*path, name))

    walk(kinds[kind], (kind,), ())
    return found


def _run() -> None:
    from django.test import Client

    from plus1.api.catalogi.expanding import kinds
    from plus1.api.common import expand as engine
    from plus1.api.common.testing import make_client, make_token
    from plus1.audit.services import Actor
    from plus1.catalog import selectors, services
    from plus1.catalog.importer.loader import import_library
    from plus1.tenants.models import Organisation

    actor = Actor.system("bench")
    import_library(actor=actor)
    gemeente = Organisation.objects.gemeenten().first()
    for zaaktype in selectors.published_zaaktypen():
        services.adopt_process(gemeente=gemeente, zaaktype=zaaktype, actor=actor)
    client_id, secret = make_client(gemeente)
    # Answers with ``expand`` are never kept (``readcache``): every request below is built anew.
    client = Client(HTTP_AUTHORIZATION=f"Bearer {make_token(client_id, secret)}")
    count = client.get(f"{ROOT}/zaaktypen").json()["count"]
    # As in a worker of `plus1 serve` (serve.freeze_before_fork): what is loaded by now lives as
    # long as the process and is kept out of the garbage collector's full collections.
    gc.collect()
    gc.freeze()
    print(
        f"catalog: {count} zaaktypen; limits: depth {engine.MAX_DEPTH}, {engine.MAX_EXPANSIONS} attributes, "
        f"{engine.MAX_OBJECTS} objects read and {engine.MAX_BYTES // 1024} kB expanded per answer"
    )

    def get(collection: str, expand: str):
        return client.get(f"{ROOT}/{collection}", {"expand": expand})

    worst: list[tuple[float, str, str]] = []
    only = os.environ.get("PLUS1_BENCH_EXPAND", "")
    for collection, kind in COLLECTIONS.items():
        if only and collection not in only.split(","):
            continue
        # Each allowed path alone, largest first; then added with its prefixes while allowed.
        sizes = {}
        for path in _paths(kind, kinds(), engine.MAX_DEPTH):
            response = get(collection, path)
            sizes[path] = len(response.content) if response.status_code == 200 else 0
        chosen: list[str] = []
        for path in sorted(sizes, key=sizes.get, reverse=True):
            parts = path.split(".")
            candidate = sorted({*chosen, *(".".join(parts[:n]) for n in range(1, len(parts) + 1))})
            if get(collection, ",".join(candidate)).status_code == 200:
                chosen = candidate
        expand = ",".join(chosen)
        samples = []
        for _round in range(ROUNDS):
            started = time.perf_counter()
            response = get(collection, expand)
            samples.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, response.content[:300]
        tracemalloc.start()
        get(collection, expand)
        _size, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        body = len(response.content)
        print(
            f"{collection}: widest allowed expand ({len(chosen)} attributes): p50 "
            f"{statistics.median(samples):.0f} ms, max {max(samples):.0f} ms, answer "
            f"{body / 1024:.0f} kB, peak memory {peak / 2**20:.1f} MB"
        )
        worst.append((max(samples), collection, expand))
    slowest = max(worst)
    print(f"worst allowed: {slowest[1]}?expand={slowest[2]} ({slowest[0]:.0f} ms)")

    refused = {
        "the issue's cycle, five times over": "statustypen.zaaktype" + ".statustypen.zaaktype" * 4,
        "a cycle": "statustypen.zaaktype",
        "five levels": "resultaattypen.besluittypen.informatieobjecttypen.catalogus.zaaktypen",
    }
    for label, expand in refused.items():
        samples = []
        for _round in range(20):
            started = time.perf_counter()
            response = get("zaaktypen", expand)
            samples.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 400, response.status_code
        print(f"refused ({label}): 400 in p95 {percentile(samples, 0.95):.1f} ms")
    engine.MAX_OBJECTS, limit = 50, engine.MAX_OBJECTS
    started = time.perf_counter()
    response = get("catalogussen", "zaaktypen.statustypen")
    elapsed = (time.perf_counter() - started) * 1000
    engine.MAX_OBJECTS = limit
    print(
        f"refused (a limit of 50 objects, counted before reading): {response.status_code} in {elapsed:.0f} ms"
    )


if __name__ == "__main__":
    sys.exit(main())
