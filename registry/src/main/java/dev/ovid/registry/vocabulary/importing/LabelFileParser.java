package dev.ovid.registry.vocabulary.importing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ovid.registry.common.Echo;
import dev.ovid.registry.common.Json;
import dev.ovid.registry.common.ValidationException;
import dev.ovid.registry.vocabulary.LabelKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads label files into rows, one per label, each with its line number; a malformed row becomes a
 * rejected row with the reason instead of failing the whole file. A file that cannot be read at all
 * (not JSON, not XML, CSV without a name column) is a {@link ValidationException}.
 */
public final class LabelFileParser {
  private LabelFileParser() {}

  public static List<ImportRow> parse(ImportFormat format, String fileName, byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) text = text.substring(1);
    ImportFormat f = format == ImportFormat.AUTO ? ImportFormat.detect(fileName, text) : format;
    return switch (f) {
      case LINES -> lines(text, LabelKind.OTHER);
      case CSV -> csv(text);
      case JSON -> json(text);
      case KINETICS_CSV -> kinetics(text);
      case LABEL_STUDIO -> labelStudio(bytes);
      case AUTO -> throw new IllegalStateException("detect never answers AUTO");
    };
  }

  static List<ImportRow> lines(String text, LabelKind kind) {
    List<ImportRow> rows = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) continue;
      rows.add(ImportRow.ok(i + 1, line, kind, null));
    }
    return rows;
  }

  /** CSV with a header naming the columns: name (required), kind, description. */
  static List<ImportRow> csv(String text) {
    List<CsvRecords.Row> records = CsvRecords.read(text);
    if (records.isEmpty()) return List.of();
    List<String> header =
        records.get(0).fields().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
    int name = header.indexOf("name");
    if (name < 0) {
      throw new ValidationException(
          "CSV line 1 must be a header with a 'name' column (name[,kind[,description]]), was: "
              + Echo.clip(String.join(",", records.get(0).fields()), 200));
    }
    int kind = header.indexOf("kind");
    int description = header.indexOf("description");
    List<ImportRow> rows = new ArrayList<>();
    for (int r = 1; r < records.size(); r++) {
      List<String> record = records.get(r).fields();
      int line = records.get(r).line();
      if (record.size() == 1 && record.get(0).isBlank()) continue;
      if (record.size() != header.size()) {
        rows.add(
            ImportRow.bad(
                line,
                String.join(",", record),
                "has " + record.size() + " columns, the header " + header.size()));
        continue;
      }
      LabelKind k;
      try {
        k = kind < 0 ? LabelKind.OTHER : LabelKind.parse(record.get(kind));
      } catch (ValidationException e) {
        rows.add(ImportRow.bad(line, record.get(name), e.getMessage()));
        continue;
      }
      rows.add(
          ImportRow.ok(
              line, record.get(name).strip(), k, description < 0 ? null : record.get(description)));
    }
    return rows;
  }

  /** A Kinetics annotation CSV (label,youtube_id,...) or class list (id,name): distinct actions. */
  static List<ImportRow> kinetics(String text) {
    List<CsvRecords.Row> records = CsvRecords.read(text);
    if (records.isEmpty()) return List.of();
    List<String> header =
        records.get(0).fields().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
    int column = header.contains("label") ? header.indexOf("label") : header.indexOf("name");
    if (column < 0) {
      throw new ValidationException(
          "a Kinetics CSV needs a 'label' (annotations) or 'name' (class list) column in its header");
    }
    Set<String> seen = new LinkedHashSet<>();
    List<ImportRow> rows = new ArrayList<>();
    for (int r = 1; r < records.size(); r++) {
      List<String> record = records.get(r).fields();
      int line = records.get(r).line();
      if (record.size() == 1 && record.get(0).isBlank()) continue;
      if (record.size() <= column) {
        rows.add(ImportRow.bad(line, String.join(",", record), "has no column " + (column + 1)));
        continue;
      }
      String label = record.get(column).strip();
      // Annotation files repeat each class once per clip: keep its first row only.
      if (seen.add(label.toLowerCase(Locale.ROOT))) {
        rows.add(ImportRow.ok(line, label, LabelKind.ACTION, null));
      }
    }
    return rows;
  }

  /** JSON: an array of names or of {name, kind, description, synonyms}, or {"labels": [...]}. */
  static List<ImportRow> json(String text) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(text);
    } catch (IOException e) {
      throw new ValidationException(
          "not valid JSON: " + Echo.clip(e.getMessage().lines().findFirst().orElse(""), 300));
    }
    JsonNode items = root != null && root.isObject() ? root.path("labels") : root;
    if (items == null || !items.isArray()) {
      throw new ValidationException("JSON must be an array of labels or an object with 'labels'");
    }
    List<ImportRow> rows = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      int element = i + 1;
      if (item.isTextual()) {
        rows.add(ImportRow.ok(element, item.asText(), LabelKind.OTHER, null));
      } else if (item.isObject() && item.path("name").isTextual()) {
        try {
          List<String> synonyms = new ArrayList<>();
          item.path("synonyms").forEach(s -> synonyms.add(s.asText()));
          rows.add(
              new ImportRow(
                  element,
                  item.path("name").asText(),
                  LabelKind.parse(item.path("kind").asText(null)),
                  item.path("description").isTextual() ? item.path("description").asText() : null,
                  synonyms,
                  null));
        } catch (ValidationException e) {
          rows.add(ImportRow.bad(element, item.path("name").asText(), e.getMessage()));
        }
      } else {
        rows.add(
            ImportRow.bad(element, item.toString(), "is neither a name nor an object with a name"));
      }
    }
    return rows;
  }

  /** A Label Studio labeling config: the value of every Choice and Label element. */
  static List<ImportRow> labelStudio(byte[] bytes) {
    List<ImportRow> rows = new ArrayList<>();
    try {
      SAXParserFactory factory = SAXParserFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory
          .newSAXParser()
          .parse(
              new ByteArrayInputStream(bytes),
              new DefaultHandler() {
                private Locator locator;

                @Override
                public void setDocumentLocator(Locator locator) {
                  this.locator = locator;
                }

                @Override
                public void startElement(String uri, String local, String qName, Attributes a) {
                  if (!qName.equals("Choice") && !qName.equals("Label")) return;
                  int line = locator == null ? 0 : locator.getLineNumber();
                  String value = a.getValue("value");
                  if (value == null) {
                    rows.add(ImportRow.bad(line, "<" + qName + ">", "has no value attribute"));
                  } else {
                    rows.add(ImportRow.ok(line, value, LabelKind.OTHER, a.getValue("hint")));
                  }
                }
              });
    } catch (SAXException e) {
      throw new ValidationException(
          "not a Label Studio labeling config (XML): " + Echo.clip(e.getMessage(), 300));
    } catch (IOException | javax.xml.parsers.ParserConfigurationException e) {
      throw new ValidationException("cannot read the XML: " + Echo.clip(e.getMessage(), 300));
    }
    return rows;
  }
}
