#!/usr/bin/env bash
# Time from `java -jar` to a healthy /actuator/health, with and without a class-data-sharing (CDS)
# archive: see BENCHMARKS.md. Uses the jar that bench/load.sh built and extracted (target/bench),
# or builds it. Starts each variant REPEAT times (default 3) on PORT (default 18311) and stops it.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${PORT:-18311}"
REPEAT="${REPEAT:-3}"
OUT=target/bench
FLAGS=(--add-modules=jdk.incubator.vector)
if [ ! -f "$OUT/app/backprop-lab.jar" ]; then
  [ -n "$(ls target/backprop-lab-*.jar 2>/dev/null)" ] || ./mvnw -B -q -DskipTests package
  mkdir -p "$OUT" && rm -rf "$OUT/app" && cp target/backprop-lab-*.jar "$OUT/backprop-lab.jar"
  java -Djarmode=tools -jar "$OUT/backprop-lab.jar" extract --destination "$OUT/app" >/dev/null
fi

SERVER=
trap '[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; wait 2>/dev/null || true' EXIT

# time_to_healthy LABEL JAVA_ARGS...: prints milliseconds from launch to the first 200 of /actuator/health
time_to_healthy() {
  local label=$1; shift
  local start end rss
  start=$(date +%s%N)
  java "$@" --server.port="$PORT" >"$OUT/startup-server.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 1200); do
    if curl -fs -o /dev/null "http://127.0.0.1:$PORT/actuator/health"; then break; fi
    kill -0 "$SERVER" 2>/dev/null || { echo "$label: the jar stopped, see $OUT/startup-server.log" >&2; exit 1; }
    sleep 0.05
  done
  end=$(date +%s%N)
  rss=$(ps -o rss= -p "$SERVER" | tr -d ' ')
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=
  echo "$label: $(( (end - start) / 1000000 )) ms to healthy, RSS $(( rss / 1024 )) MiB"
}

echo "== CDS training run (the application starts, refreshes its context and exits)"
rm -f "$OUT/app/backprop-lab.jsa"
java "${FLAGS[@]}" -XX:ArchiveClassesAtExit="$OUT/app/backprop-lab.jsa" -Dspring.context.exit=onRefresh \
  -jar "$OUT/app/backprop-lab.jar" >"$OUT/cds-training.log" 2>&1
ls -l "$OUT/app/backprop-lab.jsa" | awk '{printf "archive: %.1f MiB\n", $5 / 1048576}'

for i in $(seq 1 "$REPEAT"); do
  time_to_healthy "fat jar (java -jar)          #$i" "${FLAGS[@]}" -jar "$OUT/backprop-lab.jar"
  time_to_healthy "extracted, no CDS            #$i" "${FLAGS[@]}" -jar "$OUT/app/backprop-lab.jar"
  time_to_healthy "extracted, CDS archive       #$i" "${FLAGS[@]}" -XX:SharedArchiveFile="$OUT/app/backprop-lab.jsa" \
    -Xlog:cds=off -Xlog:class+path=off -jar "$OUT/app/backprop-lab.jar"
done
