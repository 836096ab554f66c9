"""The full /train-step answer of 784 -> 256 -> 10 x 64 over HTTP against one step of /train (BENCHMARKS.md).

    python3 bench/big_answer.py [--short] BASE_URL

The body: bench_common.mnist_body (Adam, learning rate 0.001). "One step of /train": the time of a
/train request of STEPS steps (default 200) divided by STEPS, the request's parsing and answer
included. "The full answer": a /train-step request with every intermediate (about 12 MB of
numbers), timed from the first byte sent to the last byte read, as it is (no Accept-Encoding) and
gzipped (Accept-Encoding: gzip, read compressed), and as CBOR (Accept: application/cbor: each
double in 8 bytes), with the body sent as CBOR too and as JSON. Medians of REQUESTS (default 7) each, alternating,
after warm-up. Prints the ratio (target: at most 20) and exits 1 when the gzipped answer, unpacked,
is not the same text as the plain one, or when the CBOR answer, decoded, does not hold the plain
one's very numbers. --short (CI): 20 steps, 2 requests each.

Beside them, in the same loop, what no implementation of the answer can avoid on this machine and
client: "the bytes alone", the plain answer's very bytes sent by a server that does nothing else
(bench/FloorServer.java, the JDK's HTTP server: it reads the same body and writes the stored answer,
with a Content-Length); "the body alone", the same server reading the body and answering
{"status":"UP"}; and "reading the body", /predict on the same inputs and layers (the 5.4 MB body
read and parsed, one forward pass, a 0.6 MB answer). /predict plus the bytes alone less the body
alone is what this service spends before a single number of the answer is computed or written; the
full answer less /predict is the step and the writing of the answer's numbers. For each kind, the
CPU the whole machine spent per request (server, client and kernel, from /proc/stat: meaningful on
an otherwise quiet machine): divided by the cores, a time no sharing of the work could go below.
"""
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time

import bench_common
import cbor

CBOR = "application/cbor"
HERE = os.path.dirname(os.path.abspath(__file__))


def start_floor(answer_file):
    """bench/FloorServer.java answering every request with the bytes of answer_file; its base URL and process."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(["java", "-Dsun.net.httpserver.nodelay=true", os.path.join(HERE, "FloorServer.java"),
                               str(port), "2", answer_file], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    for _ in range(120):
        if server.poll() is not None:
            raise SystemExit(f"FloorServer.java stopped: {server.stderr.read().decode()}")
        try:
            bench_common.post(base, "/", b"{}", timeout=5)
            return base, server
        except OSError:
            time.sleep(0.5)
    server.kill()
    raise SystemExit("FloorServer.java did not answer within 60 s")


def main():
    base = bench_common.base_url(sys.argv[1:])
    short = "--short" in sys.argv[1:]
    steps = 20 if short else int(os.environ.get("STEPS", "200"))
    requests = 2 if short else int(os.environ.get("REQUESTS", "7"))
    body = bench_common.mnist_body()
    step_body = json.dumps(body).encode()
    step_cbor = cbor.encode(body)
    predict_body = json.dumps({key: body[key] for key in ("inputs", "layers", "label", "loss")}).encode()
    train_body = json.dumps(bench_common.mnist_body(steps=steps)).encode()
    for _ in range(1 if short else 3):
        bench_common.post(base, "/train-step", step_body)
        bench_common.post(base, "/train-step", step_body, accept_encoding="gzip")
        bench_common.post(base, "/train-step", step_cbor, content_type=CBOR, accept=CBOR)
        bench_common.post(base, "/train", train_body)
        bench_common.post(base, "/predict", predict_body)
    status, headers, answer = bench_common.post(base, "/train-step", step_body)[1:]
    assert status == 200 and "Content-Encoding" not in headers, headers
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as file:
        file.write(answer)
        answer_file = file.name
    floor_base, floor_server = start_floor(answer_file)
    try:
        measure(base, floor_base, step_body, step_cbor, train_body, predict_body, steps, requests, len(answer))
    finally:
        floor_server.kill()
        floor_server.wait()
        os.unlink(answer_file)


def machine_busy():
    """Seconds of CPU the whole machine has spent so far (every process and the kernel; /proc/stat)."""
    fields = [int(x) for x in open("/proc/stat").readline().split()[1:8]]
    user, nice, system, _idle, _iowait, irq, softirq = fields
    return (user + nice + system + irq + softirq) / os.sysconf("SC_CLK_TCK")


class Kind:
    """One kind of request: its wall times and the machine's CPU they took."""

    def __init__(self):
        self.times = []
        self.cpu = 0.0

    def post(self, base, path, data, **options):
        busy = machine_busy()
        seconds, status, headers, raw = bench_common.post(base, path, data, **options)
        self.cpu += machine_busy() - busy
        self.times.append(seconds)
        return status, headers, raw

    def median(self):
        return statistics.median(self.times)

    def cpu_each(self):
        return self.cpu / len(self.times)


def measure(base, floor_base, step_body, step_cbor, train_body, predict_body, steps, requests, answer_bytes):
    for _ in range(2):
        bench_common.post(floor_base, "/answer", step_body)
    print(f"== 784 -> 256 -> 10 x 64, {bench_common.cores()} cores, load average {' '.join(bench_common.load())}")
    plain, zipped, train, floor, body_alone, predict = Kind(), Kind(), Kind(), Kind(), Kind(), Kind()
    binary, binary_out = Kind(), Kind()
    plain_text = zipped_text = binary_answer = None
    sizes = {}
    for _ in range(requests):
        status, headers, raw = plain.post(base, "/train-step", step_body)
        assert status == 200 and "Content-Encoding" not in headers, headers
        plain_text, sizes["plain"] = raw.decode(), len(raw)
        status, headers, raw = zipped.post(base, "/train-step", step_body, accept_encoding="gzip")
        assert status == 200 and headers.get("Content-Encoding") == "gzip", headers
        zipped_text, sizes["gzip"] = bench_common.text_of(headers, raw), len(raw)
        status, headers, raw = binary.post(base, "/train-step", step_cbor, content_type=CBOR, accept=CBOR)
        assert status == 200 and headers.get("Content-Type") == CBOR, headers
        binary_answer, sizes["cbor"] = raw, len(raw)
        status, headers, raw = binary_out.post(base, "/train-step", step_body, accept=CBOR)
        assert status == 200 and raw == binary_answer, headers
        sizes["json-in"] = len(raw)
        status, headers, raw = train.post(base, "/train", train_body)
        assert status == 200 and json.loads(raw)["stepsRun"] == steps
        status, headers, raw = floor.post(floor_base, "/answer", step_body)
        assert status == 200 and len(raw) == answer_bytes
        status, headers, raw = body_alone.post(floor_base, "/", step_body)
        assert status == 200
        status, headers, raw = predict.post(base, "/predict", predict_body)
        assert status == 200, raw[:300]
    if plain_text != zipped_text:
        raise SystemExit("the gzipped answer, unpacked, differs from the plain one")
    if cbor.decode(binary_answer) != json.loads(plain_text):
        raise SystemExit("the CBOR answer, decoded, differs from the plain one")
    one_step = train.median() / steps
    cores = bench_common.cores()
    for name, kind in (("plain", plain), ("gzip", zipped), ("cbor", binary), ("json-in", binary_out)):
        ratio = kind.median() / one_step
        label = {"cbor": "CBOR, body CBOR", "json-in": "CBOR, body JSON"}.get(name, name)
        print(f"full /train-step answer, {label:15} ({sizes[name] / 1e6:.1f} MB on the wire): median {kind.median() * 1000:.0f} ms "
              f"(min {min(kind.times) * 1000:.0f}, max {max(kind.times) * 1000:.0f}) = {ratio:.1f} x one step of /train "
              f"({'met' if ratio <= 20 else 'NOT met'}: at most 20)")
    steps_each = [t / steps for t in train.times]
    print(f"one step of /train ({steps} steps per request): median {one_step * 1000:.2f} ms "
          f"(min {min(steps_each) * 1000:.2f}, max {max(steps_each) * 1000:.2f})")
    print("what the plain answer is made of, measured in the same loop (the machine's CPU: every process and the kernel):")
    for name, kind in (("the full answer, plain", plain),
                       ("the bytes alone (FloorServer.java reads the body, sends the plain answer)", floor),
                       ("the body alone (FloorServer.java reads the body, answers {\"status\":\"UP\"})", body_alone),
                       ("reading the body (/predict on the same inputs and layers)", predict)):
        print(f"  {name}: median {kind.median() * 1000:.0f} ms = {kind.median() / one_step:.1f} x one step; "
              f"machine CPU {kind.cpu_each() * 1000:.0f} ms a request")
    before = predict.median() + floor.median() - body_alone.median()
    print(f"  before a number of the answer is computed or written (/predict + bytes alone - body alone): "
          f"{before * 1000:.0f} ms = {before / one_step:.1f} x one step")
    rest = plain.median() - predict.median()
    print(f"  the step and writing the answer's numbers (plain less /predict): {rest * 1000:.0f} ms = "
          f"{rest / one_step:.1f} x one step")
    bound = plain.cpu_each() / cores
    print(f"  the plain answer's machine CPU spread over all {cores} cores: at least {bound * 1000:.0f} ms = "
          f"{bound / one_step:.1f} x one step, however well its work were shared")
    print(f"== load average {' '.join(bench_common.load())}")


if __name__ == "__main__":
    main()
