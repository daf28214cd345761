# Model-conformance scenarios against a real server: for each, builds
# PROGRAM against the real library, asks poolguard for its budget (the
# server's limits as options), runs it until its pools are warm and counts
# the connections PostgreSQL reports in pg_stat_activity. Prints each
# program's output ("program: ...") and a row of the results table.
# Usage (POOLGUARD, CXX, OUT in the environment), five arguments a scenario:
#   conformance.sh LIBRARY SCENARIO PROGRAM.cpp "CFLAGS" "LIBS" [LIBRARY ...]
# The scenarios of one call share one server (initdb and the role once); it
# is restarted between them, which ends every backend of the one before.
. "$(dirname "$0")/../live.sh"
max=100 reserved=3
if [ $# -eq 0 ] || [ $(($# % 5)) -ne 0 ]; then
  echo "conformance.sh: expected LIBRARY SCENARIO PROGRAM CFLAGS LIBS, five" \
    "arguments a scenario; got $#" >&2
  exit 2
fi

n=0
while [ $# -gt 0 ]; do
  lib="$1" scenario="$2" program="$3" cflags="$4" libs="$5"
  shift 5
  n=$((n + 1))
  mkdir -p "$OUT/$n" || exit 2
  "$CXX" -std=c++17 -I"$(dirname "$0")" $cflags "$program" -o "$OUT/$n/program" \
    $libs > "$OUT/$n/compile.log" 2>&1 || { cat "$OUT/$n/compile.log" >&2; exit 2; }
  predicted=$(pg_predict "$max" "$reserved" "" "$program" -- -std=c++17 \
    -I"$(dirname "$0")" $cflags) || exit 2
  pg_start "$max" "$reserved" || exit 2
  POOLGUARD_PROBE="$(pg_connections_command "$OUT/$n/observed")"
  export POOLGUARD_PROBE
  "$OUT/$n/program" > "$OUT/$n/run.log" 2>&1
  rc=$?
  sed 's/^/program: /' "$OUT/$n/run.log"
  [ $rc -eq 0 ] || { echo "$program exited with $rc" >&2; exit 1; }
  row "$lib" "$scenario" "$predicted" "$(cat "$OUT/$n/observed") connections"
done
