package dev.ovid.registry.vocabulary.importing;

import dev.ovid.registry.common.ValidationException;
import java.util.Locale;

/** The label file formats Ovid imports into a vocabulary's draft. */
public enum ImportFormat {
  AUTO,
  LINES,
  CSV,
  JSON,
  KINETICS_CSV,
  LABEL_STUDIO;

  /** "auto", "lines", "csv", "json", "kinetics-csv", "label-studio". */
  public static ImportFormat parse(String text) {
    if (text == null || text.isBlank()) return AUTO;
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new ValidationException(
          "format '" + text + "' is not one of auto, lines, csv, json, kinetics-csv, label-studio");
    }
  }

  /** Guesses the format from the file name and its first characters. */
  static ImportFormat detect(String fileName, String content) {
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    String head = content.stripLeading();
    if (name.endsWith(".xml") || head.startsWith("<")) return LABEL_STUDIO;
    if (name.endsWith(".json") || head.startsWith("[") || head.startsWith("{")) return JSON;
    if (name.endsWith(".csv")) {
      String header = head.lines().findFirst().orElse("").toLowerCase(Locale.ROOT);
      return header.contains("youtube_id") || header.equals("id,name") ? KINETICS_CSV : CSV;
    }
    return LINES;
  }
}
