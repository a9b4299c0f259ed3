package dev.ovid.registry.vocabulary.importing;

import dev.ovid.registry.common.NotFoundException;
import dev.ovid.registry.vocabulary.LabelKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The public label lists shipped in {@code public-labels/} (sources in its README), each read in
 * its own file format into label rows.
 */
public final class PublicLabelLists {
  /** List name → file, in the order the UI offers them. */
  public static final Map<String, String> FILES =
      Map.of(
          "kinetics-400", "kinetics400_labels.csv",
          "activitynet-1.3", "activitynet_v1.3_labels.txt",
          "tao", "tao_test_categories.txt",
          "rareact", "rareact_classes.txt");

  private PublicLabelLists() {}

  public static List<String> names() {
    return List.of("kinetics-400", "activitynet-1.3", "tao", "rareact");
  }

  public static List<ImportRow> read(String name) {
    String file = FILES.get(name);
    if (file == null) {
      throw new NotFoundException("public label list '" + name + "' not found; known: " + names());
    }
    String text = resource(file);
    return switch (name) {
      case "kinetics-400" -> LabelFileParser.kinetics(text);
      case "activitynet-1.3" -> LabelFileParser.lines(text, LabelKind.ACTION);
        // TAO: id, name (LVIS, with underscores), synset, frequency; tab-separated.
      case "tao" -> columns(text, LabelKind.ENTITY, 1);
        // RareAct: id, verb, noun: the verb-noun pair is the class.
      default -> columns(text, LabelKind.ACTION, 1, 2);
    };
  }

  private static List<ImportRow> columns(String text, LabelKind kind, int... columns) {
    List<ImportRow> rows = new ArrayList<>();
    String[] lines = text.split("\r?\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) continue;
      String[] fields = lines[i].split("\t");
      StringBuilder name = new StringBuilder();
      for (int c : columns) {
        if (c >= fields.length) {
          rows.add(ImportRow.bad(i + 1, lines[i], "has no column " + (c + 1)));
          name = null;
          break;
        }
        if (name.length() > 0) name.append(' ');
        name.append(fields[c].strip().replace('_', ' '));
      }
      if (name != null) rows.add(ImportRow.ok(i + 1, name.toString(), kind, null));
    }
    return rows;
  }

  private static String resource(String file) {
    try (InputStream in =
        PublicLabelLists.class.getClassLoader().getResourceAsStream("public-labels/" + file)) {
      if (in == null)
        throw new IllegalStateException("public-labels/" + file + " is not on the class path");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
