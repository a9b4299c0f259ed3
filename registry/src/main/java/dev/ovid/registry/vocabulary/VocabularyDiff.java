package dev.ovid.registry.vocabulary;

import java.util.List;

/**
 * What changed from one label set to another, matching labels by name case-insensitively. {@code
 * from}/{@code to} are version numbers; {@code to} is null for the draft.
 */
public record VocabularyDiff(
    String vocabulary,
    Integer from,
    Integer to,
    List<VersionedLabel> added,
    List<VersionedLabel> removed,
    List<Change> changed) {

  public record Change(String name, VersionedLabel before, VersionedLabel after) {}

  public boolean empty() {
    return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
  }
}
