package dev.ovid.model.metrics.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A headed CSV file read row by row (Jackson CSV, streaming), giving each row's fields in the order
 * of the required columns and the line it started on. Extra columns are allowed and ignored.
 */
final class CsvTable implements Closeable {

  private static final CsvFactory FACTORY = new CsvFactory();

  private final Path file;
  private final JsonParser parser;
  private final int[] columnIndex;
  private final List<String> row = new ArrayList<>();
  private long line;

  private CsvTable(Path file, JsonParser parser, int[] columnIndex) {
    this.file = file;
    this.parser = parser;
    this.columnIndex = columnIndex;
  }

  /** Opens {@code file} and checks that its header holds every one of {@code columns}. */
  static CsvTable open(Path file, String... columns) throws IOException {
    BufferedReader reader;
    try {
      reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new MetricsInputException(file, 0, "file not found");
    }
    JsonParser parser = FACTORY.createParser(reader);
    CsvTable table = new CsvTable(file, parser, new int[columns.length]);
    try {
      if (!table.nextRaw()) {
        throw new MetricsInputException(
            file, 0, "empty file: expected a header " + String.join(",", columns));
      }
      List<String> header = new ArrayList<>();
      for (String h : table.row) {
        header.add(h.replace("\uFEFF", "").trim());
      }
      for (int c = 0; c < columns.length; c++) {
        table.columnIndex[c] = header.indexOf(columns[c]);
        if (table.columnIndex[c] < 0) {
          throw new MetricsInputException(
              file,
              table.line,
              "missing column '"
                  + columns[c]
                  + "' (header is "
                  + quote(String.join(",", header))
                  + ")");
        }
      }
      return table;
    } catch (IOException | RuntimeException e) {
      table.close();
      throw e;
    }
  }

  /** Reads the next data row into {@code fields} (required columns, trimmed); false at the end. */
  boolean next(String[] fields) throws IOException {
    if (!nextRaw()) {
      return false;
    }
    if (row.size() == 1 && row.get(0).isBlank() && fields.length > 1) {
      return next(fields); // blank line
    }
    for (int c = 0; c < columnIndex.length; c++) {
      if (columnIndex[c] >= row.size()) {
        throw error("expected at least " + (columnIndex[c] + 1) + " fields, found " + row.size());
      }
      fields[c] = row.get(columnIndex[c]).trim();
    }
    return true;
  }

  private boolean nextRaw() throws IOException {
    try {
      JsonToken token = parser.nextToken();
      if (token == null) {
        return false;
      }
      if (token != JsonToken.START_ARRAY) {
        throw error("unexpected CSV token " + token);
      }
      row.clear();
      for (token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
        if (token == null) {
          throw error("unexpected end of file inside a row");
        }
        if (row.isEmpty()) {
          // The row's first field knows its line; START_ARRAY reports the previous one.
          line = parser.currentTokenLocation().getLineNr();
        }
        row.add(parser.getText());
      }
      return true;
    } catch (JsonProcessingException e) {
      long at = e.getLocation() == null ? line : e.getLocation().getLineNr();
      throw new MetricsInputException(file, at, "malformed CSV: " + e.getOriginalMessage());
    } catch (CharacterCodingException e) {
      // The strict UTF-8 decoder stops at the first bad byte; the row that holds it is not known
      throw new MetricsInputException(
          file, line, "not UTF-8 text (a malformed byte after this line)");
    }
  }

  /**
   * A field's text as error messages quote it: single-quoted and cut to 80 characters, so that a
   * huge field is never echoed whole.
   */
  static String quote(String text) {
    String flat = text.replaceAll("\\p{Cntrl}", " ");
    return flat.length() <= 80
        ? "'" + flat + "'"
        : "'" + flat.substring(0, 80) + "…' (" + text.length() + " characters)";
  }

  /** 1-based line of the row last read. */
  long line() {
    return line;
  }

  Path file() {
    return file;
  }

  MetricsInputException error(String problem) {
    return new MetricsInputException(file, line, problem);
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }

  @Override
  public String toString() {
    return file + " columns " + Arrays.toString(columnIndex);
  }
}
