#!/usr/bin/env bash
# One command to install everything and run the whole test suite (SQLite unless DATABASE_URL is set).
# With arguments, they go to a single pytest run: scripts/test.sh tests/courses -x
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh
if [ $# -gt 0 ]; then
  exec .venv/bin/pytest "$@"
fi
# Browser tests run in their own process: their live server needs transactional databases,
# which must not share a run with the rest of the suite on PostgreSQL.
.venv/bin/pytest -m "not browser"
.venv/bin/pytest -m browser
