package dev.ovid.activities.bench;

import dev.ovid.activities.ingestion.video.DecodedVideo;
import dev.ovid.activities.ingestion.video.ManifestVideoLoader;
import dev.ovid.activities.ingestion.video.PrefetchingReader;
import dev.ovid.activities.training.StreamingTrainingDataset;
import dev.ovid.model.bench.BenchSize;
import dev.ovid.model.core.OvidModel;
import dev.ovid.model.core.OvidModels;
import dev.ovid.model.core.TinyClipSpec;
import dev.ovid.model.training.OvidTrainer;
import dev.ovid.model.training.TrainingConfig;
import dev.ovid.registry.common.Sha256;
import dev.ovid.registry.dataset.manifest.ManifestEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.bytedeco.javacpp.Loader;

/**
 * The data path against FFmpeg on the same clips and cores: videos/s through the activities' loader
 * ({@link PrefetchingReader} over {@link ManifestVideoLoader}: decode, F = 8 uniform frames, CLIP's
 * 224 px resize and crop, as training and evaluation read videos) on T threads, FFmpeg's own decode
 * rate of the same clips (the {@code ffmpeg} program shipped in JavaCV's FFmpeg jar, decoding every
 * frame of every clip to a null output, so no conversion or scaling), and one training epoch's wall
 * time split into waiting for data and the rest (the model's compute).
 */
public final class DataPathBenchmark {
  public static final int FRAMES = 8;
  public static final int IMAGE_SIZE = 224;

  /** One epoch of training read through the streaming loader. */
  public record Training(
      String model,
      int videos,
      int batchSize,
      long steps,
      double seconds,
      double dataWaitSeconds,
      double dataWaitShare) {}

  /**
   * What one run measured (videos/s are medians over the passes).
   *
   * @param ffmpegSerialVideosPerSecond T ffmpeg processes at once, each decoding its share of the
   *     clips one after another with a single-threaded decoder ({@code -threads 1})
   * @param ffmpegThreadedVideosPerSecond one ffmpeg process decoding every clip in turn with T
   *     decoder threads ({@code -threads T})
   * @param ratio Ovid's rate over the faster of the two FFmpeg rates
   */
  public record Result(
      int videos,
      int threads,
      int frames,
      int imageSize,
      String codec,
      int passes,
      double ovidVideosPerSecond,
      double[] ovidPasses,
      double ffmpegSerialVideosPerSecond,
      double ffmpegThreadedVideosPerSecond,
      double ratio,
      double ovidCpuSecondsPerVideo,
      double ffmpegCpuSecondsPerVideo,
      double cpuRatio,
      String ffmpegCommand,
      Training training) {}

  private final Path clipDir;
  private final Path workDir;
  private final int threads;
  private final int passes;

  public DataPathBenchmark(Path clipDir, Path workDir, int threads, int passes) {
    if (threads < 1 || passes < 1) throw new IllegalArgumentException("threads, passes >= 1");
    this.clipDir = clipDir;
    this.workDir = workDir;
    this.threads = threads;
    this.passes = passes;
  }

  /** Writes the clips that are missing and lists them as manifest entries. */
  public List<ManifestEntry> clips(int videos, StringBuilder codec) throws Exception {
    Files.createDirectories(clipDir);
    List<ManifestEntry> out = new ArrayList<>(videos);
    for (int i = 0; i < videos; i++) {
      Path file = clipDir.resolve(String.format("clip-%dx%d-%05d.mp4", 640, 360, i));
      CameraLikeClips.writeIfMissing(i, file);
      if (codec.isEmpty()) {
        try (var probe = new org.bytedeco.javacv.FFmpegFrameGrabber(file.toFile())) {
          probe.start();
          codec.append(probe.getVideoCodecName());
        }
      }
      out.add(
          new ManifestEntry(
              "clip-" + i, file.toString(), Sha256.of(file), SyntheticClips.labels(i), "train"));
    }
    return out;
  }

  /** Times the loader and FFmpeg, then trains one epoch of {@code model} (null: no training). */
  public Result run(List<ManifestEntry> entries, String codec, String model) throws Exception {
    var loader = new ManifestVideoLoader(null, workDir.resolve("videos"), FRAMES, IMAGE_SIZE, null);
    // Warm-up (JIT, FFmpeg's libraries), then the passes, alternating Ovid and FFmpeg so that
    // the machine's load falls on both.
    ovidPass(loader, entries.subList(0, Math.min(entries.size(), threads)));
    String ffmpeg = Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
    double[] ovid = new double[passes];
    double[] serial = new double[passes];
    double[] threaded = new double[passes];
    double[] ovidCpu = new double[passes];
    double[] ffmpegCpu = new double[passes];
    for (int p = 0; p < passes; p++) {
      double[] o = ovidPass(loader, entries);
      ovid[p] = entries.size() / o[0];
      ovidCpu[p] = o[1] / entries.size();
      double[] f = ffmpegSerialPass(ffmpeg, entries);
      serial[p] = entries.size() / f[0];
      ffmpegCpu[p] = f[1] / entries.size();
      threaded[p] = entries.size() / ffmpegThreadedPass(ffmpeg, entries)[0];
    }
    double ovidRate = median(ovid);
    double serialRate = median(serial);
    double threadedRate = median(threaded);
    double ovidCpuPerVideo = median(ovidCpu);
    double ffmpegCpuPerVideo = median(ffmpegCpu);
    Training training = model == null ? null : train(entries, model);
    return new Result(
        entries.size(),
        threads,
        FRAMES,
        IMAGE_SIZE,
        codec,
        passes,
        ovidRate,
        ovid,
        serialRate,
        threadedRate,
        ovidRate / Math.max(serialRate, threadedRate),
        ovidCpuPerVideo,
        ffmpegCpuPerVideo,
        ffmpegCpuPerVideo / ovidCpuPerVideo,
        "ffmpeg -nostdin -hide_banner -nostats -v info -benchmark -threads {1|T} -f concat -safe 0 -i LIST -map 0:v:0 -f null -",
        training);
  }

  /** Wall seconds and the JVM's CPU seconds of one read of {@code entries}. */
  private double[] ovidPass(ManifestVideoLoader loader, List<ManifestEntry> entries) {
    var os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long cpu = os.getProcessCpuTime();
    long started = System.nanoTime();
    long checksum = 0;
    try (PrefetchingReader<DecodedVideo> reader =
        new PrefetchingReader<>(i -> loader.decode(entries.get(i), true), threads, 2 * threads)) {
      reader.plan(IntStream.range(0, entries.size()).toArray());
      for (int i = 0; i < entries.size(); i++) checksum += reader.get(i).pixels()[0];
    }
    if (checksum == Long.MIN_VALUE) throw new IllegalStateException("unreachable");
    return new double[] {(System.nanoTime() - started) / 1e9, (os.getProcessCpuTime() - cpu) / 1e9};
  }

  /** T processes at once, each decoding its share of the clips in turn on one thread. */
  private double[] ffmpegSerialPass(String ffmpeg, List<ManifestEntry> entries) throws Exception {
    List<List<ManifestEntry>> shares = new ArrayList<>();
    for (int t = 0; t < threads; t++) shares.add(new ArrayList<>());
    for (int i = 0; i < entries.size(); i++) shares.get(i % threads).add(entries.get(i));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long started = System.nanoTime();
      List<Future<Double>> runs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        List<ManifestEntry> share = shares.get(t);
        if (share.isEmpty()) continue;
        int id = t;
        runs.add(pool.submit(() -> decode(ffmpeg, share, 1, "serial-" + id)));
      }
      double cpu = 0;
      for (Future<Double> run : runs) cpu += run.get();
      return new double[] {(System.nanoTime() - started) / 1e9, cpu};
    } finally {
      pool.shutdownNow();
    }
  }

  /** One process decoding every clip in turn with T decoder threads. */
  private double[] ffmpegThreadedPass(String ffmpeg, List<ManifestEntry> entries) throws Exception {
    long started = System.nanoTime();
    double cpu = decode(ffmpeg, entries, threads, "threaded");
    return new double[] {(System.nanoTime() - started) / 1e9, cpu};
  }

  /** Decodes {@code clips} in turn with one ffmpeg process; returns its CPU seconds. */
  private double decode(String ffmpeg, List<ManifestEntry> clips, int decoderThreads, String name)
      throws IOException, InterruptedException {
    Path list = workDir.resolve("ffmpeg-" + name + ".txt");
    Files.createDirectories(workDir);
    StringBuilder lines = new StringBuilder();
    for (ManifestEntry e : clips) {
      lines.append("file '").append(e.uri().replace("'", "'\\''")).append("'\n");
    }
    Files.writeString(list, lines, StandardCharsets.UTF_8);
    ProcessBuilder builder =
        new ProcessBuilder(
                ffmpeg,
                "-nostdin",
                "-hide_banner",
                "-nostats",
                "-v",
                "info",
                "-benchmark",
                "-threads",
                Integer.toString(decoderThreads),
                "-f",
                "concat",
                "-safe",
                "0",
                "-i",
                list.toString(),
                "-map",
                "0:v:0",
                "-f",
                "null",
                "-")
            .redirectErrorStream(true);
    // The program's libraries (libva among them) lie next to it in JavaCPP's cache; its run path
    // does not name that folder.
    String folder = Path.of(ffmpeg).getParent().toString();
    String inherited = System.getenv("LD_LIBRARY_PATH");
    builder
        .environment()
        .put("LD_LIBRARY_PATH", inherited == null ? folder : folder + ":" + inherited);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IOException("ffmpeg failed (" + process.exitValue() + "): " + output);
    }
    var times = BENCH_LINE.matcher(output);
    if (!times.find()) throw new IOException("no -benchmark report from ffmpeg: " + output);
    return Double.parseDouble(times.group(1)) + Double.parseDouble(times.group(2));
  }

  private static final java.util.regex.Pattern BENCH_LINE =
      java.util.regex.Pattern.compile("utime=([0-9.]+)s stime=([0-9.]+)s");

  /**
   * One epoch (batch 2, F = 8, 224 px) through {@link StreamingTrainingDataset}, as the training
   * activity reads data: {@code small} is a 4-layer, 128-wide ViT/16 (compute of milliseconds, so
   * the loader is what is tested), {@code base} CLIP ViT-B/16's vision shape.
   */
  Training train(List<ManifestEntry> entries, String model) throws Exception {
    TinyClipSpec spec =
        switch (model) {
          case "small" -> new TinyClipSpec(128, 4, 4, 512, IMAGE_SIZE, 16, 64, 24);
          case "base" -> BenchSize.named("base").vision();
          default -> throw new IllegalArgumentException("model must be small or base: " + model);
        };
    int batch = 2;
    TrainingConfig config =
        TrainingConfig.builder()
            .epochs(1)
            .batchSize(batch)
            .learningRate(1e-3f)
            .temporalLayers(model.equals("base") ? 4 : 2)
            .frames(FRAMES)
            .checkpointEverySteps(0)
            .build();
    var loader =
        new ManifestVideoLoader(null, workDir.resolve("videos"), FRAMES, spec.imageSize(), null);
    try (OvidModel ovid =
            OvidModels.tinyRandom(
                spec, config.videoEncoderConfig(), 1, workDir.resolve("model-" + model));
        PrefetchingReader<DecodedVideo> reader =
            new PrefetchingReader<>(
                i -> loader.decode(entries.get(i), true), threads, 2 * threads)) {
      var data = new StreamingTrainingDataset(entries, reader, FRAMES, spec.imageSize());
      long started = System.nanoTime();
      long steps = new OvidTrainer(ovid, config).train(data, (e, s, t, l, r) -> {}).lastStep();
      double seconds = (System.nanoTime() - started) / 1e9;
      double wait = reader.waitNanos() / 1e9;
      return new Training(model, entries.size(), batch, steps, seconds, wait, wait / seconds);
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
