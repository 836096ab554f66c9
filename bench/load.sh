#!/usr/bin/env bash
# Load benchmark of the running jar with wrk (Debian package `wrk`): see BENCHMARKS.md.
#
#   bench/load.sh            build the jar, run the in-process JMH twin, start the jar, measure, stop
#   bench/load.sh --no-build use target/*.jar as it is
#   bench/load.sh --no-jmh   skip InProcessRoundTripBenchmark
#
# Environment: PORT (default 18310, within 18300-18399), DURATION (default 10s per run),
# WARMUP (default 5s per body). Bounded: about 2.5 minutes of load in all. The jar is always stopped.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${PORT:-18310}"
DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-5s}"
BUILD=1
JMH=1
for arg in "$@"; do
  case "$arg" in
    --no-build) BUILD=0 ;;
    --no-jmh) JMH=0 ;;
    *) echo "unknown option $arg" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

OUT=target/bench
mkdir -p "$OUT"
if [ "$BUILD" = 1 ]; then
  ./mvnw -B -q -DskipTests package
fi
JAR=$(ls target/backprop-lab-*.jar | grep -v plain | head -1)
# Run a copy, so that a rebuild cannot change the jar under the running server.
rm -rf "$OUT/app" && cp "$JAR" "$OUT/backprop-lab.jar"
java -Djarmode=tools -jar "$OUT/backprop-lab.jar" extract --destination "$OUT/app" >/dev/null
java -cp "target/test-classes:target/classes:$OUT/app/lib/*" lab.backprop.bench.BenchmarkCase "$OUT"

if [ "$JMH" = 1 ]; then
  echo "== in process (JMH): parse the MNIST body, step, write the summary"
  ./mvnw -B -q -P jmh test -Djmh.args="InProcessRoundTripBenchmark -rf json -rff $OUT/inprocess.json" \
    | grep -E '^(Benchmark|InProcess)' | grep -v -E 'p0.(00|999|9999)|p1.00' || true
  grep -q parseStepWriteSummary "$OUT/inprocess.json" \
    || { echo "the in-process benchmark gave no result: run it alone to see why" >&2; exit 1; }
fi

JAVA_FLAGS=(--add-modules=jdk.incubator.vector)
echo "== starting the jar on port $PORT"
OPENBLAS_NUM_THREADS="${OPENBLAS_NUM_THREADS:-1}" java "${JAVA_FLAGS[@]}" -jar "$OUT/backprop-lab.jar" --server.port="$PORT" >"$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true' EXIT
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 1 120); do
  if curl -fs "$BASE/actuator/health" >/dev/null 2>&1; then break; fi
  kill -0 "$SERVER" 2>/dev/null || { echo "the jar stopped; see $OUT/server.log" >&2; exit 1; }
  sleep 0.5
done
curl -fs "$BASE/actuator/health" >/dev/null || { echo "the jar is not healthy after 60 s" >&2; exit 1; }

# run NAME CONNECTIONS DURATION URL [BODY]
run() {
  local name=$1 connections=$2 duration=$3 url=$4 body=${5:-}
  local threads=$(( connections < 2 ? 1 : 2 ))
  local line
  line=$(BODY="$body" wrk -t"$threads" -c"$connections" -d"$duration" --timeout 60s --latency -s bench/wrk.lua "$url" \
    | grep '^RESULT' | sed 's/^RESULT //')
  printf '%-22s c=%-3s %s\n' "$name" "$connections" "$line"
  # a run with errors measures the errors: every answer must be a 2xx, with no socket error
  if ! grep -qE 'socket_errors=0 non_2xx=0 ' <<<"$line" || grep -qE '^requests=0 ' <<<"$line"; then
    echo "$name with $connections connections: answers that are not 2xx, or socket errors: see $OUT/server.log" >&2
    exit 1
  fi
}

SEED="$BASE/train-step"
MNIST="$BASE/train-step?include=summary"
echo "== warm-up ($WARMUP each, not counted)"
run warmup-health 16 "$WARMUP" "$BASE/actuator/health" >/dev/null
run warmup-seed 16 "$WARMUP" "$SEED" "$OUT/seed.json" >/dev/null
run warmup-mnist 4 "$WARMUP" "$MNIST" "$OUT/mnist.json" >/dev/null

echo "== measured ($DURATION each)"
# The 75% target compares two throughputs on a shared machine: alternate them, three pairs.
for _ in 1 2 3; do
  run health 16 "$DURATION" "$BASE/actuator/health"
  run seed 16 "$DURATION" "$SEED" "$OUT/seed.json"
done
for c in 1 64; do run seed "$c" "$DURATION" "$SEED" "$OUT/seed.json"; done
for c in 1 16 64; do run mnist-summary "$c" "$DURATION" "$MNIST" "$OUT/mnist.json"; done
echo "== load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== server: $(grep -o 'Large matrix products run on [^(]*' "$OUT/server.log" || echo 'kernel not logged')"
