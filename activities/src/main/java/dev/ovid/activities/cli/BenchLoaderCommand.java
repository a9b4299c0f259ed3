package dev.ovid.activities.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ovid.activities.bench.LoaderMemoryBenchmark;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ovid bench loader}: the worker's memory while it trains an epoch on N generated clips and
 * embeds them all, streaming (as the activities do) or decoding everything first (as they did). Run
 * one size per process: the resident-set peak covers the whole process.
 */
@Command(
    name = "loader",
    mixinStandardHelpOptions = true,
    description = {
      "Peak memory of training one epoch (tiny model, batch 8, F=8, T=2) on N generated clips and"
          + " embedding them all, through the activities' streaming loader.",
      "Clips (64x64 px, 16 frames, distinct) are written once under --clips and reused."
    })
public final class BenchLoaderCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--videos", required = true, description = "Number of videos N.")
  int videos;

  @Option(
      names = "--mode",
      defaultValue = "streaming",
      description = "streaming (default) or in-memory (every video decoded to float32 first).")
  String mode;

  @Option(
      names = "--clips",
      defaultValue = "${java.io.tmpdir}/ovid-bench-loader/clips",
      description = "Folder of the generated clips (default: ${DEFAULT-VALUE}).")
  Path clips;

  @Option(
      names = "--work",
      defaultValue = "${java.io.tmpdir}/ovid-bench-loader/work",
      description = "Folder of the tiny model and the frame cache.")
  Path work;

  @Option(names = "--decode-threads", defaultValue = "2", description = "Decoding threads.")
  int threads;

  @Option(names = "--prefetch", defaultValue = "16", description = "Most videos held at once.")
  int prefetch;

  @Option(
      names = "--frame-cache",
      description = "Keep decoded frames on disk (off: every read decodes the video).")
  boolean frameCache;

  @Option(
      names = "--read-only",
      description =
          "Only read every video once through the loader (no model): the data path alone.")
  boolean readOnly;

  @Option(names = "--json", description = "Also print the result as JSON on the last line.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (!mode.equals("streaming") && !mode.equals("in-memory")) {
      spec.commandLine().getErr().println("--mode must be streaming or in-memory, was " + mode);
      return 2;
    }
    var bench = new LoaderMemoryBenchmark(clips, work, threads, prefetch, frameCache);
    var entries = bench.clips(videos);
    boolean streaming = mode.equals("streaming");
    LoaderMemoryBenchmark.Result r =
        readOnly ? bench.readOnly(entries, streaming) : bench.run(entries, streaming);
    out.printf(
        Locale.ROOT,
        "%s, %d videos (%d train steps, %.1f s): retained heap %.1f MB, heap in use %.1f MB,"
            + " peak RSS %.1f MB (all videos as float32: %.1f MB)%n",
        r.mode(),
        r.videos(),
        r.trainSteps(),
        r.seconds(),
        r.retainedHeapBytes() / 1e6,
        r.heapInUseBytes() / 1e6,
        r.peakRssBytes() / 1e6,
        r.decodedFloat32Bytes() / 1e6);
    if (json) out.println(new ObjectMapper().writeValueAsString(r));
    out.flush();
    return 0;
  }
}
