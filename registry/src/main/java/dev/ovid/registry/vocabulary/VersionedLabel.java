package dev.ovid.registry.vocabulary;

import java.util.List;

/**
 * A label as a version freezes it (no ids, no timestamps): what the content-addressed object holds,
 * what diffs compare and what expansion embeds.
 */
public record VersionedLabel(
    String name, LabelKind kind, String description, List<String> synonyms, Provenance source) {

  public static VersionedLabel of(Label l) {
    return new VersionedLabel(l.name, l.kind, l.description, l.synonyms(), l.provenance);
  }

  public static VersionedLabel of(VocabularyVersionLabel l) {
    return new VersionedLabel(l.name, l.kind, l.description, l.synonyms(), l.provenance);
  }

  /** Same label content, ignoring the source (re-importing a typed label changes nothing). */
  boolean sameContent(VersionedLabel other) {
    return name.equals(other.name)
        && kind == other.kind
        && java.util.Objects.equals(blankToNull(description), blankToNull(other.description))
        && synonyms.equals(other.synonyms);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
