#!/usr/bin/env python3
"""Trains XOR with Backprop Lab's POST /train-step, one step per request; Python 3, standard library only.

    python3 train_xor.py [BASE_URL] [STEPS]      (defaults: http://localhost:8080, 1000)

Starts from the XOR network of GET /examples/xor, sends each answer's `update.layers` and
`optimizerState` back as the next request's `layers` and `optimizerState`, and prints the loss
every 100 steps. Asks for `include=summary`, the part of the answer a training loop needs.
Exits with 1 unless the loss ends below 0.01.
"""
import json
import sys
import urllib.error
import urllib.request


def call(method, url, body=None):
    data = None if body is None else json.dumps(body).encode("utf-8")
    request = urllib.request.Request(url, data=data, method=method, headers={
        "Content-Type": "application/json", "Accept": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.load(response)
    except urllib.error.HTTPError as error:
        problem = json.load(error)  # every error is application/problem+json
        raise SystemExit(f"{method} {url}: {error.code} {problem.get('title')}: {problem.get('detail')}")


def main(base="http://localhost:8080", steps=1000):
    base = base.rstrip("/")
    body = call("GET", base + "/examples/xor")["request"]
    loss = None
    for step in range(steps):
        answer = call("POST", base + "/train-step?include=summary", body)
        if step % 100 == 0:
            print(f"step {step:5d}  loss {answer['forward']['loss']:.6f}")
        body["layers"] = answer["update"]["layers"]
        body["optimizerState"] = answer["optimizerState"]
        loss = answer["after"]["loss"]
    print(f"step {steps:5d}  loss {loss:.6f}")
    return loss


if __name__ == "__main__":
    final = main(*(sys.argv[1:2] or ["http://localhost:8080"]), *[int(a) for a in sys.argv[2:3]])
    sys.exit(0 if final < 0.01 else 1)
