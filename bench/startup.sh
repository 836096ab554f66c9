#!/usr/bin/env bash
# Time to ready: the Docker image (Java 25, Spring AOT and its AOT cache) against `java -jar` on this
# machine's JDK 17 with no archive of the application (the JDK's own default CDS archive stays on, as in
# every `java -jar`), in the same run, alternating, REPEAT times each (default 3). See BENCHMARKS.md,
# "Time to ready" and "Issue 18, third pass: start".
#
#   bench/startup.sh          PORT (default 18311), REPEAT; as root (podman)
#   bench/startup.sh --short  the host jar once, no image, no podman (CI's smoke run: the script works)
#
# Each variant is timed from the launch (`podman run` / `java`) to the first 200 with status UP from
# /actuator/health/readiness; the line also gives the CPU time the JVM used until then (read just after;
# the container's through podman exec, a little later), Boot's own "Started ... in" figure, the
# resident memory and how long the first seed /train-step after ready took.
# Also the same image without its AOT cache (the ENTRYPOINT's java without -XX:AOTCache), to show what the
# cache itself gives. Builds the image with .ci/build-image unless backprop-lab:latest exists (it is kept).
# IMAGE=... times another image; COMPARE_IMAGE=... adds that image's row to every round (e.g. the image
# of the commit before a change, tagged: before and after in one run). MANAGEMENT_ROW=1 adds the image
# with the actuator on a port of its own, as Kubernetes runs it (the classic start, without Spring AOT),
# and the same for COMPARE_IMAGE.
set -euo pipefail
cd "$(dirname "$0")/.."
SHORT=0
for arg in "$@"; do
  case "$arg" in
    --short) SHORT=1 ;;
    *) echo "unknown option $arg" >&2; exit 2 ;;
  esac
done

PORT="${PORT:-18311}"
REPEAT="${REPEAT:-3}"
OUT=target/bench
IMAGE=${IMAGE:-backprop-lab:latest}
COMPARE_IMAGE=${COMPARE_IMAGE:-}
NAME=backprop-bench-startup
JAVA17=${JAVA17:-java}
mkdir -p "$OUT"
"$JAVA17" -version 2>&1 | grep -q 'version "17' || { echo "$JAVA17 is not a JDK 17" >&2; exit 1; }
if [ "$SHORT" = 0 ]; then
  . .ci/podman-env "$OUT/podman"
  if ! podman image exists "$IMAGE"; then
    .ci/build-image "$OUT/podman"
  fi
fi
[ -n "$(ls target/backprop-lab-*.jar 2>/dev/null)" ] || ./mvnw -B -q -DskipTests package
cp "$(ls target/backprop-lab-*.jar | head -1)" "$OUT/backprop-lab.jar"

SERVER=
cleanup() {
  [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null
  [ "$SHORT" = 1 ] || podman rm -f -i "$NAME" >/dev/null 2>&1
  true
}
trap cleanup EXIT

# until_ready START_NS: waits for readiness on PORT, prints milliseconds since START_NS
until_ready() {
  local start=$1 check=$2
  for _ in $(seq 1 2400); do
    if curl -fs --max-time 2 "http://127.0.0.1:$PORT/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; then
      echo $(( ($(date +%s%N) - start) / 1000000 ))
      return
    fi
    $check || { echo "the service stopped" >&2; exit 1; }
    sleep 0.05
  done
  echo "not ready within 120 s" >&2
  exit 1
}

# first_request: milliseconds of the first seed /train-step after ready (the probe's own requests came before)
first_request() {
  curl -s -o /dev/null -w '%{time_total}' -H 'Content-Type: application/json' \
    -d '{"inputs": [[0.5, 0.2, 0.8]], "weights": [[0.1], [-0.3], [0.5]], "bias": [[0.1]], "label": [[0.7]], "learningRate": 0.1}' \
    "http://127.0.0.1:$PORT/train-step" | awk '{ printf "%d", $1 * 1000 }'
}

# cpu_seconds < /proc/PID/stat: the CPU time (user + system, every thread) the process has used. On two
# shared cores the wall time swings with the other work; the CPU time a start needs hardly does.
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }'; }

host_jar() {
  local start ms rss
  start=$(date +%s%N)
  "$JAVA17" -jar "$OUT/backprop-lab.jar" --server.port="$PORT" >"$OUT/startup-jar.log" 2>&1 &
  SERVER=$!
  ms=$(until_ready "$start" "kill -0 $SERVER")
  CPU=$(cpu_seconds <"/proc/$SERVER/stat")
  rss=$(ps -o rss= -p "$SERVER" | tr -d ' ')
  first=$(first_request)
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=
  LAST_MS=$ms
  printf '%-40s %6d ms to ready, CPU %4s s, RSS %3d MiB, first /train-step %4d ms, %s\n' "host JDK 17, java -jar, no archive #$1" "$ms" "$CPU" $((rss / 1024)) "$first" \
    "$(grep -o 'Started [A-Za-z]* in [0-9.]* seconds' "$OUT/startup-jar.log")"
}

container() { # container LABEL ROUND [podman run options...]
  local label=$1 round=$2 start ms rss
  shift 2
  start=$(date +%s%N)
  podman run -d --name "$NAME" --memory 768m -p "127.0.0.1:$PORT:8080" "$@" >/dev/null 2>>"$OUT/startup-podman.log"
  ms=$(until_ready "$start" "podman container exists $NAME")
  CPU=$(podman exec "$NAME" cat /proc/1/stat | cpu_seconds)
  rss=$(podman exec "$NAME" sh -c 'grep VmRSS /proc/1/status' | awk '{print $2}')
  first=$(first_request)
  podman logs "$NAME" >"$OUT/startup-container.log" 2>&1
  podman rm -f -t 10 "$NAME" >/dev/null 2>>"$OUT/startup-podman.log"
  LAST_MS=$ms
  printf '%-40s %6d ms to ready, CPU %4s s, RSS %3d MiB, first /train-step %4d ms, %s\n' "$label #$round" "$ms" "$CPU" $((rss / 1024)) "$first" \
    "$(grep -o 'Started [A-Za-z]* in [0-9.]* seconds' "$OUT/startup-container.log")"
}

if [ "$SHORT" = 1 ]; then
  echo "== short: $("$JAVA17" -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
  host_jar 1
  exit 0
fi
echo "== $(podman image inspect --format '{{.Id}}' "$IMAGE" | cut -c1-12) ($IMAGE), $("$JAVA17" -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq 1 "$REPEAT"); do
  host_jar "$i"
  jar_ms=$LAST_MS
  container "container, Java 25 + AOT cache" "$i" "$IMAGE"
  awk -v c="$LAST_MS" -v j="$jar_ms" 'BEGIN { r = 100 * c / j; printf "round %d: container with AOT cache / java -jar = %.0f %% (%s: at most 40 %%)\n", '"$i"', r, (r <= 40 ? "met" : "NOT met") }'
  container "container, Java 25, no AOT cache or Spring AOT" "$i" --entrypoint java "$IMAGE" -jar app.jar
  if [ -n "$COMPARE_IMAGE" ]; then
    container "container $COMPARE_IMAGE" "$i" "$COMPARE_IMAGE"
    awk -v c="$LAST_MS" -v j="$jar_ms" 'BEGIN { printf "round %d: %s / java -jar = %.0f %%\n", '"$i"', "'"$COMPARE_IMAGE"'", 100 * c / j }'
  fi
  if [ "${MANAGEMENT_ROW:-0}" = 1 ]; then # the actuator (published port) on 8080, the application on 8081
    for image in "$IMAGE" ${COMPARE_IMAGE:+"$COMPARE_IMAGE"}; do
      container "$image, management port" "$i" -e PORT=8081 -e MANAGEMENT_SERVER_PORT=8080 "$image"
    done
  fi
done
echo "== load $(cut -d' ' -f1-3 /proc/loadavg)"
