# poolguard --report=budget --server-limits against a throwaway server: the
# limits it reads, the verdict they give, and the error (exit code 2, no
# output file) when the server cannot be reached.
# Usage: server-limits.sh POOLGUARD HEADERS OUT
POOLGUARD="$1" HEADERS="$2" OUT="$3"
. "$(dirname "$0")/../live.sh"
src="$(dirname "$0")/server-limits.cpp"

budget() { # budget CONNINFO: the budget report's text, then the exit code
  "$POOLGUARD" --quiet --no-cache --checks=-*,poolguard-connection-budget \
    --report=budget --server-limits="$1" --output="$OUT/report.txt" "$src" \
    -- -std=c++17 -nostdinc++ -isystem "$HEADERS"
  local rc=$?
  [ -f "$OUT/report.txt" ] && sed "s|$src|server-limits.cpp|" "$OUT/report.txt"
  rm -f "$OUT/report.txt"
  echo "exit code $rc"
}

echo "== max_connections 20, superuser_reserved_connections 2"
pg_start 20 2 || exit 2
budget "dbname=app"
echo "== max_connections 25, superuser_reserved_connections 3 (a URL)"
pg_start 25 3 || exit 2
budget "postgresql:///app?host=$PGHOST"
echo "== no server there"
budget "host=$OUT/nowhere dbname=app" 2>&1 | sed "s|$OUT|OUT|g"
