#!/usr/bin/env python3
"""Load measurement against a running Ovid (app + worker): N concurrent demo pipelines, while
GET /api/runs is called at R requests/s for S seconds; then every run's outcome and the
per-activity orchestration overhead from the runs' Temporal histories.

    bench/load.py --url http://127.0.0.1:58080 [--runs 20] [--rate 20] [--seconds 60]
                  [--epochs 1] [--temporal BIN --address HOST:PORT] [--json]

Uses the ml-ops development user (OVID_MLOPS_PASSWORD overrides the password).
"""
import argparse, base64, json, os, subprocess, sys, threading, time, urllib.request

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", default="http://127.0.0.1:58080")
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--rate", type=float, default=20)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--epochs", type=int, default=1)
    ap.add_argument("--temporal", default="temporal")
    ap.add_argument("--address", default="127.0.0.1:57233")
    ap.add_argument("--timeout-min", type=float, default=40)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    auth = "Basic " + base64.b64encode(("mlops:" + os.environ.get("OVID_MLOPS_PASSWORD", "mlops")).encode()).decode()

    def call(method, path, body=None):
        req = urllib.request.Request(a.url + path, method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={"Authorization": auth, "Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=30) as r:
            t = r.read().decode()
            return json.loads(t) if t else None

    vocab = [v for v in call("GET", "/api/vocabularies") if v["name"] == "demo-shapes"][0]["id"]
    hp = {"epochs": a.epochs, "batchSize": 8, "learningRate": 0.001, "temperature": 0.07,
          "negativeWeight": 1.0, "swrLambda": 0.5, "temporalLayers": 2, "checkpointEverySteps": 5, "seed": 1}
    ids = []
    lock = threading.Lock()
    def launch():
        r = call("POST", "/api/runs", {"datasetName": "demo", "vocabularyId": vocab, "hyperparameters": hp})
        with lock: ids.append(r["id"])
    threads = [threading.Thread(target=launch) for _ in range(a.runs)]
    [t.start() for t in threads]; [t.join() for t in threads]

    latencies, errors = [], 0
    def probe():
        nonlocal errors
        t0 = time.perf_counter()
        try:
            call("GET", "/api/runs?limit=100")
            with lock: latencies.append((time.perf_counter() - t0) * 1000)
        except Exception:
            with lock: errors += 1
    start = time.perf_counter(); n = 0; probes = []
    while time.perf_counter() - start < a.seconds:
        due = start + n / a.rate
        time.sleep(max(0, due - time.perf_counter()))
        th = threading.Thread(target=probe); th.start(); probes.append(th); n += 1
    [t.join() for t in probes]

    deadline = time.time() + a.timeout_min * 60
    statuses = {}
    max_training = 0
    while time.time() < deadline:
        runs = {r["id"]: r for r in call("GET", "/api/runs?limit=1000") if r["id"] in ids}
        statuses = {i: runs[i]["status"] for i in ids}
        # Trainings really running (a started Train activity), not waiting for a training slot.
        training = 0
        for i, r in runs.items():
            if r["status"] == "RUNNING" and r["stage"] == "TRAIN":
                acts = call("GET", "/api/runs/%d" % i).get("activities") or []
                training += sum(1 for x in acts if x["activity"] == "Train" and x["state"] == "STARTED")
        max_training = max(max_training, training)
        if all(s in ("SUCCEEDED", "FAILED", "CANCELLED") for s in statuses.values()): break
        time.sleep(2)
    workflows = [call("GET", "/api/runs/%d" % i)["run"]["workflowId"] for i in ids]
    here = os.path.dirname(os.path.abspath(__file__))
    overhead = json.loads(subprocess.run([sys.executable, os.path.join(here, "orchestration_overhead.py"),
        "--temporal", a.temporal, "--address", a.address, "--json"] + workflows,
        check=True, capture_output=True, text=True).stdout)
    s = sorted(latencies)
    pct = lambda p: round(s[max(0, min(len(s) - 1, int(round(p / 100 * (len(s) - 1)))))], 1) if s else None
    result = {"runs": len(ids), "succeeded": sum(1 for v in statuses.values() if v == "SUCCEEDED"),
              "statuses": sorted(set(statuses.values())),
              "max_runs_training_at_once_seen": max_training,
              "get_runs": {"requests": len(latencies) + errors, "errors": errors, "p50_ms": pct(50), "p95_ms": pct(95)},
              "orchestration_overhead": overhead}
    print(json.dumps(result) if a.json else json.dumps(result, indent=2))

if __name__ == "__main__":
    main()
