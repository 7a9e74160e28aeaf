#!/usr/bin/env bash
# Restore a backup made by deploy/backup.sh into a NEW database and new folders.
#
#   deploy/restore.sh --database postgres://lms:PASSWORD@127.0.0.1:5432/lms_restored \
#                     --media /srv/lms/media.restored --private /srv/lms/private.restored \
#                     /var/backups/lms/lms-20261207T020000Z
#
# pg_restore only works into an EMPTY database: restoring over a database that has tables fails
# half-way or mixes old and new rows. So this script refuses a database that has any table, and
# folders that are not empty. Make the empty database first, owned by the site's user:
#   runuser -u postgres -- createdb --owner lms --encoding UTF8 lms_restored
# then point DATABASE_URL, MEDIA_ROOT and PRIVATE_MEDIA_ROOT at the restored copies (or rename:
# deploy/README.md, "Backups and restores").
#
# Checks the checksums first; the database is restored in one transaction (all or nothing), with
# the tables' triggers created after their rows, so the reports' kept tables come back as they were.
# --database and --media/--private may be used alone (only what is named is restored); --keys DIR
# restores the credential-signing keys kept outside PRIVATE_MEDIA_ROOT (CREDENTIAL_KEYS_DIR).
set -euo pipefail

die() { echo "restore: $*" >&2; exit 1; }
usage() { sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }

DB_URI=
MEDIA_TARGET=
PRIVATE_TARGET=
ENV_TARGET=
KEYS_TARGET=
while [ $# -gt 0 ]; do
  case "$1" in
    --database) DB_URI=${2:?}; shift 2 ;;
    --media) MEDIA_TARGET=${2:?}; shift 2 ;;
    --private) PRIVATE_TARGET=${2:?}; shift 2 ;;
    --env-file) ENV_TARGET=${2:?}; shift 2 ;;
    --keys) KEYS_TARGET=${2:?}; shift 2 ;;
    -h|--help) usage ;;
    -*) die "unknown option $1 (see --help)" ;;
    *) break ;;
  esac
done
[ $# -eq 1 ] || usage
BACKUP=$(cd "$1" && pwd) || die "no backup folder $1"
[ -n "$DB_URI$MEDIA_TARGET$PRIVATE_TARGET$ENV_TARGET$KEYS_TARGET" ] || die "nothing to restore: give --database, --media, --private, --keys or --env-file"
[ -f "$BACKUP/SHA256SUMS" ] || die "$BACKUP has no SHA256SUMS: not a complete backup of deploy/backup.sh"

echo "restore: checking $BACKUP"
(cd "$BACKUP" && sha256sum --check --quiet SHA256SUMS) || die "the backup is damaged (checksums differ); take another one"
sed 's/^/  /' "$BACKUP/MANIFEST.txt"

# An empty or missing folder is fine; anything in it is not.
check_empty_dir() {
  [ ! -e "$1" ] || { [ -d "$1" ] && [ -z "$(ls -A "$1")" ]; } || die "$1 is not empty: restore into a new folder"
}
[ -z "$MEDIA_TARGET" ] || check_empty_dir "$MEDIA_TARGET"
[ -z "$PRIVATE_TARGET" ] || check_empty_dir "$PRIVATE_TARGET"
[ -z "$KEYS_TARGET" ] || check_empty_dir "$KEYS_TARGET"
[ -z "$KEYS_TARGET" ] || [ -f "$BACKUP/keys.tar" ] || die "this backup has no keys.tar (older backups keep the keys in private.tar)"
[ -z "$ENV_TARGET" ] || [ ! -e "$ENV_TARGET" ] || die "$ENV_TARGET exists: give a new file name"
[ -z "$ENV_TARGET" ] || [ -f "$BACKUP/lms.env" ] || die "this backup has no lms.env"

if [ -n "$DB_URI" ]; then
  DB_URI=$(printf %s "$DB_URI" | sed -E 's#^(pgsql|psql|postgis)://#postgresql://#')
  command -v pg_restore >/dev/null || die "pg_restore not found: apt-get install postgresql-client"
  tables=$(psql "$DB_URI" -v ON_ERROR_STOP=1 -Atc "
    SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
      AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'") \
    || die "cannot connect to the target database (create it first: createdb --owner lms NAME)"
  [ "$tables" = 0 ] || die "the target database is not empty ($tables tables, sequences or views).
pg_restore only works into an empty database: create a new one (createdb --owner lms NAME) and restore there."
  echo "restore: database $(printf %s "$DB_URI" | sed -E 's#//[^@/]*@#//#')"
  # --no-owner/--no-privileges: the tables belong to whoever restores (the site's user), whatever
  # the user was on the machine the backup came from.
  pg_restore --exit-on-error --single-transaction --no-owner --no-privileges \
    --dbname="$DB_URI" "$BACKUP/database.dump"
fi

extract() {
  local archive=$1 target=$2
  echo "restore: files into $target"
  mkdir -p "$target"
  tar --extract --file="$archive" --directory="$target"
}
[ -z "$MEDIA_TARGET" ] || extract "$BACKUP/media.tar" "$MEDIA_TARGET"
[ -z "$PRIVATE_TARGET" ] || extract "$BACKUP/private.tar" "$PRIVATE_TARGET"
if [ -n "$KEYS_TARGET" ]; then
  (umask 077 && extract "$BACKUP/keys.tar" "$KEYS_TARGET")
fi
if [ -n "$ENV_TARGET" ]; then
  (umask 077 && cp "$BACKUP/lms.env" "$ENV_TARGET")
  echo "restore: environment file $ENV_TARGET (it holds the secret key: keep it mode 0600)"
fi
echo "restore: done. Point DATABASE_URL, MEDIA_ROOT and PRIVATE_MEDIA_ROOT at what was restored,"
echo "then run 'lms-manage migrate' if the code is newer than the backup (MANIFEST.txt: app_version)."
