#!/usr/bin/env python3
"""The matrix products of one 784 -> 256 -> 10, batch 64 training step, timed with numpy.

The yardstick for the engine's step (EngineStepBenchmark.step, MNIST): the same products, in
float64, on the BLAS numpy was built with. Prints the median of many runs, in milliseconds.

    python3 bench/numpy_products.py                          # numpy's default threads
    OPENBLAS_NUM_THREADS=1 python3 bench/numpy_products.py   # one core, as the Java BLAS
"""
import os
import time

import numpy as np


def median_ms(fn, repeat=200, warmup=20):
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    times.sort()
    return 1000.0 * times[len(times) // 2]


def main():
    rng = np.random.default_rng(42)
    batch, n_in, n_hidden, n_out = 64, 784, 256, 10
    x = rng.random((batch, n_in))
    w1 = rng.uniform(-1, 1, (n_in, n_hidden)) / np.sqrt(n_in)
    w2 = rng.uniform(-1, 1, (n_hidden, n_out)) / np.sqrt(n_hidden)
    h = rng.random((batch, n_hidden))
    dz1 = rng.standard_normal((batch, n_hidden))
    dz2 = rng.standard_normal((batch, n_out))

    def first_layer():
        # the three 64 x 784 x 256 products: forward, dL/dW, dL/dInput
        x @ w1
        x.T @ dz1
        dz1 @ w1.T

    def step():
        # forward, backward (dW and dInput of each layer), forward again with the new weights
        x @ w1
        h @ w2
        h.T @ dz2
        dz2 @ w2.T
        x.T @ dz1
        dz1 @ w1.T
        x @ w1
        h @ w2

    print(f"numpy {np.__version__}, OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS', '(default)')}, "
          f"{os.cpu_count()} CPUs")
    print(f"three 64x784x256 products (first layer): {median_ms(first_layer):.3f} ms")
    print(f"all eight products of a 784-256-10 x 64 step: {median_ms(step):.3f} ms")


if __name__ == "__main__":
    main()
