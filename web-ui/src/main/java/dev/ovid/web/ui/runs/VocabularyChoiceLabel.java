package dev.ovid.web.ui.runs;

import dev.ovid.registry.vocabulary.Vocabulary;
import dev.ovid.web.ui.vocabularies.VocabularyRows;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How the launch form names a vocabulary: by the published version a run of it trains. A run trains
 * the latest published version (the first run of a never-published vocabulary publishes it), so
 * edits made to the draft since then do not reach it; the draft's own revision counter would
 * suggest they do.
 */
final class VocabularyChoiceLabel {
  private VocabularyChoiceLabel() {}

  static String of(String name, Integer publishedVersion, boolean draftChanged) {
    if (publishedVersion == null) {
      return name + " (not published yet: the run publishes it as v1)";
    }
    return draftChanged
        ? name
            + " (trains published v"
            + publishedVersion
            + "; publish the draft to train its changes)"
        : name + " (published v" + publishedVersion + ")";
  }

  /** The labels of every vocabulary, from the rows the vocabularies page lists. */
  static Function<Vocabulary, String> forAll(List<VocabularyRows.Row> rows) {
    Map<Long, String> labels = new HashMap<>();
    rows.forEach(r -> labels.put(r.id(), of(r.name(), r.published(), r.unpublishedChanges())));
    return v -> labels.getOrDefault(v.id, v.name);
  }
}
