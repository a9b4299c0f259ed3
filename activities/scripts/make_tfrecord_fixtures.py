#!/usr/bin/env python3
"""Writes the YouTube-8M-format TFRecord fixtures for Ovid's TFRecord reader tests.

The files are written by TensorFlow's own writer (tf.io.TFRecordWriter) so the Java reader is
tested against the real framing and the real protobuf encoding, not against our own writer.
Corrupt variants are made by editing bytes of TensorFlow-written files. expected.json lists what
each file holds (ids, labels, feature checksums, record byte offsets) and, for the corrupt files,
which error the reader must raise and at which offset. Maps are serialized deterministically, so
reruns give byte-identical files.

Run (not in CI; the outputs are committed). Made with tensorflow-cpu 2.21.0 on Python 3.11:
  python3 -m venv .ovid/venvs/tf && .ovid/venvs/tf/bin/pip install tensorflow-cpu
  .ovid/venvs/tf/bin/python activities/scripts/make_tfrecord_fixtures.py
"""
import json
import os

import numpy as np
import tensorflow as tf

OUT = os.path.join(os.path.dirname(__file__), "..", "src", "test", "resources", "fixtures", "tfrecord")
RGB, AUDIO = 1024, 128
# Frame-level dequantization used by YouTube-8M: x = q * 4/255 + 4/512 - 2
def dequantize(q):
    return q.astype(np.float64) * (4.0 / 255.0) + (4.0 / 512.0) - 2.0


def int64(values):
    return tf.train.Feature(int64_list=tf.train.Int64List(value=list(values)))


def floats(values):
    return tf.train.Feature(float_list=tf.train.FloatList(value=list(values)))


def bytes_(values):
    return tf.train.Feature(bytes_list=tf.train.BytesList(value=list(values)))


def write(name, payloads):
    """Writes serialized protos with TensorFlow's writer; returns each record's byte offset."""
    path = os.path.join(OUT, name)
    with tf.io.TFRecordWriter(path) as w:
        for p in payloads:
            w.write(p)
    offsets, pos = [], 0
    for p in payloads:
        offsets.append(pos)
        pos += 8 + 4 + len(p) + 4
    assert pos == os.path.getsize(path), "framing differs from 16 bytes + data"
    return path, offsets


def summary(arr):
    arr = np.asarray(arr, dtype=np.float64)
    return {"first": arr.reshape(-1)[:4].tolist(), "sum": float(arr.sum())}


def video_level(rng):
    videos = [
        ("vid-a", [0, 3, 7]),
        ("vid-b", [1]),
        ("vid-c", [2, 5]),
        ("vid-d", [4, 6, 7]),
        ("vid-e", [8]),
    ]
    payloads, expected = [], []
    for vid, labels in videos:
        rgb = rng.standard_normal(RGB).astype(np.float32)
        audio = rng.standard_normal(AUDIO).astype(np.float32)
        ex = tf.train.Example(features=tf.train.Features(feature={
            "id": bytes_([vid.encode()]),
            "labels": int64(labels),
            "mean_rgb": floats(rgb),
            "mean_audio": floats(audio),
        }))
        payloads.append(ex.SerializeToString(deterministic=True))
        expected.append({"id": vid, "labels": labels, "mean_rgb": summary(rgb), "mean_audio": summary(audio)})
    return payloads, expected


def frame_level(rng):
    videos = [("frm-a", [0, 2], 5), ("frm-b", [3], 3), ("frm-c", [9, 1], 7)]
    payloads, expected = [], []
    for vid, labels, frames in videos:
        rgb = rng.integers(0, 256, size=(frames, RGB), dtype=np.uint8)
        audio = rng.integers(0, 256, size=(frames, AUDIO), dtype=np.uint8)
        ex = tf.train.SequenceExample(
            context=tf.train.Features(feature={"id": bytes_([vid.encode()]), "labels": int64(labels)}),
            feature_lists=tf.train.FeatureLists(feature_list={
                "rgb": tf.train.FeatureList(feature=[bytes_([f.tobytes()]) for f in rgb]),
                "audio": tf.train.FeatureList(feature=[bytes_([f.tobytes()]) for f in audio]),
            }))
        payloads.append(ex.SerializeToString(deterministic=True))
        expected.append({"id": vid, "labels": labels, "frames": frames,
                         "rgb": summary(dequantize(rgb)), "audio": summary(dequantize(audio)),
                         "rgb_first_quantized": rgb.reshape(-1)[:4].tolist()})
    return payloads, expected


def corrupt(src, name, edit):
    data = bytearray(open(os.path.join(OUT, src), "rb").read())
    data = edit(data)
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.default_rng(8)
    vpay, vexp = video_level(rng)
    _, voff = write("video_level.tfrecord", vpay)
    fpay, fexp = frame_level(rng)
    _, foff = write("frame_level.tfrecord", fpay)

    bad = 1  # the second record is damaged in each corrupt variant
    at = voff[bad]

    def flip(pos):
        def edit(d):
            d[pos] ^= 0x01
            return d
        return edit

    corrupt("video_level.tfrecord", "bad_length_crc.tfrecord", flip(at + 8))
    corrupt("video_level.tfrecord", "bad_data_crc.tfrecord", flip(at + 12 + 40))
    corrupt("video_level.tfrecord", "truncated_record.tfrecord", lambda d: d[: at + 12 + len(vpay[bad]) // 2])
    corrupt("video_level.tfrecord", "truncated_header.tfrecord", lambda d: d[: at + 5])

    # Wrong feature type: mean_rgb stored as int64 in the second record.
    wrong = [vpay[0]]
    ex = tf.train.Example.FromString(vpay[1])
    ex.features.feature["mean_rgb"].CopyFrom(int64(range(RGB)))
    wrong.append(ex.SerializeToString(deterministic=True))
    write("wrong_feature_type.tfrecord", wrong)
    # Missing feature: the second record has no mean_audio.
    missing = [vpay[0]]
    ex = tf.train.Example.FromString(vpay[1])
    del ex.features.feature["mean_audio"]
    missing.append(ex.SerializeToString(deterministic=True))
    write("missing_feature.tfrecord", missing)
    # Frame-level wrong type: rgb frames stored as float lists.
    seq = tf.train.SequenceExample.FromString(fpay[1])
    seq.feature_lists.feature_list["rgb"].CopyFrom(
        tf.train.FeatureList(feature=[floats([0.5] * RGB) for _ in range(3)]))
    write("frame_level_wrong_type.tfrecord", [fpay[0], seq.SerializeToString(deterministic=True)])

    expected = {
        "writer": "tensorflow " + tf.__version__ + " tf.io.TFRecordWriter",
        "dequantize": "q * 4/255 + 4/512 - 2",
        "video_level": {"file": "video_level.tfrecord", "offsets": voff,
                        "bytes": os.path.getsize(os.path.join(OUT, "video_level.tfrecord")),
                        "records": vexp},
        "frame_level": {"file": "frame_level.tfrecord", "offsets": foff,
                        "bytes": os.path.getsize(os.path.join(OUT, "frame_level.tfrecord")),
                        "records": fexp},
        "corrupt": {
            "bad_length_crc.tfrecord": {"error": "LENGTH_CRC", "offset": at},
            "bad_data_crc.tfrecord": {"error": "DATA_CRC", "offset": at},
            "truncated_record.tfrecord": {"error": "TRUNCATED", "offset": at},
            "truncated_header.tfrecord": {"error": "TRUNCATED", "offset": at},
            "wrong_feature_type.tfrecord": {"error": "WRONG_FEATURE_TYPE", "offset": at, "feature": "mean_rgb"},
            "missing_feature.tfrecord": {"error": "MISSING_FEATURE", "offset": at, "feature": "mean_audio"},
            "frame_level_wrong_type.tfrecord": {"error": "WRONG_FEATURE_TYPE", "offset": foff[1], "feature": "rgb"},
        },
    }
    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
