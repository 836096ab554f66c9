"""The full /train-step answer of 784 -> 256 -> 10 x 64 over HTTP against one step of /train (BENCHMARKS.md).

    python3 bench/big_answer.py [--short] BASE_URL

The body: bench_common.mnist_body (Adam, learning rate 0.001). "One step of /train": the time of a
/train request of STEPS steps (default 200) divided by STEPS, the request's parsing and answer
included. "The full answer": a /train-step request with every intermediate (about 12 MB of
numbers), timed from the first byte sent to the last byte read, as it is (no Accept-Encoding) and
gzipped (Accept-Encoding: gzip, read compressed). Medians of REQUESTS (default 7) each, alternating,
after warm-up. Prints the ratio (target: at most 20) and exits 1 when the gzipped answer, unpacked,
is not the same text as the plain one. --short (CI): 20 steps, 2 requests each.
"""
import json
import os
import statistics
import sys

import bench_common


def main():
    base = bench_common.base_url(sys.argv[1:])
    short = "--short" in sys.argv[1:]
    steps = 20 if short else int(os.environ.get("STEPS", "200"))
    requests = 2 if short else int(os.environ.get("REQUESTS", "7"))
    step_body = json.dumps(bench_common.mnist_body()).encode()
    train_body = json.dumps(bench_common.mnist_body(steps=steps)).encode()
    for _ in range(1 if short else 3):
        bench_common.post(base, "/train-step", step_body)
        bench_common.post(base, "/train-step", step_body, accept_encoding="gzip")
        bench_common.post(base, "/train", train_body)
    print(f"== 784 -> 256 -> 10 x 64, {bench_common.cores()} cores, load average {' '.join(bench_common.load())}")
    plain, zipped, train = [], [], []
    plain_text = zipped_text = None
    sizes = {}
    for _ in range(requests):
        seconds, status, headers, raw = bench_common.post(base, "/train-step", step_body)
        assert status == 200 and "Content-Encoding" not in headers, headers
        plain.append(seconds)
        plain_text, sizes["plain"] = raw.decode(), len(raw)
        seconds, status, headers, raw = bench_common.post(base, "/train-step", step_body, accept_encoding="gzip")
        assert status == 200 and headers.get("Content-Encoding") == "gzip", headers
        zipped.append(seconds)
        zipped_text, sizes["gzip"] = bench_common.text_of(headers, raw), len(raw)
        seconds, status, headers, raw = bench_common.post(base, "/train", train_body)
        assert status == 200 and json.loads(raw)["stepsRun"] == steps
        train.append(seconds / steps)
    if plain_text != zipped_text:
        raise SystemExit("the gzipped answer, unpacked, differs from the plain one")
    one_step = statistics.median(train)
    for name, times in (("plain", plain), ("gzip", zipped)):
        full = statistics.median(times)
        ratio = full / one_step
        print(f"full /train-step answer, {name:5} ({sizes[name] / 1e6:.1f} MB on the wire): median {full * 1000:.0f} ms "
              f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}) = {ratio:.1f} x one step of /train "
              f"({'met' if ratio <= 20 else 'NOT met'}: at most 20)")
    print(f"one step of /train ({steps} steps per request): median {one_step * 1000:.2f} ms "
          f"(min {min(train) * 1000:.2f}, max {max(train) * 1000:.2f})")
    print(f"== load average {' '.join(bench_common.load())}")


if __name__ == "__main__":
    main()
