package dev.ovid.model.training;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ovid.model.core.TensorArchive;
import dev.ovid.model.core.TensorArchiveException;
import dev.ovid.model.core.TensorRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A snapshot of a training run that resumes it exactly: trainable parameters, AdamW moments and
 * update count, the global step, the configuration (seed included) and fingerprints of the dataset.
 * Random draws are functions of (seed, step) ({@link dev.ovid.model.core.CounterRandom}), so the
 * step restores the generator state too. Values are copied out of the engine, so a checkpoint may
 * be written after the training loop moved on. An FP16 run's loss scaler state rides along.
 */
public final class Checkpoint {
  static final String KIND = "checkpoint";
  private static final String PARAM = "param/";
  private static final String MOMENT1 = "adam.m/";
  private static final String MOMENT2 = "adam.v/";

  private final TensorArchive archive;

  Checkpoint(TensorArchive archive) {
    this.archive = archive;
  }

  static Checkpoint of(
      TrainingConfig config,
      long step,
      long adamUpdates,
      int datasetSize,
      String vocabularySha256,
      Map<String, TensorRecord> parameters,
      Map<String, TensorRecord> firstMoments,
      Map<String, TensorRecord> secondMoments,
      LossScaler scaler) {
    ObjectNode meta = TensorArchive.newMetadata();
    if (scaler != null) {
      meta.put("lossScale", scaler.scale());
      meta.put("lossScaleGoodSteps", scaler.goodSteps());
      meta.put("skippedSteps", scaler.skippedSteps());
    }
    meta.put("step", step);
    meta.put("adamUpdates", adamUpdates);
    meta.put("datasetSize", datasetSize);
    meta.put("vocabularySha256", vocabularySha256);
    meta.set("config", TensorArchive.json().valueToTree(config));
    Map<String, TensorRecord> tensors = new LinkedHashMap<>();
    parameters.forEach((k, v) -> tensors.put(PARAM + k, v));
    firstMoments.forEach((k, v) -> tensors.put(MOMENT1 + k, v));
    secondMoments.forEach((k, v) -> tensors.put(MOMENT2 + k, v));
    return new Checkpoint(new TensorArchive(KIND, meta, tensors));
  }

  /** Global step the run had finished when this was taken (0 = nothing trained yet). */
  public long step() {
    return archive.metadata().path("step").asLong();
  }

  public long adamUpdates() {
    return archive.metadata().path("adamUpdates").asLong();
  }

  /** Puts the recorded loss scaler state into {@code scaler}; none recorded: leaves it as it is. */
  void restoreLossScaler(LossScaler scaler) {
    var meta = archive.metadata();
    if (meta.has("lossScale")) {
      scaler.restore(
          (float) meta.path("lossScale").asDouble(),
          meta.path("lossScaleGoodSteps").asInt(),
          meta.path("skippedSteps").asLong());
    }
  }

  public int datasetSize() {
    return archive.metadata().path("datasetSize").asInt();
  }

  public String vocabularySha256() {
    return archive.metadata().path("vocabularySha256").asText();
  }

  public TrainingConfig config() {
    try {
      return TensorArchive.json()
          .treeToValue(archive.metadata().get("config"), TrainingConfig.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new TensorArchiveException(
          "checkpoint configuration is unreadable: " + e.getMessage(), e);
    }
  }

  public Map<String, TensorRecord> parameters() {
    return section(PARAM);
  }

  Map<String, TensorRecord> firstMoments() {
    return section(MOMENT1);
  }

  Map<String, TensorRecord> secondMoments() {
    return section(MOMENT2);
  }

  private Map<String, TensorRecord> section(String prefix) {
    Map<String, TensorRecord> out = new LinkedHashMap<>();
    archive
        .tensors()
        .forEach(
            (k, v) -> {
              if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
              }
            });
    return out;
  }

  public void writeTo(OutputStream out) throws IOException {
    archive.writeTo(out);
  }

  /** Writes to {@code path} atomically (temporary file, then rename). */
  public void save(Path path) {
    try {
      Path parent = path.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path tmp = Files.createTempFile(parent, path.getFileName().toString(), ".tmp");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        writeTo(out);
      }
      Files.move(
          tmp,
          path,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write checkpoint " + path, e);
    }
  }

  /** Reads and verifies a checkpoint; {@code source} names it in errors. */
  public static Checkpoint read(InputStream in, String source) {
    return new Checkpoint(TensorArchive.read(in, source, KIND));
  }

  public static Checkpoint load(Path path) {
    try (InputStream in = Files.newInputStream(path)) {
      return read(in, path.toString());
    } catch (IOException e) {
      throw new TensorArchiveException("cannot open checkpoint " + path + ": " + e.getMessage(), e);
    }
  }
}
