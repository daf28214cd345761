# The pool half of the incident against a real server
# (examples/incident-live: real SOCI, three modules, each with its own
# PrismaService and pool). For each pool size and server setting: poolguard's
# budget for the same sources and flags, then what the server did when the
# program started. Usage: incident-live.sh POOLGUARD CXX OUT EXAMPLE-DIR
POOLGUARD="$1" CXX="$2" OUT="$3" SRC="$4/src"
. "$(dirname "$0")/../live.sh"

# obj NAME FLAGS...: compiles $SRC/NAME.cpp once per set of flags.
obj() {
  local name="$1" o
  shift
  o="$OUT/$name$(printf '%s' "$*" | tr -c 'A-Za-z0-9' _).o"
  [ -f "$o" ] || "$CXX" -std=c++17 -c "$@" "$SRC/$name.cpp" -o "$o" || exit 2
  echo "$o"
}

# scenario POOL-SIZE FIXED(0|1) MAX RESERVED
scenario() {
  local size="$1" fixed="$2" max="$3" reserved="$4" flags name
  flags="-DINCIDENT_POOL_SIZE=$size"
  [ "$fixed" = 1 ] && flags="$flags -DINCIDENT_FIXED"
  name="$OUT/incident-$size-$fixed"
  [ -x "$name" ] || "$CXX" -o "$name" $(obj main $flags) $(obj AppModule $flags) \
    $(obj UsersModule $flags) $(obj OrdersModule $flags) \
    $(obj PrismaService $flags) -lsoci_core || exit 2
  local predicted observed before
  predicted=$(pg_predict "$max" "$reserved" "" "$SRC"/*.cpp -- -std=c++17 $flags) \
    || exit 2
  pg_start "$max" "$reserved" || exit 2
  before=$(pg_authorized)
  "$name" > "$OUT/run.log" 2>&1
  # Every connection a started program opened is authorized; a refused one
  # may be authorized first (the reserved-slots check follows).
  observed=$(pg_outcome "$OUT/run.log")
  [ "$observed" = started ] \
    && observed="$observed, $(($(pg_authorized) - before)) connections"
  local what="3 modules"
  [ "$fixed" = 1 ] && what="fixed: 1 shared instance"
  row "SOCI, incident ($what)" \
    "pool $size; max_connections $max, reserved $reserved" "$predicted" "$observed"
}

scenario 4 0 12 0
scenario 4 0 11 0
scenario 5 0 15 0
scenario 5 0 14 0
scenario 4 0 15 3
scenario 4 0 14 3
scenario 4 1 11 0
