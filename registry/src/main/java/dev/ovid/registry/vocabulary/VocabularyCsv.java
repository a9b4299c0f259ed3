package dev.ovid.registry.vocabulary;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** Writes a label set as CSV: name,kind,description,synonyms,source (synonyms joined by '|'). */
public final class VocabularyCsv {
  private VocabularyCsv() {}

  public static byte[] write(List<VersionedLabel> labels) {
    StringBuilder out = new StringBuilder("name,kind,description,synonyms,source\n");
    for (VersionedLabel l : labels) {
      out.append(quote(l.name()))
          .append(',')
          .append(l.kind().name().toLowerCase(Locale.ROOT))
          .append(',')
          .append(quote(l.description() == null ? "" : l.description()))
          .append(',')
          .append(quote(String.join("|", l.synonyms())))
          .append(',')
          .append(l.source().name().toLowerCase(Locale.ROOT))
          .append('\n');
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  static String quote(String value) {
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0) return value;
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
