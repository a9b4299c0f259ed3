#!/usr/bin/env python3
"""Load measurement against a running Ovid (app + worker): N concurrent demo pipelines, while
GET /api/runs is called at R requests/s for S seconds; then every run's outcome, the most
trainings that ran at once (from the Temporal histories' timestamps) against the training
queue's slots, and the per-activity orchestration overhead of those runs.

    bench/load.py --url http://127.0.0.1:62080 [--worker-url http://127.0.0.1:62090]
                  [--runs 20] [--rate 20] [--seconds 60] [--epochs 1]
                  [--temporal BIN --address HOST:PORT] [--json]

Exits 1 unless every run SUCCEEDED and no more trainings ran at once than the worker's
training slots (read from its /q/health, or --training-slots). Uses the ml-ops development
user (OVID_MLOPS_PASSWORD overrides the password).
"""
import argparse, base64, json, os, platform, subprocess, sys, threading, time, urllib.request

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
import orchestration_overhead as oo  # noqa: E402


def pct(values, p):
    return oo.pct(values, p)


def worker_slots(worker_url):
    """{"training": N, "cpu": N, "inference": N} from the worker's /q/health."""
    with urllib.request.urlopen(worker_url.rstrip("/") + "/q/health", timeout=30) as r:
        health = json.loads(r.read().decode())
    for check in health.get("checks", []):
        data = check.get("data") or {}
        if "training-concurrency" in data:
            return {k: int(data[k + "-concurrency"]) for k in ("training", "cpu", "inference")
                    if k + "-concurrency" in data}
    raise SystemExit("the worker's /q/health names no training-concurrency")


def machine():
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return {"cpus": os.cpu_count(), "cpu": cpu, "os": platform.platform()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", default="http://127.0.0.1:62080")
    ap.add_argument("--worker-url", default="http://127.0.0.1:62090")
    ap.add_argument("--training-slots", type=int, help="instead of asking the worker")
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--rate", type=float, default=20)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--epochs", type=int, default=1)
    ap.add_argument("--dataset", default="demo")
    ap.add_argument("--vocabulary", default="demo-shapes")
    ap.add_argument("--temporal", default="temporal")
    ap.add_argument("--address", default="127.0.0.1:62233")
    ap.add_argument("--timeout-min", type=float, default=60)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    auth = "Basic " + base64.b64encode(
        ("mlops:" + os.environ.get("OVID_MLOPS_PASSWORD", "mlops")).encode()).decode()
    slots = worker_slots(a.worker_url)
    if a.training_slots is not None:
        slots["training"] = a.training_slots

    def call(method, path, body=None):
        req = urllib.request.Request(a.url + path, method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={"Authorization": auth, "Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=60) as r:
            t = r.read().decode()
            return json.loads(t) if t else None

    vocab = [v for v in call("GET", "/api/vocabularies") if v["name"] == a.vocabulary][0]["id"]
    hp = {"epochs": a.epochs, "batchSize": 8, "learningRate": 0.001, "temperature": 0.07,
          "negativeWeight": 1.0, "swrLambda": 0.5, "temporalLayers": 2,
          "checkpointEverySteps": 5, "seed": 1}
    load_before = os.getloadavg()
    started_at = time.time()
    ids, lock = [], threading.Lock()

    def launch():
        r = call("POST", "/api/runs", {"datasetName": a.dataset, "vocabularyId": vocab,
                                       "hyperparameters": hp})
        with lock:
            ids.append(r["id"])
    threads = [threading.Thread(target=launch) for _ in range(a.runs)]
    [t.start() for t in threads]
    [t.join() for t in threads]

    # GET /api/runs at a fixed rate (open loop: a slow answer does not delay the next request).
    latencies, errors, loads = [], [0], []

    def probe():
        t0 = time.perf_counter()
        try:
            call("GET", "/api/runs")
            with lock:
                latencies.append((time.perf_counter() - t0) * 1000)
        except Exception:
            with lock:
                errors[0] += 1
    start = time.perf_counter(); n = 0; probes = []
    while time.perf_counter() - start < a.seconds:
        time.sleep(max(0, start + n / a.rate - time.perf_counter()))
        th = threading.Thread(target=probe); th.start(); probes.append(th); n += 1
        if n % int(a.rate * 10) == 0:
            loads.append(os.getloadavg()[0])
    [t.join() for t in probes]

    deadline = time.time() + a.timeout_min * 60
    statuses = {}
    while time.time() < deadline:
        runs = {r["id"]: r for r in call("GET", "/api/runs?limit=1000") if r["id"] in ids}
        statuses = {i: runs[i]["status"] for i in ids}
        if all(s in ("SUCCEEDED", "FAILED", "CANCELLED") for s in statuses.values()):
            break
        loads.append(os.getloadavg()[0])
        time.sleep(5)
    finished_at = time.time()
    workflows = [call("GET", "/api/runs/%d" % i)["run"]["workflowId"] for i in ids]
    overhead = oo.summarise([oo.analyse(oo.history(a.temporal, a.address, wf))
                             for wf in workflows], slots)
    failed = {i: s for i, s in statuses.items() if s != "SUCCEEDED"}
    result = {
        "runs": len(ids),
        "succeeded": len(ids) - len(failed),
        "not_succeeded": failed,
        "training_slots": slots["training"],
        "slots": slots,
        "max_trainings_at_once": overhead["max_trainings_at_once"],
        "wall_seconds": round(finished_at - started_at, 1),
        "get_runs": {"rate_per_s": a.rate, "seconds": a.seconds,
                     "requests": len(latencies) + errors[0], "errors": errors[0],
                     "p50_ms": pct(latencies, 50), "p95_ms": pct(latencies, 95)},
        "orchestration_overhead": overhead,
        "load_average": {"before": [round(x, 2) for x in load_before],
                         "during_1min_min": round(min(loads), 2) if loads else None,
                         "during_1min_max": round(max(loads), 2) if loads else None,
                         "after": [round(x, 2) for x in os.getloadavg()]},
        "machine": machine(),
    }
    print(json.dumps(result) if a.json else json.dumps(result, indent=2))
    ok = not failed and overhead["max_trainings_at_once"] <= slots["training"]
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
