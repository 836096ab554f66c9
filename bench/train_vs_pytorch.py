"""One /train request against the same training in PyTorch (float64, CPU), in one run (BENCHMARKS.md).

    python3 bench/train_vs_pytorch.py [--short] BASE_URL

The body: bench_common.mnist_body (784 -> 256 -> 10, 64 examples), Adam, learning rate 0.001, 1,000
steps (--short: 10 steps, one round, for CI). After WARMUP_SECONDS (default 40) of the same request,
so that the service is timed in its steady state, each round times one /train request from the first
byte sent to the last byte of the answer read (parsing the 5 MB body, the steps, writing the answer)
and then bench/pytorch_train.py's training loop (forward, backward, optimizer step; its own process)
on one thread and on two (TORCH_THREADS, default "1 2"): on a busy two-core machine PyTorch's two
threads can be ten times slower than one, so the ratio is taken against the quicker. Prints the
times, the ratio (target: /train at most 1.0 x PyTorch) and the
final losses' relative difference; exits 1 when that is over 1e-9 or anything fails.
"""
import json
import os
import subprocess
import sys
import tempfile
import time

import bench_common

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    base = bench_common.base_url(sys.argv[1:])
    short = "--short" in sys.argv[1:]
    steps = 10 if short else int(os.environ.get("STEPS", "1000"))
    rounds = 1 if short else int(os.environ.get("ROUNDS", "3"))
    learning_rate = 0.001
    body = bench_common.mnist_body(steps=steps, learning_rate=learning_rate)
    data = json.dumps(body).encode()
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as file:
        file.write(data.decode())
        body_file = file.name
    try:
        # The service is timed in its steady state, as a running service answers: the JIT compilers
        # take about a minute of a service's life to finish with the engine on two cores, and a
        # fixed count of warm-up requests left the first timed round up to twice as slow (2 x 50
        # steps) or 1.4 times (4 x 250 steps; BENCHMARKS.md, 2026-12-02). So the warm-up sends the
        # timed request itself for WARMUP_SECONDS (default 40; --short: one request of 10 steps).
        # PyTorch has no JIT to warm.
        warmup_seconds = 0 if short else float(os.environ.get("WARMUP_SECONDS", "40"))
        warm_start = time.monotonic()
        warmups = 0
        while warmups == 0 or time.monotonic() - warm_start < warmup_seconds:
            bench_common.post(base, "/train", data)
            warmups += 1
        print(f"warm-up: {warmups} request{'' if warmups == 1 else 's'} of {steps} steps in {time.monotonic() - warm_start:.0f} s")
        print(f"== {steps} Adam steps of 784 -> 256 -> 10 on 64 examples, {bench_common.cores()} cores, "
              f"load average {' '.join(bench_common.load())}")
        worst = 0.0
        for round_ in range(1, rounds + 1):
            seconds, status, headers, raw = bench_common.post(base, "/train", data)
            answer = json.loads(bench_common.text_of(headers, raw))
            if status != 200 or answer.get("stoppedBecause") != "steps" or answer.get("stepsRun") != steps:
                raise SystemExit(f"/train did not run {steps} steps: {status} {answer.get('stoppedBecause')}")
            references = []
            for threads in os.environ.get("TORCH_THREADS", "1 2").split():
                torch = subprocess.run([sys.executable, os.path.join(HERE, "pytorch_train.py"), body_file, str(steps),
                                        str(learning_rate), threads], check=True, capture_output=True, text=True)
                references.append(json.loads(torch.stdout.strip().splitlines()[-1]))
            reference = min(references, key=lambda r: r["seconds"])
            for other in references:
                worst = max(worst, abs(answer["loss"] - other["loss"]) / abs(other["loss"]))
            ratio = seconds / reference["seconds"]
            print(f"round {round_}: /train {seconds * 1000:.0f} ms; PyTorch "
                  + ", ".join(f"{r['seconds'] * 1000:.0f} ms on {r['threads']} thread(s)" for r in references)
                  + f" (torch {reference['torch']}); ratio to the quicker {ratio:.2f} "
                  f"({'met' if ratio <= 1 else 'NOT met'}: at most 1.0); final loss {answer['loss']!r} vs "
                  f"{reference['loss']!r}, relative difference {abs(answer['loss'] - reference['loss']) / abs(reference['loss']):.1e}")
        print(f"== load average {' '.join(bench_common.load())}")
        if worst > 1e-9:
            raise SystemExit(f"the final losses differ by {worst:.1e} relative (at most 1e-9)")
    finally:
        os.unlink(body_file)


if __name__ == "__main__":
    main()
