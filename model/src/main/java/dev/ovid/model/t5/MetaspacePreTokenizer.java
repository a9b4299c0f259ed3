package dev.ovid.model.t5;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * SentencePiece-style pre-tokenization: spaces become the meta symbol (▁), a ▁ is prepended, and
 * the text splits into words that each start at a ▁. Also reads the older form of T5 tokenizer
 * files, {@code Sequence[WhitespaceSplit, Metaspace(add_prefix_space)]}.
 */
final class MetaspacePreTokenizer {
  private final String replacement;
  private final String prepend; // "always", "first" or "never"
  private final boolean split;
  private final boolean whitespaceSplitFirst;

  private MetaspacePreTokenizer(
      String replacement, String prepend, boolean split, boolean whitespaceSplitFirst) {
    this.replacement = replacement;
    this.prepend = prepend;
    this.split = split;
    this.whitespaceSplitFirst = whitespaceSplitFirst;
  }

  static MetaspacePreTokenizer of(JsonNode n, Path source) {
    String type = n.path("type").asText();
    if ("Sequence".equals(type)) {
      boolean whitespace = false;
      JsonNode metaspace = null;
      for (JsonNode child : n.path("pretokenizers")) {
        String t = child.path("type").asText();
        if ("WhitespaceSplit".equals(t)) {
          whitespace = true;
        } else if ("Metaspace".equals(t)) {
          metaspace = child;
        } else {
          throw new IllegalArgumentException(source + ": unsupported pre_tokenizer '" + t + "'");
        }
      }
      if (metaspace == null) {
        throw new IllegalArgumentException(source + ": pre_tokenizer sequence lacks Metaspace");
      }
      MetaspacePreTokenizer m = of(metaspace, source);
      return new MetaspacePreTokenizer(m.replacement, m.prepend, m.split, whitespace);
    }
    if (!"Metaspace".equals(type)) {
      throw new IllegalArgumentException(
          source + ": unsupported pre_tokenizer '" + type + "', expected Metaspace");
    }
    String replacement = n.path("replacement").asText("\u2581");
    String prepend;
    if (n.has("prepend_scheme")) {
      prepend = n.get("prepend_scheme").asText();
    } else {
      prepend = n.path("add_prefix_space").asBoolean(true) ? "always" : "never";
    }
    return new MetaspacePreTokenizer(replacement, prepend, n.path("split").asBoolean(true), false);
  }

  String replacement() {
    return replacement;
  }

  /**
   * @param text a normalized segment
   * @param first whether the segment starts the input (for prepend scheme "first")
   */
  List<String> split(String text, boolean first) {
    List<String> words = new ArrayList<>();
    if (whitespaceSplitFirst) {
      for (String w : text.split("\\s+")) {
        if (!w.isEmpty()) {
          words.addAll(metaspace(w, first));
        }
      }
      return words;
    }
    return metaspace(text, first);
  }

  private List<String> metaspace(String text, boolean first) {
    String s = text.replace(" ", replacement);
    boolean add = "always".equals(prepend) || ("first".equals(prepend) && first);
    if (add && !s.startsWith(replacement)) {
      s = replacement + s;
    }
    List<String> words = new ArrayList<>();
    if (!split) {
      words.add(s);
      return words;
    }
    int start = 0;
    for (int i = 1; i < s.length(); i++) {
      if (s.startsWith(replacement, i)) {
        words.add(s.substring(start, i));
        start = i;
      }
    }
    if (start < s.length()) {
      words.add(s.substring(start));
    }
    return words;
  }
}
