# Sourced by scripts/test.sh: make sure Debian's Chromium and axe-core are here for the
# end-to-end tests. Sets E2E_READY=1 when they are.
AXE_VERSION=4.14.1
E2E_READY=1
if [ ! -x "${PLUS1_CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "Installing Debian's chromium for the end-to-end tests ..."
  if [ "$(id -u)" = 0 ]; then
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >/dev/null 2>&1 || E2E_READY=0
  elif command -v sudo >/dev/null 2>&1; then
    { sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >/dev/null 2>&1 || E2E_READY=0
  else
    E2E_READY=0
  fi
fi
if [ ! -f .cache/axe/node_modules/axe-core/axe.min.js ]; then
  mkdir -p .cache/axe
  npm install --prefix .cache/axe --no-audit --no-fund --silent "axe-core@${AXE_VERSION}" >/dev/null 2>&1 || E2E_READY=0
fi
[ -x "${PLUS1_CHROMIUM:-/usr/bin/chromium}" ] && [ -f .cache/axe/node_modules/axe-core/axe.min.js ] || E2E_READY=0
