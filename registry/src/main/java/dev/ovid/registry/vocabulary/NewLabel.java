package dev.ovid.registry.vocabulary;

import java.util.List;

/**
 * A label to add to a draft. {@code source} is free text on where it came from ("ui", "youtube8m",
 * "import:kinetics400_labels.csv"); {@code score} is the confidence of a synthetic label and null
 * for others; {@code kind} null means OTHER.
 */
public record NewLabel(
    String name,
    Provenance provenance,
    String source,
    Double score,
    LabelKind kind,
    String description,
    List<String> synonyms) {

  public NewLabel(String name, Provenance provenance, String source, Double score) {
    this(name, provenance, source, score, null, null, null);
  }

  public static NewLabel human(String name, String source) {
    return new NewLabel(name, Provenance.HUMAN, source, null);
  }

  public static NewLabel synthetic(String name, String source, double score) {
    return new NewLabel(name, Provenance.SYNTHETIC, source, score);
  }

  public static NewLabel imported(String name, LabelKind kind, String description, String source) {
    return new NewLabel(name, Provenance.IMPORT, source, null, kind, description, null);
  }
}
