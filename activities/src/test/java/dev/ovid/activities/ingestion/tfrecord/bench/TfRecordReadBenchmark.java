package dev.ovid.activities.ingestion.tfrecord.bench;

import com.google.protobuf.ByteString;
import dev.ovid.activities.ingestion.tfrecord.FrameLevelExample;
import dev.ovid.activities.ingestion.tfrecord.LabelRemapper;
import dev.ovid.activities.ingestion.tfrecord.TfRecordReader;
import dev.ovid.activities.ingestion.tfrecord.TfRecordWriter;
import dev.ovid.activities.ingestion.tfrecord.VideoLevelExample;
import dev.ovid.activities.ingestion.tfrecord.Youtube8mReader;
import dev.ovid.activities.ingestion.tfrecord.proto.BytesList;
import dev.ovid.activities.ingestion.tfrecord.proto.Example;
import dev.ovid.activities.ingestion.tfrecord.proto.Feature;
import dev.ovid.activities.ingestion.tfrecord.proto.FeatureList;
import dev.ovid.activities.ingestion.tfrecord.proto.FeatureLists;
import dev.ovid.activities.ingestion.tfrecord.proto.Features;
import dev.ovid.activities.ingestion.tfrecord.proto.FloatList;
import dev.ovid.activities.ingestion.tfrecord.proto.Int64List;
import dev.ovid.activities.ingestion.tfrecord.proto.SequenceExample;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * TFRecord read throughput (not a test): generates YouTube-8M-shaped video-level and frame-level
 * files (or reuses them), then times, on the same file, a raw sequential read, framing with both
 * CRC32C checks, and framing + CRC + full protobuf parsing (+ dequantization for frame-level). Each
 * figure is the median of several passes over a file already in the page cache.
 *
 * <p>Properties: {@code bench.dir} (default: the system temp dir), {@code bench.videos} (video
 * level records, default 20000), {@code bench.frameVideos} (frame-level records, default 300),
 * {@code bench.frames} (frames per frame-level video, default 150), {@code bench.passes} (5).
 */
public final class TfRecordReadBenchmark {
  private static final int BUFFER = 1 << 20;

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(System.getProperty("bench.dir", System.getProperty("java.io.tmpdir")));
    int videos = Integer.getInteger("bench.videos", 20000);
    int frameVideos = Integer.getInteger("bench.frameVideos", 300);
    int frames = Integer.getInteger("bench.frames", 150);
    int passes = Integer.getInteger("bench.passes", 5);
    Files.createDirectories(dir);

    Path video = dir.resolve("ovid-bench-video-level-" + videos + ".tfrecord");
    Path frame = dir.resolve("ovid-bench-frame-level-" + frameVideos + "x" + frames + ".tfrecord");
    if (!Files.exists(video)) {
      writeVideoLevel(video, videos);
    }
    if (!Files.exists(frame)) {
      writeFrameLevel(frame, frameVideos, frames);
    }
    System.out.printf(
        Locale.ROOT,
        "TFRecord read benchmark, %d passes each (median), JVM %s, %d cores%n",
        passes,
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors());
    bench("video-level", video, passes, false);
    bench("frame-level", frame, passes, true);
  }

  private static void bench(String label, Path file, int passes, boolean frameLevel)
      throws IOException {
    long size = Files.size(file);
    System.out.printf(Locale.ROOT, "%n%s: %s (%.1f MB)%n", label, file, size / 1e6);
    raw(file); // warm the page cache and the JIT
    double[] raw = new double[passes];
    double[] crc = new double[passes];
    double[] parse = new double[passes];
    long records = 0;
    for (int p = 0; p < passes; p++) {
      raw[p] = raw(file);
      long t = System.nanoTime();
      records = framingOnly(file);
      crc[p] = seconds(t);
      t = System.nanoTime();
      long parsed = frameLevel ? parseFrameLevel(file) : parseVideoLevel(file);
      parse[p] = seconds(t);
      if (parsed != records) {
        throw new IllegalStateException("parsed " + parsed + " of " + records + " records");
      }
    }
    print("raw sequential read", size, 0, median(raw));
    print("framing + CRC32C", size, records, median(crc));
    print("framing + CRC + parse", size, records, median(parse));
  }

  private static void print(String what, long bytes, long records, double seconds) {
    System.out.printf(
        Locale.ROOT,
        "  %-24s %9.1f MB/s %s%n",
        what,
        bytes / 1e6 / seconds,
        records == 0 ? "" : String.format(Locale.ROOT, "%11.0f records/s", records / seconds));
  }

  private static double raw(Path file) throws IOException {
    long t = System.nanoTime();
    byte[] buf = new byte[BUFFER];
    long sum = 0;
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        sum += buf[n - 1]; // touch the data so the read cannot be skipped
      }
    }
    if (sum == 42) {
      System.out.print("");
    }
    return seconds(t);
  }

  private static long framingOnly(Path file) throws IOException {
    try (TfRecordReader r = TfRecordReader.open(file)) {
      while (r.next() != null) {
        // both checksums are verified inside next()
      }
      return r.records();
    }
  }

  private static long parseVideoLevel(Path file) throws IOException {
    long n = 0;
    try (Youtube8mReader<VideoLevelExample> r =
        Youtube8mReader.videoLevel(file, LabelRemapper.identity())) {
      while (r.next() != null) {
        n++;
      }
    }
    return n;
  }

  private static long parseFrameLevel(Path file) throws IOException {
    long n = 0;
    try (Youtube8mReader<FrameLevelExample> r =
        Youtube8mReader.frameLevel(file, LabelRemapper.identity())) {
      while (r.next() != null) {
        n++;
      }
    }
    return n;
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  private static Feature bytes(byte[] b) {
    return Feature.newBuilder()
        .setBytesList(BytesList.newBuilder().addValue(ByteString.copyFrom(b)))
        .build();
  }

  private static Feature labels(Random rnd) {
    Int64List.Builder l = Int64List.newBuilder();
    int n = 1 + rnd.nextInt(5);
    for (int i = 0; i < n; i++) {
      l.addValue(rnd.nextInt(3862));
    }
    return Feature.newBuilder().setInt64List(l).build();
  }

  private static Feature floats(Random rnd, int n) {
    FloatList.Builder f = FloatList.newBuilder();
    for (int i = 0; i < n; i++) {
      f.addValue((float) rnd.nextGaussian());
    }
    return Feature.newBuilder().setFloatList(f).build();
  }

  private static void writeVideoLevel(Path file, int videos) throws IOException {
    Random rnd = new Random(1);
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (OutputStream out = Files.newOutputStream(tmp);
        TfRecordWriter w = new TfRecordWriter(out)) {
      for (int v = 0; v < videos; v++) {
        Features f =
            Features.newBuilder()
                .putFeature("id", bytes(("v" + v).getBytes(StandardCharsets.UTF_8)))
                .putFeature("labels", labels(rnd))
                .putFeature("mean_rgb", floats(rnd, 1024))
                .putFeature("mean_audio", floats(rnd, 128))
                .build();
        w.write(Example.newBuilder().setFeatures(f).build().toByteArray());
      }
    }
    Files.move(tmp, file);
  }

  private static void writeFrameLevel(Path file, int videos, int frames) throws IOException {
    Random rnd = new Random(2);
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    byte[] rgb = new byte[1024];
    byte[] audio = new byte[128];
    try (OutputStream out = Files.newOutputStream(tmp);
        TfRecordWriter w = new TfRecordWriter(out)) {
      for (int v = 0; v < videos; v++) {
        FeatureList.Builder rgbList = FeatureList.newBuilder();
        FeatureList.Builder audioList = FeatureList.newBuilder();
        for (int i = 0; i < frames; i++) {
          rnd.nextBytes(rgb);
          rnd.nextBytes(audio);
          rgbList.addFeature(bytes(rgb));
          audioList.addFeature(bytes(audio));
        }
        SequenceExample seq =
            SequenceExample.newBuilder()
                .setContext(
                    Features.newBuilder()
                        .putFeature("id", bytes(("f" + v).getBytes(StandardCharsets.UTF_8)))
                        .putFeature("labels", labels(rnd)))
                .setFeatureLists(
                    FeatureLists.newBuilder()
                        .putFeatureList("rgb", rgbList.build())
                        .putFeatureList("audio", audioList.build()))
                .build();
        w.write(seq.toByteArray());
      }
    }
    Files.move(tmp, file);
  }
}
