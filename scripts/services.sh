#!/usr/bin/env bash
# Start or stop a throwaway PostgreSQL 15 cluster and a Redis server on loopback.
#   scripts/services.sh start   # prints the DATABASE_URL and CELERY_BROKER_URL to export
#   scripts/services.sh stop    # stops the standby too
# WITH_REPLICA=1 also starts a streaming standby of the cluster on PG_PORT+1 (pg_basebackup -R, made afresh
# each start) and prints LMS_TEST_REPLICA_URL for tests/reports/test_replica.py; DATABASE_REPLICA_URL stays
# unset, so the rest of the suite reads from the primary alone.
# PostgreSQL refuses to run as root, so its programs run as the postgres user.
set -euo pipefail
cd "$(dirname "$0")/.."
# Outside the checkout: the postgres user must be able to reach it wherever the clone lives.
RUN_DIR=${SERVICES_DIR:-/tmp/lms-services-$(printf %s "$PWD" | md5sum | cut -c1-8)}
PG_PORT=${PG_PORT:-54329}
REPLICA_PORT=$((PG_PORT + 1))
REDIS_PORT=${REDIS_PORT:-63799}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
PATH="$PGBIN:$PATH"
PG_OPTIONS="-c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  command -v redis-server >/dev/null || {
    if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
    else echo "redis-server is not installed: apt-get install -y redis-server" >&2; exit 1; fi
  }
  mkdir -p "$RUN_DIR"
  if [ ! -f "$RUN_DIR/pg/PG_VERSION" ]; then
    mkdir -p "$RUN_DIR/pg"
    [ "$(id -u)" = 0 ] && chown -R postgres "$RUN_DIR/pg"
    as_postgres initdb -D "$RUN_DIR/pg" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  [ "$(id -u)" = 0 ] && chown -R postgres "$RUN_DIR/pg"
  if ! as_postgres pg_ctl -D "$RUN_DIR/pg" status >/dev/null 2>&1; then
    # initdb's pg_hba.conf already trusts replication connections from 127.0.0.1 (-A trust), and wal_level=replica
    # with max_wal_senders=10 are PostgreSQL's defaults: the standby needs nothing more from the primary.
    as_postgres pg_ctl -D "$RUN_DIR/pg" -l "$RUN_DIR/pg/server.log" -w -t 60 start \
      -o "-k $RUN_DIR/pg -p $PG_PORT $PG_OPTIONS" >/dev/null
  fi
  psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qtc "SELECT 1 FROM pg_database WHERE datname='lms'" | grep -q 1 \
    || psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE lms" >/dev/null
  if ! redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; then
    redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no \
      --pidfile "$RUN_DIR/redis.pid" --logfile "$RUN_DIR/redis.log"
    for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG && break; sleep 0.1; done
  fi
  [ "${WITH_REPLICA:-}" = 1 ] && start_standby
  echo "export DATABASE_URL=postgres://postgres@127.0.0.1:$PG_PORT/lms"
  if [ "${WITH_REPLICA:-}" = 1 ]; then echo "export LMS_TEST_REPLICA_URL=postgres://postgres@127.0.0.1:$REPLICA_PORT/lms"; fi
  echo "export CELERY_BROKER_URL=redis://127.0.0.1:$REDIS_PORT/0"
  echo "export CACHE_URL=rediscache://127.0.0.1:$REDIS_PORT/1"
}

# A hot standby of the primary, copied afresh (a stale copy may need WAL the primary no longer keeps). The same
# max_connections as the primary (a hot standby refuses fewer); hot_standby_feedback keeps the primary's vacuum
# from removing rows a long report on the standby still reads (deploy/README.md).
start_standby() {
  if as_postgres pg_ctl -D "$RUN_DIR/standby" status >/dev/null 2>&1; then return; fi
  rm -rf "$RUN_DIR/standby"
  mkdir -p "$RUN_DIR/standby"
  [ "$(id -u)" = 0 ] && chown postgres "$RUN_DIR/standby"
  chmod 700 "$RUN_DIR/standby"
  as_postgres pg_basebackup -h 127.0.0.1 -p "$PG_PORT" -U postgres -D "$RUN_DIR/standby" -R -X stream -c fast \
    >/dev/null 2>"$RUN_DIR/basebackup.log" || { cat "$RUN_DIR/basebackup.log" >&2; exit 1; }
  rm -f "$RUN_DIR/standby/server.log" "$RUN_DIR/standby/postmaster.opts"
  as_postgres pg_ctl -D "$RUN_DIR/standby" -l "$RUN_DIR/standby/server.log" -w -t 60 start \
    -o "-k $RUN_DIR/standby -p $REPLICA_PORT $PG_OPTIONS -c hot_standby=on -c hot_standby_feedback=on" >/dev/null
}

stop() {
  if [ -f "$RUN_DIR/standby/PG_VERSION" ]; then
    as_postgres pg_ctl -D "$RUN_DIR/standby" -m fast stop >/dev/null 2>&1 || true
  fi
  if [ -f "$RUN_DIR/pg/PG_VERSION" ]; then as_postgres pg_ctl -D "$RUN_DIR/pg" -m fast stop >/dev/null 2>&1 || true; fi
  redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
