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

step "browser and axe-core for the end-to-end tests"
source scripts/e2e-deps.sh
PYTEST_ARGS=(-p no:cacheprovider)
if [ "$E2E_READY" != 1 ]; then
  if [ "${CI:-}" = "true" ]; then
    echo "Chromium or axe-core could not be installed and CI=true: failing." >&2
    exit 1
  fi
  printf '\n\033[1;31m!! Chromium or axe-core is missing: the end-to-end tests are SKIPPED. !!\033[0m\n'
fi

# Unit and integration tests on both cores; the browser tests after them, one at a time
# (they flush and restore the database around a live server). Not --dist worksteal: a worker
# that steals queued tests may run an ordinary test after a transactional one has emptied the
# database (pytest-django puts transactional tests last, stealing undoes that order).
run_pytest() {
  pytest "${PYTEST_ARGS[@]}" -n 2 -m "not e2e" "$@"
  if [ "$E2E_READY" = 1 ]; then
    pytest "${PYTEST_ARGS[@]}" -m e2e "$@"
  fi
}

step "pytest on SQLite"
(unset DATABASE_URL; run_pytest "$@")

step "pytest on PostgreSQL ($PG_URL)"
if python -c "import psycopg,sys; psycopg.connect(sys.argv[1].replace('postgres://','postgresql://',1), connect_timeout=3).close()" "$PG_URL" 2>/dev/null; then
  DATABASE_URL="$PG_URL" run_pytest "$@"
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

step "cluster failure test (short)"
# kill -9 an app, a worker, the replica and the leader under load (bench/cluster_failover.py).
# Its own cluster directory and ports (16400 and up, clear of PostgreSQL's 5432), always taken
# down again by the trap, also when an assertion fails. Debian's packages are installed as the
# cluster command does (root and apt-get); under CI=true missing programs fail the run.
FAILOVER_ARGS=(--short --dir var/cluster-failover --port-base 16400)
cluster_programs() {
  local program
  for program in patroni etcd etcdctl haproxy pgbouncer; do
    PATH="$PATH:/usr/sbin" command -v "$program" >/dev/null || return 1
  done
  [ -x /usr/lib/postgresql/15/bin/postgres ] && /usr/bin/python3 -c "import etcd" 2>/dev/null
}
if ! cluster_programs && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  CLUSTER_PACKAGES=(patroni python3-etcd etcd-server etcd-client haproxy pgbouncer)
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${CLUSTER_PACKAGES[@]}" \
    || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
      "${CLUSTER_PACKAGES[@]}"; } || true
fi
if cluster_programs; then
  trap 'PLUS1_CLUSTER_PORT_BASE=16400 plus1 cluster down --wipe --dir var/cluster-failover >/dev/null 2>&1 || true' EXIT
  python bench/cluster_failover.py "${FAILOVER_ARGS[@]}"
elif [ "${CI:-}" = "true" ]; then
  echo "Patroni, etcd, HAProxy, pgbouncer or PostgreSQL 15 are missing and CI=true: failing." >&2
  exit 1
else
  printf '\n\033[1;31m!! Patroni/etcd/HAProxy/pgbouncer are missing: the cluster failure test was SKIPPED. !!\033[0m\n'
fi
step "all checks passed"
