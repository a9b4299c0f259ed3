#!/usr/bin/env python3
"""Per-activity orchestration overhead of Ovid pipeline runs, from their Temporal histories.

For every activity (first attempts only: a retry's wait is backoff): the time between the previous
activity's completion and this activity's start, split where the history allows it:

  server      previous activity completed -> workflow task scheduled (history service)
  wft_poll    workflow task scheduled -> started (a workflow worker's poller took it)
  wft_run     workflow task started -> completed (the worker ran the workflow code)
  schedule    workflow task completed -> activity scheduled (same request: ~0)
  act_poll    activity scheduled -> started (an activity poller took it: dispatch, or waiting
              for a free slot on its queue when every slot is busy)
  total       the sum: what orchestration adds per activity

The first activity of a run counts from the workflow's start instead. Also prints the execution
time of the bookkeeping activities (startRun, stageChanged, finishRun: database and MLflow
writes that a pipeline performs between its real steps), and the most Train activities that
ever ran at once across the given workflows (from their started/completed timestamps).

    bench/orchestration_overhead.py [--address HOST:PORT] [--temporal BIN] [--json] WORKFLOW_ID...

Reads histories only.
"""
import argparse
import datetime
import json
import subprocess

BOOKKEEPING = ("StartRun", "StageChanged", "FinishRun")


def ts(text):
    # 2026-11-25T16:08:28.447640371Z -> datetime (microseconds)
    base, frac = text.rstrip("Z").split(".") if "." in text else (text.rstrip("Z"), "0")
    return datetime.datetime.fromisoformat(base) + datetime.timedelta(
        microseconds=int(frac[:6].ljust(6, "0")))


def ms(a, b):
    return (b - a).total_seconds() * 1000


def analyse(events):
    """(overhead rows, bookkeeping durations, training intervals) of one workflow history."""
    by_id = {int(e["eventId"]): e for e in events}
    rows, bookkeeping, training = [], [], []
    previous_end = None  # when the last activity completed (or the workflow started)
    wft = {}  # the workflow task that led to the latest scheduling: scheduled/started/completed
    for e in events:
        kind = e["eventType"]
        t = ts(e["eventTime"])
        if kind == "EVENT_TYPE_WORKFLOW_EXECUTION_STARTED":
            previous_end = t
        elif kind == "EVENT_TYPE_WORKFLOW_TASK_SCHEDULED":
            wft = {"scheduled": t}
        elif kind == "EVENT_TYPE_WORKFLOW_TASK_STARTED":
            wft["started"] = t
        elif kind == "EVENT_TYPE_WORKFLOW_TASK_COMPLETED":
            wft["completed"] = t
        elif kind == "EVENT_TYPE_ACTIVITY_TASK_STARTED":
            attrs = e["activityTaskStartedEventAttributes"]
            sched = by_id[int(attrs["scheduledEventId"])]
            name = sched["activityTaskScheduledEventAttributes"]["activityType"]["name"]
            if int(attrs.get("attempt", 1)) > 1 or previous_end is None:
                continue
            s = ts(sched["eventTime"])
            w = sched.get("_wft", {})
            row = {"activity": name, "act_poll": ms(s, t), "total": ms(previous_end, t)}
            if {"scheduled", "started", "completed"} <= w.keys():
                row.update(server=ms(previous_end, w["scheduled"]),
                           wft_poll=ms(w["scheduled"], w["started"]),
                           wft_run=ms(w["started"], w["completed"]),
                           schedule=ms(w["completed"], s))
            rows.append(row)
        elif kind == "EVENT_TYPE_ACTIVITY_TASK_SCHEDULED":
            e["_wft"] = dict(wft)
        elif kind == "EVENT_TYPE_ACTIVITY_TASK_COMPLETED":
            attrs = e["activityTaskCompletedEventAttributes"]
            started = by_id[int(attrs["startedEventId"])]
            sched = by_id[int(attrs["scheduledEventId"])]
            name = sched["activityTaskScheduledEventAttributes"]["activityType"]["name"]
            if name in BOOKKEEPING:
                bookkeeping.append(ms(ts(started["eventTime"]), t))
            if name == "Train":
                training.append((ts(started["eventTime"]), t))
            previous_end = t
    return rows, bookkeeping, training


def pct(values, p):
    if not values:
        return None
    s = sorted(values)
    k = max(0, min(len(s) - 1, int(round(p / 100 * (len(s) - 1)))))
    return round(s[k], 1)


def max_overlap(intervals):
    points = sorted([(a, 1) for a, _ in intervals] + [(b, -1) for _, b in intervals],
                    key=lambda x: (x[0], x[1]))  # an end at the same instant frees first
    now = best = 0
    for _, d in points:
        now += d
        best = max(best, now)
    return best


def history(temporal, address, wf):
    raw = subprocess.run(
        [temporal, "workflow", "show", "-w", wf, "--address", address, "-o", "json"],
        check=True, capture_output=True, text=True).stdout
    return json.loads(raw)["events"]


def summarise(rows, bookkeeping, training):
    parts = {}
    for key in ("total", "server", "wft_poll", "wft_run", "schedule", "act_poll"):
        values = [r[key] for r in rows if key in r]
        parts[key] = {"p50_ms": pct(values, 50), "p95_ms": pct(values, 95)}
    return {"activities": len(rows), "p50_ms": parts["total"]["p50_ms"],
            "p95_ms": parts["total"]["p95_ms"], "breakdown": parts,
            "bookkeeping_activity_runtime": {"count": len(bookkeeping),
                                             "p50_ms": pct(bookkeeping, 50),
                                             "p95_ms": pct(bookkeeping, 95)},
            "max_trainings_at_once": max_overlap(training), "trainings": len(training)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--address", default="127.0.0.1:57233")
    ap.add_argument("--temporal", default="temporal")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("workflows", nargs="+")
    a = ap.parse_args()
    rows, bookkeeping, training = [], [], []
    for wf in a.workflows:
        r, b, t = analyse(history(a.temporal, a.address, wf))
        rows += r; bookkeeping += b; training += t
    result = summarise(rows, bookkeeping, training)
    if a.json:
        print(json.dumps(result))
        return
    print(f"{result['activities']} activities: p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms")
    for key, v in result["breakdown"].items():
        print(f"  {key:9s} p50 {v['p50_ms']} ms, p95 {v['p95_ms']} ms")
    bk = result["bookkeeping_activity_runtime"]
    print(f"bookkeeping activities ({bk['count']}): run p50 {bk['p50_ms']} ms, p95 {bk['p95_ms']} ms")
    print(f"trainings at once: at most {result['max_trainings_at_once']} of {result['trainings']}")


if __name__ == "__main__":
    main()
