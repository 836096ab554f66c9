"""What the bench scripts share: the MNIST-size body, HTTP calls and the machine's load.

The body: 784 -> 256 -> 10, relu then softmax with cross-entropy, 64 examples; inputs uniform in
[0, 1), one-hot labels, He (Kaiming) uniform weights and zero biases, all from numpy's
default_rng(SEED): the same numbers on every machine.
"""
import gzip
import json
import os
import time
import urllib.request

import numpy as np

SEED = 18


def mnist_body(steps=None, learning_rate=0.001, optimizer="adam", examples=64, sizes=(784, 256, 10)):
    rng = np.random.default_rng(SEED)
    inputs = rng.random((examples, sizes[0]))
    labels = np.eye(sizes[-1])[rng.integers(0, sizes[-1], examples)]
    layers = []
    for i, (fan_in, fan_out) in enumerate(zip(sizes, sizes[1:])):
        bound = np.sqrt(6 / fan_in)
        layers.append({"weights": rng.uniform(-bound, bound, (fan_in, fan_out)).tolist(),
                       "bias": [0.0] * fan_out,
                       "activation": "relu" if i < len(sizes) - 2 else "softmax"})
    body = {"inputs": inputs.tolist(), "layers": layers, "label": labels.tolist(),
            "loss": "cross_entropy", "learningRate": learning_rate, "optimizer": {"type": optimizer}}
    if steps is not None:
        body["steps"] = steps
    return body


def post(base, path, data, accept="application/json", accept_encoding=None, timeout=600,
         content_type="application/json"):
    """POSTs bytes; answers (seconds from sending to the last byte read, status, headers, bytes read)."""
    headers = {"Content-Type": content_type, "Accept": accept}
    if accept_encoding:
        headers["Accept-Encoding"] = accept_encoding
    request = urllib.request.Request(base + path, data=data, method="POST", headers=headers)
    start = time.perf_counter()
    with urllib.request.urlopen(request, timeout=timeout) as answer:
        raw = answer.read()
        seconds = time.perf_counter() - start
        return seconds, answer.status, dict(answer.headers), raw


def text_of(headers, raw):
    if headers.get("Content-Encoding") == "gzip":
        raw = gzip.decompress(raw)
    return raw.decode()


def base_url(arguments):
    """The service's URL among the arguments (.ci/with-jar appends it after the others)."""
    urls = [a for a in arguments if a.startswith(("http://", "https://"))]
    if len(urls) != 1:
        raise SystemExit("give the service's base URL, e.g. http://127.0.0.1:8080")
    return urls[0].rstrip("/")


def load():
    return open("/proc/loadavg").read().split()[:3]


def cores():
    return os.cpu_count()
