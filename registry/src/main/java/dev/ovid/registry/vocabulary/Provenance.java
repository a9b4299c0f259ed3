package dev.ovid.registry.vocabulary;

/**
 * Where a label came from (the label's "source" in the API): typed by a person, imported from a
 * file or public list, or proposed by a model (synthetic labels, expansion).
 */
public enum Provenance {
  HUMAN,
  IMPORT,
  SYNTHETIC
}
