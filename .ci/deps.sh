# Sourced by the README's commands: installs the Debian packages poolguard
# needs when they are missing (as root), for LLVM ${POOLGUARD_LLVM:-19}.
# The package lists in README.md and docs/ci.md are checked against these two
# functions by test/docs-packages.test.

# What building poolguard (-DPOOLGUARD_BUILD_TESTS=OFF) needs (libpq: for
# --server-limits; libzstd-dev: LLVM's static libraries, which the tool links,
# need zstd).
poolguard_build_packages() {
  local v="${1:-19}"
  echo "cmake ninja-build g++ llvm-$v-dev libclang-$v-dev nlohmann-json3-dev libpq-dev libzstd-dev"
}

# What the tests, the plugin tests, the package check and the docs' tools
# need besides. The live tests (test/pg) need a PostgreSQL 15 server and the
# pool libraries Debian ships with their PostgreSQL drivers (libsoci-dev's
# headers include Boost's without depending on it).
poolguard_test_packages() {
  local v="${1:-19}"
  echo "python3 clang-$v clang-tidy-$v clangd-$v llvm-$v-tools clang-tools-$v \
libgtest-dev libclang-rt-$v-dev pre-commit git strace help2man lintian dpkg-dev man-db \
bazel-bootstrap bazel-platforms postgresql-15 libsoci-dev libsoci-postgresql4.0 libboost-dev libpoco-dev \
qtbase5-dev libqt5sql5-psql qt6-base-dev libqt6sql6-psql libcppdb-dev libcppdb-postgresql0 libpqxx-dev"
}

poolguard_install_deps() {
  local v="${POOLGUARD_LLVM:-19}"
  local pkgs
  pkgs="$(poolguard_build_packages "$v") $(poolguard_test_packages "$v")"
  local missing=""
  for p in $pkgs; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
      || missing="$missing $p"
  done
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" != 0 ]; then
    echo "poolguard: missing packages:$missing (run as root to install them)" >&2
    return 1
  fi
  echo "poolguard: installing$missing" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 && apt-get install -y -qq $missing >&2
}

# Configures and builds poolguard in ${POOLGUARD_BUILD_DIR:-build}.
poolguard_build() {
  local v="${POOLGUARD_LLVM:-19}"
  local dir="${POOLGUARD_BUILD_DIR:-build}"
  local launcher=""
  command -v ccache >/dev/null 2>&1 && launcher="-DCMAKE_CXX_COMPILER_LAUNCHER=ccache"
  # Paths under the checkout are hashed relative to it, so another clone (CI
  # runs in a fresh one) and the package build reuse the compiled objects.
  export CCACHE_BASEDIR="$PWD"
  if [ ! -f "$dir/build.ninja" ]; then
    cmake -S . -B "$dir" -G Ninja -DPOOLGUARD_LLVM_VERSION="$v" \
      -DLLVM_DIR=/usr/lib/llvm-$v/lib/cmake/llvm $launcher >"$dir.configure.log" 2>&1 \
      || { cat "$dir.configure.log" >&2; return 1; }
  fi
  ninja -C "$dir" >&2
}
