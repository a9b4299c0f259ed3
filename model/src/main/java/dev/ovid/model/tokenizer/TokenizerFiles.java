package dev.ovid.model.tokenizer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reading a checkpoint's tokenizer files, with errors that name the file and line. */
final class TokenizerFiles {
  /** HF reads at most this many merges (CLIP's 49152-token vocabulary less bytes and specials). */
  private static final int MAX_MERGES = 49152 - 256 - 2;

  private static final ObjectMapper JSON = new ObjectMapper();

  private TokenizerFiles() {}

  static Map<String, Integer> readVocab(Path file) throws IOException {
    JsonNode root = readJson(file);
    if (!root.isObject()) {
      throw new TokenizerFormatException(file, "expected a JSON object of token -> id");
    }
    Map<String, Integer> out = new HashMap<>();
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      if (!e.getValue().canConvertToInt() || !e.getValue().isIntegralNumber()) {
        throw new TokenizerFormatException(
            file, "token '" + e.getKey() + "' has non-integer id " + e.getValue());
      }
      out.put(e.getKey(), e.getValue().asInt());
    }
    return Collections.unmodifiableMap(out);
  }

  static Map<String, Integer> readMerges(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new TokenizerFormatException(file, "missing (CLIP checkpoints ship merges.txt)");
    }
    // As HF: strip the file, split lines, skip the first (the "#version" line), cap the count.
    String[] lines = Files.readString(file, StandardCharsets.UTF_8).strip().split("\n", -1);
    Map<String, Integer> ranks = new HashMap<>();
    for (int i = 1; i < lines.length && i <= MAX_MERGES; i++) {
      String[] pair = lines[i].strip().split("\\s+");
      if (pair.length != 2) {
        throw new TokenizerFormatException(
            file, i + 1, "expected two symbols separated by a space, got '" + lines[i] + "'");
      }
      // A repeated pair keeps its last rank, as a Python dict built from the list does.
      ranks.put(pair[0] + " " + pair[1], i - 1);
    }
    return Collections.unmodifiableMap(ranks);
  }

  static JsonNode readOptionalJson(Path file) throws IOException {
    return Files.isRegularFile(file) ? readJson(file) : JSON.createObjectNode();
  }

  static JsonNode readJson(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new TokenizerFormatException(file, "missing");
    }
    try {
      return JSON.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw new TokenizerFormatException(
          file,
          e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          "not valid JSON: " + e.getOriginalMessage());
    }
  }

  /** A special token's text: a plain string or an AddedToken object with "content". */
  static String special(JsonNode config, JsonNode specials, String key, String fallback) {
    for (JsonNode source : List.of(config, specials)) {
      JsonNode n = source.get(key);
      if (n != null && n.isTextual()) {
        return n.asText();
      }
      if (n != null && n.isObject() && n.has("content")) {
        return n.get("content").asText();
      }
    }
    return fallback;
  }
}
