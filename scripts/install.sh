#!/usr/bin/env bash
# Install everything the site and its tests need into .venv: system packages (when root),
# Python packages pinned in pyproject.toml, and compiled translations.
# EXTRAS names pyproject's optional dependencies: "dev" (the default: test and lint tools) or ""
# for the site alone, as scripts/run.sh installs it. WITH_BROWSER=1 (the default with the test
# tools) adds Chromium and axe-core for the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
EXTRAS="${EXTRAS-dev}"
if [ -z "$EXTRAS" ]; then WITH_BROWSER="${WITH_BROWSER:-0}"; fi

SYSTEM_PACKAGES=(gettext fonts-dejavu-core libpango-1.0-0 libpangoft2-1.0-0)
if [ -n "$EXTRAS" ]; then SYSTEM_PACKAGES+=(poppler-utils); fi # pdftotext reads certificates in the tests
if [ "${WITH_BROWSER:-1}" = 1 ]; then
  SYSTEM_PACKAGES+=(chromium)
  # axe-core comes from the npm registry: Debian's npm only where no Node.js with npm is installed
  # (a NodeSource nodejs ships its own npm and conflicts with Debian's package).
  command -v npm >/dev/null || SYSTEM_PACKAGES+=(npm)
fi
if [ "${WITH_SERVICES:-0}" = 1 ]; then SYSTEM_PACKAGES+=(redis-server); fi

missing=()
for pkg in "${SYSTEM_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing system packages: ${missing[*]}"
    # Wait (up to 10 minutes) for another apt/dpkg run, such as unattended-upgrades, to finish.
    apt-get -o DPkg::Lock::Timeout=600 update -qq
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Please install these Debian packages first: ${missing[*]}" >&2
    exit 1
  fi
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check -e ".${EXTRAS:+[$EXTRAS]}"
.venv/bin/python manage.py compilemessages -v0 --ignore=.venv
# The browser tests check each page with axe-core, pinned in package-lock.json (never served to visitors).
if [ "${WITH_BROWSER:-1}" = 1 ]; then npm ci --no-audit --no-fund --silent; fi
