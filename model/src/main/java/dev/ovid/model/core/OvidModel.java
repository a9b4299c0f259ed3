package dev.ovid.model.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ovid.model.video.VideoEncoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The joint model: label encoder f_t and video encoder f_v over one joint space. Owns the manager
 * its parameters live in. Trained weights are only the trainable tensors; the frozen backbones come
 * from where the model was built (a pretrained folder or a seed).
 */
public final class OvidModel implements ParameterOwner, AutoCloseable {
  static final String WEIGHTS_KIND = "weights";

  /** Name of the learned temperature's parameter, log(1/τ), as CLIP names it. */
  public static final String LOGIT_SCALE = "logit_scale";

  /** CLIP clamps the scale at 100 (τ ≥ 0.01) so training cannot make logits explode. */
  public static final float MAX_LOGIT_SCALE = (float) Math.log(100);

  private final NDManager manager;
  private final JointLabelEncoder labelEncoder;
  private final VideoEncoder videoEncoder;
  private final String description;
  private final Precision precision;
  private final List<AutoCloseable> owned;
  private NDArray logitScale;

  /**
   * @param manager owns every parameter of both encoders; closed with the model
   * @param description how the model was built (shown in saved weights and errors)
   * @param owned closed after the manager when the model closes (e.g. the loaded CLIP and T5)
   */
  public OvidModel(
      NDManager manager,
      JointLabelEncoder labelEncoder,
      VideoEncoder videoEncoder,
      String description,
      AutoCloseable... owned) {
    this(manager, labelEncoder, videoEncoder, description, Precision.FP32, owned);
  }

  /**
   * @param precision how the frozen backbone was loaded ({@link Precision}), recorded with the
   *     model
   */
  public OvidModel(
      NDManager manager,
      JointLabelEncoder labelEncoder,
      VideoEncoder videoEncoder,
      String description,
      Precision precision,
      AutoCloseable... owned) {
    if (labelEncoder.embedDim() != videoEncoder.frameEncoder().embedDim()) {
      throw new IllegalArgumentException(
          "label encoder width "
              + labelEncoder.embedDim()
              + " differs from video encoder width "
              + videoEncoder.frameEncoder().embedDim());
    }
    this.manager = manager;
    this.labelEncoder = labelEncoder;
    this.videoEncoder = videoEncoder;
    this.description = description;
    this.precision = precision;
    this.owned = List.of(owned);
  }

  public NDManager manager() {
    return manager;
  }

  public JointLabelEncoder labelEncoder() {
    return labelEncoder;
  }

  public VideoEncoder videoEncoder() {
    return videoEncoder;
  }

  public String description() {
    return description;
  }

  public Precision precision() {
    return precision;
  }

  /**
   * Makes τ a trainable parameter as CLIP does: {@value #LOGIT_SCALE} = log(1/τ), starting at
   * {@code initialTemperature}, trained with the model, saved with its weights and clamped to [0,
   * log 100] (τ in [0.01, 1]). Call before training or loading weights that learned it.
   */
  public void learnTemperature(double initialTemperature) {
    if (!(initialTemperature > 0)) {
      throw new IllegalArgumentException("temperature must be > 0: " + initialTemperature);
    }
    if (logitScale != null) {
      throw new IllegalStateException("this model already learns its temperature");
    }
    float scale = (float) Math.min(MAX_LOGIT_SCALE, Math.max(0, Math.log(1 / initialTemperature)));
    logitScale = manager.create(new float[] {scale}, new ai.djl.ndarray.types.Shape(1));
  }

  /** log(1/τ) [1] when τ is learned. */
  public java.util.Optional<NDArray> logitScale() {
    return java.util.Optional.ofNullable(logitScale);
  }

  /** The learned τ (its current value), when τ is learned. */
  public java.util.Optional<Double> learnedTemperature() {
    return logitScale().map(s -> Math.exp(-s.getFloat(0)));
  }

  /** Joint embedding width D. */
  public int embedDim() {
    return labelEncoder.embedDim();
  }

  /**
   * Unit video embeddings [B, D] for frames [B, F, 3, H, W] (uint8 or [0, 1] float), with the
   * evaluation α; the result is attached to {@code frames}' manager.
   */
  public NDArray embedVideos(NDArray frames) {
    try (NDScope scope = new NDScope();
        Autocast.Scope mixed = Autocast.enable(precision)) {
      NDArray out = videoEncoder.embed(frames).stopGradient().duplicate();
      NDScope.unregister(out);
      out.attach(frames.getManager());
      return out;
    }
  }

  /**
   * Unit label embeddings [L, D] in the joint space (for vocabulary expansion), owned by {@code
   * target}; nothing else is left behind.
   */
  public NDArray embedLabels(List<String> labels, NDManager target) {
    try (NDScope scope = new NDScope();
        Autocast.Scope mixed = Autocast.enable(precision)) {
      NDArray out = labelEncoder.encode(labels).stopGradient().duplicate();
      NDScope.unregister(out);
      out.attach(target);
      return out;
    }
  }

  @Override
  public Map<String, NDArray> trainableParameters() {
    Map<String, NDArray> p = new LinkedHashMap<>(videoEncoder.trainableParameters());
    labelEncoder.trainableParameters().forEach((k, v) -> p.put("label." + k, v));
    if (logitScale != null) {
      p.put(LOGIT_SCALE, logitScale);
    }
    return p;
  }

  @Override
  public Map<String, NDArray> frozenParameters() {
    Map<String, NDArray> p = new LinkedHashMap<>(videoEncoder.frozenParameters());
    labelEncoder.frozenParameters().forEach((k, v) -> p.put("label." + k, v));
    return p;
  }

  /** Writes the trainable tensors (the trained part of the model). */
  public void writeWeights(OutputStream out) throws IOException {
    Map<String, TensorRecord> tensors = new LinkedHashMap<>();
    trainableParameters().forEach((k, v) -> tensors.put(k, TensorRecord.of(v)));
    ObjectNode meta = TensorArchive.newMetadata();
    meta.put("description", description);
    new TensorArchive(WEIGHTS_KIND, meta, tensors).writeTo(out);
  }

  public void saveWeights(Path path) {
    try {
      Path parent = path.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path tmp = Files.createTempFile(parent, path.getFileName().toString(), ".tmp");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        writeWeights(out);
      }
      Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write weights " + path, e);
    }
  }

  /** Replaces the trainable tensors with saved ones; names and shapes must match exactly. */
  public void readWeights(InputStream in, String source) {
    loadTrainable(TensorArchive.read(in, source, WEIGHTS_KIND).tensors(), source);
  }

  public void loadWeights(Path path) {
    try (InputStream in = Files.newInputStream(path)) {
      readWeights(in, path.toString());
    } catch (IOException e) {
      throw new TensorArchiveException("cannot open weights " + path + ": " + e.getMessage(), e);
    }
  }

  /** Copies {@code tensors} into the trainable parameters in place (used by checkpoints too). */
  public void loadTrainable(Map<String, TensorRecord> tensors, String source) {
    Map<String, NDArray> params = trainableParameters();
    if (!params.keySet().equals(tensors.keySet())) {
      List<String> missing = params.keySet().stream().filter(k -> !tensors.containsKey(k)).toList();
      List<String> extra = tensors.keySet().stream().filter(k -> !params.containsKey(k)).toList();
      throw new TensorArchiveException(
          source
              + " does not fit this model ("
              + description
              + "): missing "
              + missing
              + ", unexpected "
              + extra);
    }
    for (Map.Entry<String, NDArray> e : params.entrySet()) {
      if (e.getValue().getDataType() != DataType.FLOAT32) {
        throw new IllegalStateException("parameter " + e.getKey() + " is not float32");
      }
      tensors.get(e.getKey()).copyInto(e.getValue(), source + ": " + e.getKey());
    }
  }

  @Override
  public void close() {
    manager.close();
    for (AutoCloseable c : owned) {
      try {
        c.close();
      } catch (Exception e) {
        throw new IllegalStateException("cannot close " + c, e);
      }
    }
  }
}
