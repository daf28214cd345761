#!/usr/bin/env bash
# Builds the libFuzzer targets (a separate build with clang++ and
# -DPOOLGUARD_FUZZ=ON) and runs each one for a bounded time on a copy of its
# seed corpus (test/fuzz/<target>/corpus). Exits non-zero if a target
# crashed; the crashing input is in <build>/fuzz-artifacts/<target>/.
#   test/fuzz/run.sh [target...]      targets: dsn-value model facts result
#   POOLGUARD_FUZZ_SECONDS   seconds per target (default 60)
#   POOLGUARD_FUZZ_RUNS      instead of a time: this many inputs per target,
#                            from a fixed seed (-seed=1), so a run is
#                            reproducible (CI uses this)
#   POOLGUARD_FUZZ_BUILD_DIR build directory (default build-fuzz)
#   POOLGUARD_LLVM           LLVM/clang version (default 19)
# A crash becomes a regression test (unittests/ or test/) and a fix; a new
# interesting input may be added to the seed corpus.
set -u
cd "$(dirname "$0")/../.."
v="${POOLGUARD_LLVM:-19}"
dir="${POOLGUARD_FUZZ_BUILD_DIR:-build-fuzz}"
seconds="${POOLGUARD_FUZZ_SECONDS:-60}"
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(dsn-value model facts result)
if [ -n "${POOLGUARD_FUZZ_RUNS:-}" ]; then
  budget=(-runs="$POOLGUARD_FUZZ_RUNS" -seed=1)
  what="$POOLGUARD_FUZZ_RUNS inputs"
else
  budget=(-max_total_time="$seconds")
  what="${seconds}s"
fi

launcher=""
command -v ccache >/dev/null 2>&1 && launcher="-DCMAKE_CXX_COMPILER_LAUNCHER=ccache"
if [ ! -f "$dir/build.ninja" ]; then
  cmake -S . -B "$dir" -G Ninja -DPOOLGUARD_FUZZ=ON -DPOOLGUARD_LLVM_VERSION="$v" \
    -DLLVM_DIR="/usr/lib/llvm-$v/lib/cmake/llvm" \
    -DCMAKE_C_COMPILER="clang-$v" -DCMAKE_CXX_COMPILER="clang++-$v" $launcher \
    >"$dir.configure.log" 2>&1 || { cat "$dir.configure.log" >&2; exit 2; }
fi
ninja -C "$dir" poolguard-fuzzers >&2 || exit 2

failed=0
for t in "${targets[@]}"; do
  bin="$dir/fuzz/$t-fuzzer"
  seeds="test/fuzz/$t/corpus"
  [ -x "$bin" ] && [ -d "$seeds" ] || { echo "unknown fuzz target '$t'" >&2; exit 2; }
  work="$dir/fuzz-corpus/$t"
  artifacts="$dir/fuzz-artifacts/$t/"
  rm -rf "$work" && mkdir -p "$work" "$artifacts"
  echo "== $t: $what" >&2
  if "$bin" "${budget[@]}" -timeout=10 -rss_limit_mb=2048 \
       -print_final_stats=1 -artifact_prefix="$artifacts" "$work" "$seeds" \
       >"$dir/fuzz-$t.log" 2>&1; then
    grep -E '^stat::number_of_executed_units|^Done' "$dir/fuzz-$t.log" >&2
    echo "$t: ok" >&2
  else
    tail -40 "$dir/fuzz-$t.log" >&2
    echo "$t: CRASH (input in $artifacts; log $dir/fuzz-$t.log)" >&2
    failed=1
  fi
done
exit $failed
