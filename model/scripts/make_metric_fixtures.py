#!/usr/bin/env python3
"""Writes the golden fixtures for Ovid's metrics (dev.ovid.model.metrics).

Reference numbers come from scikit-learn (average_precision_score, precision_recall_curve,
f1_score) and from a plain re-implementation of YouTube-8M's GAP (eval_util.calculate_gap with
average_precision_calculator.ap_at_n). The Java tests must match them to 1e-9.

Run once, commit the output (CI never runs this):
  python3 -m venv .ovid/venvs/metrics && .ovid/venvs/metrics/bin/pip install numpy scikit-learn
  .ovid/venvs/metrics/bin/python model/scripts/make_metric_fixtures.py
"""

import csv
import json
import os
import sys
from fractions import Fraction

import numpy as np
import sklearn
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "test", "resources",
                   "fixtures", "metrics")
TOP_K = 20
F1_THRESHOLDS = [-1.0, 0.0, 0.25, 0.3, 0.5, 0.55, 0.7, 0.9, 1.0, 2.0]


def make_dataset(rng, videos, labels, decimals, drop_fraction, dead_labels):
    """Random multi-label decisions; scores rounded to `decimals` (None: keep full precision)."""
    label_names = [f"label_{i:02d}" for i in range(labels)]
    # Shuffle the label order in the file so "first seen" and "by name" orders differ.
    order = rng.permutation(labels)
    rows = []
    for v in range(videos):
        vid = f"vid{v:03d}"
        for l in order:
            if rng.random() < drop_fraction:
                continue  # not every pair is scored: decisions are sparse
            rate = 0.0 if l in dead_labels else 0.05 + 0.3 * (l % 4) / 3
            positive = rng.random() < rate
            score = rng.beta(3, 2) if positive else rng.beta(2, 3)
            if decimals is not None:
                score = round(float(score), decimals)
            rows.append((vid, label_names[l], float(score), bool(positive)))
    return rows


def write_csvs(name, rows):
    with open(os.path.join(OUT, f"{name}_scores.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["video_id", "label", "score"])
        for vid, label, score, _ in rows:
            w.writerow([vid, label, repr(score)])
    with open(os.path.join(OUT, f"{name}_labels.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["video_id", "label"])
        for vid, label, _, positive in rows:
            if positive:
                w.writerow([vid, label])


def peak_f1(y, s):
    """Peak F1 from scikit-learn's curve; ties go to the lowest threshold (numpy.argmax)."""
    precision, recall, thresholds = precision_recall_curve(y, s)
    p, r = precision[:-1], recall[:-1]  # the last point (1, 0) has no threshold
    with np.errstate(invalid="ignore", divide="ignore"):
        f1 = np.where(p + r > 0, 2 * p * r / (p + r), 0.0)
    best = f1.max()
    # First index (lowest threshold) within float noise of the maximum.
    i = int(np.flatnonzero(f1 >= best - 1e-12)[0])
    return float(f1[i]), float(thresholds[i]), precision, recall, thresholds


def f1_at(y, s, t):
    return float(f1_score(y, (s >= t).astype(int), zero_division=0))


def gap_reference(rows, k):
    """YouTube-8M GAP@k with Ovid's documented tie rules, computed the slow, obvious way."""
    by_video = {}
    for vid, label, score, positive in rows:
        by_video.setdefault(vid, []).append((score, label, positive))
    kept = []
    for entries in by_video.values():
        entries.sort(key=lambda e: (-e[0], e[1]))  # score descending, then label name
        kept.extend(entries[:k])
    total_positives = sum(1 for r in rows if r[3])
    # Non-interpolated AP over the kept pairs, tied scores entering together.
    kept.sort(key=lambda e: -e[0])
    ap, tp, seen, i = 0.0, 0, 0, 0
    while i < len(kept):
        j = i
        gained = 0
        while j < len(kept) and kept[j][0] == kept[i][0]:
            gained += 1 if kept[j][2] else 0
            j += 1
        tp += gained
        seen = j
        if gained:
            ap += (gained / total_positives) * (tp / seen)
        i = j
    return ap


def gap_youtube8m_literal(rows, k):
    """YouTube-8M's own algorithm (argpartition top k, rank, ap_at_n with n=None); valid only
    without ties, where its random tie-breaking cannot matter."""
    videos = sorted({r[0] for r in rows})
    labels = sorted({r[1] for r in rows})
    vi = {v: i for i, v in enumerate(videos)}
    li = {l: i for i, l in enumerate(labels)}
    pred = np.full((len(videos), len(labels)), -np.inf)
    act = np.zeros((len(videos), len(labels)))
    for vid, label, score, positive in rows:
        pred[vi[vid], li[label]] = score
        act[vi[vid], li[label]] = 1 if positive else 0
    flat_p, flat_a = [], []
    for row in range(len(videos)):
        scored = np.flatnonzero(np.isfinite(pred[row]))  # only pairs that have a decision
        kk = min(k, len(scored))
        top = scored[np.argpartition(pred[row, scored], -kk)[-kk:]]
        flat_p.extend(pred[row, top])
        flat_a.extend(act[row, top])
    numpos = act.sum()
    order = np.argsort(-np.array(flat_p), kind="stable")
    ap, poscount = 0.0, 0.0
    for i, idx in enumerate(order):
        if flat_a[idx] > 0:
            poscount += 1
            ap += poscount / (i + 1) / numpos
    return float(ap)


def describe(name, rows):
    s = np.array([r[2] for r in rows])
    y = np.array([1 if r[3] else 0 for r in rows])
    pf1, pthr, precision, recall, thresholds = peak_f1(y, s)
    per_class = {}
    for label in sorted({r[1] for r in rows}):
        ys = np.array([1 if r[3] else 0 for r in rows if r[1] == label])
        ss = np.array([r[2] for r in rows if r[1] == label])
        if ys.sum() > 0:
            per_class[label] = float(average_precision_score(ys, ss))
    expected = {
        "decisions": len(rows),
        "positives": int(y.sum()),
        "distinct_scores": int(len(np.unique(s))),
        "aupr": float(average_precision_score(y, s)),
        "map": float(np.mean(list(per_class.values()))),
        "per_class_ap": per_class,
        "peak_f1": pf1,
        "peak_f1_threshold": pthr,
        "gap20": gap_reference(rows, TOP_K),
        "f1_at": [{"threshold": t, "f1": f1_at(y, s, t)} for t in F1_THRESHOLDS],
        # scikit-learn's arrays as returned: thresholds ascending, precision/recall one longer.
        "pr_curve": {
            "precision": [float(v) for v in precision],
            "recall": [float(v) for v in recall],
            "thresholds": [float(v) for v in thresholds],
        },
    }
    return expected, y, s


def f1_exact(y, s, t):
    """F1 = 2TP / (2TP + FP + FN) as an exact fraction, so ties between thresholds are exact."""
    predicted = s >= t
    tp = int(np.sum(predicted & (y == 1)))
    fp = int(np.sum(predicted & (y == 0)))
    fn = int(np.sum(~predicted & (y == 1)))
    return Fraction(0) if tp == 0 else Fraction(2 * tp, 2 * tp + fp + fn)


def calibrate(sets):
    """Max over candidate thresholds of the min F1 across sets; ties: higher mean, lower t."""
    candidates = sorted({float(v) for _, s in sets for v in s})
    best_key, best_t = None, None
    for t in candidates:  # ascending, strict improvement only: ties keep the lower threshold
        f1s = [f1_exact(y, s, t) for y, s in sets]
        key = (min(f1s), sum(f1s))
        if best_key is None or key > best_key:
            best_key, best_t = key, t
    f1s = [f1_at(y, s, best_t) for y, s in sets]
    for (y, s), f in zip(sets, f1s):
        assert abs(float(f1_exact(y, s, best_t)) - f) < 1e-12
    return {"threshold": best_t, "min_f1": min(f1s), "f1_per_set": f1s}


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.default_rng(20240712)
    datasets = {
        # Heavy ties: one decimal (11 distinct scores), 25 labels so top-20 cuts through ties,
        # one label without any positive (left out of mAP), 10% of pairs unscored.
        "ties": make_dataset(rng, videos=40, labels=25, decimals=1, drop_fraction=0.1,
                             dead_labels={7}),
        # Two decimals: ties still common, fewer videos.
        "coarse": make_dataset(rng, videos=25, labels=12, decimals=2, drop_fraction=0.0,
                               dead_labels=set()),
        # Full precision: no ties at all, so YouTube-8M's own GAP algorithm applies verbatim.
        "distinct": make_dataset(rng, videos=30, labels=30, decimals=None, drop_fraction=0.05,
                                 dead_labels={3, 11}),
    }
    expected = {"sklearn_version": sklearn.__version__, "numpy_version": np.__version__,
                "top_k": TOP_K, "datasets": {}}
    sets = []
    for name, rows in datasets.items():
        write_csvs(name, rows)
        e, y, s = describe(name, rows)
        if name == "distinct":
            assert e["distinct_scores"] == e["decisions"], "distinct dataset has ties"
            literal = gap_youtube8m_literal(rows, TOP_K)
            assert abs(literal - e["gap20"]) < 1e-12, (literal, e["gap20"])
            e["gap20_youtube8m_literal"] = literal
        expected["datasets"][name] = e
        sets.append((y, s))
    expected["calibration"] = {"sets": list(datasets.keys()), **calibrate(sets)}
    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1)
        f.write("\n")
    for name, e in expected["datasets"].items():
        print(f"{name}: decisions={e['decisions']} positives={e['positives']} "
              f"distinct={e['distinct_scores']} aupr={e['aupr']:.6f} map={e['map']:.6f} "
              f"peak_f1={e['peak_f1']:.6f}@{e['peak_f1_threshold']} gap20={e['gap20']:.6f}",
              file=sys.stderr)
    print("calibration:", expected["calibration"], file=sys.stderr)


if __name__ == "__main__":
    main()
