#!/usr/bin/env bash
# Run every benchmark and print its figures. PostgreSQL when reachable, else SQLite.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
PG_URL="${PLUS1_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test}"
if python -c "import psycopg,sys; psycopg.connect(sys.argv[1].replace('postgres://','postgresql://',1), connect_timeout=3).close()" "$PG_URL" 2>/dev/null; then
  export DATABASE_URL="$PG_URL"
fi
python bench/catalog_bench.py
python bench/routing_bench.py
python bench/portal_bench.py
python bench/backoffice_bench.py
python bench/zgw_bench.py
python bench/expand_bench.py
python bench/incidents_bench.py
python bench/feedback_bench.py
python bench/development_bench.py
python bench/payments_bench.py
python bench/appointments_bench.py
# Growth curve 10k..10M zaken (hours of loading, resumable; by hand, not in CI):
# DATABASE_URL=postgres://postgres@127.0.0.1:5432/plus1_growth python bench/growth_bench.py
