package dev.ovid.activities.ingestion.tfrecord;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ovid.activities.ingestion.tfrecord.TfRecordFormatException.Kind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TfRecordReaderTest {
  private static final JsonNode EXPECTED = Fixtures.expected();

  private static List<byte[]> readAll(String name) throws IOException {
    List<byte[]> out = new ArrayList<>();
    try (TfRecordReader r = new TfRecordReader(Fixtures.open(name), name)) {
      byte[] data;
      while ((data = r.next()) != null) {
        out.add(data);
      }
    }
    return out;
  }

  @Test
  void maskedCrc32cMatchesTheCrc32cCheckValue() {
    byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
    int crc = 0xE3069283; // the CRC-32C check value of "123456789"
    assertEquals(((crc >>> 15) | (crc << 17)) + 0xa282ead8, MaskedCrc32c.of(check, 0, 9));
  }

  @Test
  void readsTensorFlowWrittenRecordsAtTheirOffsets() throws IOException {
    JsonNode video = EXPECTED.get("video_level");
    int[] offsets = Fixtures.ints(video.get("offsets"));
    try (TfRecordReader r = new TfRecordReader(Fixtures.open("video_level.tfrecord"), "v")) {
      for (int offset : offsets) {
        assertTrue(r.next() != null);
        assertEquals(offset, r.recordOffset());
      }
      assertNull(r.next());
      assertEquals(offsets.length, r.records());
      assertEquals(video.get("bytes").asLong(), r.position());
    }
  }

  @Test
  void writerReproducesTensorFlowFramingByteForByte() throws IOException {
    for (String name : List.of("video_level.tfrecord", "frame_level.tfrecord")) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (TfRecordWriter w = new TfRecordWriter(out)) {
        for (byte[] data : readAll(name)) {
          w.write(data);
        }
      }
      assertArrayEquals(Fixtures.bytes(name), out.toByteArray(), name);
    }
  }

  @Test
  void rejectsTfRecordWithBadLengthCrc() {
    assertCorrupt("bad_length_crc.tfrecord", Kind.LENGTH_CRC);
  }

  @Test
  void rejectsTfRecordWithBadDataCrc() {
    assertCorrupt("bad_data_crc.tfrecord", Kind.DATA_CRC);
  }

  @Test
  void rejectsTruncatedRecord() {
    assertCorrupt("truncated_record.tfrecord", Kind.TRUNCATED);
  }

  @Test
  void rejectsTruncatedHeader() {
    assertCorrupt("truncated_header.tfrecord", Kind.TRUNCATED);
  }

  private static void assertCorrupt(String name, Kind kind) {
    JsonNode expected = EXPECTED.get("corrupt").get(name);
    assertEquals(kind.name(), expected.get("error").asText());
    TfRecordFormatException e = assertThrows(TfRecordFormatException.class, () -> readAll(name));
    assertEquals(kind, e.kind());
    assertEquals(expected.get("offset").asLong(), e.offset());
    assertTrue(
        e.getMessage().startsWith(name + " at byte offset " + e.offset() + ": "), e.getMessage());
  }
}
