"""The data sets of GET /datasets/{name}, recomputed from their description in docs/api.md
alone (SplitMix64, the uniform and Box-Muller formulas, each generator, the shuffle and the
split), in plain Python. Reads {name, points, noise, testFraction, seed} on stdin and
writes {train, test}, each a list of [x1, x2, label]."""
import json
import math
import sys

MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def uniform(self, a=0.0, b=1.0):
        return a + (b - a) * ((self.next() >> 11) * 2.0 ** -53)

    def gaussian(self):
        u1 = self.uniform()
        u2 = self.uniform()
        return math.sqrt(-2 * math.log(1 - u1)) * math.cos(2 * math.pi * u2)


BUMPS = [(-4, 2.5, 1), (0, 2.5, -1), (4, 2.5, 1), (-4, -2.5, -1), (0, -2.5, 1), (4, -2.5, -1)]


def generate(name, n, noise, r):
    positives = (n + 1) // 2
    rows = []
    for i in range(n):
        if name == "circle":
            radius = r.uniform(0, 2.5) if i < positives else r.uniform(3.5, 5)
            angle = r.uniform(0, 2 * math.pi)
            x, y = radius * math.sin(angle), radius * math.cos(angle)
            nx, ny = x + r.uniform(-5, 5) * noise, y + r.uniform(-5, 5) * noise
            rows.append([x, y, 1.0 if math.sqrt(nx * nx + ny * ny) < 2.5 else 0.0])
        elif name == "xor":
            x, y = r.uniform(-5, 5), r.uniform(-5, 5)
            x, y = (x + 0.3 if x > 0 else x - 0.3), (y + 0.3 if y > 0 else y - 0.3)
            nx, ny = x + r.uniform(-5, 5) * noise, y + r.uniform(-5, 5) * noise
            rows.append([x, y, 1.0 if (nx > 0) != (ny > 0) else 0.0])
        elif name == "gauss":
            centre = 2 if i < positives else -2
            sd = math.sqrt(0.5 + 7 * noise)
            x = centre + sd * r.gaussian()
            y = centre + sd * r.gaussian()
            rows.append([x, y, 1.0 if i < positives else 0.0])
        elif name == "spiral":
            first = i < positives
            m = positives if first else n - positives
            k = i if first else i - positives
            radius = k / m * 5
            t = 1.75 * k / m * 2 * math.pi + (0 if first else math.pi)
            x = radius * math.sin(t) + r.uniform(-1, 1) * noise * 5
            y = radius * math.cos(t) + r.uniform(-1, 1) * noise * 5
            rows.append([x, y, 1.0 if first else 0.0])
        elif name == "moons":
            lower = i < positives
            t = r.uniform(0, math.pi)
            cx, sy = 3 * math.cos(t), 3 * math.sin(t)
            x, y = (1.5 - cx, 0.75 - sy) if lower else (cx - 1.5, sy - 0.75)
            x += 3 * noise * r.gaussian()
            y += 3 * noise * r.gaussian()
            rows.append([x, y, 1.0 if lower else 0.0])
        else:
            x, y = r.uniform(-6, 6), r.uniform(-6, 6)
            nx, ny = x + r.uniform(-6, 6) * noise, y + r.uniform(-6, 6) * noise
            if name == "plane":
                label = (nx + ny) / 10
            else:
                label = 0.0
                for bx, by, sign in BUMPS:
                    value = sign * max(0.0, 1 - math.sqrt((nx - bx) ** 2 + (ny - by) ** 2) / 2)
                    if abs(value) > abs(label):
                        label = value
            rows.append([x, y, label])
    return rows


body = json.load(sys.stdin)
random = SplitMix64(body["seed"])
rows = generate(body["name"], body["points"], body["noise"], random)
for i in range(len(rows) - 1, 0, -1):
    j = int(random.uniform() * (i + 1))
    rows[i], rows[j] = rows[j], rows[i]
test = math.floor(body["points"] * body["testFraction"] + 0.5)
train = body["points"] - test
json.dump({"train": rows[:train], "test": rows[train:]}, sys.stdout)
