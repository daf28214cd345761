# A throwaway PostgreSQL 15 cluster for one test. Source it from a bash
# script; it creates the cluster's directory and installs an EXIT/INT/TERM
# trap that stops the server and removes the directory, whatever happens.
#
#   pg_start MAX RESERVED    initdb (first call) and start the server with
#                            max_connections=MAX, superuser_reserved_connections
#                            =RESERVED; restarts it when it is running
#   pg_connections           client connections of the role 'app' now open
#   pg_connections_command F a shell command writing pg_connections to F
#   pg_psql ARGS...          psql as the superuser 'postgres'
#   pg_authorized            connections of 'app' the server has accepted so far
#
# The server listens only on a Unix socket in the cluster's directory (no TCP
# port); the programs connect as the non-superuser role 'app' to the database
# 'app' through PGHOST/PGPORT/PGUSER/PGDATABASE, which pg_start exports.
# initdb and postgres refuse to run as root: as root they run as 'nobody'.
# initdb runs once per build: its result is kept in $POOLGUARD_PG_TEMPLATE
# (set by lit.cfg.py to a directory of the build's test output) and copied.

PG_BIN="${POOLGUARD_PG_BIN:-/usr/lib/postgresql/15/bin}"
# As root, the server's user must reach its directory: lit's private TMPDIR
# (mode 700) will not do, /tmp will.
pg_base="${TMPDIR:-/tmp}"
if [ "$(id -u)" = 0 ] \
  && ! setpriv --reuid=nobody --regid=nogroup --clear-groups -- test -x "$pg_base"; then
  pg_base=/tmp
fi
pg_dir="$(mktemp -d "$pg_base/poolguard-pg.XXXXXX")" || exit 2

pg_cleanup() {
  if [ -f "$pg_dir/data/postmaster.pid" ]; then
    pg_as_owner "$PG_BIN/pg_ctl" -D "$pg_dir/data" -m immediate -w stop \
      >/dev/null 2>&1 \
      || kill -9 "$(head -n 1 "$pg_dir/data/postmaster.pid")" 2>/dev/null
  fi
  rm -rf "$pg_dir"
}
trap pg_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ "$(id -u)" = 0 ]; then
  chown nobody:nogroup "$pg_dir"
  pg_as_owner() { setpriv --reuid=nobody --regid=nogroup --clear-groups -- "$@"; }
else
  pg_as_owner() { "$@"; }
fi

pg_psql_args=(-X -q -v ON_ERROR_STOP=1 -h "$pg_dir" -U postgres -d postgres)
pg_psql() {
  "$PG_BIN/psql" "${pg_psql_args[@]}" "$@"
}

pg_initdb() {
  local template="${POOLGUARD_PG_TEMPLATE:-}"
  if [ -z "$template" ]; then
    pg_initdb_into "$pg_dir/data"
    return
  fi
  mkdir -p "$template" || return 1
  (
    flock 9 || exit 1
    [ -f "$template/data/PG_VERSION" ] && exit 0
    rm -rf "$template/data" "$template/data.new" && pg_initdb_into "$pg_dir/data" \
      && cp -a "$pg_dir/data" "$template/data.new" \
      && mv "$template/data.new" "$template/data"
  ) 9>"$template/lock" || return 1
  [ -d "$pg_dir/data" ] || cp -a "$template/data" "$pg_dir/data"
}

pg_initdb_into() {
  pg_as_owner "$PG_BIN/initdb" -D "$1" -U postgres -A trust -N -E UTF8 \
    --locale=C >"$pg_dir/initdb.log" 2>&1 \
    || { cat "$pg_dir/initdb.log" >&2; return 1; }
}

pg_start() {
  local max="$1" reserved="$2"
  if [ ! -d "$pg_dir/data" ]; then
    pg_initdb || return 1
  elif [ -f "$pg_dir/data/postmaster.pid" ]; then
    pg_as_owner "$PG_BIN/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null
  fi
  pg_as_owner "$PG_BIN/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
    -o "-c listen_addresses= -c unix_socket_directories=$pg_dir \
-c max_connections=$max -c superuser_reserved_connections=$reserved \
-c fsync=off -c autovacuum=off -c log_connections=on -c max_wal_senders=0 -c wal_level=minimal" \
    start >/dev/null || { cat "$pg_dir/server.log" >&2; return 1; }
  if ! pg_psql -tAc "select 1 from pg_roles where rolname = 'app'" | grep -q 1; then
    pg_psql -c "create role app login" -c "create database app owner app" \
      || return 1
  fi
  export PGHOST="$pg_dir" PGPORT=5432 PGUSER=app PGDATABASE=app
}

pg_connections_query="select count(*) from pg_stat_activity \
where usename = 'app' and backend_type = 'client backend'"
pg_connections() {
  pg_psql -tAc "$pg_connections_query"
}

# pg_connections_command FILE: a shell command (for a program to run with
# system() while it holds its connections) that writes pg_connections to FILE.
pg_connections_command() {
  printf '%q ' "$PG_BIN/psql" "${pg_psql_args[@]}" -tAc "$pg_connections_query"
  printf '> %q\n' "$1"
}

pg_authorized() {
  grep -c 'connection authorized: user=app ' "$pg_dir/server.log"
}
