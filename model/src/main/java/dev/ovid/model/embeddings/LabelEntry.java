package dev.ovid.model.embeddings;

/** One label of the database: a stable id (e.g. a vocabulary row id) and its name. */
public record LabelEntry(String id, String name) {

  public LabelEntry {
    if (id == null || id.isEmpty() || name == null || name.isBlank()) {
      throw new IllegalArgumentException("label needs a non-empty id and name: " + id + "/" + name);
    }
  }
}
