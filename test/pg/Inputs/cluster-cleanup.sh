# The cluster helper stops the server and removes its directory however the
# test ends: a failing command, SIGTERM, SIGINT. Each case starts a server
# in a child shell, which prints its directory and postmaster pid, then ends.
helper="$(dirname "$0")/../cluster.sh"

# start CASE: a child that starts a server and then ends as CASE says.
start() {
  # A background job ignores SIGINT unless told otherwise.
  env --default-signal=INT bash -c '
    . "$1" || exit 2
    pg_start 5 0 || exit 2
    echo "$pg_dir $(head -n 1 "$pg_dir/data/postmaster.pid")"
    case "$2" in
      fail) false; exit 1 ;;
      # The wait builtin returns as soon as a trapped signal arrives; a
      # foreground sleep would defer SIGINT until it ended, and bash drops
      # a SIGINT its child did not die of (seen under load: exit 0).
      *) sleep 60 >/dev/null 2>&1 & wait $! ;;
    esac' start "$helper" "$1" > "$out" &
  child=$!
  for _ in $(seq 600); do [ -s "$out" ] && break; sleep 0.1; done
}

check() {
  local dir pid
  read -r dir pid < "$out"
  if [ -z "$dir" ] || [ -z "$pid" ]; then
    echo "$1: no server started"
    return
  fi
  [ -e "$dir" ] && echo "$1: directory left" || echo "$1: directory removed"
  # The postmaster is a daemon: once stopped it is gone, or a zombie that
  # init has not reaped yet.
  case "$(ps -o stat= -p "$pid")" in
    "" | Z*) echo "$1: server stopped" ;;
    *) echo "$1: server left"; kill -9 "$pid" ;;
  esac
}

out="$(mktemp "${TMPDIR:-/tmp}/cluster-cleanup.XXXXXX")"
trap 'rm -f "$out"' EXIT
start fail; wait "$child"; echo "fail: exit $?"; check fail
start sleep; kill -TERM "$child"; wait "$child"; echo "term: exit $?"; check term
start sleep; kill -INT "$child"; wait "$child"; echo "int: exit $?"; check int
