#!/usr/bin/env bash
# One command to install everything and run the whole test suite (SQLite unless DATABASE_URL is set).
# With arguments, they go to a single pytest run: scripts/test.sh tests/courses -x
# Without, both halves run whatever the first gives, each is reported with its time, and the exit
# status is non-zero when either failed.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh
installed_in=$SECONDS
if [ $# -gt 0 ]; then
  exec .venv/bin/pytest "$@"
fi
# On SQLite (each worker its own in-memory database and cache) the tests run on every core with
# pytest-xdist; on PostgreSQL + Redis they share one cache, one broker and the race tests' timing,
# so they run one at a time. TEST_WORKERS overrides either.
if [ -z "${DATABASE_URL:-}" ]; then TEST_WORKERS="${TEST_WORKERS:-$(nproc)}"; else TEST_WORKERS="${TEST_WORKERS:-0}"; fi
# Browser tests run in their own process: their live server needs transactional databases,
# which must not share a run with the rest of the suite on PostgreSQL.
half() { # half NAME MARKER: runs one half, records "NAME: passed|failed (exit N) in Ns"
  local started=$SECONDS status=0
  # Its twenty slowest tests: where the time goes.
  .venv/bin/pytest -m "$2" -n "$TEST_WORKERS" --durations=20 || status=$?
  results+=("$1: $([ "$status" = 0 ] && echo passed || echo FAILED) (exit $status) in $((SECONDS - started)) s")
  [ "$status" = 0 ] || failed=1
}
results=()
failed=0
half "tests without a browser" "not browser"
half "browser tests" "browser"
echo
echo "install: $installed_in s"
printf '%s\n' "${results[@]}"
echo "in all: $SECONDS s"
exit "$failed"
