package dev.ovid.registry.dataset.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * A dataset version's manifest: JSON Lines, one {@link ManifestEntry} per line, sorted by id so the
 * same content always has the same bytes and therefore the same sha256.
 */
public final class DatasetManifest {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private DatasetManifest() {}

  public static byte[] write(List<ManifestEntry> entries) {
    var sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparing(ManifestEntry::id));
    var out = new StringBuilder();
    try {
      for (ManifestEntry e : sorted) out.append(JSON.writeValueAsString(e)).append('\n');
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Reads and checks every line; {@code source} names the input in errors. */
  public static List<ManifestEntry> read(InputStream in, String source) {
    List<ManifestEntry> entries = new ArrayList<>();
    forEach(in, source, entries::add);
    return entries;
  }

  /**
   * Streams the entries one line at a time, checking each (a bad line is a {@link
   * ManifestFormatException} naming {@code source} and the line); only the ids are kept in memory.
   */
  public static void forEach(InputStream in, String source, Consumer<ManifestEntry> action) {
    var ids = new HashSet<String>();
    try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      long number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) continue;
        ManifestEntry entry;
        try {
          entry = JSON.readValue(line, ManifestEntry.class);
        } catch (JsonProcessingException e) {
          throw new ManifestFormatException(
              source,
              number,
              "not a manifest entry: expected one JSON object {id, uri, labels, split} per line"
                  + (e.getLocation() == null
                      ? ""
                      : " (column " + e.getLocation().getColumnNr() + ")"));
        }
        if (entry.id() == null || entry.id().isBlank())
          throw new ManifestFormatException(source, number, "missing id");
        if (entry.uri() == null || entry.uri().isBlank())
          throw new ManifestFormatException(source, number, "missing uri");
        if (entry.labels() == null || entry.labels().isEmpty())
          throw new ManifestFormatException(
              source, number, "video " + entry.id() + " has no labels");
        if (entry.split() == null || entry.split().isBlank())
          throw new ManifestFormatException(source, number, "missing split");
        if (!ids.add(entry.id()))
          throw new ManifestFormatException(source, number, "duplicate video id " + entry.id());
        action.accept(entry);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading manifest " + source, e);
    }
  }
}
