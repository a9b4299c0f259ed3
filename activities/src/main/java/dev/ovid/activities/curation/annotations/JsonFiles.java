package dev.ovid.activities.curation.annotations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** JSON reading with errors that name the file and the line or the key path. */
final class JsonFiles {
  private JsonFiles() {}

  static JsonNode read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      JsonNode root = new ObjectMapper().readTree(in);
      if (root == null || !root.isObject()) {
        throw new AnnotationFormatException(file.toString(), "$", "expected a JSON object");
      }
      return root;
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new AnnotationFormatException(
          file.toString(), line, "malformed JSON: " + e.getOriginalMessage());
    }
  }

  static JsonNode field(JsonNode node, String name, String path, String file) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      throw new AnnotationFormatException(file, path, "missing key '" + name + "'");
    }
    return v;
  }

  static JsonNode array(JsonNode node, String name, String path, String file) {
    JsonNode v = field(node, name, path, file);
    if (!v.isArray()) {
      throw new AnnotationFormatException(file, path + "." + name, "expected an array");
    }
    return v;
  }

  static String text(JsonNode node, String name, String path, String file) {
    JsonNode v = field(node, name, path, file);
    if (!v.isTextual() || v.asText().isBlank()) {
      throw new AnnotationFormatException(file, path + "." + name, "expected a non-empty string");
    }
    return v.asText().strip();
  }

  static long id(JsonNode node, String name, String path, String file) {
    JsonNode v = field(node, name, path, file);
    if (!v.isIntegralNumber()) {
      throw new AnnotationFormatException(file, path + "." + name, "expected an integer id");
    }
    return v.asLong();
  }
}
