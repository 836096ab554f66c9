"""Times /train on a 2-8-8-1 tanh network learning a circle, with a 50 x 50 decision grid (BENCHMARKS.md).

    python3 bench/train_grid.py BASE_URL [REQUESTS]

The data (until GET /datasets/circle is there): 200 points, TensorFlow Playground's circle without
noise, from Python's random.Random(1) (Mersenne Twister): the first 100 at a radius uniform in
[0, 2.5] (label 1), the other 100 at a radius uniform in [3.5, 5] (label 0), each at an angle uniform
in [0, 2pi); (x1, x2) = (r cos a, r sin a). The weights: Xavier (Glorot) uniform from the same
generator, biases 0; tanh, tanh, sigmoid; binary cross-entropy; plain SGD, learning rate 0.3.

Prints, after two unmeasured requests: the time per /train request of 1,000 steps with the grid
(median, min, max of REQUESTS, default 10) and, for two streamed runs of 20,000 steps (with the grid
in every progress event, and without a grid), the steps per second the stream reports.
"""
import json
import math
import random
import statistics
import sys
import time
import urllib.request

GRID = {"x": {"min": -6, "max": 6, "points": 50}, "y": {"min": -6, "max": 6, "points": 50}}


def circle(rng, points=200):
    inputs, labels = [], []
    for i in range(points):
        inside = i < points // 2
        r = rng.uniform(0, 2.5) if inside else rng.uniform(3.5, 5)
        a = rng.uniform(0, 2 * math.pi)
        inputs.append([r * math.cos(a), r * math.sin(a)])
        labels.append([1 if inside else 0])
    return inputs, labels


def layer(rng, fan_in, fan_out, activation):
    bound = math.sqrt(6 / (fan_in + fan_out))
    return {"weights": [[rng.uniform(-bound, bound) for _ in range(fan_out)] for _ in range(fan_in)],
            "bias": [0.0] * fan_out, "activation": activation}


def body(steps, **extra):
    rng = random.Random(1)
    inputs, labels = circle(rng)
    request = {"inputs": inputs, "label": labels,
               "layers": [layer(rng, 2, 8, "tanh"), layer(rng, 8, 8, "tanh"), layer(rng, 8, 1, "sigmoid")],
               "loss": "binary_cross_entropy", "learningRate": 0.3, "steps": steps}
    request.update(extra)
    return json.dumps(request).encode()


def post(base, data, accept="application/json"):
    request = urllib.request.Request(base + "/train", data=data, method="POST",
                                     headers={"Content-Type": "application/json", "Accept": accept})
    with urllib.request.urlopen(request, timeout=120) as answer:
        return answer.read().decode()


def streamed(base, data):
    """Steps per second of a streamed run, by the stream's own clock (elapsedMillis of the last progress)."""
    text = post(base, data, "text/event-stream")
    progress = [json.loads(line[5:]) for line in text.splitlines() if line.startswith("data:") and '"elapsedMillis"' in line]
    last = progress[-1]
    result = json.loads(text[text.index("event:result"):].split("data:", 1)[1].split("\n", 1)[0])
    return last["step"] / (last["elapsedMillis"] / 1000), len(progress), result


def main():
    base = sys.argv[1].rstrip("/")
    requests = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    data = body(1000, grid=GRID, recordEvery=100)
    for _ in range(2):
        post(base, data)
    times = []
    for _ in range(requests):
        start = time.perf_counter()
        answer = json.loads(post(base, data))
        times.append((time.perf_counter() - start) * 1000)
        if answer["stepsRun"] != 1000:
            sys.exit(f"a run stopped after {answer['stepsRun']} of 1,000 steps ({answer['stoppedBecause']})")
    print(f"/train, 1,000 steps of 2-8-8-1 on 200 circle points, 50 x 50 grid: "
          f"median {statistics.median(times):.0f} ms, min {min(times):.0f} ms, max {max(times):.0f} ms "
          f"({requests} requests); final loss {answer['loss']:.4f}, accuracy {answer['accuracy']}")
    for name, extra in (("with the grid in every progress event", {"grid": GRID}), ("without a grid", {})):
        rate, events, result = streamed(base, body(20000, recordEvery=1000, **extra))
        if result["stepsRun"] != 20000:
            sys.exit(f"the streamed run {name} stopped after {result['stepsRun']} of 20,000 steps "
                     f"({result['stoppedBecause']})")
        print(f"streamed, 20,000 steps, {name}: {rate:,.0f} steps/s, {events} progress events, "
              f"stopped because {result['stoppedBecause']} after {result['stepsRun']} steps")


if __name__ == "__main__":
    main()
