#!/usr/bin/env python3
"""Classification latency through the REST API, with the server's own breakdown.

Posts one video to POST /api/classify N times (the first, which loads the model, is left out) and
prints p50/p95 of the client's wall clock and of each part the response's `timings` names
(upload, expansion check, download to the worker, decode, encode, score, whole request).

Without --video it makes the issue's clip: 10 s of 640x360 H.264 at 25 fps, moving test pattern,
written by an FFmpeg binary (--ffmpeg, or the one pip's imageio-ffmpeg ships).

    bench/classify_latency.py --url http://127.0.0.1:62080 --user product --password product \
        --vocabulary demo-vocabulary --model candidate --requests 21 [--json]
"""
import argparse
import base64
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid

PARTS = ["uploadMs", "expansionMs", "downloadMs", "decodeMs", "encodeMs", "scoreMs", "totalMs"]


def make_clip(ffmpeg, path):
    subprocess.run(
        [ffmpeg, "-loglevel", "error", "-y", "-f", "lavfi",
         "-i", "testsrc2=size=640x360:rate=25:duration=10",
         "-c:v", "libx264", "-pix_fmt", "yuv420p", path],
        check=True)


def find_ffmpeg(given):
    if given:
        return given
    try:
        import imageio_ffmpeg  # pip install imageio-ffmpeg
        return imageio_ffmpeg.get_ffmpeg_exe()
    except ImportError:
        sys.exit("no FFmpeg: pass --ffmpeg or --video, or pip install imageio-ffmpeg")


def multipart(fields, file_field, file_path):
    boundary = uuid.uuid4().hex
    body = bytearray()
    for name, value in fields.items():
        if value is None:
            continue
        body += f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n".encode()
    with open(file_path, "rb") as f:
        data = f.read()
    body += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{file_field}\"; "
             f"filename=\"{os.path.basename(file_path)}\"\r\nContent-Type: video/mp4\r\n\r\n").encode()
    body += data + f"\r\n--{boundary}--\r\n".encode()
    return bytes(body), f"multipart/form-data; boundary={boundary}"


def percentile(values, q):
    values = sorted(values)
    k = (len(values) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--url", default="http://127.0.0.1:62080")
    p.add_argument("--user", default="product")
    p.add_argument("--password", default="product")
    p.add_argument("--vocabulary", required=True)
    p.add_argument("--model", default=None, help="alias or version (default: production)")
    p.add_argument("--video", help="a video file (default: the generated 10 s 640x360 clip)")
    p.add_argument("--ffmpeg")
    p.add_argument("--requests", type=int, default=21)
    p.add_argument("--json", action="store_true")
    a = p.parse_args()

    video = a.video
    if not video:
        video = os.path.join(tempfile.mkdtemp(), "clip-640x360-10s.mp4")
        make_clip(find_ffmpeg(a.ffmpeg), video)
    body, ctype = multipart({"vocabulary": a.vocabulary, "model": a.model}, "video", video)
    auth = "Basic " + base64.b64encode(f"{a.user}:{a.password}".encode()).decode()

    rows = []
    for i in range(a.requests):
        req = urllib.request.Request(a.url + "/api/classify", data=body, method="POST",
                                     headers={"Content-Type": ctype, "Authorization": auth})
        t0 = time.perf_counter()
        try:
            with urllib.request.urlopen(req, timeout=600) as r:
                out = json.load(r)
        except urllib.error.HTTPError as e:
            sys.exit(f"request {i + 1}: HTTP {e.code}: {e.read().decode(errors='replace')[:500]}")
        wall = (time.perf_counter() - t0) * 1000
        row = {"clientMs": wall, **out["timings"]}
        print(f"request {i + 1}/{a.requests}: {wall:.0f} ms", file=sys.stderr)
        if i > 0:  # the first request loads the model on the worker
            rows.append(row)

    load = os.getloadavg()[0]
    summary = {k: {"p50": round(percentile([r[k] for r in rows], 0.5), 1),
                   "p95": round(percentile([r[k] for r in rows], 0.95), 1)}
               for k in ["clientMs"] + PARTS}
    print(f"video {video} ({os.path.getsize(video)} bytes), {len(rows)} timed requests, load {load:.1f}")
    for k, v in summary.items():
        print(f"  {k:12s} p50 {v['p50']:9.1f} ms   p95 {v['p95']:9.1f} ms")
    if a.json:
        print(json.dumps({"requests": len(rows), "video_bytes": os.path.getsize(video),
                          "load_average": round(load, 2), "ms": summary}))


if __name__ == "__main__":
    main()
