package dev.ovid.activities.curation.vocabulary;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Writes and reads a curated vocabulary as CSV. The file keeps YouTube-8M's columns (Index is the
 * original label id, so it stays joinable with the TFRecords) and adds {@code CuratedIndex}, the
 * new dense index, which is also the row order.
 */
public final class CuratedVocabularyCsv {

  private static final List<String> HEADER;

  static {
    List<String> h = new ArrayList<>(VocabularyCsvReader.COLUMNS);
    h.add("CuratedIndex");
    HEADER = List.copyOf(h);
  }

  private CuratedVocabularyCsv() {}

  public static void write(CuratedVocabulary vocabulary, OutputStream out) throws IOException {
    CsvMapper mapper = new CsvMapper();
    mapper.configure(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS, false);
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    HEADER.forEach(schema::addColumn);
    try (SequenceWriter w =
        mapper.writerFor(Object[].class).with(schema.build()).writeValues(out)) {
      int i = 0;
      for (VocabularyEntry e : vocabulary.labels()) {
        w.write(
            new Object[] {
              e.index(),
              e.trainVideoCount(),
              e.knowledgeGraphId(),
              e.name(),
              e.wikiUrl(),
              e.vertical1(),
              e.vertical2(),
              e.vertical3(),
              e.wikiDescription(),
              i++
            });
      }
    }
  }

  /**
   * Reads a curated file back. Only the kept labels are in it, so unknown-label checks against it
   * treat every removed label as unknown; keep the curation result when that matters.
   */
  public static CuratedVocabulary read(InputStream in, String source) throws IOException {
    List<VocabularyEntry> labels = new ArrayList<>();
    BitSet indices = new BitSet();
    try (VocabularyCsvReader reader = new VocabularyCsvReader(in, source)) {
      VocabularyEntry e;
      while ((e = reader.next()) != null) {
        labels.add(e);
        indices.set(e.index());
      }
    }
    return new CuratedVocabulary(labels, indices);
  }
}
