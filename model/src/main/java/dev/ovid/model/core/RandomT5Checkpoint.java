package dev.ovid.model.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ovid.model.weights.SafetensorsWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a Hugging Face {@code T5ForConditionalGeneration} folder in Flan-T5 layout (gated GELU,
 * untied head) with random weights and a character-level SentencePiece Unigram {@code
 * tokenizer.json}, so the learnable LLM prompt encoder can run without downloading Flan-T5.
 */
public final class RandomT5Checkpoint {
  private static final String CHARACTERS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,?!'-:;()/&";

  private RandomT5Checkpoint() {}

  /**
   * @param width d_model (heads × 8 = width is not required: d_kv is width / heads)
   */
  public static void write(Path dir, int width, int layers, int heads, int feedForward, long seed)
      throws IOException {
    if (width % heads != 0) {
      throw new IllegalArgumentException(
          "T5 width " + width + " not divisible by " + heads + " heads");
    }
    Files.createDirectories(dir);
    List<String> pieces = new ArrayList<>(List.of("<pad>", "</s>", "<unk>", "\u2581"));
    for (char c : CHARACTERS.toCharArray()) {
      pieces.add(String.valueOf(c));
    }
    int buckets = 8;
    ObjectMapper json = new ObjectMapper();
    ObjectNode config = json.createObjectNode();
    config.putArray("architectures").add("T5ForConditionalGeneration");
    config.put("model_type", "t5");
    config.put("d_model", width);
    config.put("d_kv", width / heads);
    config.put("d_ff", feedForward);
    config.put("num_layers", layers);
    config.put("num_decoder_layers", layers);
    config.put("num_heads", heads);
    config.put("relative_attention_num_buckets", buckets);
    config.put("relative_attention_max_distance", 20);
    config.put("vocab_size", pieces.size());
    config.put("feed_forward_proj", "gated-gelu");
    config.put("dense_act_fn", "gelu_new");
    config.put("is_gated_act", true);
    config.put("tie_word_embeddings", false);
    config.put("layer_norm_epsilon", 1e-6);
    config.put("decoder_start_token_id", 0);
    config.put("pad_token_id", 0);
    config.put("eos_token_id", 1);
    Files.writeString(
        dir.resolve("config.json"),
        json.writerWithDefaultPrettyPrinter().writeValueAsString(config),
        StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("tokenizer.json"), tokenizer(json, pieces).toString(), StandardCharsets.UTF_8);
    try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu())) {
      CounterRandom random = new CounterRandom(seed, 0x5435L);
      Map<String, NDArray> w = new LinkedHashMap<>();
      w.put("shared.weight", normal(m, random, 1.0, pieces.size(), width));
      for (String stack : new String[] {"encoder", "decoder"}) {
        for (int i = 0; i < layers; i++) {
          String b = stack + ".block." + i + ".layer.";
          attention(w, b + "0.SelfAttention.", width, m, random);
          if (i == 0) {
            w.put(
                b + "0.SelfAttention.relative_attention_bias.weight",
                normal(m, random, 0.5, buckets, heads));
          }
          w.put(b + "0.layer_norm.weight", m.ones(new Shape(width)));
          int ff = 1;
          if (stack.equals("decoder")) {
            attention(w, b + "1.EncDecAttention.", width, m, random);
            w.put(b + "1.layer_norm.weight", m.ones(new Shape(width)));
            ff = 2;
          }
          String d = b + ff + ".DenseReluDense.";
          w.put(d + "wi_0.weight", normal(m, random, 1 / Math.sqrt(width), feedForward, width));
          w.put(d + "wi_1.weight", normal(m, random, 1 / Math.sqrt(width), feedForward, width));
          w.put(d + "wo.weight", normal(m, random, 1 / Math.sqrt(feedForward), width, feedForward));
          w.put(b + ff + ".layer_norm.weight", m.ones(new Shape(width)));
        }
        w.put(stack + ".final_layer_norm.weight", m.ones(new Shape(width)));
      }
      w.put("lm_head.weight", normal(m, random, 1 / Math.sqrt(width), pieces.size(), width));
      SafetensorsWriter.write(dir.resolve("model.safetensors"), w);
    }
  }

  private static void attention(
      Map<String, NDArray> w, String prefix, int width, NDManager m, CounterRandom random) {
    for (String p : new String[] {"q", "k", "v", "o"}) {
      w.put(prefix + p + ".weight", normal(m, random, 1 / Math.sqrt(width), width, width));
    }
  }

  private static NDArray normal(NDManager m, CounterRandom random, double std, long... shape) {
    return Tensors.normal(m, new Shape(shape), std, random);
  }

  /** HF tokenizers' Unigram JSON: Metaspace pre-tokenizer, {@code </s>} appended, no normaliser. */
  private static ObjectNode tokenizer(ObjectMapper json, List<String> pieces) {
    ObjectNode root = json.createObjectNode();
    root.put("version", "1.0");
    root.putNull("truncation");
    root.putNull("padding");
    ArrayNode added = root.putArray("added_tokens");
    for (int i = 0; i < 3; i++) {
      ObjectNode t = added.addObject();
      t.put("id", i);
      t.put("content", pieces.get(i));
      t.put("single_word", false);
      t.put("lstrip", false);
      t.put("rstrip", false);
      t.put("normalized", false);
      t.put("special", true);
    }
    root.putNull("normalizer");
    ObjectNode meta = root.putObject("pre_tokenizer");
    meta.put("type", "Metaspace");
    meta.put("replacement", "\u2581");
    meta.put("prepend_scheme", "always");
    meta.put("split", true);
    ObjectNode post = root.putObject("post_processor");
    post.put("type", "TemplateProcessing");
    ArrayNode single = post.putArray("single");
    single.addObject().putObject("Sequence").put("id", "A").put("type_id", 0);
    single.addObject().putObject("SpecialToken").put("id", "</s>").put("type_id", 0);
    ArrayNode pair = post.putArray("pair");
    pair.addObject().putObject("Sequence").put("id", "A").put("type_id", 0);
    pair.addObject().putObject("SpecialToken").put("id", "</s>").put("type_id", 0);
    pair.addObject().putObject("Sequence").put("id", "B").put("type_id", 0);
    pair.addObject().putObject("SpecialToken").put("id", "</s>").put("type_id", 0);
    ObjectNode eos = post.putObject("special_tokens").putObject("</s>");
    eos.put("id", "</s>");
    eos.putArray("ids").add(1);
    eos.putArray("tokens").add("</s>");
    root.set("decoder", meta.deepCopy());
    ObjectNode model = root.putObject("model");
    model.put("type", "Unigram");
    model.put("unk_id", 2);
    ArrayNode vocab = model.putArray("vocab");
    for (int i = 0; i < pieces.size(); i++) {
      ArrayNode entry = vocab.addArray();
      entry.add(pieces.get(i));
      entry.add(i < 3 ? 0.0 : i == 3 ? -2.0 : -4.0);
    }
    model.put("byte_fallback", false);
    return root;
  }
}
