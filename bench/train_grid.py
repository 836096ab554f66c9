"""Times /train on a 2-8-8-1 tanh network learning a circle, with a 50 x 50 decision grid (BENCHMARKS.md).

    python3 bench/train_grid.py BASE_URL [REQUESTS | --short]

The data (until GET /datasets/circle is there): 200 points, TensorFlow Playground's circle without
noise, from Python's random.Random(1) (Mersenne Twister): the first 100 at a radius uniform in
[0, 2.5] (label 1), the other 100 at a radius uniform in [3.5, 5] (label 0), each at an angle uniform
in [0, 2pi); (x1, x2) = (r cos a, r sin a). The weights: Xavier (Glorot) uniform from the same
generator, biases 0; tanh, tanh, sigmoid; binary cross-entropy; plain SGD, learning rate 0.3.

Prints first the playground's loop (issue 18 point 5): /train requests of 10 steps with the 50 x 50
grid and every neuron's picture (`neurons: true`), one after another on one kept-alive connection, per second
(target at least 50), and the progress events per second of a streamed run (recordEvery 10) carrying
those grids (target at least 20). Then, after two unmeasured requests: the time per /train request of 1,000 steps with the grid
(median, min, max of REQUESTS, default 10) and, for two streamed runs of 20,000 steps (with the grid
in every progress event, and without a grid), the steps per second the stream reports.
"""
import json
import math
import random
import statistics
import sys
import time
import urllib.parse
import urllib.request
from http.client import HTTPConnection

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


def playground_loop(base, seconds):
    """The page's loop: /train of 10 steps with the 50 x 50 grid and every neuron's picture, one
    request after another on one kept-alive connection for the given seconds, reading each whole
    answer as a load generator does (no gzip asked; the answers are parsed after the clock stops,
    since Python's json.loads of 885 kB takes 20 to 30 ms here, more than the service's part);
    answers requests per second."""
    data = body(10, grid=dict(GRID, neurons=True), recordEvery=10)
    url = urllib.parse.urlsplit(base)
    connection = HTTPConnection(url.hostname, url.port, timeout=120)
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    answers, start = [], time.perf_counter()
    while time.perf_counter() - start < seconds:
        connection.request("POST", url.path + "/train", body=data, headers=headers)
        response = connection.getresponse()
        answers.append((response.status, response.read()))
    rate = len(answers) / (time.perf_counter() - start)
    connection.close()
    for status, text in answers:
        assert status == 200, f"status {status}: {text[:300]!r}"
        assert len(json.loads(text)["grid"]["layers"][0]["neurons"]) == 8, "no neuron pictures"
    return rate


def streamed_events(base, steps):
    """Progress events per second of a streamed run with the neurons' grids in every event."""
    text = post(base, body(steps, grid=dict(GRID, neurons=True), recordEvery=10), "text/event-stream")
    progress = [json.loads(line[5:]) for line in text.splitlines() if line.startswith("data:") and '"elapsedMillis"' in line]
    with_grids = [p for p in progress if "grid" in p and "neurons" in p["grid"]["layers"][0]]
    assert len(with_grids) == len(progress), "a progress event without its grids"
    return len(progress) / (progress[-1]["elapsedMillis"] / 1000), len(progress)


def main():
    base = sys.argv[1].rstrip("/")
    short = "--short" in sys.argv[2:]
    requests = 1 if short else (int(sys.argv[2]) if len(sys.argv) > 2 else 10)
    print(f"== load average {' '.join(open('/proc/loadavg').read().split()[:3])}")
    playground_loop(base, 0.5 if short else 3)  # warm-up
    rate = playground_loop(base, 1 if short else 10)
    print(f"playground loop, /train of 10 steps with the 50 x 50 grid and neurons, one connection: "
          f"{rate:.1f} requests/s ({'met' if rate >= 50 else 'NOT met'}: at least 50)")
    rate, events = streamed_events(base, 200 if short else 3000)
    print(f"streamed, recordEvery 10, the 50 x 50 grid and neurons in every progress event: {rate:.1f} events/s "
          f"over {events} events ({'met' if rate >= 20 else 'NOT met'}: at least 20)")
    data = body(1000, grid=GRID, recordEvery=100)
    for _ in range(1 if short else 2):
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
    steps = 2000 if short else 20000
    for name, extra in (("with the grid in every progress event", {"grid": GRID}), ("without a grid", {})):
        rate, events, result = streamed(base, body(steps, recordEvery=steps // 20, **extra))
        if result["stepsRun"] != steps:
            sys.exit(f"the streamed run {name} stopped after {result['stepsRun']} of {steps:,} steps "
                     f"({result['stoppedBecause']})")
        print(f"streamed, {steps:,} steps, {name}: {rate:,.0f} steps/s, {events} progress events, "
              f"stopped because {result['stoppedBecause']} after {result['stepsRun']} steps")
    print(f"== load average {' '.join(open('/proc/loadavg').read().split()[:3])}")


if __name__ == "__main__":
    main()
