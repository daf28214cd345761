#!/usr/bin/env bash
# Installs the SARIF multitool (npm package @microsoft/sarif-multitool, a
# self-contained .NET executable; no .NET runtime needed) into
# BUILD_DIR/node_modules for the SARIF validation tests
# (test/tool/sarif-*.test run test/tool/Inputs/sarif/validate.sh).
#   usage: install-sarif-validator.sh BUILD_DIR
# Exits nonzero with a clear message if it cannot be installed (e.g. the npm
# registry is unreachable); the SARIF tests then fail, they do not skip.
set -u
version=5.7.0
build="${1:?usage: $0 BUILD_DIR}"
mkdir -p "$build" || exit 1
tool="$build/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"

works() {
  [ -f "$tool" ] && chmod u+x "$tool" && "$tool" --version 2>&1 | grep -q "SARIF Multitool $version"
}

works && exit 0
if ! command -v npm >/dev/null 2>&1; then
  echo "install-sarif-validator: npm not found; install the Debian package 'npm'" >&2
  exit 1
fi
echo "install-sarif-validator: installing @microsoft/sarif-multitool@$version into $build/node_modules" >&2
# --prefix installs into BUILD_DIR/node_modules; the package's postinstall
# (chmod) may be blocked by npm's script policy, so chmod below.
if ! npm install --prefix "$build" --no-save --no-audit --no-fund --loglevel=error \
    "@microsoft/sarif-multitool@$version" >&2; then
  echo "install-sarif-validator: 'npm install @microsoft/sarif-multitool@$version' failed" \
       "(is the npm registry reachable?); the SARIF validation tests will fail" >&2
  exit 1
fi
if ! works; then
  echo "install-sarif-validator: $tool does not run after installation" >&2
  exit 1
fi
