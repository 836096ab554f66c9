"""The mini-batches' order as /train documents it, written from the documentation alone (MiniBatchesTest reads the output).

Run: python3 shuffle_reference.py > shuffle_reference.json
"""
import json

M = (1 << 64) - 1
GAMMA = 0x9E3779B97F4A7C15


def mix(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
    return z ^ (z >> 31)


def order(n, seed, epoch):
    state = mix((seed + (epoch + 1) * GAMMA) & M)
    result = list(range(n))
    for i in range(n - 1, 0, -1):
        state = (state + GAMMA) & M
        j = ((mix(state) >> 33) * (i + 1)) >> 31
        result[i], result[j] = result[j], result[i]
    return result


CASES = [(10, 0, 0), (10, 0, 1), (10, 42, 0), (7, -1, 3), (200, 12345, 7), (1000, 9, 0)]
print(json.dumps([{"n": n, "seed": seed, "epoch": epoch, "order": order(n, seed & M, epoch)} for n, seed, epoch in CASES]))
