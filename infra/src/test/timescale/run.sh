#!/usr/bin/env bash
# Runs TimescaleMigrationsTest against a private TimescaleDB (see docs/schema.md): installs the two npm packages under
# infra/target/timescale, starts the server on a free loopback port, runs the test, stops the server.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
infra=$(cd "$here/../../.." && pwd)
work="$infra/target/timescale"
mkdir -p "$work"
cp "$here/package.json" "$here/package-lock.json" "$here/.npmrc" "$here/server.mjs" "$work/"
(cd "$work" && npm ci --no-audit --no-fund --silent)
rm -f "$work/port"
node "$work/server.mjs" "$work/port" > "$work/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  [[ -s "$work/port" ]] && break
  kill -0 "$server" 2>/dev/null || { cat "$work/server.log"; exit 1; }
  sleep 0.5
done
[[ -s "$work/port" ]] || { echo "The TimescaleDB test server did not start"; cat "$work/server.log"; exit 1; }
cd "$infra/.."
ANXIN_TEST_TIMESCALE_URL="jdbc:postgresql://127.0.0.1:$(cat "$work/port")/postgres?sslmode=disable" \
  mvn -q -pl infra verify -Dtest=TimescaleMigrationsTest -Dsurefire.failIfNoSpecifiedTests=false "$@"
