#!/usr/bin/env bash
# The engine's 784-256-10 x 64 step (JMH) next to numpy doing the same matrix products, in one
# window, so that the machine's load is about the same for both: numpy, JMH, numpy again.
set -euo pipefail
cd "$(dirname "$0")/.."
numpy() {
  python3 bench/numpy_products.py
  OPENBLAS_NUM_THREADS=1 python3 bench/numpy_products.py
}
mkdir -p target/bench
numpy
./mvnw -B -q -P jmh test -Djmh.args="EngineStepBenchmark -p network=MNIST -p products=blas -rf json \
  -rff target/bench/engine-mnist.json" | grep -E '^(Benchmark|EngineStep)'
mkdir -p target/bench
numpy
