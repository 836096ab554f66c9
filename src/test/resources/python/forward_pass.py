"""The forward pass of a /predict body, in numpy float64: every layer's z and output, the
prediction and, with a label, the loss. Reads a list of bodies on stdin, writes the list of
answers on stdout."""
import json
import sys

import numpy as np


def sigmoid(z):
    # the numerically stable form: exp of a non-positive number only
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


ACTIVATIONS = {
    "sigmoid": sigmoid,
    "tanh": np.tanh,
    "relu": lambda z: np.maximum(z, 0),
    "leaky_relu": lambda z: np.where(z > 0, z, 0.01 * z),
    "linear": lambda z: z,
    "softmax": softmax,
}


def xlogy(y, p):
    return np.where(y == 0, 0.0, y * np.log(np.where(y == 0, 1.0, p)))


def loss(name, p, y):
    n = y.shape[0]
    if name == "mse":
        return float(np.mean((p - y) ** 2))
    if name == "sse":
        return float(np.sum((p - y) ** 2))
    if name == "quadratic":
        return float(np.sum((p - y) ** 2) / (2 * n))
    if name == "binary_cross_entropy":
        return float(np.mean(-(xlogy(y, p) + xlogy(1 - y, 1 - p))))
    if name == "cross_entropy":
        return float(np.sum(-xlogy(y, p)) / n)
    raise ValueError(name)


def forward(body):
    a = np.array(body["inputs"], dtype=np.float64)
    layers = []
    for layer in body["layers"]:
        z = a @ np.array(layer["weights"], dtype=np.float64) + np.array(layer["bias"], dtype=np.float64)
        a = ACTIVATIONS[layer["activation"]](z)
        layers.append({"z": z.tolist(), "output": a.tolist()})
    answer = {"layers": layers, "prediction": a.tolist()}
    if "label" in body:
        answer["loss"] = loss(body.get("loss", "mse"), a, np.array(body["label"], dtype=np.float64))
    return answer


json.dump([forward(body) for body in json.load(sys.stdin)], sys.stdout)
