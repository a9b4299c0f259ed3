package dev.ovid.registry.vocabulary;

/** Where a label came from: typed by a person, or proposed by vocabulary expansion. */
public enum Provenance {
  HUMAN,
  SYNTHETIC
}
