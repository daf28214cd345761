# The DSN half of the incident: poolguard's poolguard-dsn-query-append
# findings for test/pg/Inputs/dsn/dsn.cpp, then what the real drivers do with
# the same URLs against a real server. Usage: dsn.sh POOLGUARD CXX OUT
POOLGUARD="$1" CXX="$2" OUT="$3"
. "$(dirname "$0")/../live.sh"
src="$(dirname "$0")/dsn/dsn.cpp"
flags="-std=c++17 -I/usr/include/postgresql"
"$CXX" $flags "$src" -o "$OUT/dsn" -lpq -lsoci_core -lPocoDataPostgreSQL \
  -lPocoData -lPocoFoundation > "$OUT/compile.log" 2>&1 \
  || { cat "$OUT/compile.log" >&2; exit 2; }
"$POOLGUARD" --quiet --checks=-*,poolguard-dsn-query-append \
  --cache-dir="$OUT/poolguard-cache" "$src" -- $flags
echo "poolguard exit code $?"
pg_start 10 0 || exit 2
"$OUT/dsn"
