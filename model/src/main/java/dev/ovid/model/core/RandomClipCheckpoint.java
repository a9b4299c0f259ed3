package dev.ovid.model.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ovid.model.weights.SafetensorsWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a Hugging Face {@code CLIPModel} folder with random weights (deterministic from a seed)
 * and a byte-level BPE tokenizer without merges, so a model without pretrained weights loads
 * through exactly the same code path as a downloaded checkpoint.
 */
public final class RandomClipCheckpoint {
  private static final String[] LAYER_KEYS = {
    "layer_norm1.weight", "layer_norm1.bias",
    "self_attn.q_proj.weight", "self_attn.q_proj.bias",
    "self_attn.k_proj.weight", "self_attn.k_proj.bias",
    "self_attn.v_proj.weight", "self_attn.v_proj.bias",
    "self_attn.out_proj.weight", "self_attn.out_proj.bias",
    "layer_norm2.weight", "layer_norm2.bias",
    "mlp.fc1.weight", "mlp.fc1.bias",
    "mlp.fc2.weight", "mlp.fc2.bias"
  };

  private RandomClipCheckpoint() {}

  /** Creates {@code dir} with config.json, model.safetensors, vocab.json and merges.txt. */
  public static void write(Path dir, TinyClipSpec spec, long seed) throws IOException {
    write(dir, spec, spec, seed);
  }

  /**
   * As {@link #write(Path, TinyClipSpec, long)} with a text tower of its own shape ({@code text}'s
   * width, layers, heads, intermediate and context; the joint width comes from {@code vision}), as
   * in real CLIPs (ViT-B/16: vision 768 wide, text 512).
   */
  public static void write(Path dir, TinyClipSpec vision, TinyClipSpec text, long seed)
      throws IOException {
    Files.createDirectories(dir);
    String[] vocab = byteLevelVocabulary();
    int bos = vocab.length - 2;
    int eos = vocab.length - 1;
    writeConfig(dir, vision, text, vocab.length, bos, eos);
    ObjectNode vocabJson = new ObjectMapper().createObjectNode();
    for (int i = 0; i < vocab.length; i++) {
      vocabJson.put(vocab[i], i);
    }
    Files.writeString(dir.resolve("vocab.json"), vocabJson.toString(), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("merges.txt"), "#version: 0.2\n", StandardCharsets.UTF_8);
    try (NDManager manager = NDManager.newBaseManager(ai.djl.Device.cpu())) {
      SafetensorsWriter.write(
          dir.resolve("model.safetensors"), weights(vision, text, vocab.length, manager, seed));
    }
  }

  private static void writeConfig(
      Path dir, TinyClipSpec s, TinyClipSpec t, int vocabSize, int bos, int eos)
      throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    root.putArray("architectures").add("CLIPModel");
    root.put("model_type", "clip");
    root.put("projection_dim", s.projectionDim());
    root.put("logit_scale_init_value", 2.6592);
    ObjectNode text = root.putObject("text_config");
    text.put("model_type", "clip_text_model");
    text.put("hidden_size", t.width());
    text.put("intermediate_size", t.intermediate());
    text.put("num_attention_heads", t.heads());
    text.put("num_hidden_layers", t.layers());
    text.put("max_position_embeddings", t.textContext());
    text.put("vocab_size", vocabSize);
    text.put("bos_token_id", bos);
    text.put("eos_token_id", eos);
    text.put("pad_token_id", eos);
    text.put("projection_dim", s.projectionDim());
    ObjectNode vision = root.putObject("vision_config");
    vision.put("model_type", "clip_vision_model");
    vision.put("hidden_size", s.width());
    vision.put("intermediate_size", s.intermediate());
    vision.put("num_attention_heads", s.heads());
    vision.put("num_hidden_layers", s.layers());
    vision.put("image_size", s.imageSize());
    vision.put("patch_size", s.patchSize());
    vision.put("projection_dim", s.projectionDim());
    Files.writeString(
        dir.resolve("config.json"),
        json.writerWithDefaultPrettyPrinter().writeValueAsString(root),
        StandardCharsets.UTF_8);
  }

  /** GPT-2/CLIP byte-to-unicode symbols, then the same with {@code </w>}, then BOS and EOS. */
  static String[] byteLevelVocabulary() {
    char[] symbols = new char[256];
    int extra = 0;
    for (int b = 0; b < 256; b++) {
      boolean printable =
          (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
      symbols[b] = printable ? (char) b : (char) (256 + extra++);
    }
    String[] vocab = new String[514];
    for (int b = 0; b < 256; b++) {
      vocab[b] = String.valueOf(symbols[b]);
      vocab[256 + b] = symbols[b] + "</w>";
    }
    vocab[512] = "<|startoftext|>";
    vocab[513] = "<|endoftext|>";
    return vocab;
  }

  private static Map<String, NDArray> weights(
      TinyClipSpec s, TinyClipSpec t, int vocabSize, NDManager m, long seed) {
    CounterRandom random = new CounterRandom(seed, 0x434C4950L);
    Map<String, NDArray> w = new LinkedHashMap<>();
    int dt = t.width();
    w.put("text_model.embeddings.token_embedding.weight", embedding(m, random, vocabSize, dt));
    w.put(
        "text_model.embeddings.position_embedding.weight",
        embedding(m, random, t.textContext(), dt));
    encoderLayers(w, "text_model.encoder.layers.", t, m, random);
    w.put("text_model.final_layer_norm.weight", m.ones(new Shape(dt)));
    w.put("text_model.final_layer_norm.bias", m.zeros(new Shape(dt)));
    w.put("text_projection.weight", linear(m, random, s.projectionDim(), dt));
    int d = s.width();
    int patches = (s.imageSize() / s.patchSize()) * (s.imageSize() / s.patchSize());
    w.put("vision_model.embeddings.class_embedding", embedding(m, random, d));
    w.put(
        "vision_model.embeddings.patch_embedding.weight",
        normal(m, random, d, 3, s.patchSize(), s.patchSize()));
    w.put(
        "vision_model.embeddings.position_embedding.weight", embedding(m, random, patches + 1, d));
    w.put("vision_model.pre_layrnorm.weight", m.ones(new Shape(d)));
    w.put("vision_model.pre_layrnorm.bias", m.zeros(new Shape(d)));
    encoderLayers(w, "vision_model.encoder.layers.", s, m, random);
    w.put("vision_model.post_layernorm.weight", m.ones(new Shape(d)));
    w.put("vision_model.post_layernorm.bias", m.zeros(new Shape(d)));
    w.put("visual_projection.weight", linear(m, random, s.projectionDim(), d));
    w.put("logit_scale", m.create(2.6592f));
    return w;
  }

  private static void encoderLayers(
      Map<String, NDArray> w, String prefix, TinyClipSpec s, NDManager m, CounterRandom random) {
    int d = s.width();
    for (int i = 0; i < s.layers(); i++) {
      for (String key : LAYER_KEYS) {
        long[] shape;
        if (key.startsWith("layer_norm")) {
          shape = new long[] {d};
        } else if (key.startsWith("mlp.fc1")) {
          shape =
              key.endsWith("weight")
                  ? new long[] {s.intermediate(), d}
                  : new long[] {s.intermediate()};
        } else if (key.startsWith("mlp.fc2")) {
          shape = key.endsWith("weight") ? new long[] {d, s.intermediate()} : new long[] {d};
        } else {
          shape = key.endsWith("weight") ? new long[] {d, d} : new long[] {d};
        }
        NDArray value;
        if (key.startsWith("layer_norm")) {
          value = key.endsWith("weight") ? m.ones(new Shape(shape)) : m.zeros(new Shape(shape));
        } else if (key.endsWith("bias")) {
          // HF initialises biases to zero; small random ones make tests sensitive to them
          value = normal(m, random, shape);
        } else {
          value = linear(m, random, shape);
        }
        w.put(prefix + i + "." + key, value);
      }
    }
  }

  private static NDArray normal(NDManager m, CounterRandom random, long... shape) {
    return Tensors.normal(m, new Shape(shape), 0.02, random);
  }

  /**
   * Weights with std 1/sqrt(fan-in): unlike 0.02 everywhere, this keeps token mixing and
   * projections far from degenerate in a tiny model, so random features differ between inputs.
   */
  private static NDArray linear(NDManager m, CounterRandom random, long... shape) {
    long fanIn = 1;
    for (int i = 1; i < shape.length; i++) {
      fanIn *= shape[i];
    }
    return Tensors.normal(m, new Shape(shape), 1.0 / Math.sqrt(fanIn), random);
  }

  /** Embedding tables: unit-scale rows, so labels and patches start well separated. */
  private static NDArray embedding(NDManager m, CounterRandom random, long... shape) {
    return Tensors.normal(m, new Shape(shape), 0.5, random);
  }
}
