package dev.ovid.activities.ingestion.tfrecord;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams YouTube-8M videos from a TFRecord file: checks the framing, parses each record, remaps
 * labels to a curated vocabulary and skips videos left without labels (counted in {@link
 * #statistics()}). Holds one record at a time.
 */
public final class Youtube8mReader<T extends LabeledVideo<T>> implements Closeable {

  /** Parses one record payload. */
  @FunctionalInterface
  public interface RecordParser<T> {
    T parse(byte[] data, String source, long offset) throws TfRecordFormatException;
  }

  private final TfRecordReader records;
  private final RecordParser<T> parser;
  private final LabelRemapper remapper;
  private long returned;
  private long droppedNoLabels;
  private long truncated;

  public Youtube8mReader(TfRecordReader records, RecordParser<T> parser, LabelRemapper remapper) {
    this.records = records;
    this.parser = parser;
    this.remapper = remapper;
  }

  public static Youtube8mReader<VideoLevelExample> videoLevel(
      InputStream in, String source, Youtube8mFormat format, LabelRemapper remapper) {
    return new Youtube8mReader<>(
        new TfRecordReader(in, source), new Youtube8mParser(format)::parseVideoLevel, remapper);
  }

  public static Youtube8mReader<VideoLevelExample> videoLevel(Path file, LabelRemapper remapper)
      throws IOException {
    return videoLevel(
        Files.newInputStream(file), file.toString(), Youtube8mFormat.DEFAULT, remapper);
  }

  public static Youtube8mReader<FrameLevelExample> frameLevel(
      InputStream in, String source, Youtube8mFormat format, LabelRemapper remapper) {
    return new Youtube8mReader<>(
        new TfRecordReader(in, source), new Youtube8mParser(format)::parseFrameLevel, remapper);
  }

  public static Youtube8mReader<FrameLevelExample> frameLevel(Path file, LabelRemapper remapper)
      throws IOException {
    return frameLevel(
        Files.newInputStream(file), file.toString(), Youtube8mFormat.DEFAULT, remapper);
  }

  /** The next video that still has labels, or {@code null} at the end of the file. */
  public T next() throws IOException {
    byte[] data;
    while ((data = records.next()) != null) {
      long offset = records.recordOffset();
      T video = parser.parse(data, records.source(), offset);
      if (video instanceof FrameLevelExample f && f.framesInRecord() > f.frames()) {
        truncated++;
      }
      int[] labels = remapper.remap(video.labels(), records.source(), offset);
      if (labels.length == 0) {
        droppedNoLabels++;
        continue;
      }
      returned++;
      return video.withLabels(labels);
    }
    return null;
  }

  /** Byte offset of the record last read. */
  public long recordOffset() {
    return records.recordOffset();
  }

  public ReaderStatistics statistics() {
    return new ReaderStatistics(
        records.records(),
        records.position(),
        returned,
        droppedNoLabels,
        remapper.dropped(),
        remapper.unknown(),
        truncated);
  }

  @Override
  public void close() throws IOException {
    records.close();
  }
}
