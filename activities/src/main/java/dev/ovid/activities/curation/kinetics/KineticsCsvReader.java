package dev.ovid.activities.curation.kinetics;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.ovid.registry.dataset.manifest.ManifestEntry;
import dev.ovid.registry.dataset.manifest.ManifestFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a Kinetics-style annotation CSV ({@code label,youtube_id,time_start,time_end,split}) into
 * manifest entries. Clips are found under {@code videoRoot} by the dataset's usual file name {@code
 * <youtube_id>_<start:06d>_<end:06d>.mp4}; a clip listed under several labels gets them all.
 */
public final class KineticsCsvReader {
  static final List<String> REQUIRED =
      List.of("label", "youtube_id", "time_start", "time_end", "split");

  private final String videoRoot;

  public KineticsCsvReader(String videoRoot) {
    this.videoRoot = videoRoot.endsWith("/") ? videoRoot : videoRoot + "/";
  }

  public List<ManifestEntry> read(InputStream csv, String source) {
    CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.TRIM_SPACES);
    Map<String, ManifestEntry> byClip = new LinkedHashMap<>();
    try (MappingIterator<Map<String, String>> rows =
        mapper.readerFor(Map.class).with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
      checkHeader(rows, source);
      while (rows.hasNextValue()) {
        long line = rows.getCurrentLocation().getLineNr();
        Map<String, String> row;
        try {
          row = rows.nextValue();
        } catch (RuntimeException e) {
          throw new ManifestFormatException(source, line, "malformed CSV row");
        }
        ManifestEntry entry = entry(row, source, line);
        byClip.merge(entry.id(), entry, (a, b) -> withLabel(a, b.labels().get(0)));
      }
    } catch (IOException e) {
      throw new ManifestFormatException(source, 1, "not a readable CSV file");
    }
    return new ArrayList<>(byClip.values());
  }

  private static void checkHeader(MappingIterator<Map<String, String>> rows, String source)
      throws IOException {
    rows.hasNextValue(); // reads the header line into the parser's schema
    Set<String> columns = new java.util.LinkedHashSet<>();
    ((CsvSchema) rows.getParserSchema()).forEach(c -> columns.add(c.getName()));
    for (String column : REQUIRED) {
      if (!columns.contains(column)) {
        throw new ManifestFormatException(
            source,
            1,
            "missing column '"
                + column
                + "' (the header has "
                + columns.size()
                + " columns; it needs "
                + REQUIRED
                + ")");
      }
    }
  }

  private ManifestEntry entry(Map<String, String> row, String source, long line) {
    String label = required(row, "label", source, line);
    String id = required(row, "youtube_id", source, line);
    int start = integer(row, "time_start", source, line);
    int end = integer(row, "time_end", source, line);
    if (end <= start) {
      throw new ManifestFormatException(
          source, line, "time_end " + end + " is not after time_start " + start);
    }
    String clip = String.format("%s_%06d_%06d", id, start, end);
    return new ManifestEntry(
        clip,
        videoRoot + clip + ".mp4",
        null,
        List.of(label),
        required(row, "split", source, line));
  }

  private static ManifestEntry withLabel(ManifestEntry entry, String label) {
    if (entry.labels().contains(label)) return entry;
    List<String> labels = new ArrayList<>(entry.labels());
    labels.add(label);
    return new ManifestEntry(entry.id(), entry.uri(), entry.sha256(), labels, entry.split());
  }

  private static String required(Map<String, String> row, String column, String source, long line) {
    String value = row.get(column);
    if (value == null || value.isBlank()) {
      throw new ManifestFormatException(source, line, "empty " + column);
    }
    return value;
  }

  private static int integer(Map<String, String> row, String column, String source, long line) {
    String value = required(row, column, source, line);
    try {
      return (int) Math.round(Double.parseDouble(value));
    } catch (NumberFormatException e) {
      throw new ManifestFormatException(
          source, line, column + " is not a number: " + dev.ovid.registry.common.Echo.quote(value));
    }
  }
}
