#!/usr/bin/env bash
# One command to install everything and run the whole test suite (SQLite unless DATABASE_URL is set).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh
exec .venv/bin/pytest "$@"
