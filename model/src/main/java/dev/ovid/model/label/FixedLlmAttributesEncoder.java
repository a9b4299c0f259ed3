package dev.ovid.model.label;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ovid.model.clip.ClipModel;
import dev.ovid.model.core.Tensors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed-LLM-prompt baseline: visual attributes of each label, written offline by an LLM ("what
 * are useful features for distinguishing a {label} in a video?"), become "{label}, {attribute}"
 * CLIP prompts whose normalized embeddings are mean-pooled and normalized. Not trainable: the
 * attributes are text.
 */
public final class FixedLlmAttributesEncoder extends FrozenClipTextEncoder {
  public static final String DEFAULT_FORMAT = "{label}, {attribute}";

  private final Map<String, List<String>> attributes;
  private final String format;

  public FixedLlmAttributesEncoder(ClipModel clip, Map<String, List<String>> attributesByLabel) {
    this(clip, attributesByLabel, DEFAULT_FORMAT);
  }

  /**
   * @param format prompt with {@code {label}} and {@code {attribute}}
   */
  public FixedLlmAttributesEncoder(
      ClipModel clip, Map<String, List<String>> attributesByLabel, String format) {
    super(clip);
    if (!format.contains("{label}") || !format.contains("{attribute}")) {
      throw new IllegalArgumentException("format needs {label} and {attribute}: " + format);
    }
    this.attributes = Map.copyOf(attributesByLabel);
    this.format = format;
  }

  /**
   * Reads {@code {"label": ["attribute", ...], ...}} as an LLM run produced it. Errors name the
   * file and the line.
   */
  public static Map<String, List<String>> readAttributes(Path json) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readString(json));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          json + ":" + e.getLocation().getLineNr() + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read attributes " + json, e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(json + ": expected a JSON object label → [attributes]");
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      JsonNode list = e.getValue();
      if (!list.isArray() || list.isEmpty()) {
        throw new IllegalArgumentException(
            json + ": label '" + e.getKey() + "' needs a non-empty array of attribute strings");
      }
      List<String> values = new ArrayList<>();
      for (JsonNode v : list) {
        if (!v.isTextual() || v.asText().isBlank()) {
          throw new IllegalArgumentException(
              json + ": label '" + e.getKey() + "' has a non-string or empty attribute: " + v);
        }
        values.add(v.asText().strip());
      }
      out.put(e.getKey(), values);
    }
    return out;
  }

  @Override
  public NDArray encode(List<String> labels) {
    ClipPrompts.requireLabels(labels);
    List<String> prompts = new ArrayList<>();
    int[] counts = new int[labels.size()];
    for (int i = 0; i < labels.size(); i++) {
      String label = labels.get(i);
      List<String> attrs = attributes.get(label);
      if (attrs == null || attrs.isEmpty()) {
        throw new IllegalArgumentException("no LLM attributes for label '" + label + "'");
      }
      for (String a : attrs) {
        prompts.add(format.replace("{label}", label).replace("{attribute}", a));
      }
      counts[i] = attrs.size();
    }
    NDArray unit = ClipPrompts.unitFeatures(clip, prompts);
    // Labels have different attribute counts: pool with a [L, prompts] averaging matrix.
    float[] weights = new float[labels.size() * prompts.size()];
    int column = 0;
    for (int i = 0; i < counts.length; i++) {
      for (int j = 0; j < counts[i]; j++) {
        weights[i * prompts.size() + column++] = 1f / counts[i];
      }
    }
    NDArray pool =
        unit.getManager()
            .create(weights, new Shape(labels.size(), prompts.size()))
            .toDevice(unit.getDevice(), false);
    return Tensors.normalizeRows(pool.matMul(unit));
  }
}
