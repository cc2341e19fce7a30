#!/usr/bin/env bash
# Measures how long the server takes from `java -jar` to /health answering 200 in the embedded default mode
# (embedded PostgreSQL and broker): a first start on an empty data folder, then a second start reusing it.
# Usage: server/bench/startup.sh [serve|demo]   (default demo; build the jar first: mvn -q -DskipTests package)
set -euo pipefail

command=${1:-demo}
jar=${JAR:-$(dirname "$0")/../target/anxin-server.jar}
data=$(mktemp -d "${TMPDIR:-/tmp}/anxin-startup.XXXXXX")
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
trap 'rm -rf "$data"' EXIT

now_ms() { date +%s%3N; }

# One start: prints the milliseconds to /health 200 and, for demo, to the printed welcome (data seeded or found).
measure() {
  local label=$1 log="$data/$1.log" started healthy ready pid
  started=$(now_ms)
  ANXIN_DATA_DIR="$data" ANXIN_HTTP_PORT="$port" java -jar "$jar" "$command" >"$log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/health"; do
    kill -0 "$pid" 2>/dev/null || { cat "$log"; echo "the server exited before /health answered" >&2; exit 1; }
    sleep 0.1
  done
  healthy=$(now_ms)
  ready=$healthy
  if [ "$command" = demo ]; then
    until grep -q "Anxin demo is running" "$log"; do sleep 0.1; done
    ready=$(now_ms)
  fi
  kill -TERM "$pid"
  wait "$pid" || { echo "exit status $? after SIGTERM" >&2; exit 1; }
  printf '%-6s start: /health 200 after %5d ms, %s ready after %5d ms\n' "$label" $((healthy - started)) \
    "$command" $((ready - started))
}

echo "anxin-server $command, embedded mode, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
measure first
measure second
