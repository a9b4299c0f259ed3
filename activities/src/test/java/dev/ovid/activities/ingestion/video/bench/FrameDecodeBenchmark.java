package dev.ovid.activities.ingestion.video.bench;

import dev.ovid.activities.ingestion.video.ClipPreprocessor;
import dev.ovid.activities.ingestion.video.VideoFrameSampler;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Frame decoding throughput (not a test): writes a synthetic clip with FFmpeg (JavaCV), then times
 * on that file (median of several passes) a sequential decode of every frame, the same plus
 * conversion to Java images, and {@link VideoFrameSampler}'s F-uniform sampling with and without
 * CLIP preprocessing.
 *
 * <p>Properties: {@code bench.width} (640), {@code bench.height} (360), {@code bench.seconds} (10),
 * {@code bench.fps} (30), {@code bench.codec} ({@code h264} when the FFmpeg build has an encoder
 * for it, else {@code mpeg4}), {@code bench.frames} (F, 8), {@code bench.size} (CLIP input, 224),
 * {@code bench.passes} (5), {@code bench.dir} (temp dir), {@code bench.threads} (cores) for the
 * parallel comparison with FFmpeg's own decode rate.
 */
public final class FrameDecodeBenchmark {
  public static void main(String[] args) throws Exception {
    avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    int width = Integer.getInteger("bench.width", 640);
    int height = Integer.getInteger("bench.height", 360);
    int seconds = Integer.getInteger("bench.seconds", 10);
    int fps = Integer.getInteger("bench.fps", 30);
    int f = Integer.getInteger("bench.frames", 8);
    int size = Integer.getInteger("bench.size", 224);
    int passes = Integer.getInteger("bench.passes", 5);
    Path dir = Path.of(System.getProperty("bench.dir", System.getProperty("java.io.tmpdir")));
    String codec = System.getProperty("bench.codec", "h264");

    Path video =
        dir.resolve(
            "ovid-bench-v2-" + width + "x" + height + "-" + seconds + "s-" + codec + ".mp4");
    String used = write(video, width, height, seconds * fps, fps, codec);
    long bytes = Files.size(video);
    try (FFmpegFrameGrabber probe = new FFmpegFrameGrabber(video.toFile())) {
      probe.start();
      used += ", decoder " + probe.getVideoCodecName();
    }
    System.out.printf(
        Locale.ROOT,
        "video: %s (%s, %dx%d, %d frames at %d fps, %.1f MB)%n",
        video,
        used,
        width,
        height,
        seconds * fps,
        fps,
        bytes / 1e6);
    System.out.printf(
        Locale.ROOT,
        "cpu: %d cores, %s%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name"));

    int[] decoded = new int[1];
    double raw = median(passes, () -> decoded[0] = decodeAll(video, false));
    double converted = median(passes, () -> decodeAll(video, true));
    var sampler = new VideoFrameSampler(f);
    double sample = median(passes, () -> sampler.sample(video).size());
    var preprocessor = new ClipPreprocessor(size);
    double sampleAndPreprocess =
        median(passes, () -> preprocessor.toTensor(sampler.sample(video)).length);

    int n = decoded[0];
    System.out.printf(
        Locale.ROOT, "sequential decode (all %d frames):      %8.1f frames/s%n", n, n / raw);
    System.out.printf(
        Locale.ROOT, "  + conversion to BufferedImage:          %8.1f frames/s%n", n / converted);
    System.out.printf(
        Locale.ROOT,
        "F=%d uniform sampling (VideoFrameSampler): %8.2f videos/s = %.1f decoded frames/s, %.1f sampled frames/s%n",
        f,
        1 / sample,
        n / sample,
        f / sample);
    System.out.printf(
        Locale.ROOT,
        "  + CLIP preprocessing to %dx%d:          %8.2f videos/s = %.1f sampled frames/s%n",
        size,
        size,
        1 / sampleAndPreprocess,
        f / sampleAndPreprocess);

    // The loader's shape: several clips at once, one per thread, against FFmpeg decoding whole
    // clips on the same threads (its own rate, no sampling or conversion).
    int threads = Integer.getInteger("bench.threads", Runtime.getRuntime().availableProcessors());
    double ffmpegVideos = parallelVideosPerSecond(threads, passes, () -> decodeAll(video, false));
    double pipelineVideos =
        parallelVideosPerSecond(
            threads, passes, () -> preprocessor.toTensor(sampler.sample(video)).length);
    System.out.printf(
        Locale.ROOT,
        "%d threads: FFmpeg decode of whole clips    %8.2f videos/s%n",
        threads,
        ffmpegVideos);
    System.out.printf(
        Locale.ROOT,
        "%d threads: sampling F=%d + CLIP preprocessing %8.2f videos/s = %.0f%% of FFmpeg's rate%n",
        threads,
        f,
        pipelineVideos,
        100 * pipelineVideos / ffmpegVideos);
  }

  /** Median over passes of videos/s with {@code threads} workers doing 2 clips each per pass. */
  static double parallelVideosPerSecond(int threads, int passes, Pass perVideo) throws Exception {
    var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      int videos = 2 * threads;
      double seconds =
          median(
              passes,
              () -> {
                var futures = new java.util.ArrayList<java.util.concurrent.Future<Object>>();
                for (int i = 0; i < videos; i++) {
                  futures.add(pool.submit(perVideo::run));
                }
                for (var fu : futures) {
                  fu.get();
                }
                return futures.size();
              });
      return videos / seconds;
    } finally {
      pool.shutdownNow();
    }
  }

  /** One timed pass; returns what it made so the JIT cannot drop the work. */
  interface Pass {
    Object run() throws Exception;
  }

  /** Median seconds of {@code passes} runs after one warm-up. */
  static double median(int passes, Pass pass) throws Exception {
    pass.run();
    double[] times = new double[passes];
    for (int i = 0; i < passes; i++) {
      long start = System.nanoTime();
      pass.run();
      times[i] = (System.nanoTime() - start) / 1e9;
    }
    Arrays.sort(times);
    return times[passes / 2];
  }

  static int decodeAll(Path video, boolean convert) throws Exception {
    int n = 0;
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile());
        Java2DFrameConverter converter = new Java2DFrameConverter()) {
      grabber.start();
      Frame frame;
      while ((frame = grabber.grabImage()) != null) {
        if (convert) converter.convert(frame);
        n++;
      }
    }
    return n;
  }

  private static BufferedImage noise(int width, int height) {
    var random = new java.util.Random(7);
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int v = 60 + random.nextInt(120);
        out.setRGB(x, y, (v << 16) | ((v + (x & 31)) << 8) | (v + (y & 31)));
      }
    }
    return out;
  }

  /** Writes moving coloured shapes over a panning texture; returns the codec used. */
  static String write(Path out, int width, int height, int frames, int fps, String codec)
      throws Exception {
    if (Files.isRegularFile(out)) return codec + " (reused)";
    try {
      record(
          out,
          width,
          height,
          frames,
          fps,
          "h264".equals(codec) ? avcodec.AV_CODEC_ID_H264 : avcodec.AV_CODEC_ID_MPEG4);
      return codec;
    } catch (Exception e) {
      if (!"h264".equals(codec)) throw e;
      System.out.println(
          "no H.264 encoder in this FFmpeg build (" + e.getMessage() + "); using MPEG-4 Part 2");
      Files.deleteIfExists(out);
      record(out, width, height, frames, fps, avcodec.AV_CODEC_ID_MPEG4);
      return "mpeg4";
    }
  }

  private static void record(Path out, int width, int height, int frames, int fps, int codec)
      throws Exception {
    try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(out.toFile(), width, height, 0);
        Java2DFrameConverter converter = new Java2DFrameConverter()) {
      recorder.setFormat("mp4");
      recorder.setVideoCodec(codec);
      recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
      recorder.setFrameRate(fps);
      recorder.setVideoBitrate(2_000_000);
      recorder.setGopSize(fps * 2);
      recorder.start();
      // Textured, moving content (a panning noise field under moving shapes), so the encoder
      // spends bits like it would on camera footage: flat synthetic frames decode unrealistically
      // fast.
      BufferedImage texture = noise(width + frames, height);
      BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
      for (int i = 0; i < frames; i++) {
        Graphics2D g = image.createGraphics();
        g.drawImage(texture, -i, 0, null);
        g.setColor(Color.getHSBColor(i / (float) frames, 0.8f, 0.9f));
        int x = (int) ((width - 80) * (i / (double) frames));
        g.fillOval(x, height / 3, 80, 80);
        g.setColor(Color.WHITE);
        g.fillRect(width - x - 60, 2 * height / 3 - 30, 60, 60);
        g.dispose();
        recorder.record(converter.convert(image));
      }
      recorder.stop();
    }
  }
}
