#!/usr/bin/env bash
# /train learning from data, timed on the running jar: a 2-8-8-1 tanh network on 200 circle points,
# 1,000 steps with a 50 x 50 decision grid, and the steps per second of streamed runs (BENCHMARKS.md).
#
#   bench/train-grid.sh             build the jar, start it, measure, stop it
#   bench/train-grid.sh --no-build  use target/*.jar as it is
#   bench/train-grid.sh URL         measure a service already running at URL
#   bench/train-grid.sh --short ... one request of each kind, a second of the loop (CI's smoke run)
#
# Environment: PORT (default 18320, within 18300-18399), REQUESTS (default 10). Python 3, standard
# library only (bench/train_grid.py, which documents the data). About a minute.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${PORT:-18320}"
REQUESTS="${REQUESTS:-10}"
BUILD=1
BASE=""
SHORT=""
for arg in "$@"; do
  case "$arg" in
    --no-build) BUILD=0 ;;
    --short) SHORT=--short ;;
    http://*|https://*) BASE="$arg" ;;
    *) echo "unknown option $arg" >&2; exit 2 ;;
  esac
done

if [ -z "$BASE" ]; then
  OUT=target/bench
  mkdir -p "$OUT"
  if [ "$BUILD" = 1 ]; then
    ./mvnw -B -q -DskipTests package
  fi
  JAR=$(ls target/backprop-lab-*.jar | grep -v plain | head -1)
  # Run a copy, so that a rebuild cannot change the jar under the running server.
  cp "$JAR" "$OUT/train-grid.jar"
  OPENBLAS_NUM_THREADS="${OPENBLAS_NUM_THREADS:-1}" java --add-modules=jdk.incubator.vector -jar "$OUT/train-grid.jar" --server.port="$PORT" >"$OUT/train-grid.log" 2>&1 &
  SERVER=$!
  trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true' EXIT
  BASE="http://127.0.0.1:$PORT"
  for _ in $(seq 1 120); do
    if curl -fs "$BASE/actuator/health" >/dev/null 2>&1; then break; fi
    kill -0 "$SERVER" 2>/dev/null || { echo "the jar stopped; see $OUT/train-grid.log" >&2; exit 1; }
    sleep 0.5
  done
  curl -fs "$BASE/actuator/health" >/dev/null || { echo "the jar is not healthy after 60 s" >&2; exit 1; }
fi

echo "== $BASE, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
python3 bench/train_grid.py "$BASE" ${SHORT:-"$REQUESTS"}
