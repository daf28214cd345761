# What the live tests (test/pg/*.test) share: the throwaway server
# (cluster.sh), poolguard's prediction for a program's sources and a row of
# the results table (docs/live-databases.md). Source it with the variables
#   POOLGUARD  the poolguard binary      CXX  the C++ compiler
#   OUT        the test's output directory (created empty)
set -u
. "$(dirname "${BASH_SOURCE[0]}")/cluster.sh"
rm -rf "$OUT" && mkdir -p "$OUT" || exit 2

# pg_predict MAX RESERVED DATABASE SOURCES... -- COMPILER-FLAGS...
# poolguard's budget for the sources, with the server's limits as options:
# "<total> of <available>: fits|over".
pg_predict() {
  local max="$1" reserved="$2" db="$3"
  shift 3
  "$POOLGUARD" --report=budget --format=json --quiet \
    --cache-dir="$OUT/poolguard-cache" \
    --checks=-*,poolguard-connection-budget,poolguard-duplicate-pooled-provider,poolguard-repeated-pool \
    --config="{CheckOptions: {poolguard-connection-budget.MaxConnections: $max, poolguard-connection-budget.ReservedConnections: $reserved}}" \
    "$@" > "$OUT/prediction.json"
  local rc=$?
  if [ $rc -gt 1 ]; then
    echo "poolguard failed with exit code $rc" >&2
    return 1
  fi
  python3 "$(dirname "${BASH_SOURCE[0]}")/budget.py" $db < "$OUT/prediction.json"
}

# row LIBRARY SCENARIO PREDICTED OBSERVED: one row of the results table.
row() {
  printf '| %s | %s | %s | %s |\n' "$1" "$2" "$3" "$4"
}

# pg_outcome LOG: what the server said to the program whose output is LOG:
# its FATAL message, or the program's last line when there is none.
pg_outcome() {
  if grep -q 'FATAL:' "$1"; then
    grep -o 'FATAL: *.*' "$1" | head -n 1 | sed 's/FATAL: */FATAL: /'
  else
    tail -n 1 "$1"
  fi
}
