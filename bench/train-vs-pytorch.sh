#!/usr/bin/env bash
# One /train of 1,000 Adam steps of 784 -> 256 -> 10 on 64 examples against the same training in
# PyTorch float64 on the CPU, in one run; prints both times, the ratio and the final losses
# (bench/train_vs_pytorch.py says what exactly is timed). BENCHMARKS.md, issue 18 point 1.
#
#   bench/train-vs-pytorch.sh [--short] [BASE_URL]
#
# Without BASE_URL it starts the packaged jar (target/backprop-lab-*.jar: run ./mvnw package first)
# through .ci/with-jar and stops it afterwards. --short: 10 steps, one round (CI's smoke run, seconds).
# Environment: STEPS (1000), ROUNDS (3), WARMUP_SECONDS (40). Installs PyTorch's CPU wheel if it is missing
# (pip --no-index: the machine's wheel directory). A few minutes; under a minute with --short.
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
python3 -c 'import torch' 2>/dev/null || python3 -m pip install -q --no-deps --no-index torch
if [ -z "$base" ]; then
  exec .ci/with-jar python3 bench/train_vs_pytorch.py "${args[@]}"
fi
exec python3 bench/train_vs_pytorch.py "${args[@]}" "$base"
