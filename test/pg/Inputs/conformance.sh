# One model-conformance scenario against a real server: builds PROGRAM
# against the real library, asks poolguard for its budget (the server's
# limits as options), runs it until its pools are warm and counts the
# connections PostgreSQL reports in pg_stat_activity. Prints the program's
# output ("program: ...") and a row of the results table.
# Usage (POOLGUARD, CXX, OUT in the environment):
#   conformance.sh LIBRARY SCENARIO PROGRAM.cpp "CFLAGS" "LIBS" [DATABASE]
. "$(dirname "$0")/../live.sh"
lib="$1" scenario="$2" program="$3" cflags="$4" libs="$5" db="${6:-}"
max=100 reserved=3

"$CXX" -std=c++17 -I"$(dirname "$0")" $cflags "$program" -o "$OUT/program" \
  $libs > "$OUT/compile.log" 2>&1 || { cat "$OUT/compile.log" >&2; exit 2; }
predicted=$(pg_predict "$max" "$reserved" "$db" "$program" -- -std=c++17 \
  -I"$(dirname "$0")" $cflags) || exit 2
pg_start "$max" "$reserved" || exit 2
POOLGUARD_PROBE="$(pg_connections_command "$OUT/observed")"
export POOLGUARD_PROBE
"$OUT/program" > "$OUT/run.log" 2>&1
rc=$?
sed 's/^/program: /' "$OUT/run.log"
[ $rc -eq 0 ] || { echo "program exited with $rc" >&2; exit 1; }
row "$lib" "$scenario" "$predicted" "$(cat "$OUT/observed") connections"
