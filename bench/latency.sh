#!/usr/bin/env bash
# Latency that holds under load (issue 18 point 4), wrk against the running jar, in one run:
#  1. the seed's /train-step and GET /actuator/health at 16 connections, as fast as they go, two
#     alternated pairs: the seed's throughput against health's (target at least 90 %);
#  2. both paced at half the seed's measured maximum rate (16 connections, each waiting
#     16 / rate seconds after each answer: bench/wrk.lua's DELAY_MS): the seed's p99 against
#     health's p99 at the same rate (target at most 1.5 x), and errors (target 0).
# wrk shares the two cores with the server (bench/floor.sh shows what that costs). Latencies are from
# each request's sending (a paced closed loop: a late answer delays the next request, so this
# understates queueing; with answers far quicker than the pace it is close to a constant rate).
#
#   bench/latency.sh [--short] [BASE_URL]
#
# Without BASE_URL it starts the packaged jar (run ./mvnw package first) through .ci/with-jar.
# Before measuring, both are run alternately WARMUP_ROUNDS times (default 3) for 10 s each: on two
# cores the JIT compilers keep compiling the request path for about a minute, and a JVM measured
# before that gives seed / health anywhere from 0.5 to 1.1 (BENCHMARKS.md, "Issue 18 on the AMD EPYC
# machine"); the target is about the steady state.
# --short: 1 s per run, one pair (CI's smoke run, about 10 s). Environment: DURATION (10s),
# WARMUP_ROUNDS (3).
set -euo pipefail
cd "$(dirname "$0")/.."
short=0
base=""
for arg in "$@"; do
  case "$arg" in
    --short) short=1 ;;
    http://*|https://*) base="$arg" ;;
    *) echo "unknown option $arg" >&2; exit 2 ;;
  esac
done
if [ -z "$base" ]; then
  exec .ci/with-jar "$0" "$@"
fi
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
if [ "$short" = 1 ]; then duration=1s; warmup=1s; rounds=1; pairs=1; else duration="${DURATION:-10s}"; warmup=10s; rounds="${WARMUP_ROUNDS:-3}"; pairs=2; fi
seed=$(mktemp)
trap 'rm -f "$seed"' EXIT
printf '%s' '{"inputs":[[0.5,0.2,0.8]],"weights":[[0.1],[-0.3],[0.5]],"bias":[[0.1]],"label":[[0.7]],"learningRate":0.1}' >"$seed"

# run DURATION URL [BODY] [DELAY_MS]: prints wrk.lua's RESULT fields (without the word RESULT)
run() {
  local line
  line=$(BODY="${3:-}" DELAY_MS="${4:-}" wrk -t2 -c16 -d"$1" --timeout 10s --latency -s bench/wrk.lua "$2" | grep '^RESULT') \
    || { echo "wrk gave no result for $2" >&2; exit 1; }
  echo "${line#RESULT }"
}
field() { sed -E "s/.*$1=([0-9.]+).*/\1/" <<<"$2"; }
errors() { echo $(( $(field socket_errors "$1") + $(field non_2xx "$1") )); }

echo "== $base, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for _ in $(seq 1 "$rounds"); do
  run "$warmup" "$base/actuator/health" >/dev/null
  run "$warmup" "$base/train-step" "$seed" >/dev/null
done
best=0
for _ in $(seq 1 "$pairs"); do
  health=$(run "$duration" "$base/actuator/health")
  seedline=$(run "$duration" "$base/train-step" "$seed")
  printf 'max  health c=16 %s\nmax  seed   c=16 %s\n' "$health" "$seedline"
  ratio=$(awk -v s="$(field rps "$seedline")" -v h="$(field rps "$health")" 'BEGIN { printf "%.2f", s / h }')
  met=$(awk -v r="$ratio" 'BEGIN { print (r >= 0.9 ? "met" : "NOT met") }')
  echo "throughput: seed / health = $ratio ($met: at least 0.90)"
  best=$(awk -v b="$best" -v s="$(field rps "$seedline")" 'BEGIN { print (s > b ? s : b) }')
  (( $(errors "$health") == 0 && $(errors "$seedline") == 0 )) || { echo "errors at full speed" >&2; exit 1; }
done
rate=$(awk -v b="$best" 'BEGIN { printf "%d", b / 2 }')
delay=$(awk -v r="$rate" 'BEGIN { printf "%d", 16000 / r }')
echo "== paced at half the seed's maximum: $rate requests/s (16 connections, $delay ms after each answer)"
health=$(run "$duration" "$base/actuator/health" "" "$delay")
seedline=$(run "$duration" "$base/train-step" "$seed" "$delay")
printf 'paced health c=16 %s\npaced seed   c=16 %s\n' "$health" "$seedline"
ratio=$(awk -v s="$(field p99_ms "$seedline")" -v h="$(field p99_ms "$health")" 'BEGIN { printf "%.2f", s / h }')
met=$(awk -v r="$ratio" 'BEGIN { print (r <= 1.5 ? "met" : "NOT met") }')
echo "p99 at the same rate: seed / health = $ratio ($met: at most 1.5); errors: seed $(errors "$seedline"), health $(errors "$health")"
echo "== load average $(cut -d' ' -f1-3 /proc/loadavg)"
(( $(errors "$health") == 0 && $(errors "$seedline") == 0 )) || { echo "errors at half the maximum rate" >&2; exit 1; }
