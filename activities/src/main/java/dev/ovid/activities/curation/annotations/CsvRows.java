package dev.ovid.activities.curation.annotations;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Rows of a CSV file with a header, each with its line number; errors name the file and line. */
final class CsvRows {
  interface RowHandler {
    void row(Row row);
  }

  record Row(String file, long line, Map<String, String> values) {
    String text(String column) {
      String v = values.get(column);
      if (v == null || v.isBlank()) {
        throw new AnnotationFormatException(file, line, "empty " + column);
      }
      return v.strip();
    }

    double number(String column) {
      String v = text(column);
      try {
        return Double.parseDouble(v);
      } catch (NumberFormatException e) {
        throw new AnnotationFormatException(file, line, column + " is not a number: '" + v + "'");
      }
    }

    int integer(String column) {
      double d = number(column);
      if (d != Math.rint(d)) {
        throw new AnnotationFormatException(file, line, column + " is not an integer: " + d);
      }
      return (int) d;
    }
  }

  private CsvRows() {}

  static void read(Path path, List<String> required, RowHandler handler) throws IOException {
    String file = path.toString();
    CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.TRIM_SPACES);
    try (InputStream in = Files.newInputStream(path);
        MappingIterator<Map<String, String>> rows =
            mapper.readerFor(Map.class).with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
      boolean any;
      try {
        any = rows.hasNextValue(); // reads the header into the parser's schema
      } catch (RuntimeException e) {
        throw new AnnotationFormatException(file, 1, "malformed CSV header: " + e.getMessage());
      }
      Set<String> columns = new LinkedHashSet<>();
      ((CsvSchema) rows.getParserSchema()).forEach(c -> columns.add(c.getName()));
      for (String column : required) {
        if (!columns.contains(column)) {
          throw new AnnotationFormatException(
              file, 1, "missing column '" + column + "' (header has " + columns + ")");
        }
      }
      while (any) {
        long line = rows.getCurrentLocation().getLineNr();
        Map<String, String> values;
        try {
          values = rows.nextValue();
        } catch (RuntimeException e) {
          throw new AnnotationFormatException(file, line, "malformed CSV row: " + e.getMessage());
        }
        handler.row(new Row(file, line, values));
        try {
          any = rows.hasNextValue();
        } catch (RuntimeException e) {
          throw new AnnotationFormatException(
              file, line + 1, "malformed CSV row: " + e.getMessage());
        }
      }
    }
  }
}
