#!/usr/bin/env bash
# Soak: the packaged jar under mixed load for DURATION (default 10m), as one client population would use it:
# the seed step, the 784-256-10 x 64 ("MNIST-size") step, streamed /train runs (each must end with its
# result event), some cut off halfway (a client that vanishes), bad requests of every kind (each must be a
# 4xx), the GET endpoints, and slow clients that send half a body and then nothing. Every SAMPLE seconds
# (default DURATION/20, at least 3 s) it forces a GC (jcmd GC.run), reads the heap in use after it (jcmd
# GC.heap_info) and the JVM's thread count, and checks that the service answers its health within 10 s.
#
# Fails (exit 1) when: any answer is a 5xx; a request that should be answered was not (connection refused,
# timed out, a stream without its result event); a bad request was not refused with a 4xx; the health check
# fails once; the heap after GC or the thread count keeps growing (the lowest sample of the last third above
# the highest of the first third, by more than HEAP_SLACK_MB, default 24, or THREAD_SLACK, default 16).
#
#   bench/soak.sh                 10 minutes, the result for BENCHMARKS.md ("Soak")
#   DURATION=30s bench/soak.sh    the short mode CI runs
#
# Environment: DURATION (s or m suffix), PORT (default 18340), HEAP (default 512m), SAMPLE. Uses
# target/backprop-lab-*.jar and target/test-classes as `./mvnw verify` left them (builds them otherwise).
# Writes target/soak/: server.log, samples.tsv, codes.tsv. The jar is always stopped.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION="${DURATION:-10m}"
PORT="${PORT:-18340}"
HEAP="${HEAP:-512m}"
HEAP_SLACK_MB="${HEAP_SLACK_MB:-24}"
THREAD_SLACK="${THREAD_SLACK:-16}"
case "$DURATION" in
  *m) seconds=$(( ${DURATION%m} * 60 )) ;;
  *s) seconds=${DURATION%s} ;;
  *) seconds=$DURATION ;;
esac
SAMPLE="${SAMPLE:-$(( seconds / 20 < 3 ? 3 : seconds / 20 ))}"
for tool in curl jcmd python3; do
  command -v "$tool" >/dev/null || { echo "soak: $tool is missing" >&2; exit 1; }
done

OUT=target/soak
rm -rf "$OUT" && mkdir -p "$OUT/codes"
if [ -z "$(ls target/backprop-lab-*.jar 2>/dev/null)" ] || [ ! -d target/test-classes ]; then
  ./mvnw -B -ntp -q -DskipTests package
fi
cp "$(ls target/backprop-lab-*.jar | grep -v plain | head -1)" "$OUT/app.jar"
java -Djarmode=tools -jar "$OUT/app.jar" extract --destination "$OUT/app" >/dev/null
java -cp "target/test-classes:target/classes:$OUT/app/lib/*" lab.backprop.bench.BenchmarkCase "$OUT" >/dev/null

OPENBLAS_NUM_THREADS="${OPENBLAS_NUM_THREADS:-1}" java --add-modules=jdk.incubator.vector -Xmx"$HEAP" -jar "$OUT/app.jar" --server.port="$PORT" \
  >"$OUT/server.log" 2>&1 &
SERVER=$!
WORKERS=()
cleanup() {
  for w in "${WORKERS[@]}"; do kill "$w" 2>/dev/null || true; done
  kill "$SERVER" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 1 180); do
  curl -fs "$BASE/actuator/health/readiness" >/dev/null 2>&1 && break
  kill -0 "$SERVER" 2>/dev/null || { echo "soak: the jar stopped; see $OUT/server.log" >&2; exit 1; }
  sleep 0.5
done
curl -fs "$BASE/actuator/health/readiness" >/dev/null || { echo "soak: the jar is not ready after 90 s" >&2; exit 1; }

cat >"$OUT/stream.json" <<'EOF'
{"inputs": [[0, 0], [0, 1], [1, 0], [1, 1]], "layers": [
  {"weights": [[0.5, -0.4, 0.2], [0.3, 0.8, -0.6]], "bias": [0.1, -0.1, 0], "activation": "tanh"},
  {"weights": [[0.6], [-0.7], [0.4]], "bias": [0], "activation": "sigmoid"}],
 "label": [[0], [1], [1], [0]], "loss": "binary_cross_entropy", "learningRate": 0.5,
 "steps": 3000, "recordEvery": 100}
EOF
END=$(( $(date +%s) + seconds ))

# worker NAME COMMAND...: runs COMMAND until the end, appending each outcome it prints to codes/NAME
worker() {
  local name=$1
  shift
  ( while [ "$(date +%s)" -lt "$END" ]; do "$@" >>"$OUT/codes/$name" 2>/dev/null || true; done ) &
  WORKERS+=($!)
}
# post PATH BODY_FILE [ACCEPT]: the status code
post() {
  curl -s -o /dev/null -w '%{http_code}\n' --max-time 60 -H 'Content-Type: application/json' \
    -H "Accept: ${3:-application/json}" --data-binary "@$2" "$BASE$1"
}
get() {
  curl -s -o /dev/null -w '%{http_code}\n' --max-time 60 "$BASE$1"
}
# a streamed run that must end with its result event: "stream-ok" or "stream-broken <code>"
stream() {
  local code events="$OUT/stream-$BASHPID.txt"
  code=$(curl -s -N -o "$events" -w '%{http_code}' --max-time 60 -H 'Content-Type: application/json' \
    -H 'Accept: text/event-stream' --data-binary "@$OUT/stream.json" "$BASE/train")
  if [ "$code" = 200 ] && grep -q '^event: *result' "$events"; then echo stream-ok; else echo "stream-broken $code"; fi
}
# a client that reads a stream for a moment and goes away: "vanished", or the 5xx it got
vanishing() {
  local code
  code=$(curl -s -N -o /dev/null -w '%{http_code}' --max-time 0.4 -H 'Content-Type: application/json' \
    -H 'Accept: text/event-stream' --data-binary "@$OUT/stream.json" "$BASE/train" || true)
  case "$code" in 5*) echo "$code" ;; *) echo vanished ;; esac
  # the server notices the client gone at its next event: a pause keeps the streams computing at once
  # (this one's, the stream worker's) under backprop.limits.max-streamed-runs (4), whose 503 is no fault
  sleep 1
}
# bad requests of each kind: every one must be a 4xx ("bad <code>")
bad() {
  local code
  for body in '{"inputs": [[1]], "weights": ' '{"inputs": [[1]], "weights": [[1]], "bias": [[0]], "label": [[1]], "learningRate": 0.1, "learnignRate": 1}' \
    '{"inputs": [["x"]], "weights": [[1]], "bias": [[0]], "label": [[1]], "learningRate": 1e999}' '[]'; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 -H 'Content-Type: application/json' --data-binary "$body" "$BASE/train-step")
    echo "bad $code"
  done
  for path in '/datasets/circle?points=-1' '/datasets/nope' '/exercises/random?level=9' '/initial-layers?sizes=x' \
    '/datasets?x=%zz'; do
    echo "bad $(curl -s -o /dev/null -w '%{http_code}' --max-time 30 "$BASE$path")"
  done
  echo "bad $(curl -s -o /dev/null -w '%{http_code}' --max-time 30 -H 'Content-Type: text/plain' --data-binary x "$BASE/train")"
}
# a slow client: headers and half the body, then silence until the server cuts it off (or 3 s)
slow() {
  python3 - "$PORT" <<'EOF'
import socket, sys, time
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
s.sendall(b"POST /train-step HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 4000\r\n\r\n")
s.sendall(b'{"inputs": [[0.5, 0.2')
s.settimeout(3)
try:
    s.recv(1)
except OSError:
    pass
s.close()
print("slow-done")
EOF
}
worker seed post /train-step "$OUT/seed.json"
worker seed2 post /train-step "$OUT/seed.json"
worker mnist post '/train-step?include=summary' "$OUT/mnist.json"
worker stream stream
worker vanishing vanishing
worker bad bad
worker gets get '/datasets/spiral?points=200&seed=3'
worker gets2 get '/exercises/random?level=2'
worker slow slow

: >"$OUT/samples.tsv"
failed=0
echo "== soak: $DURATION of mixed load on $BASE (pid $SERVER, heap $HEAP), a sample every $SAMPLE s"
printf 'seconds\theap_after_gc_mb\tthreads\n'
start=$(date +%s)
while [ "$(date +%s)" -lt "$END" ]; do
  sleep "$SAMPLE"
  if ! curl -fs --max-time 10 "$BASE/actuator/health" >/dev/null; then
    echo "soak: the service did not answer its health check at $(( $(date +%s) - start )) s" >&2
    failed=1
    for w in "${WORKERS[@]}"; do kill "$w" 2>/dev/null || true; done
    break
  fi
  jcmd "$SERVER" GC.run >/dev/null
  used_kb=$(jcmd "$SERVER" GC.heap_info | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+')
  threads=$(awk '/^Threads:/ {print $2}' "/proc/$SERVER/status")
  printf '%d\t%d\t%d\n' $(( $(date +%s) - start )) $(( used_kb / 1024 )) "$threads" | tee -a "$OUT/samples.tsv"
done
for w in "${WORKERS[@]}"; do wait "$w" 2>/dev/null || true; done
WORKERS=()

echo "== answers (outcome, count)"
for f in "$OUT"/codes/*; do
  sort "$f" | uniq -c | awk -v n="$(basename "$f")" '{printf "%-10s %-16s %d\n", n, $2 ($3 ? " " $3 : ""), $1}'
done | tee "$OUT/codes.tsv"
# what must not be seen: a 5xx anywhere; a refused or timed-out connection (000) from a client that waits
# for its answer; a bad request not refused with a 4xx; a stream without its result event
problems=$(cat "$OUT"/codes/* | grep -vE '^(slow-done|stream-ok|vanished)$' | awk '
  /^stream-broken/ { print; next }
  /^bad / { if ($2 !~ /^4/) print; next }
  /^(5..|000)$/ { print; next }' | sort | uniq -c || true)
if [ -n "$problems" ]; then
  echo "soak: answers that must not be:" >&2
  echo "$problems" >&2
  failed=1
fi
if grep -qE ' ERROR |OutOfMemoryError' "$OUT/server.log"; then
  echo "soak: the server logged errors:" >&2
  grep -E ' ERROR |OutOfMemoryError' "$OUT/server.log" | head -5 >&2
  failed=1
fi

# growth: the last third's lowest sample against the first third's highest (the first sample is warm-up)
python3 - "$OUT/samples.tsv" "$HEAP_SLACK_MB" "$THREAD_SLACK" <<'EOF' || failed=1
import sys
rows = [list(map(int, line.split("\t"))) for line in open(sys.argv[1]) if line.strip()][1:]
heap_slack, thread_slack = int(sys.argv[2]), int(sys.argv[3])
if len(rows) < 3:
    sys.exit(f"soak: only {len(rows)} samples after the first: run longer")
third = max(1, len(rows) // 3)
first, last = rows[:third], rows[-third:]
ok = True
for column, name, slack in ((1, "heap after GC (MB)", heap_slack), (2, "threads", thread_slack)):
    early, late = max(r[column] for r in first), min(r[column] for r in last)
    verdict = "keeps growing" if late > early + slack else "steady"
    print(f"== {name}: first third at most {early}, last third at least {late}: {verdict}")
    ok &= late <= early + slack
sys.exit(0 if ok else 1)
EOF
total=$(cat "$OUT"/codes/* | wc -l)
echo "== $total requests in $DURATION"
if [ "$failed" != 0 ]; then
  echo "== soak FAILED; see $OUT/" >&2
  exit 1
fi
echo "== soak passed"
