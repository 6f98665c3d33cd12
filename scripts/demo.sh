#!/usr/bin/env bash
# Set up and run the demo on http://127.0.0.1:8000: install, migrate, load demo data, serve.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
plus1 migrate
plus1 demo
exec plus1 serve --host "${PLUS1_HOST:-127.0.0.1}" --port "${PLUS1_PORT:-8000}"
