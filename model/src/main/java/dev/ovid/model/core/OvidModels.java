package dev.ovid.model.core;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import dev.ovid.model.clip.ClipModel;
import dev.ovid.model.label.ClassNamePromptEncoder;
import dev.ovid.model.label.LabelEncoder;
import dev.ovid.model.label.LearnableLlmPromptConfig;
import dev.ovid.model.label.LearnableLlmPromptEncoder;
import dev.ovid.model.t5.SentencePieceTokenizer;
import dev.ovid.model.t5.T5Model;
import dev.ovid.model.video.ClipModelFrameEncoder;
import dev.ovid.model.video.VideoEncoder;
import dev.ovid.model.video.VideoEncoderConfig;
import dev.ovid.model.weights.Devices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds {@link OvidModel}s: from pretrained Hugging Face folders (CLIP, and Flan-T5 for the
 * learnable label encoder) or, without any download, from a tiny random CLIP written to a folder.
 * The temporal branch and the label encoder's trainable parts are initialised from {@code seed}, so
 * the same arguments always give the same model. Runs on CUDA when present, CPU otherwise.
 */
public final class OvidModels {
  private OvidModels() {}

  /**
   * A tiny model with random weights and the class-name prompt label encoder. The random CLIP is
   * written to {@code workDir} (reused if already there) and loaded like a pretrained one.
   */
  public static OvidModel tinyRandom(
      TinyClipSpec spec, VideoEncoderConfig video, long seed, Path workDir) {
    return tinyRandom(spec, video, seed, workDir, Precision.FP32);
  }

  /** As above, computing in {@code precision}. */
  public static OvidModel tinyRandom(
      TinyClipSpec spec, VideoEncoderConfig video, long seed, Path workDir, Precision precision) {
    Path clipDir = workDir.resolve("clip-random-" + seed);
    writeOnce(clipDir, dir -> RandomClipCheckpoint.write(dir, spec, seed), workDir);
    return classNamePrompt(
        clipDir, video, seed, "tiny random CLIP " + spec + " seed " + seed, precision);
  }

  /**
   * The paper's full model without downloads: a tiny random CLIP (as {@link #tinyRandom}) and a
   * tiny random Flan-layout T5 (width 32, 2 layers, 4 heads, character-level tokenizer) under
   * {@code workDir}, with the learnable LLM prompt label encoder.
   */
  public static OvidModel tinyRandomLearnable(
      TinyClipSpec spec,
      LearnableLlmPromptConfig prompts,
      VideoEncoderConfig video,
      long seed,
      Path workDir) {
    return tinyRandomLearnable(spec, prompts, video, seed, workDir, Precision.FP32);
  }

  /** As above, computing in {@code precision}. */
  public static OvidModel tinyRandomLearnable(
      TinyClipSpec spec,
      LearnableLlmPromptConfig prompts,
      VideoEncoderConfig video,
      long seed,
      Path workDir,
      Precision precision) {
    Path clipDir = workDir.resolve("clip-random-" + seed);
    Path t5Dir = workDir.resolve("t5-random-" + seed);
    writeOnce(clipDir, dir -> RandomClipCheckpoint.write(dir, spec, seed), workDir);
    writeOnce(t5Dir, dir -> RandomT5Checkpoint.write(dir, 32, 2, 4, 64, seed), workDir);
    return learnableLlmPrompt(
        clipDir, t5Dir, t5Dir.resolve("tokenizer.json"), prompts, video, seed, precision);
  }

  /** The folder of the tiny random CLIP for {@code seed} under {@code workDir}, written once. */
  public static Path tinyRandomClipDir(TinyClipSpec spec, long seed, Path workDir) {
    Path clipDir = workDir.resolve("clip-random-" + seed);
    writeOnce(clipDir, dir -> RandomClipCheckpoint.write(dir, spec, seed), workDir);
    return clipDir;
  }

  /** The folder of the tiny random T5 for {@code seed} under {@code workDir}, written once. */
  public static Path tinyRandomT5Dir(long seed, Path workDir) {
    Path t5Dir = workDir.resolve("t5-random-" + seed);
    writeOnce(t5Dir, dir -> RandomT5Checkpoint.write(dir, 32, 2, 4, 64, seed), workDir);
    return t5Dir;
  }

  /**
   * CLIP from {@code clipDir} with a label encoder that only prompts its frozen text tower (class
   * name, templates, fixed LLM attributes), made by {@code labelEncoder}.
   */
  public static OvidModel frozenTextEncoder(
      Path clipDir,
      java.util.function.Function<ClipModel, LabelEncoder> labelEncoder,
      VideoEncoderConfig video,
      long seed,
      Precision precision,
      String description,
      AutoCloseable... owned) {
    ClipModel clip = loadClip(clipDir, precision, video.temporalLayers());
    try {
      NDManager params = NDManager.newBaseManager(clip.device());
      VideoEncoder videoEncoder =
          VideoEncoder.initialize(new ClipModelFrameEncoder(clip), video, params, seed);
      AutoCloseable[] all = java.util.Arrays.copyOf(owned, owned.length + 1);
      all[owned.length] = clip;
      return new OvidModel(
          params, labelEncoder.apply(clip), videoEncoder, description, precision, all);
    } catch (RuntimeException e) {
      clip.close();
      throw e;
    }
  }

  private interface FolderWriter {
    void write(Path dir) throws IOException;
  }

  /** Writes a deterministic folder once, atomically, so parallel callers never see half of it. */
  private static void writeOnce(Path target, FolderWriter writer, Path workDir) {
    try {
      if (Files.isRegularFile(target.resolve("model.safetensors"))) {
        return;
      }
      Files.createDirectories(workDir);
      Path tmp = Files.createTempDirectory(workDir, target.getFileName().toString());
      writer.write(tmp);
      try {
        Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        if (!Files.isRegularFile(target.resolve("model.safetensors"))) {
          throw e;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  /** CLIP from {@code clipDir}, class-name prompt label encoder ("a video of {label}."). */
  public static OvidModel classNamePrompt(Path clipDir, VideoEncoderConfig video, long seed) {
    return classNamePrompt(clipDir, video, seed, "CLIP " + clipDir + ", class-name prompts");
  }

  /** As above, computing in {@code precision}. */
  public static OvidModel classNamePrompt(
      Path clipDir, VideoEncoderConfig video, long seed, Precision precision) {
    return classNamePrompt(
        clipDir, video, seed, "CLIP " + clipDir + ", class-name prompts", precision);
  }

  private static OvidModel classNamePrompt(
      Path clipDir, VideoEncoderConfig video, long seed, String description) {
    return classNamePrompt(clipDir, video, seed, description, Precision.FP32);
  }

  private static OvidModel classNamePrompt(
      Path clipDir, VideoEncoderConfig video, long seed, String description, Precision precision) {
    ClipModel clip = loadClip(clipDir, precision, video.temporalLayers());
    try {
      return assemble(clip, new ClassNamePromptEncoder(clip), video, seed, description, precision);
    } catch (RuntimeException e) {
      clip.close();
      throw e;
    }
  }

  /**
   * The paper's model: CLIP from {@code clipDir}, frozen Flan-T5 from {@code t5Dir} (with its
   * {@code tokenizer.json}) and the learnable LLM prompt label encoder.
   */
  public static OvidModel learnableLlmPrompt(
      Path clipDir,
      Path t5Dir,
      LearnableLlmPromptConfig prompts,
      VideoEncoderConfig video,
      long seed) {
    return learnableLlmPrompt(
        clipDir, t5Dir, t5Dir.resolve("tokenizer.json"), prompts, video, seed);
  }

  /** As above, in {@code precision}. */
  public static OvidModel learnableLlmPrompt(
      Path clipDir,
      Path t5Dir,
      LearnableLlmPromptConfig prompts,
      VideoEncoderConfig video,
      long seed,
      Precision precision) {
    return learnableLlmPrompt(
        clipDir, t5Dir, t5Dir.resolve("tokenizer.json"), prompts, video, seed, precision);
  }

  /** As above, with T5's {@code tokenizer.json} elsewhere than in {@code t5Dir}. */
  public static OvidModel learnableLlmPrompt(
      Path clipDir,
      Path t5Dir,
      Path t5TokenizerJson,
      LearnableLlmPromptConfig prompts,
      VideoEncoderConfig video,
      long seed) {
    return learnableLlmPrompt(
        clipDir, t5Dir, t5TokenizerJson, prompts, video, seed, Precision.FP32);
  }

  /** As above, in {@code precision} (BF16: the frozen CLIP vision tower in bfloat16). */
  public static OvidModel learnableLlmPrompt(
      Path clipDir,
      Path t5Dir,
      Path t5TokenizerJson,
      LearnableLlmPromptConfig prompts,
      VideoEncoderConfig video,
      long seed,
      Precision precision) {
    ClipModel clip = loadClip(clipDir, precision, video.temporalLayers());
    NDManager t5Manager = NDManager.newBaseManager(clip.device());
    try {
      T5Model t5 = T5Model.load(t5Dir, t5Manager);
      SentencePieceTokenizer tokenizer = SentencePieceTokenizer.load(t5TokenizerJson);
      NDManager params = NDManager.newBaseManager(clip.device());
      LabelEncoder labels =
          new LearnableLlmPromptEncoder(clip, t5, tokenizer, prompts.withSeed(seed), params);
      VideoEncoder videoEncoder =
          VideoEncoder.initialize(new ClipModelFrameEncoder(clip), video, params, seed);
      return new OvidModel(
          params,
          labels,
          videoEncoder,
          "CLIP " + clipDir + ", T5 " + t5Dir + ", learnable LLM prompts " + prompts,
          precision,
          t5Manager,
          clip);
    } catch (RuntimeException e) {
      t5Manager.close();
      clip.close();
      throw e;
    }
  }

  private static OvidModel assemble(
      ClipModel clip,
      LabelEncoder labels,
      VideoEncoderConfig video,
      long seed,
      String description,
      Precision precision) {
    NDManager params = NDManager.newBaseManager(clip.device());
    VideoEncoder videoEncoder =
        VideoEncoder.initialize(new ClipModelFrameEncoder(clip), video, params, seed);
    return new OvidModel(params, labels, videoEncoder, description, precision, clip);
  }

  private static ClipModel loadClip(Path clipDir, Precision precision, int temporalLayers) {
    try {
      Device device = Devices.best();
      return ClipModel.load(clipDir, device, precision, temporalLayers);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load CLIP from " + clipDir, e);
    }
  }
}
