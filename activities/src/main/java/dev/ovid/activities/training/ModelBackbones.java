package dev.ovid.activities.training;

import ai.djl.ndarray.NDManager;
import dev.ovid.model.core.OvidModel;
import dev.ovid.model.core.OvidModels;
import dev.ovid.model.core.Precision;
import dev.ovid.model.core.TinyClipSpec;
import dev.ovid.model.label.ClassNamePromptEncoder;
import dev.ovid.model.label.GeneratedAttributesEncoder;
import dev.ovid.model.label.LearnableLlmPromptConfig;
import dev.ovid.model.label.PromptTemplatesEncoder;
import dev.ovid.model.label.T5AttributeGenerator;
import dev.ovid.model.t5.SentencePieceTokenizer;
import dev.ovid.model.t5.T5Model;
import dev.ovid.model.video.VideoEncoderConfig;
import dev.ovid.workflows.common.BadInputException;
import dev.ovid.workflows.pipeline.ModelSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds the model a run's {@link ModelSpec} names from the model library:
 *
 * <ul>
 *   <li>backbone {@code shapes-pretrained}: a tiny CLIP pretrained on the shapes world ({@link
 *       ShapesPretrainedBackbone}, cached) and a tiny random T5; {@code tiny-random}: a tiny random
 *       CLIP (and T5 where the label encoder needs one), deterministic from the seed; {@code
 *       clip:<dir>}: a Hugging Face CLIP folder; {@code clip+t5:<clipDir>,<t5Dir>}: CLIP plus
 *       Flan-T5;
 *   <li>label encoder {@code class-name}, {@code templates}, {@code fixed-llm-attributes}
 *       (attributes written by the T5, greedy decoding) or {@code learnable-llm-prompts} (the
 *       paper's).
 * </ul>
 */
final class ModelBackbones {
  private ModelBackbones() {}

  /** The run's model, computing in {@code precision} (resolved for this worker's hardware). */
  static OvidModel build(
      ModelSpec spec, VideoEncoderConfig video, long seed, Precision precision, Path workDir) {
    return build(spec, video, seed, precision, workDir, AttributeSources.unstored());
  }

  /** As above; the fixed-LLM baseline's attributes come from {@code attributes}. */
  static OvidModel build(
      ModelSpec spec,
      VideoEncoderConfig video,
      long seed,
      Precision precision,
      Path workDir,
      AttributeSources attributes) {
    try {
      Files.createDirectories(workDir);
      String backbone = spec.backbone();
      Path clipDir;
      Path t5Dir = null;
      if (backbone.equals(ModelSpec.TINY_RANDOM)) {
        clipDir = OvidModels.tinyRandomClipDir(TinyClipSpec.tiny(), seed, workDir);
        if (spec.needsT5()) {
          t5Dir = OvidModels.tinyRandomT5Dir(seed, workDir);
        }
      } else if (backbone.equals(ModelSpec.SHAPES_PRETRAINED)) {
        clipDir = ShapesPretrainedBackbone.clipDir(seed, workDir).clipDir();
        if (spec.needsT5()) {
          t5Dir = OvidModels.tinyRandomT5Dir(seed, workDir);
        }
      } else if (backbone.startsWith("clip+t5:")) {
        String[] dirs = backbone.substring(8).split(",", 2);
        if (dirs.length != 2) {
          throw new BadInputException("clip+t5 backbone needs '<clipDir>,<t5Dir>'");
        }
        clipDir = Path.of(dirs[0]);
        t5Dir = Path.of(dirs[1]);
      } else if (backbone.startsWith("clip:")) {
        clipDir = Path.of(backbone.substring(5));
      } else {
        throw new BadInputException(
            "unknown backbone '"
                + backbone
                + "' (shapes-pretrained, tiny-random, clip:<dir>, clip+t5:<clipDir>,<t5Dir>)");
      }
      if (spec.needsT5() && t5Dir == null) {
        throw new BadInputException(
            "label encoder "
                + spec.labelEncoder()
                + " needs a T5; backbone "
                + backbone
                + " has none");
      }
      String what = backbone + ", " + spec.labelEncoder();
      return switch (spec.labelEncoder()) {
        case "class-name" ->
            OvidModels.frozenTextEncoder(
                clipDir, ClassNamePromptEncoder::new, video, seed, precision, what);
        case "templates" ->
            OvidModels.frozenTextEncoder(
                clipDir, PromptTemplatesEncoder::new, video, seed, precision, what);
        case "fixed-llm-attributes" ->
            fixedLlmAttributes(
                spec,
                clipDir,
                t5Dir,
                backbone.equals(ModelSpec.TINY_RANDOM)
                        || backbone.equals(ModelSpec.SHAPES_PRETRAINED)
                    ? "tiny-random T5, seed " + seed
                    : "T5 " + t5Dir.toAbsolutePath(),
                video,
                seed,
                precision,
                what,
                attributes);
        case "learnable-llm-prompts" ->
            OvidModels.learnableLlmPrompt(
                clipDir,
                t5Dir,
                LearnableLlmPromptConfig.defaults()
                    .withPrefixes(spec.prefixes())
                    .withAttributes(spec.attributes())
                    .withAttributeLength(spec.attributeLength())
                    .withTransformer(spec.promptLayers(), spec.promptHeads())
                    .withAnswerAnchor(spec.softPromptScaleOrDefault(), spec.answerAnchorWeight()),
                video,
                seed,
                precision);
        default -> throw new BadInputException("unknown label encoder " + spec.labelEncoder());
      };
    } catch (IllegalArgumentException e) {
      // A shape the backbone cannot take (e.g. more temporal layers than CLIP has): retrying
      // cannot help.
      throw new BadInputException(
          "cannot build model "
              + spec.backbone()
              + " / "
              + spec.labelEncoder()
              + ": "
              + e.getMessage(),
          e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static OvidModel fixedLlmAttributes(
      ModelSpec spec,
      Path clipDir,
      Path t5Dir,
      String t5Model,
      VideoEncoderConfig video,
      long seed,
      Precision precision,
      String what,
      AttributeSources attributes) {
    // The T5 stays loaded for the model's life: labels of a later vocabulary get attributes too.
    NDManager t5Manager = NDManager.newBaseManager();
    try {
      T5Model t5 = T5Model.load(t5Dir, t5Manager);
      SentencePieceTokenizer tokenizer =
          SentencePieceTokenizer.load(t5Dir.resolve("tokenizer.json"));
      T5AttributeGenerator generator =
          new T5AttributeGenerator(
              t5, tokenizer, LearnableLlmPromptConfig.DEFAULT_TEMPLATE, spec.attributes());
      var source =
          attributes.source(
              t5Model,
              generator.template(),
              generator.attributes(),
              label -> generator.generate(label, t5Manager));
      return OvidModels.frozenTextEncoder(
          clipDir,
          clip -> GeneratedAttributesEncoder.batched(clip, source),
          video,
          seed,
          precision,
          what,
          t5Manager);
    } catch (RuntimeException e) {
      t5Manager.close();
      throw e;
    }
  }
}
