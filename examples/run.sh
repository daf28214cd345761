#!/usr/bin/env bash
# Runs poolguard on the bundled example, a C++ reproduction of the incident
# (a pool-owning service provided by three modules, and a DSN built by
# appending "?connection_limit=5" to a URL that already has "?schema=public").
# Installs the Debian packages it needs when missing (as root) and builds
# poolguard first. Extra arguments go to poolguard (e.g. --format=json).
set -u
cd "$(dirname "$0")/.."
. .ci/deps.sh
poolguard_install_deps || exit 2
poolguard_build || exit 2
db="${POOLGUARD_BUILD_DIR:-build}/example"
mkdir -p "$db"
sed "s|@DIR@|$PWD/examples/incident|g" examples/incident/compile_commands.json.in \
  > "$db/compile_commands.json"
"${POOLGUARD_BUILD_DIR:-build}/bin/poolguard" -p "$db" "$@"
rc=$?
echo "poolguard exited with $rc (0: clean, 1: findings, 2: usage error, 3: a TU could not be analyzed)" >&2
exit $rc
