#!/usr/bin/env bash
# One complete backup of the site: the PostgreSQL database (pg_dump, custom format), the uploads
# (MEDIA_ROOT), the certificate PDFs and pending imports (PRIVATE_MEDIA_ROOT), the environment file
# when it is given, a manifest and the checksums of every file. Old backups are removed after
# BACKUP_KEEP_DAYS; BACKUP_COPY_COMMAND, when set, then copies the new backup off the machine.
#
#   deploy/backup.sh                 # settings from the environment (systemd: /etc/lms/lms.env)
#   systemctl start lms-backup       # the same, as the timer runs it (deploy/systemd/lms-backup.*)
#
# Environment (the first three are the site's own settings, see deploy/lms.env.example):
#   DATABASE_URL         postgres://USER:PASSWORD@HOST:PORT/NAME (required)
#   MEDIA_ROOT           uploads folder (default /srv/lms/media)
#   PRIVATE_MEDIA_ROOT   certificate PDFs folder (default /srv/lms/private)
#   CREDENTIAL_KEYS_DIR  the keys that sign Open Badges credentials (default PRIVATE_MEDIA_ROOT/keys,
#                        then already in private.tar); a folder elsewhere is archived as keys.tar.
#                        Without them no new credential can be signed under the published key.
#   BACKUP_DIR           where backups go (default /var/backups/lms); one folder per backup,
#                        lms-YYYYMMDDTHHMMSSZ, written as .partial and renamed when complete
#   BACKUP_KEEP_DAYS     backups older than this many days are deleted (default 14; 0 keeps all).
#                        The newest backup is never deleted.
#   BACKUP_COPY_COMMAND  optional shell command run after a successful backup, with the new
#                        backup's folder in $BACKUP_PATH (and as $1) and its name in $BACKUP_NAME, e.g.
#                          rsync -a $BACKUP_PATH backup@nas.example.org:/backups/lms/
#                          rclone copy $BACKUP_PATH offsite:lms-backups/$BACKUP_NAME
#                        If it fails, the backup stays on this machine and the script fails.
#   BACKUP_ENV_FILE      optional file copied in as lms.env (the secret key: without it every
#                        password-reset link and session dies). The unit passes /etc/lms/lms.env
#                        as a systemd credential, so this script never needs root.
# Restore: deploy/restore.sh (into a NEW, empty database).
set -euo pipefail
umask 077

die() { echo "backup: $*" >&2; exit 1; }

APP_DIR=$(cd "$(dirname "$0")/.." && pwd)
[ -n "${DATABASE_URL:-}" ] || die "DATABASE_URL is not set (the site's database, as in /etc/lms/lms.env)"
MEDIA_ROOT=${MEDIA_ROOT:-/srv/lms/media}
PRIVATE_MEDIA_ROOT=${PRIVATE_MEDIA_ROOT:-/srv/lms/private}
CREDENTIAL_KEYS_DIR=${CREDENTIAL_KEYS_DIR:-$PRIVATE_MEDIA_ROOT/keys}
BACKUP_DIR=${BACKUP_DIR:-/var/backups/lms}
BACKUP_KEEP_DAYS=${BACKUP_KEEP_DAYS:-14}
BACKUP_COPY_COMMAND=${BACKUP_COPY_COMMAND:-}
if [ -z "${BACKUP_ENV_FILE:-}" ] && [ -n "${CREDENTIALS_DIRECTORY:-}" ] && [ -r "$CREDENTIALS_DIRECTORY/lms.env" ]; then
  BACKUP_ENV_FILE=$CREDENTIALS_DIRECTORY/lms.env
fi
BACKUP_ENV_FILE=${BACKUP_ENV_FILE:-}
[[ "$BACKUP_KEEP_DAYS" =~ ^[0-9]+$ ]] || die "BACKUP_KEEP_DAYS must be a whole number of days, not '$BACKUP_KEEP_DAYS'"

# libpq understands postgres:// and postgresql://; django-environ also accepts these aliases.
DB_URI=$(printf %s "$DATABASE_URL" | sed -E 's#^(pgsql|psql|postgis)://#postgresql://#')
case "$DB_URI" in
  postgres://*|postgresql://*) ;;
  *) die "DATABASE_URL is not a PostgreSQL address (backups need PostgreSQL: pg_dump)" ;;
esac
DB_SHOWN=$(printf %s "$DB_URI" | sed -E 's#//[^@/]*@#//#')   # never write the password anywhere
command -v pg_dump >/dev/null || die "pg_dump not found: apt-get install postgresql-client"

mkdir -p "$BACKUP_DIR"
exec 9>"$BACKUP_DIR/.lock"
flock -n 9 || die "another backup is running in $BACKUP_DIR"

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
NAME=lms-$STAMP
PARTIAL=$BACKUP_DIR/$NAME.partial
FINAL=$BACKUP_DIR/$NAME
[ -e "$FINAL" ] && die "$FINAL exists already"
rm -rf "$PARTIAL"
mkdir "$PARTIAL"
trap 'rm -rf "$PARTIAL"' EXIT

echo "backup: database $DB_SHOWN"
pg_dump --format=custom --compress=6 --file="$PARTIAL/database.dump" "$DB_URI"

# A folder as a tar archive (paths relative to it); a missing folder gives an empty archive.
# GNU tar exits 1 when a file changed while it was read (an upload during the backup): not fatal.
archive() {
  local source=$1 target=$2
  if [ -d "$source" ]; then
    echo "backup: files $source"
    tar --create --file="$target" --directory="$source" --warning=no-file-changed . || [ $? -eq 1 ]
  else
    echo "backup: $source does not exist; empty archive"
    tar --create --file="$target" --files-from=/dev/null
  fi
}
if [ -n "${AWS_STORAGE_BUCKET_NAME:-}" ]; then
  # Uploads and certificates live in the bucket, not on this disk: back the bucket up with the
  # provider's tools (versioning or rclone), this script covers the database and settings.
  echo "backup: uploads are in the bucket $AWS_STORAGE_BUCKET_NAME, not copied here"
  tar --create --file="$PARTIAL/media.tar" --files-from=/dev/null
  tar --create --file="$PARTIAL/private.tar" --files-from=/dev/null
else
  archive "$MEDIA_ROOT" "$PARTIAL/media.tar"
  archive "$PRIVATE_MEDIA_ROOT" "$PARTIAL/private.tar"
fi
case "$CREDENTIAL_KEYS_DIR/" in
  "$PRIVATE_MEDIA_ROOT"/*) tar --create --file="$PARTIAL/keys.tar" --files-from=/dev/null ;;  # in private.tar
  *) archive "$CREDENTIAL_KEYS_DIR" "$PARTIAL/keys.tar" ;;
esac
if [ -n "$BACKUP_ENV_FILE" ]; then
  cp "$BACKUP_ENV_FILE" "$PARTIAL/lms.env"
fi

version=$(sed -nE 's/^version = "([^"]+)"/\1/p' "$APP_DIR/pyproject.toml" | head -1)
commit=$(git -c safe.directory="$APP_DIR" -C "$APP_DIR" rev-parse HEAD 2>/dev/null || echo unknown)
{
  echo "format: lms-backup 1"
  echo "created: $STAMP"
  echo "host: $(hostname)"
  echo "app_version: ${version:-unknown}"
  echo "app_commit: $commit"
  echo "database: $DB_SHOWN"
  echo "pg_dump: $(pg_dump --version)"
  echo "media_root: $MEDIA_ROOT ($(tar -tf "$PARTIAL/media.tar" | grep -vc '/$' || true) files)"
  echo "private_media_root: $PRIVATE_MEDIA_ROOT ($(tar -tf "$PARTIAL/private.tar" | grep -vc '/$' || true) files)"
  echo "credential_keys: $CREDENTIAL_KEYS_DIR ($(tar -tf "$PARTIAL/keys.tar" | grep -vc '/$' || true) files in keys.tar)"
  echo "env_file: ${BACKUP_ENV_FILE:-not included}"
  echo "restore: deploy/restore.sh --database postgres://.../NEW_EMPTY_DB --media DIR --private DIR $FINAL"
} > "$PARTIAL/MANIFEST.txt"
(cd "$PARTIAL" && sha256sum -- * > SHA256SUMS)
mv "$PARTIAL" "$FINAL"
trap - EXIT
echo "backup: done $FINAL ($(du -sh "$FINAL" | cut -f1))"

# Retention: the names sort by time, so an older backup has a smaller name.
if [ "$BACKUP_KEEP_DAYS" -gt 0 ]; then
  cutoff=lms-$(date -u -d "-$BACKUP_KEEP_DAYS days" +%Y%m%dT%H%M%SZ)
  for old in "$BACKUP_DIR"/lms-*; do
    [ -d "$old" ] || continue
    name=$(basename "$old")
    [ "$name" = "$NAME" ] && continue
    if [[ "$name" < "$cutoff" ]]; then
      echo "backup: removing $name (older than $BACKUP_KEEP_DAYS days)"
      rm -rf -- "$old"
    fi
  done
fi

if [ -n "$BACKUP_COPY_COMMAND" ]; then
  echo "backup: off-machine copy"
  BACKUP_PATH=$FINAL BACKUP_NAME=$NAME sh -c "$BACKUP_COPY_COMMAND" lms-backup "$FINAL" \
    || die "the off-machine copy failed (BACKUP_COPY_COMMAND); the backup is kept in $FINAL"
fi
