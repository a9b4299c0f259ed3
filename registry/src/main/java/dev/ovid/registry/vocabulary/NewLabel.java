package dev.ovid.registry.vocabulary;

/**
 * A label to add. {@code source} says where it came from ("ui", "youtube8m", "expansion:run-7");
 * {@code score} is the confidence of a synthetic label and null for human ones.
 */
public record NewLabel(String name, Provenance provenance, String source, Double score) {
  public static NewLabel human(String name, String source) {
    return new NewLabel(name, Provenance.HUMAN, source, null);
  }

  public static NewLabel synthetic(String name, String source, double score) {
    return new NewLabel(name, Provenance.SYNTHETIC, source, score);
  }
}
