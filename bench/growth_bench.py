"""Growth curve: what a request costs at 10,000, 100,000, 1,000,000 and 10,000,000 zaken.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/plus1_growth python bench/growth_bench.py \\
        [--sizes 10000,100000,1000000,10000000] [--batch 250000] [--until 20:00] [--fresh]

For each size it grows the database to that size (bench/growth_dataset.py: resumable, only
the difference is loaded, the database is kept between runs), VACUUM ANALYZEs it and measures
through real HTTP against gunicorn on 127.0.0.1 (bench/growth_measure.py): the ZGW zaken list
(first page, a deep page, and the first page with the read cache on), ZGW zaak detail and
create, the portal's Mijn zaken of a resident logged in with DigiD, and the back office's
werkvoorraad and dashboard. Figures per operation: p50, p95, app CPU and PostgreSQL CPU per
request. They are merged per size into bench/results/growth.json, printed as a Markdown table
and drawn in bench/results/growth.svg (bench/growth_report.py).

``--load-only`` grows without measuring; ``--measure-only`` measures the size that is there;
``--until HH:MM`` (UTC) stops a load at that time (a later run continues it). Not part of CI:
the 10M load takes hours on two cores.
"""

from __future__ import annotations

import argparse
import datetime
import os
import signal
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

DEFAULT_SIZES = "10000,100000,1000000,10000000"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default=DEFAULT_SIZES)
    parser.add_argument("--batch", type=int, default=250_000, help="zaken per committed batch")
    parser.add_argument("--until", help="stop loading at this UTC time (HH:MM)")
    parser.add_argument("--fresh", action="store_true", help="drop and create the database first")
    parser.add_argument("--load-only", action="store_true")
    parser.add_argument("--measure-only", action="store_true")
    parser.add_argument("--label", default="", help="a note stored with the figures (e.g. the commit)")
    args = parser.parse_args()
    # A stop from `timeout` or kill: leave through the finally blocks, so the gunicorn this
    # run started stops with it and an open load batch rolls back.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("growth bench: stopped"))
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        sys.exit("growth bench: needs DATABASE_URL pointing at PostgreSQL")
    if args.fresh:
        _recreate(url)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "plus1.conf.dev")
    os.environ.setdefault("PLUS1_LOG_LEVEL", "WARNING")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    import growth_dataset

    try:
        call_command("migrate", verbosity=0)
    except Exception as error:  # a half-written migration of a colleague
        # The database keeps the schema of the last successful migrate; measure on that.
        print(f"migrate failed ({error}); going on with the schema that is there", flush=True)
    growth_dataset.set_up()
    stop_at = _stop_at(args.until)
    sizes = sorted(int(size.replace("_", "")) for size in args.sizes.split(","))
    for size in sizes:
        with connection.cursor() as cursor:
            before = growth_dataset.loaded(cursor)
        if not args.measure_only and before < size:
            started = time.perf_counter()
            reached = growth_dataset.grow_to(size, batch=args.batch, stop_at=stop_at)
            growth_dataset.analyze()
            print(
                f"grew from {before:,} to {reached:,} zaken in {time.perf_counter() - started:.0f} s",
                flush=True,
            )
        else:
            reached = before
        if args.load_only:
            continue
        if reached < size and size != sizes[-1]:
            break
        _measure(reached, size, args.label)
        if reached < size:
            break


def _measure(reached: int, size: int, label: str) -> None:
    import growth_measure
    import growth_report

    figures = growth_measure.measure(reached)
    growth_report.store(size=size, reached=reached, figures=figures, label=label)
    growth_report.print_table()
    print(f"chart: {growth_report.draw()}")


def _stop_at(until: str | None) -> float | None:
    if not until:
        return None
    hour, minute = (int(part) for part in until.split(":"))
    now = datetime.datetime.now(datetime.UTC)
    moment = now.replace(hour=hour, minute=minute, second=0, microsecond=0)
    if moment <= now:
        moment += datetime.timedelta(days=1)
    return moment.timestamp()


def _recreate(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1].split("?")[0]
    admin = url.rsplit("/", 1)[0].replace("postgres://", "postgresql://", 1) + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    print(f"database {name} created afresh")


if __name__ == "__main__":
    main()
