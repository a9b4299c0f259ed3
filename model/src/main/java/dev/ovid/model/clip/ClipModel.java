package dev.ovid.model.clip;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ovid.model.core.Precision;
import dev.ovid.model.tokenizer.ClipTokenizer;
import dev.ovid.model.weights.Devices;
import dev.ovid.model.weights.Weights;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A Hugging Face {@code CLIPModel} loaded from its folder: config, frozen text and vision encoders
 * (f32 compute whatever the stored precision), and the checkpoint's own tokenizer. Owns the native
 * memory of its weights: close it when done.
 */
public final class ClipModel implements AutoCloseable {
  private static final float[] CLIP_MEAN = {0.48145466f, 0.4578275f, 0.40821073f};
  private static final float[] CLIP_STD = {0.26862954f, 0.26130258f, 0.27577711f};

  private final NDManager manager;
  private final ClipConfig config;
  private final ClipTextEncoder text;
  private final ClipVisionEncoder vision;
  private final ClipTokenizer tokenizer;
  private final NDArray logitScale;
  private final float[] pixelMean;
  private final float[] pixelStd;

  private ClipModel(
      NDManager manager,
      ClipConfig config,
      ClipTextEncoder text,
      ClipVisionEncoder vision,
      ClipTokenizer tokenizer,
      NDArray logitScale,
      float[] pixelMean,
      float[] pixelStd) {
    this.manager = manager;
    this.config = config;
    this.text = text;
    this.vision = vision;
    this.tokenizer = tokenizer;
    this.logitScale = logitScale;
    this.pixelMean = pixelMean;
    this.pixelStd = pixelStd;
  }

  /**
   * What mixed precision stores in bfloat16: both towers' weights but their layer norms, and the
   * projections. The text tower's token and position embeddings stay float32: learnable soft
   * prompts are float32 and join them before the first layer. The vision tower's last {@code
   * float32TopLayers} layers stay float32 too: they are the temporal branch's frozen reference
   * θ_frozen for stochastic weight regularization, and the branch's products see θ_frozen + α (θ_ft
   * − θ_frozen) rounded to bfloat16. Were θ_frozen itself on the bfloat16 grid, every fine-tuned
   * change smaller than half a bfloat16 step (all of them, early in training) would round back to
   * θ_frozen and the spatial layers would not train; off the grid, rounding moves the blended
   * weights by α (θ_ft − θ_frozen) on average, as under PyTorch's autocast.
   */
  static boolean isBf16InMixedPrecision(String name, int visionLayers, int float32TopLayers) {
    boolean norm =
        name.contains("layer_norm") || name.contains("layrnorm") || name.contains("layernorm");
    if (norm) {
      return false;
    }
    String layerPrefix = "vision_model.encoder.layers.";
    if (name.startsWith(layerPrefix)) {
      String rest = name.substring(layerPrefix.length());
      int layer = Integer.parseInt(rest.substring(0, rest.indexOf('.')));
      return layer < visionLayers - float32TopLayers;
    }
    return name.startsWith("vision_model.")
        || name.startsWith("text_model.encoder.")
        || name.equals("visual_projection.weight")
        || name.equals("text_projection.weight");
  }

  /** Loads onto {@link Devices#best()}. */
  public static ClipModel load(Path dir) throws IOException {
    return load(dir, Devices.best());
  }

  public static ClipModel load(Path dir, Device device) throws IOException {
    return load(dir, device, Precision.FP32);
  }

  /**
   * With {@link Precision#BF16} both towers (but what {@link #isBf16InMixedPrecision} keeps) are
   * stored in bfloat16 (in float16 with {@link Precision#FP16}); images are encoded in bfloat16
   * throughout, and the text tower's products run in bfloat16 between float32 residuals, so
   * gradients for learnable prompts pass through it (see {@link dev.ovid.model.core.Autocast}).
   */
  public static ClipModel load(Path dir, Device device, Precision precision) throws IOException {
    return load(dir, device, precision, 0);
  }

  /**
   * {@link #load(Path, Device, Precision)}, keeping the vision tower's last {@code
   * float32TopLayers} layers in float32 under {@link Precision#BF16} or {@link Precision#FP16} (the
   * temporal branch's T).
   */
  public static ClipModel load(Path dir, Device device, Precision precision, int float32TopLayers)
      throws IOException {
    ClipConfig config = ClipConfig.load(dir);
    NDManager manager = NDManager.newBaseManager(device);
    manager.setName("clip:" + dir.getFileName());
    try {
      Weights w = Weights.load(dir, manager);
      if (precision.isMixed()) {
        int layers = config.vision().numLayers();
        w =
            w.convert(
                name -> isBf16InMixedPrecision(name, layers, float32TopLayers),
                a -> dev.ovid.model.core.Autocast.to(a, precision.lowType()));
      }
      ClipTextEncoder text = new ClipTextEncoder(w, config.text(), config.projectionDim());
      ClipVisionEncoder vision = new ClipVisionEncoder(w, config.vision(), config.projectionDim());
      ClipTokenizer tokenizer = null;
      if (Files.isRegularFile(dir.resolve("vocab.json"))) {
        tokenizer =
            ClipTokenizer.load(dir).withContextLength(config.text().maxPositionEmbeddings());
      }
      NDArray scale =
          w.find("logit_scale")
              .orElseGet(() -> manager.create(config.logitScaleInit()).reshape(new Shape()));
      float[][] norm = pixelNormalization(dir);
      return new ClipModel(manager, config, text, vision, tokenizer, scale, norm[0], norm[1]);
    } catch (IOException | RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  /** Mean and std from {@code preprocessor_config.json}, CLIP's own values when absent. */
  private static float[][] pixelNormalization(Path dir) throws IOException {
    Path file = dir.resolve("preprocessor_config.json");
    if (!Files.isRegularFile(file)) {
      return new float[][] {CLIP_MEAN.clone(), CLIP_STD.clone()};
    }
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    return new float[][] {
      floats(root.get("image_mean"), CLIP_MEAN), floats(root.get("image_std"), CLIP_STD)
    };
  }

  private static float[] floats(JsonNode node, float[] fallback) {
    if (node == null || !node.isArray() || node.size() != fallback.length) {
      return fallback.clone();
    }
    float[] out = new float[node.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) node.get(i).asDouble();
    }
    return out;
  }

  public ClipConfig config() {
    return config;
  }

  public ClipTextEncoder text() {
    return text;
  }

  public ClipVisionEncoder vision() {
    return vision;
  }

  /** The checkpoint's tokenizer, with the text model's context length. */
  public ClipTokenizer tokenizer() {
    if (tokenizer == null) {
      throw new IllegalStateException("this CLIP folder has no vocab.json/merges.txt");
    }
    return tokenizer;
  }

  public NDManager manager() {
    return manager;
  }

  public Device device() {
    return manager.getDevice();
  }

  /** The learned log temperature (HF's {@code logit_scale}, exponentiated by callers). */
  public NDArray logitScale() {
    return logitScale;
  }

  /** Per-channel mean the pixels are normalised with (from preprocessor_config.json). */
  public float[] pixelMean() {
    return pixelMean.clone();
  }

  public float[] pixelStd() {
    return pixelStd.clone();
  }

  /** HF {@code get_text_features} of texts: [B, P], owned by {@link #manager()}. */
  public NDArray encodeTexts(List<String> texts) {
    try (NDManager scratch = manager.newSubManager()) {
      long[][] ids = tokenizer().encodeBatch(texts);
      NDArray idArray = scratch.create(ids);
      NDArray features = text.encodeTokens(idArray);
      features.attach(manager);
      return features;
    }
  }

  /**
   * HF {@code get_image_features} of normalised pixels [B, 3, H, W]: [B, P] in the pixels' manager.
   */
  public NDArray encodeImages(NDArray pixels) {
    try (NDManager scratch = manager.newSubManager()) {
      NDArray onDevice = pixels.toDevice(manager.getDevice(), true);
      onDevice.attach(scratch);
      NDArray features = vision.encodeImages(onDevice).toDevice(pixels.getDevice(), false);
      features.attach(pixels.getManager());
      return features;
    }
  }

  @Override
  public void close() {
    manager.close();
  }
}
