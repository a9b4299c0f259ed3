#!/usr/bin/env python3
"""Per-activity orchestration overhead of Ovid pipeline runs, from their Temporal histories.

For every activity: (scheduled -> started) queueing on its task queue, plus (previous activity
completed -> this activity scheduled), the workflow task that decides the next step. Usage:

    bench/orchestration_overhead.py [--address HOST:PORT] [--temporal BIN] WORKFLOW_ID...

Prints p50/p95 in milliseconds and, with --json, one JSON line. Reads histories only.
"""
import argparse
import datetime
import json
import subprocess


def ts(text):
    # 2026-11-25T16:08:28.447640371Z -> datetime (microseconds)
    base, frac = text.rstrip("Z").split(".") if "." in text else (text.rstrip("Z"), "0")
    return datetime.datetime.fromisoformat(base) + datetime.timedelta(
        microseconds=int(frac[:6].ljust(6, "0")))


def overheads(events):
    by_id = {int(e["eventId"]): e for e in events}
    out = []
    last_completed = None
    for e in events:
        kind = e["eventType"]
        if kind == "EVENT_TYPE_ACTIVITY_TASK_STARTED":
            sched = by_id[int(e["activityTaskStartedEventAttributes"]["scheduledEventId"])]
            if int(e["activityTaskStartedEventAttributes"].get("attempt", 1)) > 1:
                continue  # a retry's wait is backoff, not orchestration
            queued = (ts(e["eventTime"]) - ts(sched["eventTime"])).total_seconds() * 1000
            decide = 0.0
            if last_completed is not None:
                decide = (ts(sched["eventTime"]) - last_completed).total_seconds() * 1000
            out.append(queued + decide)
        elif kind == "EVENT_TYPE_ACTIVITY_TASK_COMPLETED":
            last_completed = ts(e["eventTime"])
    return out


def pct(values, p):
    s = sorted(values)
    k = max(0, min(len(s) - 1, int(round(p / 100 * (len(s) - 1)))))
    return s[k]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--address", default="127.0.0.1:57233")
    ap.add_argument("--temporal", default="temporal")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("workflows", nargs="+")
    a = ap.parse_args()
    values = []
    for wf in a.workflows:
        raw = subprocess.run(
            [a.temporal, "workflow", "show", "-w", wf, "--address", a.address, "-o", "json"],
            check=True, capture_output=True, text=True).stdout
        values += overheads(json.loads(raw)["events"])
    result = {"activities": len(values), "p50_ms": round(pct(values, 50), 1),
              "p95_ms": round(pct(values, 95), 1)}
    print(json.dumps(result) if a.json else
          f"{result['activities']} activities: p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms")


if __name__ == "__main__":
    main()
