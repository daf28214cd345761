#!/usr/bin/env bash
# Runs every poolguard test (lit: checks, plugin, tool, clangd; googletest
# unit tests through lit) after installing what is missing and building.
# The last line is "N passed, M failed".
#   POOLGUARD_LLVM=19|22   LLVM version to build and test against (default 19)
#   POOLGUARD_BUILD_DIR    build directory (default build, or build-22 for 22)
#   POOLGUARD_LIVE_TESTS=0 leave out the live tests (test/pg: a PostgreSQL
#                          server and the pool libraries; lit's
#                          --param live_tests=0)
set -u
cd "$(dirname "$0")/.."
. .ci/deps.sh
v="${POOLGUARD_LLVM:-19}"
if [ -z "${POOLGUARD_BUILD_DIR:-}" ]; then
  if [ "$v" = 19 ]; then POOLGUARD_BUILD_DIR=build; else POOLGUARD_BUILD_DIR=build-$v; fi
fi
export POOLGUARD_LLVM="$v" POOLGUARD_BUILD_DIR
poolguard_install_deps || { echo "0 passed, 1 failed"; exit 1; }
poolguard_build || { echo "build failed" >&2; echo "0 passed, 1 failed"; exit 1; }
# The SARIF tests validate with the SARIF multitool from npm; if it cannot be
# installed they fail (with the reason), they do not skip.
bash test/tool/install-sarif-validator.sh "$POOLGUARD_BUILD_DIR"

xml="$POOLGUARD_BUILD_DIR/test-results.xml"
rm -f "$xml"
# lit: LLVM 19 ships build/utils/lit/lit.py, LLVM 22 bin/lit.
lit="/usr/lib/llvm-$v/build/utils/lit/lit.py"
[ -f "$lit" ] || lit="/usr/lib/llvm-$v/bin/lit"
python3 "$lit" -v \
  --param live_tests="${POOLGUARD_LIVE_TESTS:-1}" \
  --xunit-xml-output="$xml" \
  "$POOLGUARD_BUILD_DIR/test" "$POOLGUARD_BUILD_DIR/test/Unit"
rc=$?
python3 - "$xml" "$rc" <<'PY'
import sys, xml.etree.ElementTree as ET
path, rc = sys.argv[1], int(sys.argv[2])
try:
    root = ET.parse(path).getroot()
except Exception as e:
    print("cannot read lit results: %s" % e, file=sys.stderr)
    print("0 passed, 1 failed")
    sys.exit(1)
passed = failed = skipped = 0
for case in root.iter("testcase"):
    if case.find("failure") is not None or case.find("error") is not None:
        failed += 1
    elif case.find("skipped") is not None:
        skipped += 1
    else:
        passed += 1
if rc != 0 and failed == 0:
    failed = 1  # lit failed without a failing test: count it
line = "%d passed, %d failed" % (passed, failed)
if skipped:
    line += ", %d skipped" % skipped
print(line)
sys.exit(1 if failed else 0)
PY
