package dev.ovid.activities.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ovid.activities.bench.DataPathBenchmark;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ovid bench data}: the video data path against FFmpeg's own decode rate on the same clips
 * and threads, and a training epoch's wall time split into data wait and compute.
 */
@Command(
    name = "data",
    mixinStandardHelpOptions = true,
    description = {
      "Videos/s of the activities' loader (decode, F=8 uniform frames, CLIP 224 px resize and crop)"
          + " on T threads against FFmpeg decoding the same clips (JavaCV's ffmpeg program, every"
          + " frame to a null output, -threads 1 in T processes and -threads T in one), then one"
          + " training epoch split into data wait and compute.",
      "Clips (640x360, 10 s, 30 fps, H.264 or MPEG-4, distinct) are written once under --clips."
    })
public final class BenchDataCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--videos", defaultValue = "8", description = "Clips N (default 8).")
  int videos;

  @Option(
      names = "--threads",
      defaultValue = "2",
      description = "Loader threads T, and FFmpeg's (default 2).")
  int threads;

  @Option(names = "--passes", defaultValue = "3", description = "Timed passes (default 3).")
  int passes;

  @Option(
      names = "--train",
      defaultValue = "small",
      description =
          "Model of the training epoch: small (4 layers x 128, 224 px), base (ViT-B/16) or none.")
  String train;

  @Option(
      names = "--clips",
      defaultValue = "${java.io.tmpdir}/ovid-bench-data/clips",
      description = "Folder of the generated clips (default: ${DEFAULT-VALUE}).")
  Path clips;

  @Option(
      names = "--work",
      defaultValue = "${java.io.tmpdir}/ovid-bench-data/work",
      description = "Folder of the random model and FFmpeg's lists.")
  Path work;

  @Option(names = "--json", description = "Also print the result as JSON on the last line.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (videos < 1 || threads < 1 || passes < 1) {
      spec.commandLine().getErr().println("--videos, --threads and --passes must be >= 1");
      return 2;
    }
    if (!train.equals("small") && !train.equals("base") && !train.equals("none")) {
      spec.commandLine().getErr().println("--train must be small, base or none, was " + train);
      return 2;
    }
    var bench = new DataPathBenchmark(clips, work, threads, passes);
    var codec = new StringBuilder();
    var entries = bench.clips(videos, codec);
    var r = bench.run(entries, codec.toString(), model());
    out.printf(
        Locale.ROOT,
        "%d clips 640x360 10 s (%s), %d threads, median of %d passes:%n"
            + "  Ovid loader (decode + F=%d + CLIP %d px): %.2f videos/s%n"
            + "  FFmpeg decode, -threads 1 x %d processes: %.2f videos/s%n"
            + "  FFmpeg decode, -threads %d, one process:   %.2f videos/s%n"
            + "  Ovid / faster FFmpeg: %.0f%%%n"
            + "  CPU time per video: Ovid %.3f s, FFmpeg (-threads 1) %.3f s: Ovid reaches %.0f%%"
            + " of FFmpeg's rate per core%n",
        r.videos(),
        r.codec(),
        r.threads(),
        r.passes(),
        r.frames(),
        r.imageSize(),
        r.ovidVideosPerSecond(),
        r.threads(),
        r.ffmpegSerialVideosPerSecond(),
        r.threads(),
        r.ffmpegThreadedVideosPerSecond(),
        100 * r.ratio(),
        r.ovidCpuSecondsPerVideo(),
        r.ffmpegCpuSecondsPerVideo(),
        100 * r.cpuRatio());
    if (r.training() != null) {
      var t = r.training();
      out.printf(
          Locale.ROOT,
          "  training epoch (%s model, %d videos, batch %d, %d steps): %.1f s, data wait %.1f s"
              + " (%.1f%%), compute %.1f s%n",
          t.model(),
          t.videos(),
          t.batchSize(),
          t.steps(),
          t.seconds(),
          t.dataWaitSeconds(),
          100 * t.dataWaitShare(),
          t.seconds() - t.dataWaitSeconds());
    }
    if (json) out.println(new ObjectMapper().writeValueAsString(r));
    out.flush();
    return 0;
  }

  private String model() {
    return train.equals("none") ? null : train;
  }
}
