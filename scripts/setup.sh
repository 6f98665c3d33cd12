# Sourced by the other scripts: create .venv once, install Plus1 with its dev tools, activate.
PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
# PDF letters (WeasyPrint) need Debian's pango; install it the way e2e-deps.sh installs chromium.
if ! ldconfig -p 2>/dev/null | grep -q "libpangoft2-1.0.so.0"; then
  echo "Installing Debian's pango for the PDF letters ..."
  pango_pkgs="libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core"
  if [ "$(id -u)" = 0 ]; then
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $pango_pkgs; } >/dev/null 2>&1 \
      || echo "Could not install $pango_pkgs: PDF letters will not render." >&2
  elif command -v sudo >/dev/null 2>&1; then
    { sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $pango_pkgs; } >/dev/null 2>&1 \
      || echo "Could not install $pango_pkgs: PDF letters will not render." >&2
  else
    echo "Please install $pango_pkgs (Debian) for the PDF letters." >&2
  fi
fi
# Reinstall only when pyproject.toml changed since the last install.
stamp=.venv/.plus1-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e ".[dev]"
  touch "$stamp"
fi
# shellcheck disable=SC1091
source .venv/bin/activate
