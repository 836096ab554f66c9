#!/usr/bin/env bash
# The full /train-step answer of 784 -> 256 -> 10 x 64 over HTTP (plain and gzipped) against one step
# of /train, in one run; prints the ratio (bench/big_answer.py says what is timed). BENCHMARKS.md,
# issue 18 point 2.
#
#   bench/big-answer.sh [--short] [BASE_URL]
#
# Without BASE_URL it starts the packaged jar (run ./mvnw package first) through .ci/with-jar.
# Environment: STEPS (200), REQUESTS (7). About a minute; seconds with --short.
set -euo pipefail
cd "$(dirname "$0")/.."
args=()
base=""
for arg in "$@"; do
  case "$arg" in
    --short) args+=(--short) ;;
    http://*|https://*) base="$arg" ;;
    *) echo "unknown option $arg" >&2; exit 2 ;;
  esac
done
if [ -z "$base" ]; then
  exec .ci/with-jar python3 bench/big_answer.py "${args[@]}"
fi
exec python3 bench/big_answer.py "${args[@]}" "$base"
