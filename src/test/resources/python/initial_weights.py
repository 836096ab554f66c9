"""The starting weights GET /initial-layers gave, against numpy's own uniform draws of the
same bound: the bound from PyTorch's torch.nn.init formulas, the two-sample
Kolmogorov-Smirnov distance between the two samples and its 0.1 % critical value, and
the samples' means and variances. Reads a list of {init, fanIn, fanOut, weights} on stdin
and writes a list of answers."""
import json
import math
import sys

import numpy as np


def compare(body):
    fan_in, fan_out = body["fanIn"], body["fanOut"]
    bound = {
        "xavier": 1.0 * math.sqrt(6.0 / (fan_in + fan_out)),  # xavier_uniform_, gain 1
        "he": math.sqrt(2.0) * math.sqrt(3.0 / fan_in),  # kaiming_uniform_, nonlinearity='relu'
        "uniform": 0.5,
    }[body["init"]]
    ours = np.sort(np.array(body["weights"], dtype=np.float64).ravel())
    theirs = np.sort(np.random.default_rng(2024).uniform(-bound, bound, size=ours.size))
    grid = np.concatenate([ours, theirs])
    ks = float(np.max(np.abs(np.searchsorted(ours, grid, side="right") / ours.size
                             - np.searchsorted(theirs, grid, side="right") / theirs.size)))
    n, m = ours.size, theirs.size
    return {
        "bound": bound,
        "ks": ks,
        "critical": 1.95 * math.sqrt((n + m) / (n * m)),
        "min": float(ours[0]), "max": float(ours[-1]),
        "mean": float(ours.mean()), "numpyMean": float(theirs.mean()),
        "variance": float(ours.var(ddof=1)), "numpyVariance": float(theirs.var(ddof=1)),
        "n": int(n),
    }


json.dump([compare(body) for body in json.load(sys.stdin)], sys.stdout)
