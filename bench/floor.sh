#!/usr/bin/env bash
# The machine's own latency floor under the load test's settings (wrk, 2 threads, 16 connections):
# a server that does nothing (bench/FloorServer.java, the JDK's HTTP server, no framework), measured
# exactly as bench/load.sh measures the service. Its p99/p50 is what any service can hope for here.
#
#   bench/floor.sh       PORT (default 18330), DURATION (default 10s), THREADS (server threads, default 16)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-18330}"
DURATION="${DURATION:-10s}"
THREADS="${THREADS:-16}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
java -Dsun.net.httpserver.nodelay=true bench/FloorServer.java "$PORT" "$THREADS" &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$PORT/" >/dev/null 2>&1 && break
  sleep 0.5
done
wrk -t2 -c16 -d5s "http://127.0.0.1:$PORT/" >/dev/null
for _ in 1 2 3; do
  line=$(wrk -t2 -c16 -d"$DURATION" --timeout 60s --latency -s bench/wrk.lua "http://127.0.0.1:$PORT/" | grep '^RESULT' | sed 's/^RESULT //')
  printf '%-22s c=%-3s %s\n' "floor" 16 "$line"
  # a floor with errors is no floor: every answer a 2xx, no socket error
  grep -qE 'socket_errors=0 non_2xx=0 ' <<<"$line" || { echo "the floor server answered with errors" >&2; exit 1; }
done
echo "== load average: $(cut -d' ' -f1-3 /proc/loadavg)"
