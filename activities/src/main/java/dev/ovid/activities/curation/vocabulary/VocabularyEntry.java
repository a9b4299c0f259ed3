package dev.ovid.activities.curation.vocabulary;

import java.util.ArrayList;
import java.util.List;

/**
 * One row of a YouTube-8M {@code vocabulary.csv}. {@code index} is the label id used in the
 * TFRecords; empty vertical cells are kept as empty strings.
 */
public record VocabularyEntry(
    int index,
    long trainVideoCount,
    String knowledgeGraphId,
    String name,
    String wikiUrl,
    String vertical1,
    String vertical2,
    String vertical3,
    String wikiDescription) {

  /** The non-empty verticals in column order, without duplicates. */
  public List<String> verticals() {
    List<String> out = new ArrayList<>(3);
    for (String v : new String[] {vertical1, vertical2, vertical3}) {
      if (v != null && !v.isBlank() && !out.contains(v)) {
        out.add(v);
      }
    }
    return out;
  }

  public boolean hasName() {
    return name != null && !name.isBlank();
  }

  /** The name, or for unnamed labels the Knowledge Graph id, so reports can still point at it. */
  public String displayName() {
    return hasName() ? name : "(unnamed " + knowledgeGraphId + ")";
  }
}
