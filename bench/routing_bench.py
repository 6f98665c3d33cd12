"""Routing benchmark: "Waar kan ik terecht?" over all 512 UPL products, asked in all 342 gemeenten.

Times ``plus1.catalog.routing.route`` on all 512 evaluation questions (every part of
``routing.evaluation.PARTS``), each asked on behalf of a gemeente drawn from the 342, after the
library import. Prints the cold start (first question in a fresh worker: the index is built)
and p50/p95/max of a warm worker. Run with `python bench/routing_bench.py` (PostgreSQL when
DATABASE_URL points there, else SQLite); uses a throw-away test database and drops it afterwards.
Prints figures; asserts nothing.
"""

import os
import random
import sys
import time

import django

ROUNDS = int(os.environ.get("PLUS1_BENCH_ROUTING_ROUNDS", "5"))


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "plus1.conf.test")
    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases

    from harness import percentile

    print(f"database: {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}, cpus: {os.cpu_count()}")
    old = setup_databases(verbosity=0, interactive=False)
    try:
        from plus1.audit.services import Actor
        from plus1.catalog.importer.loader import import_library
        from plus1.catalog.models import Product
        from plus1.catalog.routing import route
        from plus1.catalog.routing.evaluation import EVALUATION_DIR, PARTS, load_questions
        from plus1.catalog.routing.index import clear_index
        from plus1.tenants.models import Organisation

        import_library(actor=Actor.system("bench"))
        gemeenten = list(Organisation.objects.gemeenten())
        questions = [q.text for part in PARTS.values() for q in load_questions(EVALUATION_DIR / part)]
        products = Product.objects.count()
        print(f"{len(gemeenten)} gemeenten, {products} UPL products, {len(questions)} questions")

        clear_index()
        started = time.perf_counter()
        route(questions[0], gemeente=gemeenten[0])
        print(f"cold start (index built from the database): {(time.perf_counter() - started) * 1000:.0f} ms")

        rng = random.Random(18)
        samples = []
        for _round in range(ROUNDS):
            for query in questions:
                gemeente = rng.choice(gemeenten)
                started = time.perf_counter()
                route(query, gemeente=gemeente)
                samples.append((time.perf_counter() - started) * 1000)
        print(
            f"route (warm): p50 {percentile(samples, 0.5):.2f} ms, p95 {percentile(samples, 0.95):.2f} ms, "
            f"max {max(samples):.2f} ms over {len(samples)} questions"
        )
        connection.close()
    finally:
        teardown_databases(old, verbosity=0)


if __name__ == "__main__":
    sys.exit(main())
