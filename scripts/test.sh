#!/usr/bin/env bash
# Set up and run the whole test suite: lint, import contracts, migrations check, then pytest
# on SQLite and on PostgreSQL. Under CI=true an unreachable PostgreSQL fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

PG_URL="${PLUS1_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test}"

step() { printf '\n\033[1m== %s ==\033[0m\n' "$*"; }

step "ruff (lint + format)"
ruff check .
ruff format --check .

step "import-linter (ARCHITECTURE.md layers)"
lint-imports

step "migrations are complete"
DATABASE_URL="sqlite:///$(mktemp -d)/check.sqlite3" plus1 makemigrations --check --dry-run

step "pytest on SQLite"
env -u DATABASE_URL pytest -n 2 -p no:cacheprovider "$@"

step "pytest on PostgreSQL ($PG_URL)"
if python -c "import psycopg,sys; psycopg.connect(sys.argv[1].replace('postgres://','postgresql://',1), connect_timeout=3).close()" "$PG_URL" 2>/dev/null; then
  DATABASE_URL="$PG_URL" pytest -n 2 -p no:cacheprovider "$@"
elif [ "${CI:-}" = "true" ]; then
  echo "PostgreSQL is not reachable at $PG_URL and CI=true: failing." >&2
  echo "Start it with: pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main start" >&2
  exit 1
else
  printf '\n\033[1;31m!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n'
  printf '!! PostgreSQL is NOT reachable at %s\n' "$PG_URL"
  printf '!! The PostgreSQL half of the test suite was SKIPPED.\n'
  printf '!! Start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n'
  printf '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\033[0m\n'
fi
step "all checks passed"
