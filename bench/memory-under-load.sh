#!/usr/bin/env bash
# Many large requests at once in a small heap: the jar with the compose container's heap (HEAP,
# default 576m = 75 % of 768 MB) and -XX:+ExitOnOutOfMemoryError as in the image, 64 connections of
# the 784-256-10 x 64 body asking for the full answer, for DURATION (default 25s). Passes when the
# service is still up afterwards and answered without errors. See BENCHMARKS.md, "Memory under load".
#
#   bench/memory-under-load.sh      PORT (default 18313), HEAP, DURATION, CONNECTIONS (default 64)
#
# Against the Docker image instead (Java 25, the image's JVM flags, the compose file's 768 MB limit, so the
# heap is the same 576 MB): IMAGE=backprop-lab:latest bench/memory-under-load.sh (as root; build the image
# with .ci/build-image). PODMAN_ARGS adds `podman run` options, e.g. PODMAN_ARGS="-e JDK_JAVA_OPTIONS=..."
# to try other JVM flags (that replaces the image's whole list). It also fails if the kernel killed the
# container for memory, and prints the container's peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-18313}"
HEAP="${HEAP:-576m}"
DURATION="${DURATION:-25s}"
CONNECTIONS="${CONNECTIONS:-64}"
OUT=target/bench
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
if [ ! -f "$OUT/mnist.json" ] || [ ! -f "$OUT/backprop-lab.jar" ]; then
  [ -n "$(ls target/backprop-lab-*.jar 2>/dev/null)" ] || ./mvnw -B -q -DskipTests package
  mkdir -p "$OUT" && cp "$(ls target/backprop-lab-*.jar | grep -v plain | head -1)" "$OUT/backprop-lab.jar"
  java -Djarmode=tools -jar "$OUT/backprop-lab.jar" extract --destination "$OUT/app" >/dev/null
  java -cp "target/test-classes:target/classes:$OUT/app/lib/*" lab.backprop.bench.BenchmarkCase "$OUT"
fi
NAME=backprop-bench-memory
if [ -n "${IMAGE:-}" ]; then
  . .ci/podman-env "$OUT/podman"
  podman rm -f -i "$NAME" >/dev/null 2>&1
  # shellcheck disable=SC2086
  podman run -d --name "$NAME" --memory 768m -p "127.0.0.1:$PORT:8080" ${PODMAN_ARGS:-} "$IMAGE" >/dev/null 2>"$OUT/podman.log"
  trap 'podman logs "$NAME" >"$OUT/memory-server.log" 2>&1; podman rm -f -i "$NAME" >/dev/null 2>&1' EXIT
  alive() { [ "$(podman inspect --format '{{.State.Running}}' "$NAME" 2>/dev/null)" = true ]; }
  HEAP="75 % of 768 MB"
else
  OPENBLAS_NUM_THREADS="${OPENBLAS_NUM_THREADS:-1}" java --add-modules=jdk.incubator.vector -Xmx"$HEAP" -XX:+ExitOnOutOfMemoryError \
    -jar "$OUT/backprop-lab.jar" --server.port="$PORT" >"$OUT/memory-server.log" 2>&1 &
  SERVER=$!
  trap 'kill -9 "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true' EXIT
  alive() { kill -0 "$SERVER" 2>/dev/null; }
fi
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
  alive || { echo "the service stopped; see $OUT/memory-server.log" >&2; exit 1; }
  sleep 0.5
done
[ -n "${IMAGE:-}" ] && podman logs "$NAME" >"$OUT/memory-server.log" 2>&1
echo "== heap $HEAP, $CONNECTIONS connections, full answers, $DURATION${IMAGE:+, image $IMAGE ${PODMAN_ARGS:-}}"
result=$(BODY="$OUT/mnist.json" wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 60s -s bench/wrk.lua \
  "http://127.0.0.1:$PORT/train-step" | grep '^RESULT')
echo "$result"
# "answered without errors": every answer a 2xx, no socket error (refused, reset, timed out)
non_2xx=$(grep -oE 'non_2xx=[0-9]+' <<<"$result" | cut -d= -f2)
socket_errors=$(grep -oE 'socket_errors=[0-9]+' <<<"$result" | cut -d= -f2)
requests=$(grep -oE 'requests=[0-9]+' <<<"$result" | cut -d= -f2)
if [ "${requests:-0}" -eq 0 ] || [ "${non_2xx:-1}" -ne 0 ] || [ "${socket_errors:-1}" -ne 0 ]; then
  echo "== FAILED: $requests requests, $non_2xx answers not 2xx, $socket_errors socket errors" >&2
  exit 1
fi
sleep 2
if [ -n "${IMAGE:-}" ]; then
  podman logs "$NAME" >"$OUT/memory-server.log" 2>&1
  peak=$(podman exec "$NAME" sh -c 'cat /sys/fs/cgroup/memory.peak 2>/dev/null || cat /sys/fs/cgroup/memory/memory.max_usage_in_bytes' 2>/dev/null || echo 0)
  echo "== container: OOM-killed $(podman inspect --format '{{.State.OOMKilled}}' "$NAME"), restarts $(podman inspect --format '{{.RestartCount}}' "$NAME"), peak memory $((peak / 1048576)) MiB of 768"
  [ "$(podman inspect --format '{{.State.OOMKilled}}' "$NAME")" = false ] || { echo "== the kernel killed the container for memory" >&2; exit 1; }
fi
if alive && curl -fs --max-time 10 "http://127.0.0.1:$PORT/actuator/health" >/dev/null; then
  echo "== the service is up; $(grep -o 'Requests in flight may hold.*' "$OUT/memory-server.log")"
else
  echo "== the service is DOWN:" >&2
  grep -E 'OutOfMemory|GCLocker' "$OUT/memory-server.log" >&2 || true
  exit 1
fi
