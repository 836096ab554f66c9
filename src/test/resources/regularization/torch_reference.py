"""PyTorch's numbers for a loss with an L1 or L2 penalty on the weights (RegularizationTest reads them).

Run: python3 torch_reference.py > torch_reference.json   (torch 2.x, CPU, float64)
The penalty is written as PyTorch users write it: lam * sum(|w|) or lam / 2 * sum(w ** 2) over every
weight matrix (no bias), added to the data loss; autograd gives dL/dW (with sign(0) = 0 for |w|).
"""
import json

import torch

torch.set_default_dtype(torch.float64)

LAYERS = [
    ([[0.15, 0.0], [0.20, 0.30]], [0.35, 0.35], torch.tanh),
    ([[0.40, -0.50], [0.45, 0.55]], [0.60, 0.60], torch.sigmoid),
]
INPUTS = [[0.05, 0.10], [0.3, -0.2]]
LABELS = [[0.01, 0.99], [0.5, 0.2]]
LOSSES = {
    "mse": lambda p, y: torch.nn.functional.mse_loss(p, y),
    "binary_cross_entropy": lambda p, y: torch.nn.functional.binary_cross_entropy(p, y),
}


def case(loss_name, kind, lam):
    weights = [torch.tensor(w, requires_grad=True) for w, _, _ in LAYERS]
    biases = [torch.tensor(b, requires_grad=True) for _, b, _ in LAYERS]
    a = torch.tensor(INPUTS)
    for w, b, (_, _, f) in zip(weights, biases, LAYERS):
        a = f(a @ w + b)
    data = LOSSES[loss_name](a, torch.tensor(LABELS))
    if kind == "l1":
        penalty = lam * sum(w.abs().sum() for w in weights)
    else:
        penalty = lam / 2 * sum((w ** 2).sum() for w in weights)
    loss = data + penalty
    loss.backward()
    return {
        "loss": loss_name, "type": kind, "rate": lam,
        "dataLoss": data.item(), "penalty": penalty.item(), "total": loss.item(),
        "dL_dW": [w.grad.tolist() for w in weights],
        "dL_db": [b.grad.tolist() for b in biases],
    }


cases = [case(loss, kind, lam) for loss in LOSSES for kind, lam in (("l1", 0.01), ("l2", 0.1))]
print(json.dumps({"torch": torch.__version__, "layers": [[w, b, f.__name__] for w, b, f in LAYERS],
                  "inputs": INPUTS, "labels": LABELS, "cases": cases}, indent=1))
