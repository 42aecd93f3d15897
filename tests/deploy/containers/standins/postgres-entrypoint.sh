#!/bin/sh
# The stand-in postgres image's entrypoint (test scaffolding). Like the official one: on an
# empty data directory, initdb (password auth from POSTGRES_PASSWORD, or the method in
# POSTGRES_HOST_AUTH_METHOD, e.g. trust) and create POSTGRES_DB; then run the server as the
# `postgres` user, listening on every address.
set -eu
if [ "${1:-}" != postgres ]; then exec "$@"; fi
shift
BIN=/usr/lib/postgresql/bin
as_postgres() { setpriv --reuid=postgres --regid=postgres --init-groups -- "$@"; }
mkdir -p "$PGDATA" /var/run/postgresql
chown postgres:postgres "$PGDATA" /var/run/postgresql
chmod 700 "$PGDATA"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  auth=${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}
  if [ "$auth" != trust ] && [ -z "${POSTGRES_PASSWORD:-}" ]; then
    echo "Database is uninitialized and superuser password is not specified: set POSTGRES_PASSWORD" >&2
    exit 1
  fi
  pwfile=$(mktemp)
  printf '%s\n' "${POSTGRES_PASSWORD:-}" > "$pwfile"
  chown postgres "$pwfile"
  as_postgres "$BIN/initdb" -D "$PGDATA" -U postgres --auth-local=trust --auth-host="$auth" --pwfile="$pwfile" >/dev/null
  rm -f "$pwfile"
  echo "listen_addresses = '*'" >> "$PGDATA/postgresql.conf"
  echo "host all all all $auth" >> "$PGDATA/pg_hba.conf"
  db=${POSTGRES_DB:-postgres}
  if [ "$db" != postgres ]; then
    echo "CREATE DATABASE \"$db\";" | as_postgres "$BIN/postgres" --single -D "$PGDATA" postgres >/dev/null
  fi
  echo "stand-in postgres: initialized $PGDATA"
fi
exec setpriv --reuid=postgres --regid=postgres --init-groups -- "$BIN/postgres" -D "$PGDATA" "$@"
