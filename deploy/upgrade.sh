#!/usr/bin/env bash
# Upgrade the site to a release, backup first. Run as root on the server:
#   /srv/lms/app/deploy/upgrade.sh v0.2.0      # a release tag (CHANGELOG.md says what it brings)
#   /srv/lms/app/deploy/upgrade.sh             # the newest release tag
# Order, and why:
#   1. a backup (lms-backup.service): the way back if anything goes wrong;
#   2. the code at the tag, its Python packages, its translations;
#   3. worker and beat stop (running tasks finish; new ones wait in the broker, which keeps them),
#      so that no task runs old code against the new tables or new code against the old ones;
#   4. migrate, collectstatic, check --deploy;
#   5. the web processes reload (requests in flight finish on the old code), then the worker starts,
#      then beat, last, so that periodic jobs are queued only when a worker with the new code runs.
# Every step is written to the journal-like log below and to /var/lib/lms-backup/upgrades.log with
# the backup's name and the commit it came from: the rollback (deploy/README.md, section 10) needs both.
# Environment: LMS_APP_DIR (default /srv/lms/app), LMS_BACKUP_DIR (default /var/lib/lms-backup).
set -euo pipefail

APP=${LMS_APP_DIR:-/srv/lms/app}
BACKUPS=${LMS_BACKUP_DIR:-/var/lib/lms-backup}
REF=${1:-}
say() { printf '\nupgrade: %s\n' "$*"; }
die() { echo "upgrade: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "run as root (it restarts the services and installs into $APP)"
cd "$APP"
git diff --quiet && git diff --cached --quiet \
  || die "$APP has local changes (git status); the upgrade would mix them with the release's code"

previous=$(git rev-parse HEAD)
previous_version=$(.venv/bin/python -c 'from core.version import VERSION; print(VERSION)' 2>/dev/null || echo unknown)
git fetch --quiet --tags origin || echo "upgrade: could not fetch from origin; using the tags already here" >&2
if [ -z "$REF" ]; then
  REF=$(git tag --list 'v[0-9]*' --sort=-v:refname | head -1)
  [ -n "$REF" ] || die "no release tag (v1.2.3) to upgrade to; name a tag or commit"
fi
target=$(git rev-parse --verify --quiet "$REF^{commit}") || die "unknown release $REF (git tag --list)"
if [ "$target" = "$previous" ]; then
  echo "upgrade: already at $REF ($previous_version)"
  exit 0
fi
git merge-base --is-ancestor "$previous" "$target" \
  || echo "upgrade: warning: $REF is not a descendant of the running code (a downgrade?): restore a backup instead (section 10)" >&2

say "1/5 backup before anything changes (lms-backup.service)"
systemctl start lms-backup.service
backup=$(ls -1d "$BACKUPS"/lms-*Z 2>/dev/null | tail -1)
[ -n "$backup" ] || die "no backup in $BACKUPS after lms-backup ran; see journalctl -u lms-backup"
printf '%s from %s (%s) to %s (%s), backup %s\n' "$(date -u +%FT%TZ)" "$previous" "$previous_version" \
  "$target" "$REF" "$backup" >> "$BACKUPS/upgrades.log"

rollback_hint() {
  cat >&2 <<EOF

upgrade: FAILED. The web processes still run the code they started with; worker and beat may be stopped.
To go back (deploy/README.md, section 10): the code was $previous, the backup is $backup:
  git -C $APP checkout --detach $previous && $APP/.venv/bin/pip install -q -e $APP
  and, if migrate had started, restore $backup into a new database and swap it in.
EOF
}
trap rollback_hint ERR

say "2/5 code $REF, packages, translations"
git -c advice.detachedHead=false checkout --quiet --detach "$target"
.venv/bin/pip install --quiet --disable-pip-version-check -e .
.venv/bin/python manage.py compilemessages -v0 --ignore=.venv

say "3/5 stop beat, then the worker (running tasks finish first)"
systemctl stop lms-beat.service
systemctl stop lms-worker.service

say "4/5 database and static files"
lms-manage migrate --no-input
lms-manage collectstatic --no-input -v0
lms-manage check --deploy --fail-level ERROR

say "5/5 restart: web, then worker, then beat"
systemctl reload-or-restart lms-web.service
systemctl start lms-worker.service
systemctl start lms-beat.service
trap - ERR

version=$(.venv/bin/python -c 'from core.version import VERSION; print(VERSION)')
say "done: $previous_version -> $version ($REF). Backup taken before: $backup"
changed=$(git diff --name-only "$previous" "$target" -- deploy/systemd deploy/nginx deploy/redis deploy/lms.env.example)
if [ -n "$changed" ]; then
  echo "upgrade: these server files changed; apply them by hand (deploy/README.md, section 10):"
  printf '  %s\n' $changed
fi
