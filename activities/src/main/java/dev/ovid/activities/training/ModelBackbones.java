package dev.ovid.activities.training;

import dev.ovid.model.core.OvidModel;
import dev.ovid.model.core.OvidModels;
import dev.ovid.model.core.Precision;
import dev.ovid.model.core.TinyClipSpec;
import dev.ovid.model.label.LearnableLlmPromptConfig;
import dev.ovid.model.training.TrainingConfig;
import dev.ovid.workflows.common.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Maps the configured backbone to a model from the model library:
 *
 * <ul>
 *   <li>{@code tiny-random}: a small random CLIP (deterministic from the seed), class-name prompts;
 *   <li>{@code clip:<dir>}: a Hugging Face CLIP folder, class-name prompts;
 *   <li>{@code clip+t5:<clipDir>,<t5Dir>}: CLIP plus Flan-T5, the paper's learnable LLM prompts.
 * </ul>
 */
final class ModelBackbones {
  private ModelBackbones() {}

  static OvidModel build(String backbone, TrainingConfig config, Path workDir) {
    return build(backbone, config, Precision.FP32, workDir);
  }

  /** As above, in {@code precision} (the run's, resolved for this worker's hardware). */
  static OvidModel build(
      String backbone, TrainingConfig config, Precision precision, Path workDir) {
    var video = config.videoEncoderConfig();
    try {
      if (backbone.equals("tiny-random")) {
        Files.createDirectories(workDir);
        return OvidModels.tinyRandom(TinyClipSpec.tiny(), video, config.seed(), workDir, precision);
      }
      if (backbone.startsWith("clip:")) {
        return OvidModels.classNamePrompt(
            Path.of(backbone.substring(5)), video, config.seed(), precision);
      }
      if (backbone.startsWith("clip+t5:")) {
        String[] dirs = backbone.substring(8).split(",", 2);
        if (dirs.length != 2)
          throw new BadInputException("clip+t5 backbone needs '<clipDir>,<t5Dir>'");
        Path t5 = Path.of(dirs[1]);
        return OvidModels.learnableLlmPrompt(
            Path.of(dirs[0]),
            t5,
            t5.resolve("tokenizer.json"),
            LearnableLlmPromptConfig.defaults(),
            video,
            config.seed(),
            precision);
      }
    } catch (IllegalArgumentException e) {
      // A shape the backbone cannot take (e.g. more temporal layers than CLIP has): retrying
      // cannot help.
      throw new BadInputException("cannot build model '" + backbone + "': " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new BadInputException(
        "unknown ovid.model.backbone '"
            + backbone
            + "' (tiny-random, clip:<dir>, clip+t5:<clipDir>,<t5Dir>)");
  }
}
