package dev.ovid.registry.vocabulary;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.ovid.registry.common.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Synonyms are stored as a JSON array of strings; null or empty means none. */
final class LabelSynonyms {
  private LabelSynonyms() {}

  static List<String> read(String json) {
    if (json == null || json.isBlank()) return List.of();
    try {
      return Json.mapper().readValue(json, new TypeReference<List<String>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable synonyms " + json, e);
    }
  }

  static String write(List<String> synonyms) {
    if (synonyms == null || synonyms.isEmpty()) return null;
    return Json.write(synonyms);
  }
}
