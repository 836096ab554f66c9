#!/usr/bin/env bash
# Heap use of one big request: runs the jar with a small fixed heap (HEAP, default 96m) and sends the
# 784-256-10 x 64 body (include=summary) REQUESTS times (default 20), one after another. Prints the
# live heap after start (after a full GC), the largest heap in use before any GC during the requests,
# and the largest heap still in use after a GC. Needs target/bench from bench/load.sh (or builds it).
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${PORT:-18312}"
HEAP="${HEAP:-96m}"
REQUESTS="${REQUESTS:-20}"
OUT=target/bench
if [ ! -f "$OUT/mnist.json" ] || [ ! -f "$OUT/backprop-lab.jar" ]; then
  [ -n "$(ls target/backprop-lab-*.jar 2>/dev/null)" ] || ./mvnw -B -q -DskipTests package
  mkdir -p "$OUT" && rm -rf "$OUT/app" && cp target/backprop-lab-*.jar "$OUT/backprop-lab.jar"
  java -Djarmode=tools -jar "$OUT/backprop-lab.jar" extract --destination "$OUT/app" >/dev/null
  java -cp "target/test-classes:target/classes:$OUT/app/lib/*" lab.backprop.bench.BenchmarkCase "$OUT" >/dev/null
fi

rm -f "$OUT/gc.log"
OPENBLAS_NUM_THREADS="${OPENBLAS_NUM_THREADS:-1}" java --add-modules=jdk.incubator.vector -Xms"$HEAP" -Xmx"$HEAP" -Xlog:gc:file="$OUT/gc.log" \
  -jar "$OUT/backprop-lab.jar" --server.port="$PORT" >"$OUT/heap-server.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do
  curl -fs -o /dev/null "http://127.0.0.1:$PORT/actuator/health" && break
  kill -0 "$SERVER" 2>/dev/null || { echo "the jar stopped; see $OUT/heap-server.log" >&2; exit 1; }
  sleep 0.5
done
# one request to load every class on the path, then a full GC: the baseline
curl -fs -o /dev/null -H 'Content-Type: application/json' --data-binary @"$OUT/mnist.json" \
  "http://127.0.0.1:$PORT/train-step?include=summary"
jcmd "$SERVER" GC.run >/dev/null
baseline=$(jcmd "$SERVER" GC.heap_info | grep -o 'used [0-9]*K' | head -1 | grep -o '[0-9]*')
mark=$(wc -l <"$OUT/gc.log")

ok=0
for _ in $(seq 1 "$REQUESTS"); do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
    --data-binary @"$OUT/mnist.json" "http://127.0.0.1:$PORT/train-step?include=summary")
  [ "$code" = 200 ] && ok=$((ok + 1))
done
sleep 1
read -r before after <<<"$(tail -n +"$((mark + 1))" "$OUT/gc.log" | grep -o '[0-9]*M->[0-9]*M' \
  | awk -F'M->|M' '{ if ($1 > b) b = $1; if ($2 > a) a = $2 } END { print b + 0, a + 0 }')"
echo "heap -Xmx$HEAP: $ok of $REQUESTS requests answered 200"
echo "live heap after start (after a full GC): $((baseline / 1024)) MiB"
echo "during the requests: at most ${before} MiB in use before a GC, at most ${after} MiB after one"
if grep -q OutOfMemoryError "$OUT/heap-server.log"; then
  echo "OutOfMemoryError in $OUT/heap-server.log" >&2
  exit 1
fi
# the figures are of REQUESTS answered requests: any other answer makes them meaningless
[ "$ok" = "$REQUESTS" ] || { echo "only $ok of $REQUESTS requests were answered 200" >&2; exit 1; }
