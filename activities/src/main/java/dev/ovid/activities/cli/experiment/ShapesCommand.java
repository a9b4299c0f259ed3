package dev.ovid.activities.cli.experiment;

import dev.ovid.model.shapes.ShapesExperiment;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ovid experiment shapes}: the paper's three claims on the generated shapes benchmark
 * ({@link ShapesExperiment}): pretrains a tiny CLIP and a tiny T5, trains six configurations and
 * prints their AUPR on seen, held-out and motion labels and on a colour name only the T5 knows.
 */
@Command(
    name = "shapes",
    mixinStandardHelpOptions = true,
    description = {
      "Pretrains a tiny CLIP on frames and captions of a generated shapes world and a tiny T5 on"
          + " its words, freezes them, trains frame-mean, temporal, fixed-llm, learnable,"
          + " learnable-no-swr and learnable-anchored on the seen labels, and prints AUPR on seen"
          + " entity labels, held-out entity labels, motion labels, and entities named by a"
          + " colour word only the T5 knows (all of them, and the seen ones alone).",
      "Measured: about 10 minutes on an idle 2-core machine (README)."
    })
public final class ShapesCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print the table as one JSON object on the last line.")
  boolean json;

  @Option(
      names = "--tiny",
      description =
          "A few seconds' version (2 frames, 4 training videos): checks the command, not"
              + " the claims.")
  boolean tiny;

  @Option(names = "--seed", description = "Seed of the world, the split and the models.")
  Long seed;

  @Option(
      names = "--work-dir",
      description = "Pretrained CLIP and random T5 (default: $OVID_HOME/.ovid/experiments/shapes).")
  Path workDir;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ShapesExperiment.Settings settings =
        tiny ? ShapesExperiment.Settings.tiny() : ShapesExperiment.Settings.standard();
    if (seed != null) {
      settings = settings.withSeed(seed);
    }
    if (workDir == null) {
      String home = System.getenv().getOrDefault("OVID_HOME", ".");
      workDir = Path.of(home, ".ovid", "experiments", "shapes");
    }
    long started = System.nanoTime();
    PrintWriter progress = json ? err : out;
    ShapesExperiment.Result result =
        new ShapesExperiment(
                settings,
                workDir,
                line -> {
                  progress.println(line);
                  progress.flush();
                })
            .run();
    double seconds = (System.nanoTime() - started) / 1e9;
    out.printf(
        Locale.ROOT,
        "%d training videos (%d seen entity labels + %d motion labels + the seen entities under"
            + " their colour's first other name), %d test videos; held out: %s (colour %s)%n",
        result.trainVideos(),
        result.split().seenEntities().size(),
        dev.ovid.model.shapes.ShapesWorld.MOTIONS.size(),
        result.testVideos(),
        result.split().unseenEntities(),
        result.split().heldOutColour());
    out.printf(
        Locale.ROOT,
        "CLIP pretraining: %d steps, loss %.3f -> %.3f, frame zero-shot accuracy %.2f%n",
        result.pretraining().steps(),
        result.pretraining().firstLoss(),
        result.pretraining().lastLoss(),
        result.pretraining().zeroShotAccuracy());
    out.printf(
        Locale.ROOT,
        "T5 pretraining: %d steps, loss %.3f -> %.3f, answers right %.2f (%.2f of those naming a"
            + " colour otherwise)%n",
        result.language().steps(),
        result.language().firstLoss(),
        result.language().lastLoss(),
        result.language().answerAccuracy(),
        result.language().synonymAccuracy());
    out.printf(Locale.ROOT, "pretraining, CLIP and T5: %.0f s%n", result.pretrainSeconds());
    out.println();
    out.printf(
        Locale.ROOT,
        "%-18s %10s %12s %12s %14s %19s %15s %7s %9s%n",
        "config",
        "aupr_seen",
        "aupr_unseen",
        "aupr_motion",
        "aupr_synonyms",
        "aupr_synonyms_seen",
        "reversal_shift",
        "steps",
        "train_s");
    for (ShapesExperiment.Row r : result.rows()) {
      out.printf(
          Locale.ROOT,
          "%-18s %10.3f %12.3f %12.3f %14.3f %19.3f %15.2e %7d %9.0f%n",
          r.config(),
          r.auprSeen(),
          r.auprUnseen(),
          r.auprMotion(),
          r.auprSynonyms(),
          r.auprSynonymsSeen(),
          r.reversalShift(),
          r.steps(),
          r.trainSeconds());
    }
    out.printf(Locale.ROOT, "%ntotal %.0f s%n", seconds);
    if (json) {
      out.println(jsonLine(result));
    }
    out.flush();
    return 0;
  }

  /**
   * {"rows": [{"config": "frame-mean", "aupr_seen": 0.0, "aupr_unseen": 0.0, "aupr_motion": 0.0,
   * "aupr_synonyms": 0.0, "aupr_synonyms_seen": 0.0, "reversal_shift": 0.0}, ...]}: aupr_synonyms
   * scores every entity under the held-out other name of its colour ("scarlet circle"), a name only
   * the T5 learned, and aupr_synonyms_seen the seen entities alone under it; the reversal shift is
   * how far a clip's embedding moves when its frames play backwards (0: the model cannot see frame
   * order, so it cannot tell left from right).
   */
  static String jsonLine(ShapesExperiment.Result result) {
    StringBuilder json = new StringBuilder("{\"rows\": [");
    for (int i = 0; i < result.rows().size(); i++) {
      ShapesExperiment.Row r = result.rows().get(i);
      if (i > 0) {
        json.append(", ");
      }
      json.append(
          String.format(
              Locale.ROOT,
              "{\"config\": \"%s\", \"aupr_seen\": %.4f, \"aupr_unseen\": %.4f, \"aupr_motion\":"
                  + " %.4f, \"aupr_synonyms\": %.4f, \"aupr_synonyms_seen\": %.4f,"
                  + " \"reversal_shift\": %.3e}",
              r.config(),
              r.auprSeen(),
              r.auprUnseen(),
              r.auprMotion(),
              r.auprSynonyms(),
              r.auprSynonymsSeen(),
              r.reversalShift()));
    }
    return json.append("]}").toString();
  }
}
