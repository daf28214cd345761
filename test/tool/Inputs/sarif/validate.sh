#!/usr/bin/env bash
# Validates a SARIF file for the lit tests:
#   1. the SARIF multitool (schema + SARIF rules at error/warning level, and
#      the GitHub rule kind), installed by test/tool/install-sarif-validator.sh
#      into the build directory that holds POOLGUARD (BUILD/bin/poolguard);
#   2. github_subset.py: the fields GitHub code scanning requires.
# Prints "sarif-validate: OK" and exits 0, or prints the problems and exits 1.
# A missing validator is an error, never a skip.
#   usage: validate.sh POOLGUARD FILE.sarif
set -u
poolguard="$1" file="$2"
build="$(cd "$(dirname "$poolguard")/.." && pwd)"
tool="$build/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
if [ ! -x "$tool" ]; then
  echo "sarif-validate: error: SARIF multitool not installed at $tool;" \
       "run test/tool/install-sarif-validator.sh $build (needs the npm registry)"
  exit 1
fi
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
"$tool" validate --rule-kind "Gh;Sarif" --level "Error;Warning" "$file" >"$log" 2>&1
rc=$?
cat "$log"
ok=1
if [ $rc != 0 ] || ! grep -q "Analysis completed successfully" "$log"; then
  echo "sarif-validate: error: the multitool failed (rc $rc)"
  ok=0
elif grep -E -q ": (error|warning) [A-Z]+[0-9]+" "$log"; then
  # The multitool exits 0 even when it reports problems: judge its output.
  echo "sarif-validate: error: the multitool reported problems"
  ok=0
fi
python3 "$(dirname "$0")/github_subset.py" "$file" || ok=0
[ $ok = 1 ] || exit 1
echo "sarif-validate: OK"
