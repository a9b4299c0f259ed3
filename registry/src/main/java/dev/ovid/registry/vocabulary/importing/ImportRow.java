package dev.ovid.registry.vocabulary.importing;

import dev.ovid.registry.vocabulary.LabelKind;
import java.util.List;

/**
 * One label read from a file, with the line (or element) it came from; {@code problem} is set when
 * the row cannot become a label.
 */
public record ImportRow(
    int line,
    String name,
    LabelKind kind,
    String description,
    List<String> synonyms,
    String problem) {

  static ImportRow ok(int line, String name, LabelKind kind, String description) {
    return new ImportRow(line, name, kind, description, List.of(), null);
  }

  static ImportRow bad(int line, String value, String problem) {
    return new ImportRow(line, value, null, null, List.of(), problem);
  }
}
