#!/usr/bin/env bash
# The AOT cache's training run (Dockerfile): starts the service with -XX:AOTCacheOutput, sends it the
# requests a first user sends (readiness, the seed /train-step as JSON and CBOR, a /train, a streamed /train, /predict,
# the examples, a data set, the page, the OpenAPI document, problem+json errors, metrics), then ends
# it with SIGTERM. At exit the JVM writes the cache: every class those requests loaded and linked and
# the methods they profiled, so the service's first readiness probe and first requests find them.
# JRE images ship no curl: the requests go through bash's /dev/tcp, as the HEALTHCHECK's do. The
# service takes a free port of its own (server.port=0, read from its log): an image build may share
# the host's network, where 8080 can be another program's.
#   aot-training CACHE_FILE JAVA_ARGUMENTS...     e.g. aot-training app.aot -Dspring.aot.enabled=true -jar app.jar
set -euo pipefail
cache=${1:?usage: aot-training CACHE_FILE JAVA_ARGUMENTS...}
shift
log=$(mktemp /tmp/aot-training.XXXXXX)

java -XX:AOTCacheOutput="$cache" "$@" --server.port=0 >"$log" 2>&1 &
pid=$!
stop() { kill "$pid" 2>/dev/null || true; tail -n 40 "$log" >&2; exit 1; }

port=
for _ in $(seq 1 600); do
  port=$(grep -o 'Tomcat started on port [0-9]*' "$log" | grep -o '[0-9]*$' | head -1) || true
  [ -n "$port" ] && break
  kill -0 "$pid" 2>/dev/null || { echo "aot-training: the service stopped while starting" >&2; stop; }
  sleep 0.2
done
[ -n "$port" ] || { echo "aot-training: no port in the log within 120 s" >&2; stop; }

# request METHOD PATH [BODY]: prints the status line's code; the answer is read to its end. BODY_FILE
# (instead of BODY) sends that file's bytes with CONTENT_TYPE (a CBOR body).
request() {
  local method=$1 path=$2 body=${3:-} response
  exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
  if [ -n "${BODY_FILE:-}" ]; then
    printf '%s %s HTTP/1.0\r\nHost: localhost\r\nAccept: %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n' \
      "$method" "$path" "${ACCEPT:-application/json}" "$CONTENT_TYPE" "$(wc -c <"$BODY_FILE")" >&3
    cat "$BODY_FILE" >&3
  elif [ -n "$body" ]; then
    printf '%s %s HTTP/1.0\r\nHost: localhost\r\nAccept: %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s' \
      "$method" "$path" "${ACCEPT:-application/json}" "${#body}" "$body" >&3
  else
    printf '%s %s HTTP/1.0\r\nHost: localhost\r\nAccept: %s\r\n\r\n' "$method" "$path" "${ACCEPT:-application/json}" >&3
  fi
  response=$(timeout 60 cat <&3 | tr -d '\0') # a CBOR answer has zero bytes
  exec 3<&-
  local status=${response#HTTP/1.1 }
  echo "${status%% *}"
}

# expect STATUS METHOD PATH [BODY]
expect() {
  local want=$1 got
  shift
  got=$(request "$@") || got=none
  if [ "$got" != "$want" ]; then
    echo "aot-training: $1 $2 answered $got, expected $want" >&2
    stop
  fi
}

status=
for _ in $(seq 1 300); do
  status=$(request GET /actuator/health/readiness 2>/dev/null) || status=
  [ "$status" = 200 ] && break
  kill -0 "$pid" 2>/dev/null || { echo "aot-training: the service stopped before it was ready" >&2; stop; }
  sleep 0.2
done
[ "$status" = 200 ] || { echo "aot-training: not ready within 60 s of its start" >&2; stop; }

seed='{"inputs": [[0.5, 0.2, 0.8]], "weights": [[0.1], [-0.3], [0.5]], "bias": [[0.1]], "label": [[0.7]], "learningRate": 0.1}'
xor='{"inputs": [[0, 0], [0, 1], [1, 0], [1, 1]], "layers": [
  {"weights": [[0.5, -0.4, 0.3, 0.7], [-0.6, 0.45, 0.8, -0.2]], "bias": [0.1, -0.1, 0.05, 0.2], "activation": "tanh"},
  {"weights": [[0.6], [-0.5], [0.4], [-0.7]], "bias": [0.05], "activation": "sigmoid"}],
  "label": [[0], [1], [1], [0]], "learningRate": 0.5'
# the seed as CBOR (RFC 8949): a map of five fields, every number a float64
seed_cbor=$(mktemp /tmp/aot-training-seed.XXXXXX)
printf '\xa5\x66\x69\x6e\x70\x75\x74\x73\x81\x83\xfb\x3f\xe0\x00\x00\x00\x00\x00\x00\xfb\x3f\xc9\x99\x99\x99\x99\x99\x9a\xfb\x3f\xe9\x99\x99\x99\x99\x99\x9a\x67\x77\x65\x69\x67\x68\x74\x73\x83\x81\xfb\x3f\xb9\x99\x99\x99\x99\x99\x9a\x81\xfb\xbf\xd3\x33\x33\x33\x33\x33\x33\x81\xfb\x3f\xe0\x00\x00\x00\x00\x00\x00\x64\x62\x69\x61\x73\x81\x81\xfb\x3f\xb9\x99\x99\x99\x99\x99\x9a\x65\x6c\x61\x62\x65\x6c\x81\x81\xfb\x3f\xe6\x66\x66\x66\x66\x66\x66\x6c\x6c\x65\x61\x72\x6e\x69\x6e\x67\x52\x61\x74\x65\xfb\x3f\xb9\x99\x99\x99\x99\x99\x9a' >"$seed_cbor"
for _ in 1 2 3; do
  expect 200 GET /actuator/health/readiness
  expect 200 GET /actuator/health/liveness
  expect 200 POST /train-step "$seed"
  expect 200 POST /train "$xor, \"steps\": 200}"
  expect 200 POST /train "$xor, \"steps\": 20, \"optimizer\": {\"type\": \"adam\"}, \"grid\": {\"x\": {\"min\": -0.5, \"max\": 1.5, \"points\": 50}, \"y\": {\"min\": -0.5, \"max\": 1.5, \"points\": 50}, \"neurons\": true}}"
  expect 200 POST /predict '{"inputs": [[0.5, 0.2, 0.8]], "layers": [{"weights": [[0.1], [-0.3], [0.5]], "bias": [0.1], "activation": "sigmoid"}], "label": [[0.7]]}'
  expect 400 POST /train-step '{"inputs": [[0.5, 0.2, 0.8]], "weights": [[0.1], [-0.3]], "bias": [[0.1]], "label": [[0.7]], "learningRate": 0.1}'
  expect 400 POST /train-step '{"inputs": [[0.5]], "weigths": [[0.1]], "bias": [[0.1]], "label": [[0.7]], "learningRate": 0.1}'
  expect 200 GET /examples
  expect 200 GET /examples/xor
  expect 200 GET '/datasets/circle?points=200&seed=1'
  expect 200 GET '/initial-layers?sizes=2,8,8,1&activations=tanh,tanh,sigmoid&init=xavier&seed=1'
  ACCEPT='text/html' expect 200 GET /
  ACCEPT='text/event-stream' expect 200 POST /train "$xor, \"steps\": 50}"
  expect 200 GET /v3/api-docs
  ACCEPT='text/plain' expect 200 GET /actuator/prometheus
  ACCEPT='application/cbor' expect 200 POST /train-step "$seed"
  BODY_FILE="$seed_cbor" CONTENT_TYPE='application/cbor' ACCEPT='application/cbor' expect 200 POST /train-step
done

kill -TERM "$pid"
wait "$pid" || true # 143: ended by SIGTERM, as intended; the cache is written on the way out
grep -E 'Starting|Started|AOTCache creation' "$log" || true
[ -s "$cache" ] || { echo "aot-training: the JVM wrote no $cache" >&2; tail -n 40 "$log" >&2; exit 1; }
rm -f "$log" "$seed_cbor"
