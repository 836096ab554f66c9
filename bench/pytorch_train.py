"""The training of a /train body, done by PyTorch (float64, CPU) as a user would write it.

    python3 bench/pytorch_train.py BODY.json STEPS LEARNING_RATE [THREADS]

BODY.json is a /train-step body in the network form (relu, tanh, sigmoid, linear, softmax layers;
mse or cross_entropy loss); the script trains it with torch.optim.Adam (PyTorch's defaults but the
learning rate) for STEPS steps and prints one JSON line: the wall time of the training loop alone
(forward, backward, optimizer step; the tensors are built before the clock starts) and the final
loss, i.e. the loss of the parameters after the last step, as /train reports it.
"""
import json
import sys
import time

import torch

torch.set_default_dtype(torch.float64)


def main():
    body = json.load(open(sys.argv[1]))
    steps = int(sys.argv[2])
    learning_rate = float(sys.argv[3])
    if len(sys.argv) > 4:
        torch.set_num_threads(int(sys.argv[4]))
    inputs = torch.tensor(body["inputs"])
    labels = torch.tensor(body["label"])
    loss_name = body.get("loss", "mse")
    layers = []
    for layer in body["layers"]:
        weights = torch.tensor(layer["weights"], requires_grad=True)
        bias = torch.tensor(layer["bias"], requires_grad=True)
        layers.append((weights, bias, layer.get("activation", "sigmoid")))
    optimizer = torch.optim.Adam([p for w, b, _ in layers for p in (w, b)], lr=learning_rate)

    def loss_of():
        a = inputs
        for weights, bias, activation in layers:
            z = a @ weights + bias
            if activation == "softmax" and loss_name == "cross_entropy" and weights is layers[-1][0]:
                # cross-entropy from z, as the service computes it after a softmax
                return -(labels * torch.log_softmax(z, dim=1)).sum(dim=1).mean()
            a = {"relu": torch.relu, "tanh": torch.tanh, "sigmoid": torch.sigmoid,
                 "linear": lambda t: t, "softmax": lambda t: torch.softmax(t, dim=1)}[activation](z)
        if loss_name == "mse":
            return ((a - labels) ** 2).mean()
        raise SystemExit("loss " + loss_name + " is not written out here")

    start = time.perf_counter()
    for _ in range(steps):
        optimizer.zero_grad()
        loss = loss_of()
        loss.backward()
        optimizer.step()
    seconds = time.perf_counter() - start
    with torch.no_grad():
        final = loss_of().item()
    print(json.dumps({"seconds": seconds, "loss": final, "threads": torch.get_num_threads(),
                      "torch": torch.__version__}))


if __name__ == "__main__":
    main()
