#!/usr/bin/env bash
# The Debian package, built and checked as a packager and a user would
# (issue 16): a release build with -DPOOLGUARD_BUILD_TESTS=OFF (no test
# dependencies needed), `cpack -G DEB`, lintian with no errors, `dpkg -i`, the
# installed poolguard on the bundled example, `dpkg -P`, and nothing left
# behind. Prints one line per step and, last, "N passed, M failed".
#   POOLGUARD_LLVM   LLVM version (default 19)
set -u
cd "$(dirname "$0")/.."
v="${POOLGUARD_LLVM:-19}"
dir="build-package-$v"
logs="$dir-logs"
mkdir -p "$logs"
passed=0
failed=0
step() { # step NAME COMMAND...
  local name="$1"; shift
  if "$@" >"$logs/$name.log" 2>&1; then
    echo "PASS: package: $name"; passed=$((passed + 1))
  else
    echo "FAIL: package: $name (log: $logs/$name.log)"; tail -20 "$logs/$name.log"
    failed=$((failed + 1))
  fi
}
configure() {
  export CCACHE_BASEDIR="$PWD"
  local launcher=""
  command -v ccache >/dev/null 2>&1 && launcher="-DCMAKE_CXX_COMPILER_LAUNCHER=ccache"
  rm -rf "$dir" && cmake -S . -B "$dir" -G Ninja -DPOOLGUARD_BUILD_TESTS=OFF \
    -DPOOLGUARD_LLVM_VERSION="$v" -DLLVM_DIR="/usr/lib/llvm-$v/lib/cmake/llvm" $launcher
}
no_test_targets() { ! ninja -C "$dir" -t targets all | grep -q -e PoolGuardUnitTests -e check-poolguard; }
lint() {
  lintian --tag-display-limit 0 "$dir"/poolguard_*.deb | tee /dev/stderr | { ! grep -q '^E:'; }
}
installed_run() {
  local db="$dir/example"
  mkdir -p "$db"
  sed "s|@DIR@|$PWD/examples/incident|g" examples/incident/compile_commands.json.in > "$db/compile_commands.json"
  /usr/bin/poolguard --version | grep -q "poolguard $(sed -n 's/^project(poolguard VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)" &&
  { /usr/bin/poolguard -p "$db" --no-cache; [ $? -eq 1 ]; } &&
  test -f /usr/lib/x86_64-linux-gnu/poolguard/libPoolGuardTidyModule.so -o -f /usr/lib/poolguard/libPoolGuardTidyModule.so &&
  man -w poolguard >/dev/null
}
removed_clean() {
  local left=0
  while read -r f; do
    [ -e "$f" ] && [ ! -d "$f" ] && { echo "left behind: $f"; left=1; }
  done < "$dir/files.txt"
  [ "$left" = 0 ] && ! dpkg -s poolguard >/dev/null 2>&1
}

if dpkg -s poolguard >/dev/null 2>&1; then
  echo "package: a poolguard package is installed already; not touching it" >&2
  echo "0 passed, 1 failed"; exit 1
fi
step configure configure
step build ninja -C "$dir"
step no-test-targets no_test_targets
step cpack bash -c "cd '$dir' && cpack -G DEB"
step lintian lint
step dpkg-install dpkg -i "$dir"/poolguard_*.deb
dpkg -L poolguard > "$dir/files.txt" 2>/dev/null
step installed-run installed_run
step dpkg-purge dpkg -P poolguard
step nothing-left removed_clean
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
