package dev.ovid.model.clip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A {@code CLIPModel} config.json. HF writes only the values that differ from its defaults, so
 * every absent field takes HF's default (those of openai/clip-vit-base-patch32's classes).
 */
public record ClipConfig(
    ClipTextConfig text, ClipVisionConfig vision, int projectionDim, float logitScaleInit) {

  public static ClipConfig load(Path dir) throws IOException {
    Path file = Files.isDirectory(dir) ? dir.resolve("config.json") : dir;
    if (!Files.isRegularFile(file)) {
      throw new java.io.FileNotFoundException(file + ": no config.json (a CLIPModel folder?)");
    }
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    try {
      return parse(root);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  public static ClipConfig parse(JsonNode root) {
    String type = root.path("model_type").asText("clip");
    if (!type.equals("clip")) {
      throw new IllegalArgumentException("model_type is '" + type + "', expected 'clip'");
    }
    JsonNode t = merged(root, "text_config");
    JsonNode v = merged(root, "vision_config");
    ClipTextConfig text =
        new ClipTextConfig(
            t.path("vocab_size").asInt(49408),
            t.path("hidden_size").asInt(512),
            t.path("intermediate_size").asInt(2048),
            t.path("num_hidden_layers").asInt(12),
            t.path("num_attention_heads").asInt(8),
            t.path("max_position_embeddings").asInt(77),
            ClipActivation.fromHf(t.path("hidden_act").asText("quick_gelu")),
            (float) t.path("layer_norm_eps").asDouble(1e-5),
            t.path("bos_token_id").asInt(49406),
            t.path("eos_token_id").asInt(49407),
            t.path("pad_token_id").asInt(1));
    ClipVisionConfig vision =
        new ClipVisionConfig(
            v.path("hidden_size").asInt(768),
            v.path("intermediate_size").asInt(3072),
            v.path("num_hidden_layers").asInt(12),
            v.path("num_attention_heads").asInt(12),
            v.path("num_channels").asInt(3),
            v.path("image_size").asInt(224),
            v.path("patch_size").asInt(32),
            ClipActivation.fromHf(v.path("hidden_act").asText("quick_gelu")),
            (float) v.path("layer_norm_eps").asDouble(1e-5));
    return new ClipConfig(
        text,
        vision,
        root.path("projection_dim").asInt(512),
        (float) root.path("logit_scale_init_value").asDouble(2.6592));
  }

  /** Old configs carry {@code text_config_dict}, which HF lets override {@code text_config}. */
  private static JsonNode merged(JsonNode root, String key) {
    ObjectNode out = new ObjectMapper().createObjectNode();
    JsonNode base = root.get(key);
    if (base != null && base.isObject()) {
      out.setAll((ObjectNode) base);
    }
    JsonNode legacy = root.get(key + "_dict");
    if (legacy != null && legacy.isObject()) {
      out.setAll((ObjectNode) legacy);
    }
    return out;
  }
}
