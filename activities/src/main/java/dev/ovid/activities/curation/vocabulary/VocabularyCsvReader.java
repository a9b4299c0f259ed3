package dev.ovid.activities.curation.vocabulary;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.CharConversionException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams the rows of a YouTube-8M {@code vocabulary.csv} one at a time. Columns are found by
 * header name, so extra columns (such as {@code OriginalIndex} in a curated file) are allowed.
 * Quoted fields may hold commas and line breaks; errors name the file and the line on which the bad
 * record starts.
 */
public final class VocabularyCsvReader implements Closeable {

  /** The columns every vocabulary file must have. */
  public static final List<String> COLUMNS =
      List.of(
          "Index",
          "TrainVideoCount",
          "KnowledgeGraphId",
          "Name",
          "WikiUrl",
          "Vertical1",
          "Vertical2",
          "Vertical3",
          "WikiDescription");

  private static final CsvMapper MAPPER = new CsvMapper();

  private final String source;
  private final JsonParser parser;
  private final int[] columnOf = new int[COLUMNS.size()];
  private final Map<String, Integer> header = new HashMap<>();
  private int headerWidth;
  private long rowsRead;
  private long lastLine;

  public VocabularyCsvReader(InputStream in, String source) {
    this.source = source;
    try {
      this.parser = MAPPER.reader().with(CsvParser.Feature.SKIP_EMPTY_LINES).createParser(in);
      readHeader();
    } catch (IOException e) {
      throw wrap(e);
    }
  }

  /** Column name to position in this file's header (after a successful construction). */
  public Map<String, Integer> header() {
    return Map.copyOf(header);
  }

  /** Data rows returned so far. */
  public long rowsRead() {
    return rowsRead;
  }

  /** The line on which the last returned row starts. */
  public long lastLine() {
    return lastLine;
  }

  /** The next row, or {@code null} at the end of the file. */
  public VocabularyEntry next() {
    try {
      Row row = nextRow();
      if (row == null) {
        return null;
      }
      if (row.cells.size() < headerWidth) {
        throw new VocabularyFormatException(
            source,
            row.line,
            "missing column(s): expected "
                + headerWidth
                + " fields like the header, found "
                + row.cells.size());
      }
      if (row.cells.size() > headerWidth) {
        throw new VocabularyFormatException(
            source,
            row.line,
            "too many fields: expected " + headerWidth + ", found " + row.cells.size());
      }
      rowsRead++;
      lastLine = row.line;
      return toEntry(row);
    } catch (IOException e) {
      throw wrap(e);
    }
  }

  private VocabularyEntry toEntry(Row row) {
    String index = cell(row, 0);
    String count = cell(row, 1);
    return new VocabularyEntry(
        parseInt(index, "Index", row.line),
        parseLong(count, "TrainVideoCount", row.line),
        cell(row, 2),
        cell(row, 3),
        cell(row, 4),
        cell(row, 5),
        cell(row, 6),
        cell(row, 7),
        cell(row, 8));
  }

  private String cell(Row row, int column) {
    return row.cells.get(columnOf[column]);
  }

  private int parseInt(String value, String column, long line) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new VocabularyFormatException(
          source, line, column + " is not an integer: '" + value + "'");
    }
  }

  private long parseLong(String value, String column, long line) {
    try {
      long v = Long.parseLong(value.trim());
      if (v < 0) {
        throw new VocabularyFormatException(source, line, column + " is negative: '" + value + "'");
      }
      return v;
    } catch (NumberFormatException e) {
      throw new VocabularyFormatException(
          source, line, column + " is not an integer: '" + value + "'");
    }
  }

  private void readHeader() throws IOException {
    Row row = nextRow();
    if (row == null) {
      throw new VocabularyFormatException(source, 1, "empty file: no header line");
    }
    for (int i = 0; i < row.cells.size(); i++) {
      String name = row.cells.get(i).trim();
      // spreadsheet exports often start with a UTF-8 byte order mark
      header.put(i == 0 && name.startsWith("\uFEFF") ? name.substring(1) : name, i);
    }
    headerWidth = row.cells.size();
    List<String> missing = new ArrayList<>();
    for (int c = 0; c < COLUMNS.size(); c++) {
      Integer at = header.get(COLUMNS.get(c));
      if (at == null) {
        missing.add(COLUMNS.get(c));
      } else {
        columnOf[c] = at;
      }
    }
    if (!missing.isEmpty()) {
      throw new VocabularyFormatException(
          source, row.line, "header lacks column(s) " + missing + "; expected " + COLUMNS);
    }
  }

  private record Row(long line, List<String> cells) {}

  /** Without a schema each CSV record is one root-level array of strings. */
  private Row nextRow() throws IOException {
    JsonToken t = parser.nextToken();
    if (t == null) {
      return null;
    }
    long line = -1;
    if (t != JsonToken.START_ARRAY) {
      throw new VocabularyFormatException(
          source, parser.currentTokenLocation().getLineNr(), "unexpected CSV token " + t);
    }
    List<String> cells = new ArrayList<>(COLUMNS.size());
    while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (t == null) {
        throw new VocabularyFormatException(source, line, "record ends before its last field");
      }
      if (line < 0) {
        // the row's START_ARRAY carries the previous row's location; its first cell is exact
        line = parser.currentTokenLocation().getLineNr();
      }
      cells.add(parser.getText());
    }
    return new Row(line, cells);
  }

  private RuntimeException wrap(IOException e) {
    if (e instanceof JsonProcessingException jpe && jpe.getLocation() != null) {
      return new VocabularyFormatException(
          source, jpe.getLocation().getLineNr(), "malformed CSV: " + jpe.getOriginalMessage(), e);
    }
    if (e instanceof CharConversionException) {
      // Jackson's UTF-8 decoder reports bad bytes as a plain IOException, without a location
      long line = parser == null ? 1 : parser.currentLocation().getLineNr();
      return new VocabularyFormatException(source, line, "not UTF-8 text: " + e.getMessage(), e);
    }
    return new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
