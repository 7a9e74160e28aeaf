#!/usr/bin/env bash
# Make the "previous release" databases that tests/deploy/test_upgrade.py migrates with today's code:
# the release's own code (from git, not this checkout) runs migrate and load_demo_data, on SQLite
# and, when a PostgreSQL server is given, on PostgreSQL too.
#   scripts/previous_release_fixture.sh v0.1.0                     # SQLite only
#   eval "$(scripts/services.sh start)"; scripts/previous_release_fixture.sh v0.1.0   # and PostgreSQL
# Writes tests/fixtures/previous_release/{demo.sqlite3.xz,demo.postgresql.sql.xz,RELEASE}.
# Run it right after tagging a release (deploy/README.md, "Upgrades"), and commit the files.
# PYTHON: an interpreter with the release's dependencies (default .venv/bin/python; fine while the
# pins in pyproject.toml have not changed since the release).
set -euo pipefail
cd "$(dirname "$0")/.."
REF=${1:?usage: scripts/previous_release_fixture.sh TAG_OR_COMMIT}
PYTHON=${PYTHON:-$PWD/.venv/bin/python}
OUT=$PWD/tests/fixtures/previous_release
commit=$(git rev-parse --short "$REF^{commit}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/src"
git archive "$commit" | tar -x -C "$work/src"
version=$(sed -nE 's/^version = "([^"]+)"/\1/p' "$work/src/pyproject.toml" | head -1)

release_manage() {
  (cd "$work/src" && env -u CELERY_BROKER_URL -u CACHE_URL DJANGO_SETTINGS_MODULE=lms.settings.dev \
    PYTHONPATH="$work/src" MEDIA_ROOT="$work/media" PRIVATE_MEDIA_ROOT="$work/private" \
    DATABASE_URL="$1" "$PYTHON" manage.py "${@:2}")
}

mkdir -p "$OUT"
echo "SQLite: migrate and load the demo data of $REF ($commit)"
release_manage "sqlite:///$work/demo.sqlite3" migrate --no-input -v0
release_manage "sqlite:///$work/demo.sqlite3" load_demo_data >/dev/null
xz -9 --threads=1 --stdout "$work/demo.sqlite3" > "$OUT/demo.sqlite3.xz"

if [[ "${DATABASE_URL:-}" == postgres* ]]; then
  name=previous_release_$$
  admin=${DATABASE_URL%/*}/postgres
  target=${DATABASE_URL%/*}/$name
  echo "PostgreSQL: the same in a scratch database $name"
  psql "$admin" -qc "CREATE DATABASE $name TEMPLATE template0 ENCODING 'UTF8'"
  trap 'psql "$admin" -qc "DROP DATABASE IF EXISTS $name WITH (FORCE)"; rm -rf "$work"' EXIT
  release_manage "$target" migrate --no-input -v0
  release_manage "$target" load_demo_data >/dev/null
  pg_dump --no-owner --no-privileges "$target" | xz -9 --threads=1 > "$OUT/demo.postgresql.sql.xz"
else
  echo "No PostgreSQL DATABASE_URL: the PostgreSQL fixture is left as it was." >&2
fi

cat > "$OUT/RELEASE" <<EOF
version: $version
commit: $commit
made: $(date -u +%Y-%m-%d) by scripts/previous_release_fixture.sh $REF
EOF
ls -l "$OUT"
