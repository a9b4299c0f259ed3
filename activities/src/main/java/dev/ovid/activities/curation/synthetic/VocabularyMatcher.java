package dev.ovid.activities.curation.synthetic;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps free-text answers onto a vocabulary: case, accents, punctuation, list bullets and a plural
 * "s" do not matter; anything else must match a label exactly.
 */
public final class VocabularyMatcher {
  private final Map<String, String> byKey = new HashMap<>();

  public VocabularyMatcher(List<String> vocabulary) {
    for (String label : vocabulary) byKey.putIfAbsent(key(label), label);
  }

  public Optional<String> match(String answer) {
    String key = key(answer);
    if (key.isEmpty()) return Optional.empty();
    String label = byKey.get(key);
    if (label == null && key.endsWith("s")) label = byKey.get(key.substring(0, key.length() - 1));
    if (label == null && key.endsWith("es")) label = byKey.get(key.substring(0, key.length() - 2));
    return Optional.ofNullable(label);
  }

  /** Splits a list-like answer ("a, b\n- c; 3. d") into items. */
  public static List<String> items(String answer) {
    List<String> out = new ArrayList<>();
    for (String part : answer.split("[,;\\n]")) {
      String item = part.replaceFirst("^\\s*([-*•]|\\d+[.)])\\s*", "").trim();
      if (!item.isEmpty()) out.add(item);
    }
    return out;
  }

  /** Matches every item of an answer; unmatched items are returned, never dropped silently. */
  public LabelingResult matchAll(String videoId, String answer, String source) {
    Set<String> labels = new LinkedHashSet<>();
    List<String> unmatched = new ArrayList<>();
    for (String item : items(answer)) {
      match(item).ifPresentOrElse(labels::add, () -> unmatched.add(item));
    }
    return new LabelingResult(
        labels.stream().map(l -> new SyntheticLabel(videoId, l, source, null)).toList(), unmatched);
  }

  static String key(String text) {
    String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    return plain
        .toLowerCase(Locale.ROOT)
        .replaceAll("[\"'`.!?()\\[\\]]", "")
        .replaceAll("[_\\s]+", " ")
        .trim();
  }
}
