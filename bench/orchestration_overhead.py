#!/usr/bin/env python3
"""Per-activity orchestration overhead of Ovid pipeline runs, from their Temporal histories.

For every activity (first attempts only: a retry's wait is backoff), the time from the event that
made the workflow decide to run it (the previous activity's completion, or the workflow's start)
to the activity's start, split where the history allows it:

  server      triggering event -> workflow task scheduled (history service)
  wft_poll    workflow task scheduled -> started (a workflow worker's poller took it)
  wft_run     workflow task started -> completed (the worker ran the workflow code)
  schedule    workflow task completed -> activity scheduled (same request: ~0)
  act_poll    activity scheduled -> started (dispatch to an activity poller, including any wait
              for a free slot when every slot of its queue is busy)
  slot_wait   the part of act_poll spent while every slot of the queue was busy (computed from
              the other activities' start/end times on the same queue; needs --slots)
  total       the sum, and total - slot_wait: what orchestration itself adds per activity

Also the execution time of the bookkeeping activities (startRun, stageChanged, finishRun: the
database and MLflow writes a pipeline makes between its real steps), the sum of the gaps per
pipeline, and the most Train activities that ran at once across the given workflows.

    bench/orchestration_overhead.py [--address HOST:PORT] [--temporal BIN]
        [--slots QUEUE_SUFFIX=N,...] [--json] WORKFLOW_ID...

--slots gives each queue's slots by the suffix of its name, e.g. cpu=2,training=1 (the worker's
ovid.worker.*-concurrency). Reads histories only.
"""
import argparse
import datetime
import json
import subprocess

BOOKKEEPING = ("StartRun", "StageChanged", "FinishRun")
TRIGGERS = ("EVENT_TYPE_WORKFLOW_EXECUTION_STARTED", "EVENT_TYPE_ACTIVITY_TASK_COMPLETED",
            "EVENT_TYPE_ACTIVITY_TASK_FAILED", "EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT",
            "EVENT_TYPE_ACTIVITY_TASK_CANCELED", "EVENT_TYPE_TIMER_FIRED",
            "EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED",
            "EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_COMPLETED")
ENDS = TRIGGERS[1:5]


def ts(text):
    # 2026-11-25T16:08:28.447640371Z -> datetime (microseconds)
    base, frac = text.rstrip("Z").split(".") if "." in text else (text.rstrip("Z"), "0")
    return datetime.datetime.fromisoformat(base) + datetime.timedelta(
        microseconds=int(frac[:6].ljust(6, "0")))


def ms(a, b):
    return (b - a).total_seconds() * 1000


def attr(event):
    return next(v for k, v in event.items() if k.endswith("EventAttributes"))


def analyse(events):
    """Activities of one workflow history: one dict per activity that started."""
    acts = {}
    trigger = None  # the latest event that makes the workflow decide again
    wft = {}
    for e in events:
        kind = e["eventType"]
        t = ts(e["eventTime"])
        if kind == "EVENT_TYPE_WORKFLOW_TASK_SCHEDULED":
            wft = {"scheduled": t, "trigger": trigger}
        elif kind == "EVENT_TYPE_WORKFLOW_TASK_STARTED":
            wft["started"] = t
        elif kind == "EVENT_TYPE_WORKFLOW_TASK_COMPLETED":
            wft["completed"] = t
        elif kind == "EVENT_TYPE_ACTIVITY_TASK_SCHEDULED":
            a = attr(e)
            acts[int(e["eventId"])] = {"activity": a["activityType"]["name"],
                                       "queue": a["taskQueue"]["name"], "scheduled": t,
                                       "wft": dict(wft)}
        elif kind == "EVENT_TYPE_ACTIVITY_TASK_STARTED":
            a = attr(e)
            act = acts[int(a["scheduledEventId"])]
            act["started"] = t
            act["attempt"] = int(a.get("attempt", 1))
        if kind in ENDS:
            acts[int(attr(e)["scheduledEventId"])]["ended"] = t
        if kind in TRIGGERS:
            trigger = t
    return [a for a in acts.values() if "started" in a]


def slot_wait(act, same_queue, slots):
    """How long after being scheduled `act` waited while every slot of its queue was busy."""
    others = [o for o in same_queue if o is not act]

    def busy(at):
        return sum(1 for o in others
                   if o["started"] <= at < o.get("ended", datetime.datetime.max))
    if busy(act["scheduled"]) < slots:
        return 0.0
    # It waited (in line) until the last slot release before it started; the rest is dispatch.
    ends = [o["ended"] for o in others
            if "ended" in o and act["scheduled"] < o["ended"] <= act["started"]]
    return ms(act["scheduled"], max(ends)) if ends else 0.0


def rows_of(all_acts, slots):
    by_queue = {}
    for a in all_acts:
        by_queue.setdefault(a["queue"], []).append(a)
    rows = []
    for a in all_acts:
        w = a["wft"]
        if a["attempt"] > 1 or w.get("trigger") is None:
            continue
        n = next((v for k, v in slots.items() if a["queue"].endswith("-" + k)), None)
        row = {"activity": a["activity"], "act_poll": ms(a["scheduled"], a["started"]),
               "total": ms(w["trigger"], a["started"])}
        if {"scheduled", "started", "completed"} <= w.keys():
            row.update(server=ms(w["trigger"], w["scheduled"]),
                       wft_poll=ms(w["scheduled"], w["started"]),
                       wft_run=ms(w["started"], w["completed"]),
                       schedule=ms(w["completed"], a["scheduled"]))
        if n:
            row["slot_wait"] = min(slot_wait(a, by_queue[a["queue"]], n), row["act_poll"])
            row["total_without_slot_wait"] = row["total"] - row["slot_wait"]
        rows.append(row)
    return rows


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


def summarise(per_workflow, slots):
    all_acts = [a for acts in per_workflow for a in acts]
    rows = rows_of(all_acts, slots)
    parts = {}
    for key in ("total", "total_without_slot_wait", "server", "wft_poll", "wft_run",
                "schedule", "act_poll", "slot_wait"):
        values = [r[key] for r in rows if key in r]
        if values:
            parts[key] = {"p50_ms": pct(values, 50), "p95_ms": pct(values, 95)}
    bookkeeping = [ms(a["started"], a["ended"]) for a in all_acts
                   if a["activity"] in BOOKKEEPING and "ended" in a]
    training = [(a["started"], a["ended"]) for a in all_acts
                if a["activity"] == "Train" and "ended" in a]
    per_pipeline = [sum(r["total"] for r in rows_of(acts, slots)) for acts in per_workflow]
    main = parts.get("total_without_slot_wait", parts["total"])
    return {"activities": len(rows), "p50_ms": main["p50_ms"], "p95_ms": main["p95_ms"],
            "breakdown": parts,
            "bookkeeping_activity_runtime": {"count": len(bookkeeping),
                                             "p50_ms": pct(bookkeeping, 50),
                                             "p95_ms": pct(bookkeeping, 95)},
            "gaps_per_pipeline_ms": {"p50": pct(per_pipeline, 50), "p95": pct(per_pipeline, 95)},
            "max_trainings_at_once": max_overlap(training), "trainings": len(training)}


def parse_slots(text):
    out = {}
    for part in filter(None, (text or "").split(",")):
        k, v = part.split("=")
        out[k.strip()] = int(v)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--address", default="127.0.0.1:62233")
    ap.add_argument("--temporal", default="temporal")
    ap.add_argument("--slots", help="e.g. cpu=2,training=1")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("workflows", nargs="+")
    a = ap.parse_args()
    result = summarise([analyse(history(a.temporal, a.address, wf)) for wf in a.workflows],
                       parse_slots(a.slots))
    if a.json:
        print(json.dumps(result))
        return
    print(f"{result['activities']} activities: p50 {result['p50_ms']} ms, "
          f"p95 {result['p95_ms']} ms (without waits for a free slot)")
    for key, v in result["breakdown"].items():
        print(f"  {key:24s} p50 {v['p50_ms']} ms, p95 {v['p95_ms']} ms")
    bk = result["bookkeeping_activity_runtime"]
    print(f"bookkeeping activities ({bk['count']}): run p50 {bk['p50_ms']} ms, "
          f"p95 {bk['p95_ms']} ms")
    g = result["gaps_per_pipeline_ms"]
    print(f"orchestration gaps per pipeline: p50 {g['p50']} ms, p95 {g['p95']} ms")
    print(f"trainings at once: at most {result['max_trainings_at_once']} "
          f"of {result['trainings']}")


if __name__ == "__main__":
    main()
