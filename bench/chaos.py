#!/usr/bin/env python3
"""Ovid's chaos suite: crashes and outages during real pipeline runs, on a private stack.

    bin/ovid chaos [--scenario S[,S...]] [--epochs N] [--keep] [--list] [--json]

Starts its own PostgreSQL, MinIO, MLflow and Temporal dev server (infra/ovid-services with its own
state folder, .ovid/chaos, and its own ports, 561xx), its own web app and worker, runs each
scenario, checks the registry's invariants after each, and tears everything down. It never
touches the services on the default ports: it refuses to start when one of its ports is taken, and
it stops only processes it started (pid files under .ovid/chaos/run, checked against their command
line). bin/ovid sets OVID_HOME, OVID_APP_JAR and OVID_WORKER_JAR (it builds the jars first).

With --json every scenario prints one JSON line with its figures, and the last line is
{"scenarios": [{"name": "...", "passed": true, "seconds": 0.0}]}.
"""
import argparse
import base64
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

HOME = os.environ.get("OVID_HOME") or os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STATE = os.environ.get("OVID_CHAOS_STATE_DIR") or os.path.join(HOME, ".ovid", "chaos")
# The user's tools (minio, temporal, mlflow venv) are reused; everything else is private.
TOOLS = os.environ.get("OVID_TOOLS_DIR") or os.path.join(HOME, ".ovid", "tools")
PORTS = {
    "OVID_PG_PORT": 63432,
    "OVID_MINIO_PORT": 63900,
    "OVID_MINIO_CONSOLE_PORT": 63901,
    "OVID_MLFLOW_PORT": 63500,
    "OVID_TEMPORAL_PORT": 63233,
    "OVID_TEMPORAL_UI_PORT": 63234,
    "OVID_TEMPORAL_HTTP_PORT": 63243,
    "OVID_TEMPORAL_METRICS_PORT": 63244,
    "OVID_APP_PORT": 63080,
    "OVID_WORKER_PORT": 63090,
}
# OVID_CHAOS_PORT_OFFSET moves every port at once (two suites on one machine).
OFFSET = int(os.environ.get("OVID_CHAOS_PORT_OFFSET", "0"))
PORTS = {k: v + OFFSET for k, v in PORTS.items()}
USER, PASSWORD = "mlops", "mlops"
ACCESS_KEY, SECRET_KEY = "ovid", "ovid-secret-key"
BUCKET = "ovid-artifacts"
OUTAGE_SECONDS = 30
TERMINAL = ("SUCCEEDED", "FAILED", "CANCELLED")

# Runs whose worker is killed train at least this many epochs (see kill_runs).
KILL_MIN_EPOCHS = 8

SCENARIOS = [
    ("worker-kill-early", "SIGKILL of the worker under 30 s into training; the run resumes"),
    ("worker-kill-late", "SIGKILL of the worker late in training; the run resumes"),
    ("web-kill", "SIGKILL of the web app mid-run; the run finishes and is shown after a restart"),
    ("minio-outage", "MinIO down for 30 s during training"),
    ("mlflow-outage", "MLflow down for 30 s during training"),
    ("postgres-outage", "PostgreSQL down for 30 s during training"),
    ("temporal-outage", "Temporal server down for 30 s during training"),
]


def log(msg):
    print("[chaos] " + msg, file=sys.stderr, flush=True)


class ChaosError(Exception):
    pass


class Stack:
    """The private services, web app and worker, with their environment."""

    def __init__(self, app_jar, worker_jar):
        self.app_jar, self.worker_jar = app_jar, worker_jar
        self.env = dict(os.environ)
        self.env.update({k: str(v) for k, v in PORTS.items()})
        self.env.update({
            "OVID_HOME": HOME, "OVID_STATE_DIR": STATE, "OVID_TOOLS_DIR": TOOLS,
            "OVID_DATA_DIR": os.path.join(STATE, "data"), "OVID_RUN_DIR": os.path.join(STATE, "run"),
            "OVID_LOG_DIR": os.path.join(STATE, "logs"), "OVID_NO_URLS": "1", "DJL_OFFLINE": "true",
            # One MLflow worker process: the suite's stack sits beside the user's on one machine.
            "OVID_MLFLOW_WORKERS": os.environ.get("OVID_CHAOS_MLFLOW_WORKERS", "1"),
        })
        # A user's own overrides of service locations must not leak into the private stack.
        for k in ("OVID_TEMPORAL_TARGET", "QUARKUS_DATASOURCE_JDBC_URL", "OVID_S3_ENDPOINT",
                  "OVID_MLFLOW_TRACKING_URI", "QUARKUS_HTTP_PORT"):
            self.env.pop(k, None)
        self.run_dir, self.log_dir = self.env["OVID_RUN_DIR"], self.env["OVID_LOG_DIR"]
        self.procs = {}
        p = PORTS
        self.app_url = "http://127.0.0.1:%d" % p["OVID_APP_PORT"]
        self.mlflow_url = "http://127.0.0.1:%d" % p["OVID_MLFLOW_PORT"]
        self.minio_url = "http://127.0.0.1:%d" % p["OVID_MINIO_PORT"]
        self.temporal_address = "127.0.0.1:%d" % p["OVID_TEMPORAL_PORT"]
        self.pg_url = "postgresql://ovid:ovid@127.0.0.1:%d/ovid" % p["OVID_PG_PORT"]
        self.java_env = {
            "QUARKUS_DATASOURCE_JDBC_URL": "jdbc:postgresql://127.0.0.1:%d/ovid" % p["OVID_PG_PORT"],
            "OVID_S3_ENDPOINT": self.minio_url,
            "OVID_MLFLOW_TRACKING_URI": self.mlflow_url,
            "OVID_TEMPORAL_TARGET": self.temporal_address,
            "OVID_TEMPORAL_UI_URL": "http://127.0.0.1:%d" % p["OVID_TEMPORAL_UI_PORT"],
            "OVID_LINKS_MLFLOW_URL": self.mlflow_url,
            "OVID_LINKS_MINIO_CONSOLE_URL": "http://127.0.0.1:%d" % p["OVID_MINIO_CONSOLE_PORT"],
            "OVID_WORKER_CACHE_DIR": os.path.join(STATE, "cache"),
            "OVID_SECURITY_LOCAL": "true",
        }

    # ---- services (infra/lib/*.sh with the private environment) ----
    def services(self, command):
        r = subprocess.run([os.path.join(HOME, "infra", "ovid-services"), command], env=self.env,
                           stdout=sys.stderr, stderr=sys.stderr)
        if r.returncode != 0:
            raise ChaosError("infra/ovid-services %s failed (logs: %s)" % (command, self.log_dir))

    def service(self, function):
        """Runs one infra/lib function (pg_down, minio_up...) with the private environment."""
        script = ('set -euo pipefail; source "$OVID_HOME/infra/lib/common.sh"; '
                  'for f in postgres minio temporal mlflow; do source "$OVID_HOME/infra/lib/$f.sh"; done; '
                  + function)
        r = subprocess.run(["bash", "-c", script], env=self.env, stdout=sys.stderr, stderr=sys.stderr)
        if r.returncode != 0:
            raise ChaosError("%s failed (logs: %s)" % (function, self.log_dir))

    def tool(self, name):
        path = shutil.which(name) or os.path.join(TOOLS, "bin", name)
        if not os.access(path, os.X_OK):
            raise ChaosError("%s not found on PATH nor in %s/bin (run infra/ovid-services provision)" % (name, TOOLS))
        return path

    # ---- web app and worker ----
    def start_java(self, name):
        jar = self.app_jar if name == "app" else self.worker_jar
        port = PORTS["OVID_APP_PORT" if name == "app" else "OVID_WORKER_PORT"]
        env = dict(self.env)
        env.update(self.java_env)
        env["QUARKUS_HTTP_PORT"] = str(port)
        # Bounded heaps (libtorch's memory is off-heap): the suite shares the machine.
        opts = (["-Dai.djl.offline=true"] + os.environ.get("OVID_CHAOS_JAVA_OPTS", "-Xmx1g").split()
                + os.environ.get("OVID_JAVA_OPTS", "").split())
        out = open(os.path.join(self.log_dir, name + ".log"), "ab")
        out.write(("\n===== %s starting %s\n" % (time.strftime("%FT%TZ", time.gmtime()), name)).encode())
        out.flush()
        proc = subprocess.Popen(["java"] + opts + ["-jar", jar], env=env, stdout=out,
                                stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                start_new_session=True)
        out.close()
        self.procs[name] = proc
        with open(os.path.join(self.run_dir, name + ".pid"), "w") as f:
            f.write(str(proc.pid))
        t0 = time.time()
        while not http_ok("http://127.0.0.1:%d/q/health/live" % port):
            if proc.poll() is not None:
                raise ChaosError("%s exited with %s (log: %s/%s.log)" % (name, proc.returncode, self.log_dir, name))
            if time.time() - t0 > 300:
                raise ChaosError("%s not healthy after 300 s (log: %s/%s.log)" % (name, self.log_dir, name))
            time.sleep(0.5)
        log("%s up (pid %d) in %.1f s" % (name, proc.pid, time.time() - t0))
        return time.time() - t0

    def kill_java(self, name, sig=signal.SIGKILL):
        proc = self.procs.pop(name, None)
        if proc is None or proc.poll() is not None:
            return
        os.kill(proc.pid, sig)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
        os.remove(os.path.join(self.run_dir, name + ".pid"))

    def stop_stale_java(self):
        """An app or worker left by an interrupted suite: only ours (pid file + our jar)."""
        for name, jar in (("app", self.app_jar), ("worker", self.worker_jar)):
            f = os.path.join(self.run_dir, name + ".pid")
            if not os.path.exists(f):
                continue
            pid = int(open(f).read().strip() or 0)
            try:
                cmd = open("/proc/%d/cmdline" % pid, "rb").read().replace(b"\0", b" ").decode()
            except OSError:
                cmd = ""
            if jar in cmd:
                log("stopping %s left by an earlier suite (pid %d)" % (name, pid))
                os.kill(pid, signal.SIGKILL)
            os.remove(f)

    def up(self):
        os.makedirs(self.run_dir, exist_ok=True)
        os.makedirs(self.log_dir, exist_ok=True)
        self.stop_stale_java()
        self.services("down")  # the private stack only (pid files under .ovid/chaos/run)
        taken = [k + "=" + str(v) for k, v in PORTS.items() if port_in_use(v)]
        if taken:
            raise ChaosError("ports taken by other programs: %s (set OVID_CHAOS_PORT_OFFSET to move them)"
                             % ", ".join(taken))
        # A fresh stack every time: the invariants are checked over everything it holds.
        for d in ("data", "cache"):
            shutil.rmtree(os.path.join(STATE, d), ignore_errors=True)
        t0 = time.time()
        self.services("up")
        self.start_java("app")
        self.start_java("worker")
        log("private stack up in %.0f s (state %s)" % (time.time() - t0, STATE))

    def down(self):
        for name in ("worker", "app"):
            self.kill_java(name, signal.SIGTERM)
        self.services("down")

    # ---- clients ----
    def api(self, method, path, body=None, timeout=30):
        req = urllib.request.Request(self.app_url + path, method=method,
                                     data=None if body is None else json.dumps(body).encode(),
                                     headers={"Authorization": basic(USER, PASSWORD),
                                              "Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=timeout) as r:
            text = r.read().decode()
            return json.loads(text) if text else None

    def mlflow(self, method, path, body=None):
        url = self.mlflow_url + "/api/2.0/mlflow/" + path
        req = urllib.request.Request(url, method=method,
                                     data=None if body is None else json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=30) as r:
            return json.loads(r.read().decode())

    def sql(self, query):
        out = subprocess.run(["psql", self.pg_url, "-X", "-At", "-F", "\t", "-c", query],
                             check=True, capture_output=True, text=True).stdout
        return [line.split("\t") for line in out.splitlines() if line]

    def object_sha256(self, uri):
        """sha256 of an s3:// object read back from MinIO, or None when it is missing."""
        u = urllib.parse.urlparse(uri)
        url = "%s/%s/%s" % (self.minio_url, u.netloc, urllib.parse.quote(u.path.lstrip("/"), safe="/-_.~"))
        p = subprocess.run(["curl", "-sS", "-f", "--max-time", "60", "--aws-sigv4", "aws:amz:us-east-1:s3",
                            "--user", ACCESS_KEY + ":" + SECRET_KEY, url], capture_output=True)
        return hashlib.sha256(p.stdout).hexdigest() if p.returncode == 0 else None

    def history(self, workflow_id):
        out = subprocess.run([self.tool("temporal"), "workflow", "show", "-w", workflow_id, "--address",
                              self.temporal_address, "-o", "json", "--disable-config-file",
                              "--disable-config-env"], check=True, capture_output=True, text=True).stdout
        return json.loads(out)["events"]


def basic(user, password):
    return "Basic " + base64.b64encode((user + ":" + password).encode()).decode()


def http_ok(url):
    try:
        with urllib.request.urlopen(url, timeout=3) as r:
            return r.status == 200
    except Exception:
        return False


def port_in_use(port):
    import socket
    with socket.socket() as s:
        s.settimeout(1)
        return s.connect_ex(("127.0.0.1", port)) == 0


# ---- runs ----
class Runs:
    def __init__(self, stack, hyperparameters):
        self.s, self.hp = stack, hyperparameters
        self.baseline = None
        self.longer = {}

    def with_epochs(self, epochs):
        """The same runs trained for more epochs, with their own uninterrupted reference."""
        if epochs == self.hp["epochs"]:
            return self
        if epochs not in self.longer:
            self.longer[epochs] = Runs(self.s, dict(self.hp, epochs=epochs))
        return self.longer[epochs]

    def launch(self):
        vocab = [v for v in self.s.api("GET", "/api/vocabularies") if v["name"] == "demo-shapes"][0]["id"]
        run = self.s.api("POST", "/api/runs", {"datasetName": "demo", "vocabularyId": vocab,
                                               "hyperparameters": self.hp})
        log("launched run %d" % run["id"])
        return run["id"]

    def get(self, run_id):
        return self.s.api("GET", "/api/runs/%d" % run_id)["run"]

    def training_started(self, run_id, timeout=1800):
        """Waits until the run trains; returns (time the Train stage was seen, total steps)."""
        t0 = time.time()
        while time.time() - t0 < timeout:
            r = self.get(run_id)
            if r["status"] in TERMINAL:
                raise ChaosError("run %d ended (%s: %s) before training" % (run_id, r["status"], r["message"]))
            if r["stage"] == "TRAIN":
                return time.time()
            time.sleep(0.3)
        raise ChaosError("run %d did not reach training in %d s" % (run_id, timeout))

    def progress(self, run_id):
        """(last step, total steps) from the run's message 'step s/n, loss x'."""
        r = self.get(run_id)
        msg = r.get("message") or ""
        if r["stage"] == "TRAIN" and msg.startswith("step ") and "/" in msg:
            done, total = msg[5:].split(",")[0].split("/")
            return int(done), int(total), r
        return (r.get("lastStep") or 0), None, r

    def last_checkpoint(self, run_id):
        rows = self.s.sql("select coalesce(max(step), 0) from run_checkpoint where run_id = %d" % run_id)
        return int(rows[0][0])

    def wait_end(self, run_id, timeout=1800):
        t0 = time.time()
        last_error = None
        while time.time() - t0 < timeout:
            try:
                r = self.get(run_id)
                if r["status"] in TERMINAL:
                    return r
            except Exception as e:  # the app may be down or restarting: keep asking
                last_error = e
            time.sleep(2)
        raise ChaosError("run %d not finished after %d s (last error: %s)" % (run_id, timeout, last_error))

    def train_activity(self, run_id):
        """The Train activity's result (TrainedModelRef) and the attempt that produced it."""
        wf = self.get(run_id)["workflowId"]
        events = self.s.history(wf)
        scheduled = {}
        result, attempt = None, None
        for e in events:
            t = e["eventType"]
            if t == "EVENT_TYPE_ACTIVITY_TASK_SCHEDULED":
                a = e["activityTaskScheduledEventAttributes"]
                scheduled[str(e["eventId"])] = a["activityType"]["name"]
            elif t == "EVENT_TYPE_ACTIVITY_TASK_STARTED":
                a = e["activityTaskStartedEventAttributes"]
                if scheduled.get(str(a["scheduledEventId"])) == "Train":
                    attempt = int(a.get("attempt", 1))
            elif t == "EVENT_TYPE_ACTIVITY_TASK_COMPLETED":
                a = e["activityTaskCompletedEventAttributes"]
                if scheduled.get(str(a["scheduledEventId"])) == "Train":
                    result = payload(a["result"]["payloads"][0])
        return result, attempt

    def metric_steps(self, mlflow_run_id, key="train_loss"):
        h = self.s.mlflow("GET", "metrics/get-history?" + urllib.parse.urlencode(
            {"run_id": mlflow_run_id, "metric_key": key, "max_results": 25000}))
        return [int(m.get("step", 0)) for m in h.get("metrics", [])]

    def weights_sha256(self, run_id):
        rows = self.s.sql("select checkpoint_sha256 from model_version where run_id = %d" % run_id)
        return rows[0][0] if rows else None

    def uninterrupted(self):
        """An uninterrupted run with the same hyperparameters (seed): the bit-identity reference."""
        if self.baseline is None:
            t0 = time.time()
            self.baseline = {"error": "the uninterrupted reference run did not finish"}
            run_id = self.launch()
            r = self.wait_end(run_id)
            if r["status"] != "SUCCEEDED":
                self.baseline = {"error": "the uninterrupted reference run %d ended %s: %s" % (
                    run_id, r["status"], r["message"])}
            else:
                self.baseline = {"run": run_id, "weights_sha256": self.weights_sha256(run_id),
                                 "seconds": round(time.time() - t0, 1)}
            log("reference run %d: %s" % (run_id, self.baseline))
        if "error" in self.baseline:
            raise ChaosError(self.baseline["error"])
        return self.baseline


def payload(p):
    if isinstance(p, dict) and isinstance(p.get("data"), str):
        return json.loads(base64.b64decode(p["data"]).decode())
    return p


# ---- invariants, checked after every scenario over everything the stack holds ----
def invariants(stack):
    problems, figures = [], {}
    runs = stack.sql("select id, coalesce(mlflow_run_id, ''), status from training_run order by id")
    exp = stack.mlflow("GET", "experiments/get-by-name?experiment_name=ovid")["experiment"]["experiment_id"]
    mlflow_runs, token = [], None
    while True:
        body = {"experiment_ids": [exp], "max_results": 1000, "run_view_type": "ALL"}
        if token:
            body["page_token"] = token
        page = stack.mlflow("POST", "runs/search", body)
        mlflow_runs += page.get("runs", [])
        token = page.get("next_page_token")
        if not token:
            break
    by_ovid = {}
    for m in mlflow_runs:
        tags = {t["key"]: t["value"] for t in m.get("data", {}).get("tags", [])}
        by_ovid.setdefault(tags.get("ovid.run_id"), []).append(m["info"]["run_id"])
    for run_id, mlflow_id, status in runs:
        found = by_ovid.get(run_id, [])
        if len(found) != 1:
            problems.append("run %s has %d MLflow runs (%s)" % (run_id, len(found), found))
        elif mlflow_id and found[0] != mlflow_id:
            problems.append("run %s names MLflow run %s but MLflow holds %s" % (run_id, mlflow_id, found[0]))
    strays = [k for k in by_ovid if k not in {r[0] for r in runs}]
    if strays:
        problems.append("MLflow runs for unknown Ovid runs: %s" % strays)
    figures["mlflow_runs"] = len(mlflow_runs)
    figures["ovid_runs"] = len(runs)

    for table, key, what in (("model_version", "run_id", "model versions"),
                             ("dataset_version", "manifest_sha256", "dataset versions"),
                             ("dataset_version", "dataset_name, version", "dataset versions")):
        dup = stack.sql("select %s, count(*) from %s group by %s having count(*) > 1" % (key, table, key))
        if dup:
            problems.append("duplicate %s: %s" % (what, dup))
    figures["model_versions"] = int(stack.sql("select count(*) from model_version")[0][0])
    figures["dataset_versions"] = int(stack.sql("select count(*) from dataset_version")[0][0])
    try:
        versions = stack.mlflow("GET", "model-versions/search?" + urllib.parse.urlencode(
            {"filter": "name='ovid'", "max_results": 1000})).get("model_versions", [])
    except urllib.error.HTTPError:
        versions = []
    per_run = {}
    for v in versions:
        per_run.setdefault(v.get("run_id"), []).append(v["version"])
    dup = {k: v for k, v in per_run.items() if len(v) > 1}
    if dup:
        problems.append("duplicate MLflow model versions per MLflow run: %s" % dup)
    figures["mlflow_model_versions"] = len(versions)

    refs = stack.sql(
        "select manifest_uri, manifest_sha256 from dataset_version"
        " union all select checkpoint_uri, checkpoint_sha256 from model_version"
        " union all select label_embeddings_uri, label_embeddings_sha256 from model_version"
        "   where label_embeddings_uri is not null"
        " union all select uri, sha256 from run_checkpoint"
        " union all select object_uri, sha256 from vocabulary_version"
        " union all select uri, sha256 from label_embedding_set")
    bad = []
    for uri, sha in refs:
        got = stack.object_sha256(uri)
        if got != sha:
            bad.append("%s (%s)" % (uri, "missing" if got is None else "sha256 " + got[:12] + " != " + sha[:12]))
    unhashed = stack.sql("select curation_report_uri from dataset_version where curation_report_uri is not null"
                         " union all select report_uri from evaluation where report_uri is not null")
    for (uri,) in unhashed:
        if stack.object_sha256(uri) is None:
            bad.append(uri + " (missing)")
    if bad:
        problems.append("objects referenced by PostgreSQL missing or altered in MinIO: %s" % bad[:10])
    figures["objects_checked"] = len(refs) + len(unhashed)
    return problems, figures


# ---- scenarios ----
def metric_problems(runs, run):
    steps = runs.metric_steps(run["mlflowRunId"])
    problems = []
    dups = sorted({s for s in steps if steps.count(s) > 1})
    if dups:
        problems.append("MLflow train_loss holds steps more than once: %s" % dups[:20])
    if steps and sorted(set(steps)) != list(range(1, max(steps) + 1)):
        problems.append("MLflow train_loss misses steps")
    return problems, {"metric_points": len(steps), "last_metric_step": max(steps) if steps else 0}


def finished(runs, run_id, problems, figures):
    r = runs.wait_end(run_id)
    figures["status"] = r["status"]
    if r["status"] != "SUCCEEDED":
        problems.append("run %d ended %s: %s" % (run_id, r["status"], r["message"]))
        return r
    p, f = metric_problems(runs, r)
    problems += p
    figures.update(f)
    trained, attempt = runs.train_activity(run_id)
    figures["train_attempts"] = attempt
    figures["resumed_from_step"] = (trained or {}).get("resumedFromStep")
    figures["final_loss"] = (trained or {}).get("finalLoss")
    figures["weights_sha256"] = runs.weights_sha256(run_id)
    return r


def worker_kill(stack, runs, late):
    problems, figures = [], {}
    runs = kill_runs(runs)
    figures["epochs"] = runs.hp["epochs"]
    baseline = runs.uninterrupted()
    figures["reference_run"] = baseline["run"]
    run_id = runs.launch()
    figures["run"] = run_id
    started = runs.training_started(run_id)
    first_step = None  # when the first trained step was seen (model building and decoding done)
    while True:
        step, total, _ = runs.progress(run_id)
        ckpt = runs.last_checkpoint(run_id)
        if step > 0 and first_step is None:
            first_step = time.time()
        # Kill at a step after the last checkpoint, so the resumed attempt redoes some steps.
        if late:
            # (Not only after a checkpoint: a fast training leaves too short a window for that.)
            if total and step >= 0.7 * total and ckpt > 0:
                break
        elif first_step is not None and ((step > ckpt > 0) or time.time() - first_step >= 25):
            break
        if total and step >= total:
            raise ChaosError("training finished before the kill point; use more --epochs")
        time.sleep(0.2)
    stack.kill_java("worker")
    figures["killed_after_s"] = round(time.time() - first_step, 1)
    figures["killed_after_train_stage_s"] = round(time.time() - started, 1)
    figures["step_at_kill"] = step
    figures["total_steps"] = total
    # After SIGKILL nothing more can be written: this is the last checkpoint before the kill.
    figures["last_checkpoint_before_kill"] = runs.last_checkpoint(run_id)
    log("worker killed %.1f s into training at step %s/%s; last checkpoint %d" % (
        figures["killed_after_s"], step, total, figures["last_checkpoint_before_kill"]))
    if total and figures["last_checkpoint_before_kill"] >= total:
        raise ChaosError("the kill landed after training had ended (step %d/%d checkpointed): the "
                         "kill window was too short; use more --epochs" % (
                             figures["last_checkpoint_before_kill"], total))
    if not late and figures["killed_after_s"] >= 30:
        problems.append("the early kill came %.0f s after the first step, not under 30 s" % figures["killed_after_s"])
    stack.start_java("worker")
    t0 = time.time()
    finished(runs, run_id, problems, figures)
    figures["seconds_to_finish_after_kill"] = round(time.time() - t0, 1)
    if figures.get("status") == "SUCCEEDED":
        if figures["resumed_from_step"] != figures["last_checkpoint_before_kill"]:
            problems.append("training resumed from step %s, not from the last checkpoint %s" % (
                figures["resumed_from_step"], figures["last_checkpoint_before_kill"]))
        if (figures["train_attempts"] or 0) < 2:
            problems.append("the Train activity was not retried (attempt %s)" % figures["train_attempts"])
        figures["bit_identical_to_reference"] = figures["weights_sha256"] == baseline["weights_sha256"]
        if not figures["bit_identical_to_reference"]:
            problems.append("final weights %s differ from the uninterrupted run's %s" % (
                figures["weights_sha256"], baseline["weights_sha256"]))
    return problems, figures


def web_kill(stack, runs):
    problems, figures = [], {}
    run_id = runs.launch()
    figures["run"] = run_id
    runs.training_started(run_id)
    stack.kill_java("app")
    down_at = time.time()
    log("web app killed while run %d trains" % run_id)
    time.sleep(10)
    figures["restart_s"] = round(stack.start_java("app"), 1)
    figures["app_down_s"] = round(time.time() - down_at, 1)
    r = finished(runs, run_id, problems, figures)
    # The restarted app lists the run with its outcome (the API behind the UI's runs page).
    listed = [x for x in stack.api("GET", "/api/runs?limit=100") if x["id"] == run_id]
    if not listed or listed[0]["status"] != r["status"]:
        problems.append("the restarted app does not list run %d as %s" % (run_id, r["status"]))
    try:
        req = urllib.request.Request(stack.app_url + "/runs/%d" % run_id,
                                     headers={"Authorization": basic(USER, PASSWORD)})
        with urllib.request.urlopen(req, timeout=30) as resp:
            figures["ui_page_http_status"] = resp.status
    except urllib.error.HTTPError as e:
        figures["ui_page_http_status"] = e.code
    return problems, figures


def outage(stack, runs, service):
    problems, figures = [], {}
    fn = {"minio": "minio", "mlflow": "mlflow", "postgres": "pg", "temporal": "temporal"}[service]
    run_id = runs.launch()
    figures["run"] = run_id
    started = runs.training_started(run_id)
    while runs.last_checkpoint(run_id) == 0 and time.time() - started < 900:
        time.sleep(0.5)
    figures["step_at_outage"] = runs.progress(run_id)[0]
    t0 = time.time()
    stack.service(fn + "_down")
    log("%s down during run %d (step %s)" % (service, run_id, figures["step_at_outage"]))
    time.sleep(max(0, OUTAGE_SECONDS - (time.time() - t0)))
    stack.service(fn + "_up")
    figures["outage_s"] = round(time.time() - t0, 1)
    log("%s back after %.1f s" % (service, figures["outage_s"]))
    finished(runs, run_id, problems, figures)
    if runs.baseline and "error" not in runs.baseline and figures.get("weights_sha256"):
        figures["bit_identical_to_reference"] = figures["weights_sha256"] == runs.baseline["weights_sha256"]
    return problems, figures


def kill_runs(runs):
    """The runs a worker kill interrupts, and their uninterrupted reference. 18 steps of the demo
    train in a few seconds on an idle machine, and progress (reported every 5 steps) lags behind:
    kills aimed at a step landed after the last one. So these runs train longer."""
    return runs.with_epochs(max(4 * runs.hp["epochs"], KILL_MIN_EPOCHS))


def reference(stack, runs):
    runs = kill_runs(runs)
    b = runs.uninterrupted()
    trained, attempt = runs.train_activity(b["run"])
    figures = {"run": b["run"], "weights_sha256": b["weights_sha256"], "train_attempts": attempt,
               "final_loss": (trained or {}).get("finalLoss")}
    r = runs.get(b["run"])
    problems, f = metric_problems(runs, r)
    figures.update(f)
    if attempt != 1:
        # E.g. a training step slower than the 30 s heartbeat timeout on an overloaded machine.
        problems.append("the reference run's training was not uninterrupted (attempt %s)" % attempt)
    return problems, figures


def run_scenario(name, stack, runs):
    if name == "reference":
        return reference(stack, runs)
    if name == "worker-kill-early":
        return worker_kill(stack, runs, late=False)
    if name == "worker-kill-late":
        return worker_kill(stack, runs, late=True)
    if name == "web-kill":
        return web_kill(stack, runs)
    return outage(stack, runs, name.split("-")[0])


def main():
    ap = argparse.ArgumentParser(prog="bin/ovid chaos", description=__doc__.split("\n\n")[0])
    ap.add_argument("--scenario", action="append",
                    help="scenario(s) to run, repeatable or comma-separated (default: all; see --list)")
    ap.add_argument("--epochs", type=int, default=int(os.environ.get("OVID_CHAOS_EPOCHS", "2")),
                    help="training epochs of every run (default 2: 18 steps on the demo dataset); "
                         "runs whose worker is killed train 4x as long, at least %d" % KILL_MIN_EPOCHS)
    ap.add_argument("--keep", action="store_true", help="leave the private stack running at the end")
    ap.add_argument("--list", action="store_true", help="list the scenarios and exit")
    ap.add_argument("--json", action="store_true", help="JSON lines; the last one sums up")
    a = ap.parse_args()
    if a.list:
        for name, what in SCENARIOS:
            print("%-18s %s" % (name, what))
        return 0
    names = [s for arg in (a.scenario or [n for n, _ in SCENARIOS]) for s in arg.split(",") if s]
    unknown = [n for n in names if n not in dict(SCENARIOS)]
    if unknown:
        ap.error("unknown scenario(s) %s; known: %s" % (unknown, ", ".join(n for n, _ in SCENARIOS)))
    if any(n.startswith("worker-kill") for n in names):
        # The uninterrupted run the killed runs' final weights must equal, bit for bit.
        names.insert(0, "reference")
    app_jar, worker_jar = os.environ.get("OVID_APP_JAR"), os.environ.get("OVID_WORKER_JAR")
    if not (app_jar and worker_jar and os.path.exists(app_jar) and os.path.exists(worker_jar)):
        ap.error("run through bin/ovid chaos (it builds the jars and names them in OVID_APP_JAR/OVID_WORKER_JAR)")
    # A fixed seed: the reference and every interrupted run compute the same numbers. Checkpoints
    # every 4 steps and progress every 5 (the worker's interval) make a kill at a reported step
    # lose steps after the last checkpoint, which the resumed attempt must redo without
    # reporting them twice.
    hp = {"epochs": a.epochs, "batchSize": 4, "checkpointEverySteps": 4, "seed": 7}

    stack = Stack(app_jar, worker_jar)
    results = []

    def on_signal(signum, frame):
        raise KeyboardInterrupt()
    signal.signal(signal.SIGTERM, on_signal)
    try:
        stack.up()
        runs = Runs(stack, hp)
        for name in names:
            log("scenario %s" % name)
            t0 = time.time()
            try:
                problems, figures = run_scenario(name, stack, runs)
            except ChaosError as e:
                problems, figures = [str(e)], {}
            except (urllib.error.URLError, subprocess.CalledProcessError, OSError) as e:
                problems, figures = ["%s: %s" % (type(e).__name__, e)], {}
            seconds = round(time.time() - t0, 1)
            # Whatever happened, the stack must be whole again before the next scenario.
            for proc in ("app", "worker"):
                if stack.procs.get(proc) is None or stack.procs[proc].poll() is not None:
                    stack.procs.pop(proc, None)
                    stack.start_java(proc)
            try:
                p, f = invariants(stack)
                problems += p
                figures["invariants"] = f
            except Exception as e:
                problems.append("checking invariants failed: %s: %s" % (type(e).__name__, e))
            result = {"name": name, "passed": not problems, "seconds": seconds}
            results.append(result)
            detail = dict(result, figures=figures, problems=problems)
            log("%s %s in %.0f s %s" % (name, "PASSED" if not problems else "FAILED", seconds,
                                        json.dumps(figures)))
            for p in problems:
                log("  - " + p)
            if a.json:
                print(json.dumps(detail), flush=True)
    except KeyboardInterrupt:
        log("interrupted")
    finally:
        if a.keep:
            log("stack left running: app %s, state %s (stop: OVID_STATE_DIR=%s infra/ovid-services down)"
                % (stack.app_url, STATE, STATE))
        else:
            stack.down()
    summary = {"scenarios": results}
    if a.json:
        print(json.dumps(summary))
    else:
        for r in results:
            print("%-18s %-6s %7.1f s" % (r["name"], "PASS" if r["passed"] else "FAIL", r["seconds"]))
    return 0 if results and all(r["passed"] for r in results) and len(results) == len(names) else 1


if __name__ == "__main__":
    sys.exit(main())
